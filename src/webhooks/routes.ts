// "Consegna eventi e webhook" of the public contract, plus delivery detail, retry and recovery
// (events, their catalog and publishing: src/events/routes.ts). webhooks:write changes,
// webhooks:read (or write) reads.
import { answers } from '../docs/responses.ts';
import { t } from 'elysia';
// TypeBox's Integer, not Elysia's: that one takes "5" for 5, silently changing what was sent.
import { Type, type TSchema } from '@sinclair/typebox';
import { router } from '../http/router.ts';
import { MAX_SECRET_GRACE_SECONDS } from '../config.ts';
import { invalidRequest } from '../errors.ts';
import { PageQuery, readPage } from '../http/pagination.ts';
import { isoTime } from '../http/dates.ts';
import type { Authenticator } from '../http/auth.ts';
import type { WebhookService } from './service.ts';

const tags = ['Event delivery and webhooks'];
const READ = ['webhooks:read', 'webhooks:write'];
const Id = t.Object({ webhook_id: t.String({ maxLength: 100, examples: ['wh_123'] }) });
const DeliveryId = t.Object({ webhook_id: t.String({ maxLength: 100 }), delivery_id: t.String({ maxLength: 100 }) });
const Url = t.String({ minLength: 1, maxLength: 2000, examples: ['https://integrator.example/webhooks/argus'] });
const Events = t.Array(t.String({ maxLength: 100 }), { maxItems: 50, examples: [['incident.updated']] });
const Secret = t.String({
  maxLength: 200,
  description: 'whsec_… (Standard Webhooks); generated and shown once when omitted',
});
const RateLimit = t.Union(
  [t.Object({ per_second: Type.Integer({ minimum: 1, maximum: 10_000 }) }, { additionalProperties: false }), t.Null()],
  {
    description: 'at most this many requests per second to the endpoint, across every worker; null removes the limit',
  },
);
/** A webhook as the API answers it (subscriptionView). */
const WebhookView = t.Object({
  id: t.String({ examples: ['wh_123'] }),
  url: t.String(),
  events: t.Array(t.String()),
  status: t.Union([t.Literal('active'), t.Literal('failing'), t.Literal('paused'), t.Literal('disabled')]),
  ordering: t.Union([t.Literal('none'), t.Literal('fifo')]),
  rate_limit: t.Union([t.Object({ per_second: t.Integer() }), t.Null()]),
  disabled_reason: t.Union([t.String(), t.Null()]),
  secret_rotation: t.Union([t.Object({ previous_secret_expires_at: t.String() }), t.Null()]),
  created_at: t.String({ format: 'date-time' }),
  updated_at: t.String({ format: 'date-time' }),
});
const CreatedWebhook = t.Composite([
  WebhookView,
  t.Object({
    secret: t.Optional(
      t.String({ description: 'whsec_…: the generated signing secret, shown this once (absent when you gave one)' }),
    ),
  }),
]);
const WebhookList = t.Object({ webhooks: t.Array(WebhookView), next_cursor: t.Union([t.String(), t.Null()]) });

