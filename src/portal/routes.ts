// The portal: links a tenant administrator mints for an app's owners, the session a link is
// exchanged for, the sites the portal may be embedded in, and the page itself (which then
// calls the public webhook API with its session). Each route's schemas and documentation are
// in routeOptions(); the router below only names the handler of each.
import { t } from 'elysia';
import { answers, refusals, Time } from '../docs/responses.ts';
import { router } from '../http/router.ts';
import { scriptAnswer } from '../http/static-script.ts';
import type { Authenticator } from '../http/auth.ts';
import { FIXED } from '../defaults.ts';
import type { PortalService } from './service.ts';
import { portalPage, portalScript } from './page.ts';

const tags = ['Portal'];
const App = t.Object({ id: t.String({ examples: ['app_123'] }), name: t.String() });
const PortalLink = t.Object({
  id: t.String({ examples: ['plk_123'] }),
  app_id: t.String(),
  url: t.String({
    description:
      "the portal page, its single-use code in the fragment (#code=…), which browsers send to no server and in no Referer; hand it to the app's owners, or load it in the tenant's site (see PUT /v1/portal/settings)",
  }),
  expires_at: Time(`when the link stops working unless used before (${FIXED.portalLinkSeconds} s)`),
});
const PortalSession = t.Object({
  tenant_id: t.String(),
  app: App,
  expires_at: Time('when the session ends'),
});
const PortalSessionCreated = t.Composite([
  t.Object({
    access_token: t.String({
      description: "a bearer token for the public webhook API, scoped to the app's webhooks (webhooks:write)",
    }),
    token_type: t.Literal('Bearer'),
  }),
  PortalSession,
]);
const FrameAncestors = t.Array(t.String({ maxLength: 300, examples: ['https://admin.example.com'] }), {
  maxItems: FIXED.portalFrameAncestorsMax,
  description:
    'the sites (origins) whose pages may embed the portal in a frame: https, or http for localhost; none by default',
});
const PortalSettings = t.Object({ frame_ancestors: FrameAncestors });

const routeOptions = () => ({
  mint: {
    params: t.Object({ client_id: t.String({ maxLength: 100, examples: ['app_123'] }) }),
    auth: 'admin' as const,
    detail: {
      summary: "Mint a link to an app's portal",
      description: `A single-use link (it works once, within ${FIXED.portalLinkSeconds} s) that opens the portal of this app: its webhooks, their deliveries and attempts, retries and recovery, test sends, secret rotation, and the event catalog. The page exchanges the link for a session of ${FIXED.portalSessionSeconds} s.`,
      tags,
      responses: { ...answers(201, 'The link (shown this once)', PortalLink), ...refusals('app_disabled') },
    },
  },
  exchange: {
    body: t.Object({ code: t.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
    detail: {
      summary: 'Exchange a portal link for a session',
      description:
        "The portal page sends the code of its link's fragment here, once. The session is a bearer token (no cookie: the portal works the same embedded in another site).",
      tags,
      security: [],
      responses: {
        ...answers(201, 'The session', PortalSessionCreated),
        ...refusals('invalid_portal_link', 'app_disabled'),
      },
    },
  },
  session: {
    auth: 'token' as const,
    detail: {
      summary: 'The portal session of this token',
      tags,
      responses: answers(200, 'The session', PortalSession),
    },
  },
  signOut: {
    auth: 'token' as const,
    detail: { summary: 'End a portal session', tags, responses: answers(204, 'Ended: the token no longer works') },
  },
  settings: {
    auth: 'admin' as const,
    detail: {
      summary: "The tenant's portal settings",
      tags,
      responses: answers(200, 'The settings', PortalSettings),
    },
  },
  setSettings: {
    auth: 'admin' as const,
    body: t.Object({ frame_ancestors: FrameAncestors }, { additionalProperties: false }),
    detail: {
      summary: 'Set the sites that may embed the portal',
      tags,
      responses: answers(200, 'The settings as set', PortalSettings),
    },
  },
  page: {
    params: t.Object({ tenant_id: t.String({ maxLength: 100 }) }),
    detail: {
      summary: 'The portal page (HTML)',
      tags,
      security: [],
      responses: answers(200, 'The page', 'text/html'),
    },
  },
  script: {
    query: t.Object({ v: t.Optional(t.String({ maxLength: 64 })) }),
    detail: {
      summary: 'The portal script',
      tags,
      security: [],
      responses: answers(200, 'The script', 'text/javascript'),
    },
  },
});

export function portalRoutes(deps: { auth: Authenticator; portal: PortalService }) {
  const { auth, portal } = deps;
  const route = routeOptions();
  return router('portal')
    .use(auth.guard)
    .post(
      '/v1/platform/apps/:client_id/portal-links',
      async ({ principal, params, set }) => {
        set.status = 201;
        set.headers['cache-control'] = 'no-store';
        return portal.mintLink(principal, params.client_id);
      },
      route.mint,
    )
    .post(
      '/v1/portal/sessions',
      async ({ body, set }) => {
        set.status = 201;
        set.headers['cache-control'] = 'no-store';
        return portal.exchange(body.code);
      },
      route.exchange,
    )
    .get('/v1/portal/session', async ({ principal }) => portal.session(principal), route.session)
    .delete(
      '/v1/portal/session',
      async ({ principal, set }) => {
        await portal.signOut(principal);
        set.status = 204;
        return '';
      },
      route.signOut,
    )
    .get(
      '/v1/portal/settings',
      async ({ principal }) => ({ frame_ancestors: await portal.frameAncestors(principal.tenantId) }),
      route.settings,
    )
    .put(
      '/v1/portal/settings',
      async ({ principal, body }) => portal.setFrameAncestors(principal, body.frame_ancestors),
      route.setSettings,
    )
    .get(
      '/portal/portal.js',
      ({ request, query, set }) => scriptAnswer(request, query.v, set, portalScript),
      route.script,
    )
    .get(
      '/portal/:tenant_id',
      async ({ params }) => portalPage((await portalScript()).version, await portal.frameAncestors(params.tenant_id)),
      route.page,
    );
}
