// Events: the catalog with each type's data schema, publishing, and the history of what was
// published (by type and time), each event with its deliveries, and replay.
// Reading needs a scope that reads webhooks or publishes events; replay re-sends deliveries,
// as a retry or a recovery does, so it needs webhooks:write. Each route's schemas, scopes and
// documentation are in routeOptions(); the router below only names the handler of each.
import { answers, refusals } from '../docs/responses.ts';
import { t } from 'elysia';
import { router } from '../http/router.ts';
import { invalidRequest } from '../errors.ts';
import { readPage } from '../db/page.ts';
import { PageQuery } from '../http/pagination.ts';
import { isoTime } from '../input/iso-time.ts';
import type { Authenticator } from '../http/auth.ts';
import { EventDetail, EventList, EventTypes, Published, Replayed } from './answers.ts';
import { EVENT_TYPES, isEventType, SYSTEM_EVENT_TYPES } from '../webhooks/catalog.ts';
import type { EventFilter } from './store.ts';
import type { EventService } from './service.ts';
import { eventSchemaName, eventTypeViews } from './schemas.ts';

const tags = ['Event delivery and webhooks'];
const READ = ['webhooks:read', 'webhooks:write', 'events:publish'];
const REPLAY = 'webhooks:write';

const EventId = t.Object({ event_id: t.String({ maxLength: 100, examples: ['evt_123'] }) });

const ListQuery = t.Composite([
  PageQuery,
  t.Object({
    type: t.Optional(
      t.String({
        maxLength: 1000,
        description: 'only these types (comma separated)',
        examples: ['incident.updated,incident.closed'],
      }),
    ),
    since: t.Optional(
      t.String({ maxLength: 40, description: 'published at or after (ISO 8601)', examples: ['2026-03-23T12:00:00Z'] }),
    ),
    until: t.Optional(
      t.String({ maxLength: 40, description: 'published before (ISO 8601)', examples: ['2026-03-24T00:00:00Z'] }),
    ),
  }),
]);

function filterOf(query: { type?: string; since?: string; until?: string }): EventFilter {
  let types: string[] | null = null;
  if (query.type !== undefined) {
    types = [...new Set(query.type.split(',').map((s) => s.trim()))];
    for (const type of types)
      if (!isEventType(type)) throw invalidRequest(`type: "${type}" is not an event type; see GET /v1/events/types`);
  }
  const since = query.since === undefined ? null : isoTime('since', query.since, invalidRequest);
  const until = query.until === undefined ? null : isoTime('until', query.until, invalidRequest);
  if (since !== null && until !== null && Date.parse(since) >= Date.parse(until))
    throw invalidRequest('until: must be later than since');
  return { types, since, until };
}

/**
 * For the document only: one alternative per publishable type, its data that type's schema
 * (a component of the document). Elysia's check leaves `oneOf` to the service, which checks
 * data itself (eventDataProblem), naming the field.
 */
function publishableBodies() {
  return {
    oneOf: EVENT_TYPES.filter((e) => !SYSTEM_EVENT_TYPES.has(e.type)).map((e) => ({
      title: e.type,
      required: ['type', 'data'],
      properties: { type: { const: e.type }, data: { $ref: `#/components/schemas/${eventSchemaName(e.type)}` } },
    })),
  };
}

/**
 * Each route's options: made afresh for every router, because Elysia adds the macro's hooks
 * (the auth guard of that service) to the object it is given.
 */
const routeOptions = () => ({
  types: {
    detail: {
      summary: "The event catalog, with the JSON Schema of each type's data",
      tags,
      security: [],
      responses: answers(200, 'Every event type', EventTypes),
    },
  },
  publish: {
    body: t.Object(
      {
        type: t.String({ maxLength: 100, examples: ['incident.updated'] }),
        data: t.Record(t.String(), t.Unknown(), {
          description: "checked against the type's schema (GET /v1/events/types): a 400 names the field",
        }),
      },
      { additionalProperties: false, ...publishableBodies() },
    ),
    auth: { scopes: ['events:publish'] },
    detail: {
      summary: "Publish an event to the tenant's subscriptions",
      tags,
      responses: {
        ...answers(202, 'Published', Published),
        ...answers(
          200,
          'The same request again under its Idempotency-Key: the first event, Idempotent-Replayed: true',
          Published,
        ),
        ...refusals('idempotency_key_reused', 'conflict'),
      },
      description:
        'Body: {"type": a publishable type, "data": an object}. data is checked against its type\'s JSON Schema (GET /v1/events/types; the *Data components of this document): a 400 names the first field that does not fit, and nothing is written. 202 with {id, type, deliveries, created_at}; 200 with Idempotent-Replayed: true for the same request again under its Idempotency-Key (kept 24 h); 409 idempotency_key_reused, naming the first event, for another request (another type or data) under a key already used.',
    },
  },
  list: {
    query: ListQuery,
    auth: { scopes: READ },
    detail: {
      summary: 'Events published to the tenant, newest first',
      tags,
      responses: answers(200, 'A page of events', EventList),
    },
  },
  get: {
    params: EventId,
    query: PageQuery,
    auth: { scopes: READ },
    detail: {
      summary: 'An event with every delivery it produced',
      tags,
      responses: answers(200, 'The event and a page of its deliveries', EventDetail),
    },
  },
  replay: {
    params: EventId,
    body: t.Optional(
      t.Object(
        {
          webhook_id: t.Optional(
            t.String({
              maxLength: 100,
              description: "only to this webhook (it must receive the event's type)",
              examples: ['wh_123'],
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    auth: { scopes: [REPLAY] },
    detail: {
      summary: 'Send an event again, as fresh deliveries with the same webhook-id',
      tags,
      responses: {
        ...answers(202, 'The fresh deliveries', Replayed),
        ...refusals('not_replayable', 'not_subscribed', 'webhook_disabled'),
      },
      description:
        'To every webhook of the tenant (of the app, for an app\'s token) that receives the event\'s type, as a publish would (held while paused, skipped while disabled), or with {"webhook_id"} to that one (409 not_subscribed or webhook_disabled when it cannot take it). Operational events and test sends are not replayed (409 not_replayable). Needs webhooks:write.',
    },
  },
});

/** The Idempotency-Key header, if sent: 1 to 200 characters, else a 400. */
function idempotencyKey(request: Request): string | null {
  const key = request.headers.get('idempotency-key');
  if (key !== null && (key.length === 0 || key.length > 200))
    throw invalidRequest('Idempotency-Key: 1 to 200 characters');
  return key;
}

export function eventRoutes(deps: { auth: Authenticator; events: EventService }) {
  const { auth, events } = deps;
  const route = routeOptions();
  return router('events')
    .use(auth.guard)
    .get('/v1/events/types', () => ({ event_types: eventTypeViews() }), route.types)
    .post(
      '/v1/events',
      async ({ principal: p, request, body, set }) => {
        const { event, replayed } = await events.publish(p, body, idempotencyKey(request));
        set.status = replayed ? 200 : 202;
        if (replayed) set.headers['idempotent-replayed'] = 'true';
        return event;
      },
      route.publish,
    )
    .get('/v1/events', async ({ principal: p, query }) => events.list(p, readPage(query), filterOf(query)), route.list)
    .get(
      '/v1/events/:event_id',
      async ({ principal, params, query }) => events.get(principal, params.event_id, readPage(query)),
      route.get,
    )
    .post(
      '/v1/events/:event_id/replay',
      async ({ principal: p, params, body, set }) => {
        set.status = 202;
        return events.replay(p, params.event_id, body?.webhook_id ?? null);
      },
      route.replay,
    );
}
