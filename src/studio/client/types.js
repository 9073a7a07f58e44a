// @ts-check
// What the studio's routes answer, as the page reads them (the OpenAPI document's schemas).
/**
 * @typedef {{ seq: number, machine: string, instance_id: string, from: string | null, event: string, to: string, at: string }} Transition
 * @typedef {{ id: string, event_id: string, event_type: string, status: string, attempt: number, attempted_at: string | null, response_status: number | null,
 *   duration_ms: number | null, error: string | null, next_attempt_at: string | null, next_attempt_reason: string | null, held_expires_at: string | null,
 *   waiting_for: string | null, failure_reason?: string | null, created_at: string, webhook_id?: string }} Delivery
 * @typedef {{ attempt: number, attempted_at: string, duration_ms: number, response_status: number | null, response_body: string | null, error: string | null, request_headers: Record<string, string> }} Attempt
 * @typedef {{ kind: string, at: string | null, does: string }} Pending
 * @typedef {{ id: string, url: string, status: string, app_id: string | null, events: string[], disabled_reason: string | null, secret_rotation: { previous_secret_expires_at: string } | null }} Webhook
 * @typedef {{ attempts: number, success_rate: number | null, p50_ms: number | null, p95_ms: number | null, buckets: Array<{ attempts: number, succeeded: number }> }} Health
 * @typedef {{ due: number, oldest_due_at: string | null, in_line: number, in_flight: number, retrying: number, next_retry_at: string | null, held: number }} Queue
 * @typedef {{ view: string, parts: string[], query: URLSearchParams }} Route
 * @typedef {{ open?: () => void, ready?: (d: any) => void, transition?: (t: Transition) => void, error?: (e: { error_description: string }) => void, fail?: (e: Error) => void, lost?: (e: unknown) => void }} Handlers
 */

export {};
