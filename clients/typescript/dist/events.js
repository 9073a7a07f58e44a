// What a webhook delivers: the Standard Webhooks body {type, timestamp, data}, typed by event
// type. The service's own events carry the data below; the domain events carry what their
// publisher sent (POST /v1/events), a JSON object.
/** The event types a webhook can subscribe to (GET /v1/events/types). */
export const DOMAIN_EVENT_TYPES = [
    'case.created',
    'case.updated',
    'incident.created',
    'incident.updated',
    'incident.closed',
];
export const SYSTEM_EVENT_TYPES = [
    'webhook.test',
    'delivery.exhausted',
    'webhook.disabled',
    'webhook.failing',
    'webhook.recovered',
    'webhook.held_expired',
];
