// The studio's live views, as JSON for its page: a webhook (its subscription's state, its
// deliveries a page at a time, any delivery's path through the delivery machine with every
// attempt) followed over server-sent events, and where recent authorization sessions stand.
// Every read is the signed-in administrator's tenant's; nothing secret is answered: no
// signing secret, no signature, no code, no token, no authorization session id in full.
// Each route's schemas and documentation are in routeOptions(); the router below only names
// the handler of each.
import { displayUrl, redactBody, sessionRef } from './redaction.ts';
import type { ReadRouting } from '../db/read-replica.ts';
import type { Queryable } from '../db/index.ts';
import { t } from 'elysia';
import type { Logger } from '../log.ts';
import type { WebhookService } from '../webhooks/service.ts';
import type { AuthorizationService } from '../oauth/authorize/service.ts';
import type { AppService } from '../identity/apps/service.ts';
import { router } from '../http/router.ts';
import { type Page, readPage } from '../db/page.ts';
import { PageQuery } from '../http/pagination.ts';
import type { StudioAccess, StudioAdmin } from './access.ts';
import { journalEntry, studioStore } from './store.ts';
import { journalEvents, startSeq } from './feed.ts';
import { answers, refusals } from '../docs/responses.ts';
import { AuthorizationSessions, StudioDeliveryDetail, StudioWebhookDetail } from './schemas.ts';
import { DELIVERY_STATUSES, WEBHOOK_STATUSES, WebhookList } from '../webhooks/schemas.ts';
import { invalidRequest } from '../errors.ts';

const tags = ['Studio'];
const WebhookId = t.Object({ id: t.String({ maxLength: 100 }) });
const DeliveryId = t.Object({ id: t.String({ maxLength: 100 }), delivery_id: t.String({ maxLength: 100 }) });
const read = 'read' as const;

interface Deps {
  log: Logger;
  reads: ReadRouting;
  webhooks: WebhookService;
  authorization: AuthorizationService;
  apps: AppService;
}

const webhookView = <T extends { url: string }>(w: T) => ({ ...w, url: displayUrl(w.url) });

/** A page of the tenant's webhooks, their URLs as the page shows them. */
async function webhookPage(
  webhooks: WebhookService,
  p: StudioAdmin,
  reads: Queryable,
  page: Page,
  status: string | undefined,
) {
  const statuses = status ? status.split(',') : null;
  const unknown = statuses?.find((s) => !(WEBHOOK_STATUSES as readonly string[]).includes(s));
  if (unknown !== undefined)
    throw invalidRequest(
      `status: "${unknown}" is not a webhook status (${WEBHOOK_STATUSES.join(', ')}), or a list of them`,
    );
  const { webhooks: list, next_cursor } = await webhooks.list(p, page, reads, statuses);
  return { webhooks: list.map(webhookView), next_cursor };
}

/** A webhook with its subscription state and recent transitions, and its deliveries counted by status. */
async function webhookDetail(webhooks: WebhookService, p: StudioAdmin, reads: Queryable, id: string) {
  const webhook = await webhooks.get(p, id, reads);
  const [transitions, counts] = await Promise.all([
    studioStore.latest(reads, p.tenantId, 'subscription', id, 50),
    studioStore.deliveryCounts(reads, p.tenantId, id),
  ]);
  return {
    webhook: webhookView(webhook),
    state: transitions.at(-1)?.to_state ?? null,
    transitions: transitions.map(journalEntry),
    deliveries_by_status: Object.fromEntries(
      DELIVERY_STATUSES.map((s) => [s, counts.find((c) => c.status === s)?.count ?? 0]),
    ),
  };
}

/** A delivery with its attempts (bodies and signatures redacted), its state and its path. */
async function deliveryDetail(
  webhooks: WebhookService,
  p: StudioAdmin,
  reads: Queryable,
  params: { id: string; delivery_id: string },
) {
  const d = await webhooks.delivery(p, params.id, params.delivery_id, reads);
  const path = await studioStore.instance(reads, p.tenantId, 'delivery', params.delivery_id, 0, 500);
  return {
    delivery: {
      ...d,
      attempts: d.attempts.map(({ request_headers, response_body, ...a }) => ({
        ...a,
        response_body: redactBody(response_body),
        // Never the signature itself: its header is named, its value redacted.
        request_headers: Object.fromEntries(
          Object.entries(request_headers).map(([k, v]) => [
            k,
            k.toLowerCase() === 'webhook-signature' ? '(redacted)' : v,
          ]),
        ),
      })),
    },
    state: path.at(-1)?.to_state ?? null,
    path: path.map(journalEntry),
  };
}

