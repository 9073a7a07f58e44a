export type JsonValue = string | number | boolean | null | JsonValue[] | {
    [key: string]: JsonValue;
};
export type JsonObject = {
    [key: string]: JsonValue;
};
/** The event types a webhook can subscribe to (GET /v1/events/types). */
export declare const DOMAIN_EVENT_TYPES: readonly ["case.created", "case.updated", "incident.created", "incident.updated", "incident.closed"];
export declare const SYSTEM_EVENT_TYPES: readonly ["webhook.test", "delivery.exhausted", "webhook.disabled", "webhook.failing", "webhook.recovered", "webhook.held_expired"];
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];
export type SystemEventType = (typeof SYSTEM_EVENT_TYPES)[number];
export type EventType = DomainEventType | SystemEventType;
export interface WebhookTestData {
    webhook_id: string;
    message: string;
}
export interface DeliveryExhaustedData {
    delivery_id: string;
    webhook_id: string;
    event_id: string;
    event_type: string;
    attempts: number;
    last_status: number | null;
}
export interface WebhookDisabledData {
    webhook_id: string;
    reason: string;
}
/** A webhook's first failed delivery after a success. */
export interface WebhookFailingData {
    webhook_id: string;
    failing_since: string;
    consecutive_failures: number;
}
/** A failing webhook delivered again. */
export interface WebhookRecoveredData {
    webhook_id: string;
}
/** A delivery held while its webhook was paused, for longer than the service keeps history. */
export interface WebhookHeldExpiredData {
    delivery_id: string;
    webhook_id: string;
    event_id: string;
    event_type: string;
    held_since: string;
}
interface Envelope<T extends EventType, D> {
    type: T;
    /** ISO 8601 UTC: when the event happened. */
    timestamp: string;
    data: D;
}
export type WebhookEvent = Envelope<'webhook.test', WebhookTestData> | Envelope<'delivery.exhausted', DeliveryExhaustedData> | Envelope<'webhook.disabled', WebhookDisabledData> | Envelope<'webhook.failing', WebhookFailingData> | Envelope<'webhook.recovered', WebhookRecoveredData> | Envelope<'webhook.held_expired', WebhookHeldExpiredData> | Envelope<DomainEventType, JsonObject>;
/** A verified delivery: the event, and its webhook-id (the event id, the same on every retry: dedupe on it). */
export type ReceivedEvent = WebhookEvent & {
    id: string;
};
export {};
