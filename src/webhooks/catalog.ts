// Event types a subscription may receive. The schema of each type's `data` is in
// src/events/schemas.ts (served by GET /v1/events/types).
export const EVENT_TYPES = [
  { type: 'case.created', description: 'A case was created' },
  { type: 'case.updated', description: 'A case changed' },
  { type: 'incident.created', description: 'An incident was opened' },
  { type: 'incident.updated', description: 'An incident changed' },
  { type: 'incident.closed', description: 'An incident was closed' },
  { type: 'webhook.test', description: 'A synthetic delivery from POST /v1/webhooks/{id}/test' },
  { type: 'delivery.exhausted', description: 'Operational: a delivery used up its retries' },
  { type: 'webhook.disabled', description: 'Operational: a subscription was disabled' },
  {
    type: 'webhook.failing',
    description: 'Operational: a subscription started failing (its first failed delivery after a success)',
  },
  { type: 'webhook.recovered', description: 'Operational: a failing subscription delivered again' },
  {
    type: 'webhook.held_expired',
    description:
      'Operational: a delivery held while its webhook was paused expired (held longer than DELIVERY_RETENTION_DAYS)',
  },
] as const;

export type EventType = (typeof EVENT_TYPES)[number]['type'];

export const isEventType = (t: string): t is EventType => EVENT_TYPES.some((e) => e.type === t);
/** Types that only this service publishes (operational events and test sends). */
export const SYSTEM_EVENT_TYPES = new Set<string>([
  'webhook.test',
  'delivery.exhausted',
  'webhook.disabled',
  'webhook.failing',
  'webhook.recovered',
  'webhook.held_expired',
]);
