// What the webhook routes answer, for their OpenAPI `detail.responses` (src/docs/responses.ts):
// the shapes subscriptionView and deliveryView (service.ts) build. The events and studio routes
// answer the same webhooks and deliveries, and use these too.
import { t } from 'elysia';
import { Cursor, Int, Time, oneOf, orNull } from '../docs/responses.ts';

/** Every status a webhook is in (its subscription machine's health region). */
export const WEBHOOK_STATUSES = ['active', 'failing', 'paused', 'disabled'] as const;

/** Every status a delivery is in, as the API names it (webhook_deliveries.status). */
export const DELIVERY_STATUSES = ['queued', 'sending', 'retrying', 'held', 'skipped', 'succeeded', 'failed'] as const;

/** A webhook as the API answers it (subscriptionView). */
export const WebhookView = t.Object({
  id: t.String({ examples: ['wh_123'] }),
  url: t.String(),
  events: t.Array(t.String()),
  status: oneOf(WEBHOOK_STATUSES),
  app_id: orNull(
    t.String({
      description:
        "the integrator app it belongs to (its tokens and its portal see it); null: the tenant's own, managed by its administrators",
      examples: ['app_123'],
    }),
  ),
  ordering: oneOf(['none', 'fifo']),
  rate_limit: orNull(t.Object({ per_second: Int() })),
  disabled_reason: orNull(oneOf(['failing', 'gone'])),
  secret_rotation: orNull(t.Object({ previous_secret_expires_at: Time('when the previous secret stops signing') })),
  created_at: Time(),
  updated_at: Time(),
});

export const CreatedWebhook = t.Composite([
  WebhookView,
  t.Object({
    secret: t.Optional(
      t.String({ description: 'whsec_…: the generated signing secret, shown this once (absent when you gave one)' }),
    ),
  }),
]);

export const WebhookList = t.Object({ webhooks: t.Array(WebhookView), next_cursor: Cursor });

/** A delivery as the API answers it (deliveryView). */
export const DeliveryView = t.Object({
  id: t.String({ examples: ['dlv_123'] }),
  event_id: t.String({ examples: ['evt_123'] }),
  event_type: t.String({ examples: ['incident.updated'] }),
  status: oneOf(DELIVERY_STATUSES),
  attempt: Int({ description: 'attempts made so far' }),
  attempted_at: orNull(Time('its latest attempt')),
  response_status: orNull(Int({ description: "the latest attempt's HTTP status" })),
  duration_ms: orNull(Int()),
  error: orNull(t.String({ description: "the latest attempt's error, when it got no HTTP answer" })),
  next_attempt_at: orNull(Time('when a retrying delivery is sent again')),
  next_attempt_reason: orNull(
    oneOf(
      ['schedule', 'retry_after', 'lease_expired'],
      'schedule: the backoff (jittered ±20 %); retry_after: the receiver asked for longer',
    ),
  ),
  held_expires_at: orNull(Time('when a held delivery fails unless its webhook is resumed')),
  failure_reason: orNull(oneOf(['exhausted', 'gone', 'client_error', 'cancelled', 'held_expired'])),
  waiting_for: orNull(oneOf(['previous_delivery', 'endpoint_slot', 'next_attempt', 'webhook_resume'])),
  created_at: Time(),
});

export const DeliveryList = t.Object({ deliveries: t.Array(DeliveryView), next_cursor: Cursor });

export const AttemptView = t.Object({
  attempt: Int(),
  attempted_at: Time(),
  duration_ms: Int(),
  response_status: orNull(Int()),
  response_body: orNull(t.String({ description: "the start of the receiver's answer" })),
  error: orNull(t.String()),
  request_headers: t.Record(t.String(), t.String(), {
    description: 'the headers sent, webhook-signature redacted; empty when nothing was sent',
  }),
});

export const DeliveryDetail = t.Composite([DeliveryView, t.Object({ attempts: t.Array(AttemptView) })]);

/** A retry's or a test send's delivery, and where it went. */
export const Requeued = t.Object({
  delivery_id: t.String(),
  status: oneOf(['queued', 'held'], 'held while the webhook is paused (sent when it is resumed)'),
});

export const Recovered = t.Object({ requeued: Int({ description: 'how many deliveries were queued again' }) });
