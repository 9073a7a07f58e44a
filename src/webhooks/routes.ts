// "Consegna eventi e webhook" of the public contract, plus delivery detail, retry and recovery
// (events, their catalog and publishing: src/events/routes.ts). webhooks:write changes,
// webhooks:read (or write) reads. Each route's schemas, scopes and documentation are in
// routeOptions(); the router below only names the handler of each.
import { answers, refusals } from '../docs/responses.ts';
import { t } from 'elysia';
// TypeBox's Integer, not Elysia's: that one takes "5" for 5, silently changing what was sent.
import { Type } from '@sinclair/typebox';
import { router } from '../http/router.ts';
import { FIXED } from '../defaults.ts';
import { invalidRequest } from '../errors.ts';
import { readPage } from '../db/page.ts';
import { PageQuery } from '../http/pagination.ts';
import { isoTime } from '../input/iso-time.ts';
import type { Authenticator } from '../http/auth.ts';
import type { WebhookService } from './service.ts';
import {
  CreatedWebhook,
  DELIVERY_STATUSES,
  DeliveryDetail,
  DeliveryList,
  Recovered,
  Requeued,
  WebhookList,
  WebhookView,
} from './schemas.ts';

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
const AppId = t.Union([t.String({ minLength: 1, maxLength: 100 }), t.Null()], {
  description:
    "the app it belongs to: an app's token may name only its own (the default for it); a tenant administrator names any app of the tenant, or null for the tenant's own (the default for an administrator)",
  examples: ['app_123'],
});
const Ordering = t.Union([t.Literal('none'), t.Literal('fifo')], {
  description:
    'fifo: one delivery at a time, in the order the publishes committed; the next waits until the previous succeeded or failed for good (default none)',
});

/**
 * Each route's options: made afresh for every router, because Elysia adds the macro's hooks
 * (the auth guard of that service) to the object it is given.
 */
const routeOptions = () => ({
  create: {
    body: t.Object(
      {
        url: Url,
        events: Events,
        secret: t.Optional(Secret),
        ordering: t.Optional(Ordering),
        rate_limit: t.Optional(RateLimit),
        app_id: t.Optional(AppId),
      },
      { additionalProperties: false },
    ),
    auth: { scopes: ['webhooks:write'] },
    detail: {
      summary: 'Create a webhook',
      tags,
      responses: {
        ...answers(201, 'The webhook, with its signing secret (shown this once)', CreatedWebhook),
        ...refusals('webhook_limit_reached'),
      },
    },
  },
  list: {
    query: PageQuery,
    auth: { scopes: READ },
    detail: { summary: 'List webhooks', tags, responses: answers(200, 'A page of webhooks', WebhookList) },
  },
  get: {
    params: Id,
    auth: { scopes: READ },
    detail: { summary: 'Inspect a webhook', tags, responses: answers(200, 'The webhook', WebhookView) },
  },
  update: {
    params: Id,
    body: t.Object(
      {
        url: t.Optional(Url),
        events: t.Optional(Events),
        secret: t.Optional(Secret),
        secret_grace_period_seconds: t.Optional(
          Type.Integer({
            minimum: 0,
            maximum: FIXED.maxSecretGraceSeconds,
            description: 'how long the old secret still signs (default SECRET_GRACE_SECONDS, 24 h unless configured)',
          }),
        ),
        paused: t.Optional(t.Boolean({ description: 'true pauses deliveries, false resumes them' })),
        enabled: t.Optional(t.Literal(true, { description: 're-enables a disabled webhook' })),
        ordering: t.Optional(Ordering),
        rate_limit: t.Optional(RateLimit),
        app_id: t.Optional(AppId),
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
  remove: {
    params: Id,
    auth: { scopes: ['webhooks:write'] },
    detail: { summary: 'Delete a webhook', tags, responses: answers(204, 'Deleted') },
  },
  deliveries: {
    params: Id,
    query: t.Composite([
      PageQuery,
      t.Object({
        status: t.Optional(t.Union(DELIVERY_STATUSES.map((s) => t.Literal(s)))),
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
  delivery: {
    params: DeliveryId,
    auth: { scopes: READ },
    detail: {
      summary: 'A delivery with every attempt',
      tags,
      responses: answers(200, 'The delivery and its attempts', DeliveryDetail),
    },
  },
  retry: {
    params: DeliveryId,
    auth: { scopes: ['webhooks:write'] },
    detail: {
      summary: 'Re-send a failed delivery',
      tags,
      responses: {
        ...answers(202, 'Queued again: the delivery, to be sent now', Requeued),
        ...refusals('webhook_disabled', 'not_failed'),
      },
    },
  },
  recover: {
    params: Id,
    body: t.Object(
      { since: t.String({ maxLength: 40, examples: ['2026-03-23T12:00:00Z'] }) },
      { additionalProperties: false },
    ),
    auth: { scopes: ['webhooks:write'] },
    detail: {
      summary: 'Re-send every failed delivery since a time',
      tags,
      responses: {
        ...answers(202, 'How many deliveries were queued again', Recovered),
        ...refusals('webhook_disabled'),
      },
    },
  },
  test: {
    params: Id,
    auth: { scopes: ['webhooks:write'] },
    detail: {
      summary: 'Send a test webhook',
      tags,
      responses: { ...answers(202, 'The test delivery, queued', Requeued), ...refusals('webhook_disabled') },
    },
  },
});

export function webhookRoutes(deps: { auth: Authenticator; webhooks: WebhookService }) {
  const { auth, webhooks } = deps;
  const route = routeOptions();
  const W = '/v1/webhooks/:webhook_id';
  return router('webhooks')
    .use(auth.guard)
    .post(
      '/v1/webhooks',
      async ({ principal: p, body, set }) => {
        set.status = 201;
        set.headers['cache-control'] = 'no-store';
        return webhooks.create(p, body);
      },
      route.create,
    )
    .get('/v1/webhooks', async ({ principal, query }) => webhooks.list(principal, readPage(query)), route.list)
    .get(W, async ({ principal, params }) => webhooks.get(principal, params.webhook_id), route.get)
    .put(W, async ({ principal, params, body }) => webhooks.update(principal, params.webhook_id, body), route.update)
    .delete(
      W,
      async ({ principal, params, set }) => {
        await webhooks.remove(principal, params.webhook_id);
        set.status = 204;
        return '';
      },
      route.remove,
    )
    .get(
      `${W}/deliveries`,
      async ({ principal, params, query }) =>
        webhooks.history(principal, params.webhook_id, readPage(query), {
          status: query.status ?? null,
          eventId: query.event_id ?? null,
        }),
      route.deliveries,
    )
    .get(
      `${W}/deliveries/:delivery_id`,
      async ({ principal, params }) => webhooks.delivery(principal, params.webhook_id, params.delivery_id),
      route.delivery,
    )
    .post(
      `${W}/deliveries/:delivery_id/retry`,
      async ({ principal, params, set }) => {
        set.status = 202;
        return webhooks.retry(principal, params.webhook_id, params.delivery_id);
      },
      route.retry,
    )
    .post(
      `${W}/recover`,
      async ({ principal, params, body, set }) => {
        set.status = 202;
        return webhooks.recover(principal, params.webhook_id, isoTime('since', body.since, invalidRequest));
      },
      route.recover,
    )
    .post(
      `${W}/test`,
      async ({ principal, params, set }) => {
        set.status = 202;
        return webhooks.test(principal, params.webhook_id);
      },
      route.test,
    );
}
