// The studio as an operations console: the actions of the public API (retry, recover since,
// pause, resume, re-enable, test) from the page, finding a delivery or an event by id, the
// events view, what a delivery and its webhook are waiting for (their pending timers), and
// each webhook's health over the last hour. Reads need a tenant administrator; changes also
// pass StudioAccess.writer (the studio's origin and the session's CSRF token when signed in by
// cookie). Each action calls the service method its public route calls; each read goes through
// ConsoleService. Each route's schemas and documentation are in routeOptions(); the router below
// only names the handler of each.
import { t } from 'elysia';
import { answers, refusals } from '../docs/responses.ts';
import { readPage } from '../db/page.ts';
import { invalidRequest } from '../errors.ts';
import { PageQuery } from '../http/pagination.ts';
import { router } from '../http/router.ts';
import { isoTime } from '../input/iso-time.ts';
import { EVENT_TYPES, isEventType } from '../webhooks/catalog.ts';
import { DELIVERY_STATUSES, DeliveryList, Recovered, Requeued, WebhookView } from '../webhooks/schemas.ts';
import type { StudioAccess } from './access.ts';
import { ConsoleService, type ConsoleDeps } from './console-service.ts';
import type { ResponseMatch } from '../webhooks/store.ts';
import {
  DeliveryWhy,
  ReplayedMatching,
  ReplayPreview,
  RetriedMatching,
  RetryPreview,
  SearchHit,
  StudioEventDetail,
  StudioEventList,
  StudioHealth,
  WebhookWhy,
} from './schemas.ts';

const tags = ['Studio'];
const WebhookId = t.Object({ id: t.String({ maxLength: 100 }) });
const DeliveryId = t.Object({ id: t.String({ maxLength: 100 }), delivery_id: t.String({ maxLength: 100 }) });
const Time = (name: string) => t.Optional(t.String({ maxLength: 40, description: `${name} (ISO 8601)` }));
const read = 'read' as const;
const write = 'write' as const;

/** Since and until from a query, checked: a 400 in the envelope for a bad time or an empty range. */
function timeRange(query: { since?: string; until?: string }) {
  const since = query.since ? isoTime('since', query.since, invalidRequest) : null;
  const until = query.until ? isoTime('until', query.until, invalidRequest) : null;
  if (since !== null && until !== null && Date.parse(since) >= Date.parse(until))
    throw invalidRequest('until: must be later than since');
  return { since, until };
}

/** response_status: one status (500), a class (5xx), or none (no answer: a connection error or a timeout). */
const ResponseStatus = t.Optional(
  t.String({
    maxLength: 4,
    description: 'the last answer: a status (500), a class (5xx), or none (no answer: a connection error or a timeout)',
    examples: ['500', '5xx', 'none'],
  }),
);

function responseMatch(value: string | undefined): ResponseMatch | null {
  if (!value) return null;
  if (value === 'none') return 'none';
  const exact = /^[1-5]\d\d$/.test(value) ? Number(value) : null;
  if (exact !== null) return { from: exact, to: exact };
  const klass = /^([1-5])xx$/i.exec(value);
  if (klass) return { from: Number(klass[1]) * 100, to: Number(klass[1]) * 100 + 99 };
  throw invalidRequest(`response_status: "${value}" is not a status (100–599), a class (such as 5xx) or none`);
}

/** What a bulk action takes: the delivery list's filters, with the statuses it may act on. */
const bulkFilterSchema = (statuses: readonly string[]) =>
  t.Object(
    {
      status: t.Optional(t.Union(statuses.map((s) => t.Literal(s)))),
      event_type: t.Optional(t.String({ maxLength: 100 })),
      response_status: ResponseStatus,
      since: Time('created at or after'),
      until: Time('created before'),
    },
    { additionalProperties: false },
  );
/** A bulk retry: failed or skipped deliveries (either when no status is given). */
const RetryFilter = bulkFilterSchema(['failed', 'skipped']);
/** A bulk replay: deliveries of any status. */
const ReplayFilter = bulkFilterSchema(DELIVERY_STATUSES);

/** A bulk action's filter, checked: a 400 naming the field for a bad event type, last answer or time. */
function bulkFilter(f: {
  status?: string;
  event_type?: string;
  response_status?: string;
  since?: string;
  until?: string;
}) {
  return {
    status: f.status ?? null,
    eventType: eventType(f.event_type),
    response: responseMatch(f.response_status),
    ...timeRange(f),
  };
}

function eventType(type: string | undefined): string | null {
  if (!type) return null;
  if (!isEventType(type)) throw invalidRequest(`event_type: "${type}" is not an event type; see GET /v1/events/types`);
  return type;
}

