// Event types a subscription may receive.
export const EVENT_TYPES = [
  { type: 'case.created', description: 'A case was created' },
  { type: 'case.updated', description: 'A case changed' },
  { type: 'incident.created', description: 'An incident was opened' },
  { type: 'incident.updated', description: 'An incident changed' },
  { type: 'incident.closed', description: 'An incident was closed' },
  { type: 'webhook.test', description: 'A synthetic delivery from POST /v1/webhooks/{id}/test' },
  { type: 'delivery.exhausted', description: 'Operational: a delivery used up its retries' },
  { type: 'webhook.disabled', description: 'Operational: a subscription was disabled' },
] as const;

export type EventType = (typeof EVENT_TYPES)[number]['type'];

export const isEventType = (t: string): t is EventType => EVENT_TYPES.some((e) => e.type === t);
/** Types that only this service publishes (operational events and test sends). */
export const SYSTEM_EVENT_TYPES = new Set<string>(['webhook.test', 'delivery.exhausted', 'webhook.disabled']);
