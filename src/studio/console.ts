// The studio as an operations console: the actions of the public API (retry, recover since,
// pause, resume, re-enable, test) from the page, finding a delivery or an event by id, the
// events view, what a delivery and its webhook are waiting for (their pending timers), and
// each webhook's health over the last hour. Reads need a tenant administrator; changes also
// pass StudioAccess.writer (the studio's origin and the session's CSRF token when signed in by
// cookie). Each action calls the service method its public route calls.
import { answers, refusals } from '../docs/responses.ts';
import { t } from 'elysia';
import type { AnyStateMachine } from 'xstate';
import type { Config } from '../config.ts';
import type { Clock } from '../actors/clock.ts';
import type { WebhookService } from '../webhooks/service.ts';
import { deliveryView } from '../webhooks/service.ts';
import type { EventService } from '../events/service.ts';
import { webhookStore, type SubscriptionRow } from '../webhooks/store.ts';
import { EVENT_TYPES, isEventType } from '../webhooks/catalog.ts';
import { eventStore } from '../events/store.ts';
import { router } from '../http/router.ts';
import { invalidRequest, notFound } from '../errors.ts';
import { isoTime } from '../input/iso-time.ts';
import { readPage } from '../db/page.ts';
import { PageQuery } from '../http/pagination.ts';
import { humanDelay, retrySchedule } from './model.ts';
import type { StudioAccess } from './access.ts';
import { consoleStore, type DeliveryFilter } from './store.ts';
import { DeliveryWhy, SearchHit, StudioEventDetail, StudioEventList, StudioHealth, WebhookWhy } from './schemas.ts';
import { DELIVERY_STATUSES, DeliveryList, Recovered, Requeued, WebhookView } from '../webhooks/schemas.ts';

const tags = ['Studio'];
const WebhookId = t.Object({ id: t.String({ maxLength: 100 }) });
const DeliveryId = t.Object({ id: t.String({ maxLength: 100 }), delivery_id: t.String({ maxLength: 100 }) });
const Time = (name: string) => t.Optional(t.String({ maxLength: 40, description: `${name} (ISO 8601)` }));

/** A pending timer, or a wait without one, and what happens when it ends. */
export interface Pending {
  kind: string;
  at: string | null;
  does: string;
}

const HEALTH_WINDOW_MS = 3_600_000;
const HEALTH_BUCKETS = 12;

interface Deps {
  clock: Clock;
  config: Pick<Config, 'leaseMs' | 'webhookEndpointConcurrency' | 'webhookRetrySchedule'>;
  webhooks: WebhookService;
  events: EventService;
  machines: Map<string, AnyStateMachine>;
}

/** Since and until from a query, checked: a 400 in the envelope for a bad time or an empty range. */
function timeRange(query: { since?: string; until?: string }) {
  const since = query.since ? isoTime('since', query.since, invalidRequest) : null;
  const until = query.until ? isoTime('until', query.until, invalidRequest) : null;
  if (since !== null && until !== null && Date.parse(since) >= Date.parse(until))
    throw invalidRequest('until: must be later than since');
  return { since, until };
}

function eventType(type: string | undefined): string | null {
  if (!type) return null;
  if (!isEventType(type)) throw invalidRequest(`event_type: "${type}" is not an event type; see GET /v1/events/types`);
  return type;
}

/** What a webhook's own clocks will do: disable it if it keeps failing; stop signing with the previous secret. */
export function webhookTimers(sub: Pick<SubscriptionRow, 'state' | 'snapshot'>): Pending[] {
  const out: Pending[] = [];
  const context = sub.snapshot.context as SubscriptionRow['snapshot']['context'] & {
    failingSince?: string | null;
    disableAfterMs?: number;
  };
  if (sub.state.includes('health.failing') && context.failingSince && context.disableAfterMs) {
    out.push({
      kind: 'auto_disable',
      at: new Date(Date.parse(context.failingSince) + context.disableAfterMs).toISOString(),
      does: `disables the webhook unless a delivery succeeds first (failing since ${context.failingSince}, ${context.consecutiveFailures} failures in a row)`,
    });
  }
  if (sub.state.includes('secret.rotating') && context.previousSecretUntil) {
    out.push({
      kind: 'secret_grace',
      at: context.previousSecretUntil,
      does: 'the previous signing secret stops signing (end of the grace window)',
    });
  }
  return out;
}

