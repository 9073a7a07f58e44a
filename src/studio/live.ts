// The studio's live views, as JSON for its page: a webhook (its subscription's state, its
// deliveries a page at a time, any delivery's path through the delivery machine with every
// attempt) followed over server-sent events, and where recent authorization sessions stand.
// Every read is the signed-in administrator's tenant's; nothing secret is answered: no
// signing secret, no signature, no code, no token, no authorization session id in full.
import type { ReadRouting } from '../db/read-replica.ts';
import { t } from 'elysia';
import type { Logger } from '../log.ts';
import type { WebhookService } from '../webhooks/service.ts';
import type { AuthorizationService } from '../oauth/authorize/service.ts';
import type { AppService } from '../identity/apps/service.ts';
import { router } from '../http/router.ts';
import { readPage } from '../db/page.ts';
import { PageQuery } from '../http/pagination.ts';
import type { StudioAccess } from './access.ts';
import { journalEntry, studioStore } from './store.ts';
import { journalEvents, startSeq } from './feed.ts';
import { answers } from '../docs/responses.ts';
import { AuthorizationSessions, StudioDeliveryDetail, StudioWebhookDetail } from './schemas.ts';
import { DELIVERY_STATUSES, WebhookList } from '../webhooks/schemas.ts';

const tags = ['Studio'];
const WebhookId = t.Object({ id: t.String({ maxLength: 100 }) });

/** A URL as the page shows it: no credentials, no query values, no token-like path segments. */
export function displayUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '(unreadable URL)';
  }
  const path = url.pathname
    .split('/')
    .map((seg) => (seg.length >= 12 && /\d/.test(seg) && /[A-Za-z]/.test(seg) ? '…' : seg))
    .join('/');
  const query = [...url.searchParams.keys()].map((k) => `${k}=…`).join('&');
  return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ''}`;
}

/**
 * A receiver's response body as the page shows it: a receiver that echoes what it was sent
 * would otherwise put our signature (v1,<base64>) or a whsec_ secret on the page.
 */
export function redactBody(body: string | null): string | null {
  return body === null
    ? null
    : body
        .replace(/v1,[A-Za-z0-9+/]{20,}={0,2}/g, 'v1,(redacted)')
        .replace(/whsec_[A-Za-z0-9+/=]+/g, 'whsec_(redacted)');
}

/** An authorization session's id is also its browser cookie: the page gets a short reference. */
export const sessionRef = (id: string) => `${id.slice(0, 8)}…`;

interface Deps {
  log: Logger;
  reads: ReadRouting;
  webhooks: WebhookService;
  authorization: AuthorizationService;
  apps: AppService;
}

export function studioLiveRoutes(deps: Deps, access: StudioAccess) {
  const { webhooks, authorization, apps } = deps;

  const webhookView = <T extends { url: string }>(w: T) => ({ ...w, url: displayUrl(w.url) });

  return router('studio-live')
    .use(access.guard)
    .get(
      '/v1/studio/webhooks',
      async ({ admin: p, reads, query }) => {
        const { webhooks: list, next_cursor } = await webhooks.list(p, readPage(query), reads);
        return { webhooks: list.map(webhookView), next_cursor };
      },
      {
        studio: 'read',
        query: PageQuery,
        detail: {
          summary: "The tenant's webhooks, for the studio",
          description: 'Signed-in studio session or admin token.',
          tags,
          responses: answers(200, 'A page of webhooks, their URLs as the page shows them', WebhookList),
        },
      },
    )
    .get(
      '/v1/studio/webhooks/:id',
      async ({ admin: p, reads, params }) => {
        const webhook = await webhooks.get(p, params.id, reads);
        const [transitions, counts] = await Promise.all([
          studioStore.latest(reads, p.tenantId, 'subscription', params.id, 50),
          studioStore.deliveryCounts(reads, p.tenantId, params.id),
        ]);
        return {
          webhook: webhookView(webhook),
          state: transitions.at(-1)?.to_state ?? null,
          transitions: transitions.map(journalEntry),
          deliveries_by_status: Object.fromEntries(
            DELIVERY_STATUSES.map((s) => [s, counts.find((c) => c.status === s)?.count ?? 0]),
          ),
        };
      },
      {
        studio: 'read',
        params: WebhookId,
        detail: {
          summary: "A webhook's subscription state and recent transitions",
          tags,
          responses: answers(
            200,
            'The webhook, its state and transitions, its deliveries by status',
            StudioWebhookDetail,
          ),
        },
      },
    )
    .get(
      '/v1/studio/webhooks/:id/deliveries/:delivery_id',
      async ({ admin: p, reads, params }) => {
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
      },
      {
        studio: 'read',
        params: t.Object({ id: t.String({ maxLength: 100 }), delivery_id: t.String({ maxLength: 100 }) }),
        detail: {
          summary: "A delivery's path through the delivery machine, with every attempt",
          tags,
          responses: answers(200, 'The delivery with its attempts, its state and its path', StudioDeliveryDetail),
        },
      },
    )
    .get(
      '/v1/studio/webhooks/:id/stream',
      async ({ admin: p, reads, request, params }) => {
        await webhooks.get(p, params.id, reads);
        const start = startSeq(request, await studioStore.lastSeq(reads));
        return journalEvents(
          request,
          start,
          {
            read: (after, skip, limit) => studioStore.webhookFeed(reads, p.tenantId, params.id, after, limit, skip),
            lastSeq: () => studioStore.lastSeq(reads),
          },
          { log: deps.log, stillAllowed: () => access.stillAdmin(request), sourceLagMs: deps.reads.maxLagMs },
        );
      },
      {
        studio: 'read',
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
    )
    .get(
      '/v1/studio/authorization-sessions',
      async ({ admin: p, reads }) => {
        const sessions = await authorization.recent(p.tenantId);
        const path = await studioStore.instances(
          reads,
          p.tenantId,
          'authorizationSession',
          sessions.map((s) => s.id),
          20,
        );
        const names = new Map<string, string>();
        for (const clientId of new Set(sessions.map((s) => s.client_id))) {
          const app = await apps.byClientId(clientId);
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
      },
      {
        studio: 'read',
        detail: {
          summary: 'Where recent authorization sessions stand (no codes, tokens or session ids)',
          tags,
          responses: answers(200, 'The latest sessions with their latest transitions', AuthorizationSessions),
        },
      },
    );
}