const DELIVERY_STATUSES = ['queued', 'sending', 'retrying', 'held', 'skipped', 'succeeded', 'failed'] as const;
const DeliveryStatus = t.Union(DELIVERY_STATUSES.map((s) => t.Literal(s)));
const Time = t.String({ format: 'date-time' });
const orNull = <T extends TSchema>(schema: T) => t.Union([schema, t.Null()]);
/** A delivery as the API answers it (deliveryView). */
const DeliveryView = t.Object({
  id: t.String({ examples: ['dlv_123'] }),
  event_id: t.String({ examples: ['evt_123'] }),
  event_type: t.String({ examples: ['incident.updated'] }),
  status: DeliveryStatus,
  attempt: t.Integer({ description: 'attempts made so far' }),
  attempted_at: orNull(Time),
  response_status: orNull(t.Integer({ description: "the last attempt's HTTP status" })),
  duration_ms: orNull(t.Integer()),
  error: orNull(t.String({ description: "the last attempt's error, when it got no HTTP answer" })),
  next_attempt_at: orNull(Time),
  next_attempt_reason: orNull(
    t.Union([t.Literal('schedule'), t.Literal('retry_after'), t.Literal('lease_expired')], {
      description: 'schedule: the backoff (jittered ±20 %); retry_after: the receiver asked for longer',
    }),
  ),
  held_expires_at: orNull(Time),
  failure_reason: orNull(
    t.Union(['exhausted', 'gone', 'client_error', 'cancelled', 'held_expired'].map((r) => t.Literal(r))),
  ),
  waiting_for: orNull(
    t.Union([
      t.Literal('previous_delivery'),
      t.Literal('endpoint_slot'),
      t.Literal('next_attempt'),
      t.Literal('webhook_resume'),
    ]),
  ),
  created_at: Time,
});
const DeliveryList = t.Object({ deliveries: t.Array(DeliveryView), next_cursor: orNull(t.String()) });
const AttemptView = t.Object({
  attempt: t.Integer(),
  attempted_at: Time,
  duration_ms: t.Integer(),
  response_status: orNull(t.Integer()),
  response_body: orNull(t.String({ description: "the start of the receiver's answer" })),
  error: orNull(t.String()),
  request_headers: t.Record(t.String(), t.String(), {
    description: 'the headers sent, webhook-signature redacted; empty when nothing was sent',
  }),
});
const DeliveryDetail = t.Composite([DeliveryView, t.Object({ attempts: t.Array(AttemptView) })]);
const Requeued = t.Object({
  delivery_id: t.String(),
  status: t.Union([t.Literal('queued'), t.Literal('held')], { description: 'held while the webhook is paused' }),
});
const Recovered = t.Object({ requeued: t.Integer({ description: 'how many deliveries were queued again' }) });

const Ordering = t.Union([t.Literal('none'), t.Literal('fifo')], {
  description:
    'fifo: one delivery at a time, in the order the publishes committed; the next waits until the previous succeeded or failed for good (default none)',
});