export function consoleRoutes(deps: Deps, access: StudioAccess) {
  const { webhooks, events } = deps;
  const delivery = deps.machines.get('delivery');
  const jitter = (delivery && retrySchedule(delivery)?.jitter_ratio) ?? 0.2;
  const schedule = deps.config.webhookRetrySchedule;

  /** A delivery's pending timers (or the wait it is in), from its state as stored. */
  function deliveryTimers(
    d: ReturnType<typeof deliveryView>,
    enteredAt: Date | null,
    dueAt: Date | null,
    webhookStatus: string,
  ): Pending[] {
    switch (d.status) {
      case 'sending': {
        const at = dueAt ?? (enteredAt ? new Date(enteredAt.getTime() + deps.config.leaseMs) : null);
        return [
          {
            kind: 'send_timeout',
            at: at?.toISOString() ?? null,
            does: `send timeout: without a result by then (${humanDelay(deps.config.leaseMs)} after sending began) the attempt counts as failed and is retried`,
          },
        ];
      }
      case 'retrying': {
        const base = schedule[Math.min(d.attempt, schedule.length - 1)] ?? 0;
        const why =
          d.next_attempt_reason === 'retry_after'
            ? 'the receiver asked for this wait (Retry-After)'
            : d.next_attempt_reason === 'lease_expired'
              ? 'the previous attempt had no result within the send timeout'
              : `backoff ${humanDelay(base)} ± ${Math.round(jitter * 100)} %`;
        return [{ kind: 'next_attempt', at: d.next_attempt_at, does: `next attempt (#${d.attempt + 1}), ${why}` }];
      }
      case 'queued':
        if (d.waiting_for === 'previous_delivery')
          return [
            {
              kind: 'previous_delivery',
              at: null,
              does: 'waiting for the previous delivery of this ordered webhook to succeed or fail for good',
            },
          ];
        return [
          {
            kind: 'endpoint_slot',
            at: null,
            does: `due now: waiting for one of ${deps.config.webhookEndpointConcurrency} slots at this endpoint`,
          },
        ];
      case 'held':
        return [
          {
            kind: 'hold_expiry',
            at: d.held_expires_at,
            does: `held while the webhook is ${webhookStatus}; fails as held_expired then unless the webhook is resumed`,
          },
        ];
      case 'skipped':
        return [
          {
            kind: 'skipped',
            at: null,
            does: 'not sent: the webhook was disabled; re-enable it and recover to send it',
          },
        ];
      default:
        return [];
    }
  }

  return (
    router('studio-console')
      .use(access.guard)
      // ---- actions --------------------------------------------------------------------------
      .post(
        '/v1/studio/webhooks/:id/deliveries/:delivery_id/retry',
        async ({ admin: p, params, set }) => {
          set.status = 202;
          return webhooks.retry(p, params.id, params.delivery_id);
        },
        {
          studio: 'write',
          params: DeliveryId,
          detail: {
            responses: {
              ...answers(202, 'Queued again (held while the webhook is paused)', Requeued),
              ...refusals('webhook_disabled', 'not_failed'),
            },
            summary: 'Re-send a failed delivery, from the studio',
            description:
              'As POST /v1/webhooks/{webhook_id}/deliveries/{delivery_id}/retry; a cookie session also sends the studio origin and its CSRF token.',
            tags,
          },
        },
      )
      .post(
        '/v1/studio/webhooks/:id/recover',
        async ({ admin: p, params, body, set }) => {
          set.status = 202;
          return webhooks.recover(p, params.id, isoTime('since', body.since, invalidRequest));
        },
        {
          studio: 'write',
          params: WebhookId,
          body: t.Object({ since: t.String({ maxLength: 40 }) }, { additionalProperties: false }),
          detail: {
            summary: 'Re-send every failed delivery since a time, from the studio',
            tags,
            responses: {
              ...answers(202, 'How many deliveries were queued again', Recovered),
              ...refusals('webhook_disabled'),
            },
          },
        },
      )
      .post(
        '/v1/studio/webhooks/:id/pause',
        async ({ admin: p, params }) => webhooks.update(p, params.id, { paused: true }),
        {
          studio: 'write',
          params: WebhookId,
          detail: {
            summary: 'Pause a webhook, from the studio',
            tags,
            responses: answers(200, 'The webhook, paused', WebhookView),
          },
        },
      )
      .post(
        '/v1/studio/webhooks/:id/resume',
        async ({ admin: p, params }) => webhooks.update(p, params.id, { paused: false }),
        {
          studio: 'write',
          params: WebhookId,
          detail: {
            summary: 'Resume a paused webhook, from the studio',
            tags,
            responses: answers(200, 'The webhook, resumed', WebhookView),
          },
        },
      )
      .post(
        '/v1/studio/webhooks/:id/enable',
        async ({ admin: p, params }) => webhooks.update(p, params.id, { enabled: true }),
        {
          studio: 'write',
          params: WebhookId,
          detail: {
            summary: 'Re-enable a disabled webhook, from the studio',
            tags,
            responses: answers(200, 'The webhook, enabled', WebhookView),
          },
        },
      )
      .post(
        '/v1/studio/webhooks/:id/test',
        async ({ admin: p, params, set }) => {
          set.status = 202;
          return webhooks.test(p, params.id);
        },
        {
          studio: 'write',
          params: WebhookId,
          detail: {
            summary: 'Send a test webhook, from the studio',
            tags,
            responses: {
              ...answers(202, 'The test delivery, queued (held while the webhook is paused)', Requeued),
              ...refusals('webhook_disabled'),
            },
          },
        },
      )
      // ---- finding ----------------------------------------------------------------------------
      .get(
        '/v1/studio/search',
        async ({ admin: p, reads, query }) => {
          const q = query.q.trim();
          if (q.startsWith('dlv_')) {
            const webhookId = await consoleStore.deliveryWebhook(reads, p.tenantId, q);
            if (webhookId) return { kind: 'delivery', delivery_id: q, webhook_id: webhookId };
          } else if (q.startsWith('evt_')) {
            if (await eventStore.event(reads, p.tenantId, q)) return { kind: 'event', event_id: q };
          } else {
            throw invalidRequest('q: an event id (evt_…) or a delivery id (dlv_…)');
          }
          throw notFound(q);
        },
        {
          studio: 'read',
          query: t.Object({ q: t.String({ minLength: 1, maxLength: 100 }) }),
          detail: {
            summary: 'Find a delivery or an event of the tenant by its id',
            tags,
            responses: {
              ...answers(200, 'What the id names (a delivery with its webhook, or an event)', SearchHit),
              ...refusals('not_found'),
            },
          },
        },
      )
      .get(
        '/v1/studio/webhooks/:id/deliveries',
        async ({ admin: p, reads, params, query }) => {
          const page = readPage(query);
          const filter: DeliveryFilter = {
            status: query.status ?? null,
            eventType: eventType(query.event_type),
            ...timeRange(query),
          };
          await webhooks.get(p, params.id, reads);
          const { items, next_cursor } = await consoleStore.deliveries(reads, p.tenantId, params.id, page, filter);
          return { deliveries: items.map(deliveryView), next_cursor };
        },
        {
          studio: 'read',
          params: WebhookId,
          query: t.Object({
            ...PageQuery.properties,
            status: t.Optional(t.Union(DELIVERY_STATUSES.map((s) => t.Literal(s)))),
            event_type: t.Optional(t.String({ maxLength: 100 })),
            since: Time('created at or after'),
            until: Time('created before'),
          }),
          detail: {
            summary: "A webhook's deliveries, newest first, a page at a time, by status, event type and time",
            tags,
            responses: answers(200, 'A page of deliveries', DeliveryList),
          },
        },
      )
      .get(
        '/v1/studio/events',
        async ({ admin: p, reads, query }) => {
          const type = eventType(query.type);
          return {
            ...(await events.list(p, readPage(query), { types: type ? [type] : null, ...timeRange(query) }, reads)),
            types: EVENT_TYPES.map((e) => e.type),
          };
        },
        {
          studio: 'read',
          query: t.Object({
            ...PageQuery.properties,
            type: t.Optional(t.String({ maxLength: 100 })),
            since: Time('published at or after'),
            until: Time('published before'),
          }),
          detail: {
            summary: "The tenant's events, newest first",
            tags,
            responses: answers(200, 'A page of events, and every event type', StudioEventList),
          },
        },
      )
      .get(
        '/v1/studio/events/:id',
        async ({ admin: p, reads, params, query }) => events.get(p, params.id, readPage(query), reads),
        {
          studio: 'read',
          params: WebhookId,
          query: PageQuery,
          detail: {
            summary: 'An event with its deliveries across webhooks',
            tags,
            responses: answers(200, 'The event and a page of its deliveries', StudioEventDetail),
          },
        },
      )
      // ---- why ------------------------------------------------------------------------------
      .get(
        '/v1/studio/webhooks/:id/deliveries/:delivery_id/why',
        async ({ admin: p, reads, params }) => {
          const sub = await webhookStore.subscription(reads, p.tenantId, params.id);
          if (!sub) throw notFound(`webhook ${params.id}`);
          const d = await webhooks.delivery(p, params.id, params.delivery_id, reads);
          const clock = await consoleStore.deliveryClock(reads, p.tenantId, params.delivery_id);
          const payload = await consoleStore.payload(
            reads,
            p.tenantId,
            d.event_id,
            d.event_type,
            new Date(d.created_at),
          );
          return {
            now: new Date(deps.clock.now()).toISOString(),
            delivery: deliveryTimers(d, clock?.entered_at ?? null, clock?.due_at ?? null, sub.status),
            webhook: webhookTimers(sub),
            // The same body for every attempt; the headers are rebuilt from the attempt's stored timestamp.
            payload,
            headers_note:
              'Request headers are rebuilt from what each attempt stored (its timestamp and the event id): the engine sends exactly these, and the signature, never stored, is shown redacted.',
          };
        },
        {
          studio: 'read',
          params: DeliveryId,
          detail: {
            summary:
              'What a delivery and its webhook wait for: pending timers and what each will do, and the body sent',
            tags,
            responses: answers(200, 'Pending timers of the delivery and of its webhook, and the body', DeliveryWhy),
          },
        },
      )
      .get(
        '/v1/studio/webhooks/:id/why',
        async ({ admin: p, reads, params }) => {
          const sub = await webhookStore.subscription(reads, p.tenantId, params.id);
          if (!sub) throw notFound(`webhook ${params.id}`);
          return { now: new Date(deps.clock.now()).toISOString(), webhook: webhookTimers(sub) };
        },
        {
          studio: 'read',
          params: WebhookId,
          detail: {
            summary: "A webhook's own clocks: auto-disable and the secret grace window",
            tags,
            responses: answers(200, "The webhook's pending timers", WebhookWhy),
          },
        },
      )
      // ---- health ---------------------------------------------------------------------------
      .get(
        '/v1/studio/health',
        async ({ admin: p, reads }) => {
          const until = new Date(deps.clock.now());
          const since = new Date(until.getTime() - HEALTH_WINDOW_MS);
          const rows = await consoleStore.health(reads, p.tenantId, since, until, HEALTH_BUCKETS);
          const by = new Map<
            string,
            {
              attempts: number;
              success_rate: number | null;
              p50_ms: number | null;
              p95_ms: number | null;
              buckets: Array<{ attempts: number; succeeded: number }>;
            }
          >();
          const of = (id: string) => {
            const h = by.get(id) ?? {
              attempts: 0,
              success_rate: null,
              p50_ms: null,
              p95_ms: null,
              buckets: Array.from({ length: HEALTH_BUCKETS }, () => ({ attempts: 0, succeeded: 0 })),
            };
            by.set(id, h);
            return h;
          };
          for (const r of rows) {
            const h = of(r.subscription_id);
            if (r.bucket === null)
              Object.assign(h, {
                attempts: r.attempts,
                success_rate: r.attempts ? r.succeeded / r.attempts : null,
                p50_ms: r.p50,
                p95_ms: r.p95,
              });
            else if (r.bucket >= 0 && r.bucket < HEALTH_BUCKETS)
              h.buckets[r.bucket] = { attempts: r.attempts, succeeded: r.succeeded };
          }
          return {
            since: since.toISOString(),
            until: until.toISOString(),
            bucket_ms: HEALTH_WINDOW_MS / HEALTH_BUCKETS,
            webhooks: Object.fromEntries(by),
          };
        },
        {
          studio: 'read',
          detail: {
            summary: "Each webhook's last hour: success rate, p50/p95 latency, attempts per 5 minutes",
            tags,
            responses: answers(200, 'The window and each webhook with attempts in it', StudioHealth),
          },
        },
      )
  );
}