/**
 * Each route's options: made afresh for every router, because Elysia adds the macro's hooks
 * (the studio guard of that service) to the object it is given.
 */
const routeOptions = () => ({
  retry: {
    studio: write,
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
  recover: {
    studio: write,
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
  retryPreview: {
    studio: read,
    params: WebhookId,
    query: RetryFilter,
    detail: {
      summary:
        'How many failed or skipped deliveries a retry of those matching a filter would send again; nothing changes',
      tags,
      responses: answers(200, 'How many match, and when the oldest and newest were created', RetryPreview),
    },
  },
  replayPreview: {
    studio: read,
    params: WebhookId,
    query: ReplayFilter,
    detail: {
      summary:
        "How many events a replay of those of the webhook's deliveries matching a filter would send again; nothing changes",
      tags,
      responses: answers(200, 'How many events match, and when the oldest and newest were published', ReplayPreview),
    },
  },
  replayMatching: {
    studio: write,
    params: WebhookId,
    body: ReplayFilter,
    detail: {
      summary:
        'Replay to the webhook the events of its deliveries matching a filter (the oldest 10,000), each as POST /v1/events/{event_id}/replay with this webhook_id',
      tags,
      responses: {
        ...answers(202, 'How many events matched and how many fresh deliveries were written', ReplayedMatching),
        ...refusals('webhook_disabled'),
      },
    },
  },
  retryMatching: {
    studio: write,
    params: WebhookId,
    body: RetryFilter,
    detail: {
      summary: 'Re-send the failed or skipped deliveries matching a filter (the oldest 10,000), each as a single retry',
      tags,
      responses: {
        ...answers(202, 'How many matched and were queued again (held while the webhook is paused)', RetriedMatching),
        ...refusals('webhook_disabled'),
      },
    },
  },
  pause: {
    studio: write,
    params: WebhookId,
    detail: {
      summary: 'Pause a webhook, from the studio',
      tags,
      responses: answers(200, 'The webhook, paused', WebhookView),
    },
  },
  resume: {
    studio: write,
    params: WebhookId,
    detail: {
      summary: 'Resume a paused webhook, from the studio',
      tags,
      responses: answers(200, 'The webhook, resumed', WebhookView),
    },
  },
  enable: {
    studio: write,
    params: WebhookId,
    detail: {
      summary: 'Re-enable a disabled webhook, from the studio',
      tags,
      responses: answers(200, 'The webhook, enabled', WebhookView),
    },
  },
  test: {
    studio: write,
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
  search: {
    studio: read,
    query: t.Object({
      q: t.String({
        minLength: 1,
        maxLength: 100,
        description:
          'an id (evt_…, dlv_…); key=value for events whose data holds the value at that key (case_id=c1, incident.id=INC-7); or text of a webhook URL, else of any value in events',
      }),
      since: Time('events published at or after (default: a day before until)'),
      until: Time('events published before (default: now)'),
    }),
    detail: {
      summary:
        "Find a delivery or an event of the tenant by its id, events by a value in their data within a time range, or webhooks by their URL's host or path",
      tags,
      responses: {
        ...answers(
          200,
          'What the id names (a delivery with its webhook, or an event), the events whose data holds the value, or the webhooks matched',
          SearchHit,
        ),
        ...refusals('not_found'),
      },
    },
  },
  deliveries: {
    studio: read,
    params: WebhookId,
    query: t.Object({
      ...PageQuery.properties,
      status: t.Optional(t.Union(DELIVERY_STATUSES.map((s) => t.Literal(s)))),
      event_type: t.Optional(t.String({ maxLength: 100 })),
      response_status: ResponseStatus,
      since: Time('created at or after'),
      until: Time('created before'),
    }),
    detail: {
      summary: "A webhook's deliveries, newest first, a page at a time, by status, event type, last answer and time",
      tags,
      responses: answers(200, 'A page of deliveries', DeliveryList),
    },
  },
  events: {
    studio: read,
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
  event: {
    studio: read,
    params: WebhookId,
    query: PageQuery,
    detail: {
      summary: 'An event with its deliveries across webhooks',
      tags,
      responses: answers(200, 'The event and a page of its deliveries', StudioEventDetail),
    },
  },
  deliveryWhy: {
    studio: read,
    params: DeliveryId,
    detail: {
      summary: 'What a delivery and its webhook wait for: pending timers and what each will do, and the body sent',
      tags,
      responses: answers(200, 'Pending timers of the delivery and of its webhook, and the body', DeliveryWhy),
    },
  },
  webhookWhy: {
    studio: read,
    params: WebhookId,
    detail: {
      summary: "A webhook's own clocks: auto-disable and the secret grace window",
      tags,
      responses: answers(200, "The webhook's pending timers", WebhookWhy),
    },
  },
  health: {
    studio: read,
    detail: {
      summary:
        "Each webhook's last hour (success rate, p50/p95 latency, attempts per 5 minutes) and its queue now (due, in line, in flight, retrying, held)",
      tags,
      responses: answers(200, 'The window, each webhook with attempts in it, and each with a queue', StudioHealth),
    },
  },
});

export function consoleRoutes(deps: ConsoleDeps, access: StudioAccess) {
  const { webhooks, events } = deps;
  const views = new ConsoleService(deps);
  const route = routeOptions();
  const W = '/v1/studio/webhooks/:id';
  return (
    router('studio-console')
      .use(access.guard)
      // ---- actions: the public API's ---------------------------------------------------------
      .post(
        `${W}/deliveries/:delivery_id/retry`,
        ({ admin: p, params, set }) => {
          set.status = 202;
          return webhooks.retry(p, params.id, params.delivery_id);
        },
        route.retry,
      )
      .post(
        `${W}/recover`,
        ({ admin: p, params, body, set }) => {
          set.status = 202;
          return webhooks.recover(p, params.id, isoTime('since', body.since, invalidRequest));
        },
        route.recover,
      )
      .get(
        `${W}/deliveries/retry-preview`,
        ({ admin: p, reads, params, query }) => webhooks.previewRetry(p, params.id, bulkFilter(query), reads),
        route.retryPreview,
      )
      .post(
        `${W}/deliveries/retry`,
        ({ admin: p, params, body, set }) => {
          set.status = 202;
          return webhooks.retryMatching(p, params.id, bulkFilter(body));
        },
        route.retryMatching,
      )
      .get(
        `${W}/deliveries/replay-preview`,
        ({ admin: p, reads, params, query }) => views.replayPreview(p, params.id, bulkFilter(query), reads),
        route.replayPreview,
      )
      .post(
        `${W}/deliveries/replay`,
        ({ admin: p, params, body, set }) => {
          set.status = 202;
          return views.replayMatching(p, params.id, bulkFilter(body));
        },
        route.replayMatching,
      )
      .post(`${W}/pause`, ({ admin: p, params }) => webhooks.update(p, params.id, { paused: true }), route.pause)
      .post(`${W}/resume`, ({ admin: p, params }) => webhooks.update(p, params.id, { paused: false }), route.resume)
      .post(`${W}/enable`, ({ admin: p, params }) => webhooks.update(p, params.id, { enabled: true }), route.enable)
      .post(
        `${W}/test`,
        ({ admin: p, params, set }) => {
          set.status = 202;
          return webhooks.test(p, params.id);
        },
        route.test,
      )
      // ---- finding ----------------------------------------------------------------------------
      .get(
        '/v1/studio/search',
        ({ admin: p, reads, query }) => views.search(p, query.q.trim(), timeRange(query), reads),
        route.search,
      )
      .get(
        `${W}/deliveries`,
        ({ admin: p, reads, params, query }) =>
          views.deliveries(
            p,
            params.id,
            readPage(query),
            {
              status: query.status ?? null,
              eventType: eventType(query.event_type),
              response: responseMatch(query.response_status),
              ...timeRange(query),
            },
            reads,
          ),
        route.deliveries,
      )
      .get(
        '/v1/studio/events',
        async ({ admin: p, reads, query }) => {
          const type = eventType(query.type);
          const page = await events.list(
            p,
            readPage(query),
            { types: type ? [type] : null, ...timeRange(query) },
            reads,
          );
          return { ...page, types: EVENT_TYPES.map((e) => e.type) };
        },
        route.events,
      )
      .get(
        '/v1/studio/events/:id',
        ({ admin: p, reads, params, query }) => events.get(p, params.id, readPage(query), reads),
        route.event,
      )
      // ---- why and health -------------------------------------------------------------------
      .get(
        `${W}/deliveries/:delivery_id/why`,
        ({ admin: p, reads, params }) => views.deliveryWhy(p, params.id, params.delivery_id, reads),
        route.deliveryWhy,
      )
      .get(`${W}/why`, ({ admin: p, reads, params }) => views.webhookWhy(p, params.id, reads), route.webhookWhy)
      .get('/v1/studio/health', ({ admin: p, reads }) => views.health(p, reads), route.health)
  );
}