export function webhookRoutes(deps: { auth: Authenticator; webhooks: WebhookService }) {
  const { auth, webhooks } = deps;
  return router('webhooks')
    .use(auth.guard)
    .post(
      '/v1/webhooks',
      async ({ principal: p, body, set }) => {
        set.status = 201;
        set.headers['cache-control'] = 'no-store';
        return webhooks.create(p, body);
      },
      {
        body: t.Object(
          {
            url: Url,
            events: Events,
            secret: t.Optional(Secret),
            ordering: t.Optional(Ordering),
            rate_limit: t.Optional(RateLimit),
          },
          { additionalProperties: false },
        ),
        auth: { scopes: ['webhooks:write'] },
        detail: {
          summary: 'Create a webhook',
          tags,
          responses: answers(201, 'The webhook, with its signing secret (shown this once)', CreatedWebhook),
        },
      },
    )
    .get('/v1/webhooks', async ({ principal, query }) => webhooks.list(principal, readPage(query)), {
      query: PageQuery,
      auth: { scopes: READ },
      detail: { summary: 'List webhooks', tags, responses: answers(200, 'A page of webhooks', WebhookList) },
    })
    .get('/v1/webhooks/:webhook_id', async ({ principal, params }) => webhooks.get(principal, params.webhook_id), {
      params: Id,
      auth: { scopes: READ },
      detail: { summary: 'Inspect a webhook', tags, responses: answers(200, 'The webhook', WebhookView) },
    })
    .put(
      '/v1/webhooks/:webhook_id',
      async ({ principal, params, body }) => webhooks.update(principal, params.webhook_id, body),
      {
        params: Id,
        body: t.Object(
          {
            url: t.Optional(Url),
            events: t.Optional(Events),
            secret: t.Optional(Secret),
            secret_grace_period_seconds: t.Optional(
              Type.Integer({
                minimum: 0,
                maximum: MAX_SECRET_GRACE_SECONDS,
                description:
                  'how long the old secret still signs (default SECRET_GRACE_SECONDS, 24 h unless configured)',
              }),
            ),
            paused: t.Optional(t.Boolean({ description: 'true pauses deliveries, false resumes them' })),
            enabled: t.Optional(t.Literal(true, { description: 're-enables a disabled webhook' })),
            ordering: t.Optional(Ordering),
            rate_limit: t.Optional(RateLimit),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        auth: { scopes: ['webhooks:write'] },
        detail: {
          summary: 'Update a webhook',
          tags,
          responses: answers(200, 'The webhook as changed (a secret sent is never shown back)', WebhookView),
        },
      },
    )
    .delete(
      '/v1/webhooks/:webhook_id',
      async ({ principal, params, set }) => {
        await webhooks.remove(principal, params.webhook_id);
        set.status = 204;
        return '';
      },
      {
        params: Id,
        auth: { scopes: ['webhooks:write'] },
        detail: { summary: 'Delete a webhook', tags, responses: answers(204, 'Deleted') },
      },
    )
    .get(
      '/v1/webhooks/:webhook_id/deliveries',
      async ({ principal, params, query }) =>
        webhooks.history(principal, params.webhook_id, readPage(query), query.status ?? null, query.event_id ?? null),
      {
        params: Id,
        query: t.Composite([
          PageQuery,
          t.Object({
            status: t.Optional(
              t.Union(
                ['queued', 'sending', 'retrying', 'held', 'skipped', 'succeeded', 'failed'].map((s) => t.Literal(s)),
              ),
            ),
            event_id: t.Optional(
              t.String({ maxLength: 100, description: 'only the deliveries of this event (replays included)' }),
            ),
          }),
        ]),
        auth: { scopes: READ },
        detail: {
          summary: 'Review delivery attempts',
          tags,
          responses: answers(200, 'A page of deliveries', DeliveryList),
        },
      },
    )
    .get(
      '/v1/webhooks/:webhook_id/deliveries/:delivery_id',
      async ({ principal, params }) => webhooks.delivery(principal, params.webhook_id, params.delivery_id),
      {
        params: DeliveryId,
        auth: { scopes: READ },
        detail: {
          summary: 'A delivery with every attempt',
          tags,
          responses: answers(200, 'The delivery and its attempts', DeliveryDetail),
        },
      },
    )
    .post(
      '/v1/webhooks/:webhook_id/deliveries/:delivery_id/retry',
      async ({ principal, params, set }) => {
        set.status = 202;
        return webhooks.retry(principal, params.webhook_id, params.delivery_id);
      },
      {
        params: DeliveryId,
        auth: { scopes: ['webhooks:write'] },
        detail: {
          summary: 'Re-send a failed delivery',
          tags,
          responses: answers(202, 'Queued again: the delivery, to be sent now', Requeued),
        },
      },
    )
    .post(
      '/v1/webhooks/:webhook_id/recover',
      async ({ principal, params, body, set }) => {
        set.status = 202;
        return webhooks.recover(principal, params.webhook_id, isoTime('since', body.since, invalidRequest));
      },
      {
        params: Id,
        body: t.Object(
          { since: t.String({ maxLength: 40, examples: ['2026-03-23T12:00:00Z'] }) },
          { additionalProperties: false },
        ),
        auth: { scopes: ['webhooks:write'] },
        detail: {
          summary: 'Re-send every failed delivery since a time',
          tags,
          responses: answers(202, 'How many deliveries were queued again', Recovered),
        },
      },
    )
    .post(
      '/v1/webhooks/:webhook_id/test',
      async ({ principal, params, set }) => {
        set.status = 202;
        return webhooks.test(principal, params.webhook_id);
      },
      {
        params: Id,
        auth: { scopes: ['webhooks:write'] },
        detail: {
          summary: 'Send a test webhook',
          tags,
          responses: answers(202, 'The test delivery, queued', Requeued),
        },
      },
    );
}