/** A webhook's subscription and delivery transitions as server-sent events, while the reader is still an administrator. */
async function webhookStream(
  deps: Deps,
  access: StudioAccess,
  p: StudioAdmin,
  reads: Queryable,
  request: Request,
  id: string,
) {
  await deps.webhooks.get(p, id, reads);
  const start = startSeq(request, await studioStore.lastSeq(reads));
  return journalEvents(
    request,
    start,
    {
      read: (after, skip, limit) => studioStore.webhookFeed(reads, p.tenantId, id, after, limit, skip),
      lastSeq: () => studioStore.lastSeq(reads),
    },
    { log: deps.log, stillAllowed: () => access.stillAdmin(request), sourceLagMs: deps.reads.maxLagMs },
  );
}

/** The tenant's latest authorization sessions, each with its app's name and its latest transitions. */
async function authorizationSessions(deps: Deps, p: StudioAdmin, reads: Queryable) {
  const sessions = await deps.authorization.recent(p.tenantId);
  const path = await studioStore.instances(
    reads,
    p.tenantId,
    'authorizationSession',
    sessions.map((s) => s.id),
    20,
  );
  const names = new Map<string, string>();
  for (const clientId of new Set(sessions.map((s) => s.client_id))) {
    const app = await deps.apps.byClientId(clientId);
    if (app && app.tenant_id === p.tenantId) names.set(clientId, app.name);
  }
  return {
    authorization_sessions: sessions.map((s) => ({
      ref: sessionRef(s.id),
      client_id: s.client_id,
      app_name: names.get(s.client_id) ?? null,
      state: s.state,
      created_at: s.created_at,
      updated_at: s.updated_at,
      path: path
        .filter((r) => r.instance_id === s.id)
        .map((r) => ({
          seq: r.seq,
          from: r.from_state,
          event: r.event_type,
          to: r.to_state,
          at: r.at.toISOString(),
        })),
    })),
  };
}

/**
 * Each route's options: made afresh for every router, because Elysia adds the macro's hooks
 * (the studio guard of that service) to the object it is given.
 */
const routeOptions = () => ({
  webhooks: {
    studio: read,
    query: t.Object({
      ...PageQuery.properties,
      status: t.Optional(
        t.String({
          maxLength: 100,
          description: 'only webhooks in these statuses, comma-separated (failing,disabled)',
        }),
      ),
    }),
    detail: {
      summary: "The tenant's webhooks, for the studio",
      description: 'Signed-in studio session or admin token.',
      tags,
      responses: {
        ...answers(200, 'A page of webhooks, their URLs as the page shows them', WebhookList),
        ...refusals('invalid_request'),
      },
    },
  },
  webhook: {
    studio: read,
    params: WebhookId,
    detail: {
      summary: "A webhook's subscription state and recent transitions",
      tags,
      responses: answers(200, 'The webhook, its state and transitions, its deliveries by status', StudioWebhookDetail),
    },
  },
  delivery: {
    studio: read,
    params: DeliveryId,
    detail: {
      summary: "A delivery's path through the delivery machine, with every attempt",
      tags,
      responses: answers(200, 'The delivery with its attempts, its state and its path', StudioDeliveryDetail),
    },
  },
  stream: {
    studio: read,
    params: WebhookId,
    detail: {
      summary: "A webhook's subscription and delivery transitions, live (server-sent events)",
      tags,
      responses: answers(
        200,
        'Events: ready ({"seq"}), then a transition (a journal entry, id its seq) for each; error before it ends',
        'text/event-stream',
      ),
    },
  },
  authorizationSessions: {
    studio: read,
    detail: {
      summary: 'Where recent authorization sessions stand (no codes, tokens or session ids)',
      tags,
      responses: answers(200, 'The latest sessions with their latest transitions', AuthorizationSessions),
    },
  },
});

export function studioLiveRoutes(deps: Deps, access: StudioAccess) {
  const { webhooks } = deps;
  const route = routeOptions();
  const W = '/v1/studio/webhooks';
  return router('studio-live')
    .use(access.guard)
    .get(
      W,
      async ({ admin: p, reads, query }) => webhookPage(webhooks, p, reads, readPage(query), query.status),
      route.webhooks,
    )
    .get(`${W}/:id`, async ({ admin: p, reads, params }) => webhookDetail(webhooks, p, reads, params.id), route.webhook)
    .get(
      `${W}/:id/deliveries/:delivery_id`,
      async ({ admin: p, reads, params }) => deliveryDetail(webhooks, p, reads, params),
      route.delivery,
    )
    .get(
      `${W}/:id/stream`,
      async ({ admin: p, reads, request, params }) => webhookStream(deps, access, p, reads, request, params.id),
      route.stream,
    )
    .get(
      '/v1/studio/authorization-sessions',
      async ({ admin: p, reads }) => authorizationSessions(deps, p, reads),
      route.authorizationSessions,
    );
}
