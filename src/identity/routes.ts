// "Identity and app registration" of the public contract: scopes, apps, governance,
// secret rotation; plus the audit trail. Every route needs a tenant administrator's token.
// Each route's schemas and documentation are in routeOptions(); the router below only names
// the handler of each.
import { answers } from '../docs/responses.ts';
import { t } from 'elysia';
// TypeBox's Integer, not Elysia's: that one takes "5" for 5, silently changing what was sent.
import { Type } from '@sinclair/typebox';
import { router } from '../http/router.ts';
import { readPage } from '../db/page.ts';
import { PageQuery } from '../http/pagination.ts';
import type { Authenticator } from '../http/auth.ts';
import type { AppRow, AppService } from './apps/service.ts';
import {
  appView,
  governanceView,
  DEFAULT_GRACE_SECONDS,
  GRANT_TYPES,
  MAX_GRACE_SECONDS,
  TOKEN_ENDPOINT_AUTH_METHODS,
} from './apps/service.ts';
import { MAX_CLIENT_KEYS } from './apps/client-keys.ts';
import {
  AppList,
  AppView,
  AuditEventList,
  ClientKeysView,
  CreatedApp,
  GovernanceAnswer,
  RotatedSecret,
  ScopeList,
} from './schemas.ts';

const tags = ['Identity and app registration'];
const admin = 'admin' as const;
const ClientId = t.Object({ client_id: t.String({ maxLength: 100, examples: ['app_123'] }) });

const NewApp = t.Object(
  {
    name: t.String({ minLength: 1, maxLength: 200, examples: ['Case sync connector'] }),
    grant_types: t.Array(t.String({ enum: [...GRANT_TYPES] }), { maxItems: 3, examples: [['client_credentials']] }),
    redirect_uris: t.Optional(t.Array(t.String({ maxLength: 2000 }), { maxItems: 20, examples: [[]] })),
    requested_scopes: t.Array(t.String({ maxLength: 100 }), { maxItems: 50, examples: [['webhooks:write']] }),
    client_type: t.Optional(
      t.Union([t.Literal('confidential'), t.Literal('public')], { description: 'public: no secret, PKCE required' }),
    ),
    token_endpoint_auth_method: t.Optional(
      t.Union(
        TOKEN_ENDPOINT_AUTH_METHODS.map((m) => t.Literal(m)),
        {
          description:
            'client_secret_basic (default for confidential clients; client_secret_post is the same secret sent in the body), private_key_jwt (no secret: a signed assertion, keys in jwks or jwks_uri), none (public clients)',
        },
      ),
    ),
    jwks: t.Optional(
      t.Object(
        { keys: t.Array(t.Record(t.String(), t.Unknown()), { minItems: 1, maxItems: MAX_CLIENT_KEYS }) },
        { additionalProperties: false, description: 'private_key_jwt: the public keys that sign client assertions' },
      ),
    ),
    jwks_uri: t.Optional(
      t.String({
        maxLength: 2000,
        description: 'private_key_jwt: where the public keys are fetched from (https; checked as webhook targets are)',
      }),
    ),
  },
  { additionalProperties: false },
);

const GovernancePatch = t.Object(
  {
    allow_service_tokens: t.Optional(t.Boolean()),
    enforce_pkce: t.Optional(t.Boolean()),
    allowed_redirect_uris: t.Optional(
      t.Union([t.Array(t.String({ maxLength: 2000 }), { maxItems: 20 }), t.Null()], {
        description: 'subset of redirect_uris; null allows all of them',
      }),
    ),
    max_token_lifetime_seconds: t.Optional(t.Union([Type.Integer({ minimum: 60, maximum: 86_400 }), t.Null()])),
    disabled: t.Optional(t.Boolean()),
    graphql_bundles: t.Optional(t.Array(t.String({ maxLength: 100 }), { maxItems: 50 })),
    require_pushed_authorization_requests: t.Optional(
      t.Boolean({ description: 'authorization requests only through POST /v1/oauth/par (RFC 9126)' }),
    ),
    require_dpop: t.Optional(t.Boolean({ description: 'tokens only DPoP-bound (RFC 9449), and used with a proof' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

const ClientKeys = t.Object(
  {
    jwks: t.Optional(
      t.Object(
        { keys: t.Array(t.Record(t.String(), t.Unknown()), { minItems: 1, maxItems: MAX_CLIENT_KEYS }) },
        { additionalProperties: false },
      ),
    ),
    jwks_uri: t.Optional(t.String({ maxLength: 2000 })),
  },
  { additionalProperties: false, description: 'exactly one of jwks and jwks_uri' },
);

const Rotate = t.Optional(
  t.Object(
    {
      grace_period_seconds: t.Optional(
        Type.Integer({
          minimum: 0,
          maximum: MAX_GRACE_SECONDS,
          description: `how long the old secret keeps working (default ${DEFAULT_GRACE_SECONDS}, 0 retires it at once)`,
        }),
      ),
    },
    { additionalProperties: false },
  ),
);

/** The new app, with its client secret (shown this once) when it authenticates with one. */
function createdApp({ app, clientSecret }: { app: AppRow; clientSecret: string | null }) {
  return { ...appView(app), ...(clientSecret ? { client_secret: clientSecret } : {}) };
}

/** The public keys an app now has registered: its jwks or its jwks_uri. */
function registeredKeys(app: AppRow) {
  return {
    client_id: app.id,
    ...(app.jwks ? { jwks: app.jwks } : {}),
    ...(app.jwks_uri ? { jwks_uri: app.jwks_uri } : {}),
  };
}

/**
 * Each route's options: made afresh for every router, because Elysia adds the macro's hooks
 * (the auth guard of that service) to the object it is given.
 */
const routeOptions = () => ({
  scopes: {
    auth: admin,
    detail: {
      summary: 'List available scopes',
      tags,
      responses: answers(200, 'The published scopes the tenant approved, which its apps may request', ScopeList),
    },
  },
  create: {
    body: NewApp,
    auth: admin,
    detail: {
      summary: 'Create a platform app',
      tags,
      responses: answers(
        201,
        'The app, with its client secret (shown this once) when it authenticates with one',
        CreatedApp,
      ),
    },
  },
  list: {
    query: PageQuery,
    auth: admin,
    detail: { summary: 'List platform apps', tags, responses: answers(200, 'A page of apps', AppList) },
  },
  describe: {
    params: ClientId,
    auth: admin,
    detail: {
      summary: 'Inspect an integration app',
      tags,
      responses: answers(200, 'The app, with the state of its client secret rotation', AppView),
    },
  },
  governance: {
    params: ClientId,
    body: GovernancePatch,
    auth: admin,
    detail: {
      summary: 'Update app governance',
      tags,
      responses: answers(200, "The app's governance as changed", GovernanceAnswer),
    },
  },
  clientKeys: {
    params: ClientId,
    body: ClientKeys,
    auth: admin,
    detail: {
      summary: "Replace a private_key_jwt app's public keys (key rotation)",
      tags,
      responses: answers(200, 'The keys now registered', ClientKeysView),
    },
  },
  rotateSecret: {
    params: ClientId,
    body: Rotate,
    auth: admin,
    detail: {
      summary: 'Rotate an app secret',
      tags,
      responses: answers(
        200,
        "The new secret (shown this once) and the end of the old one's grace window",
        RotatedSecret,
      ),
    },
  },
  audit: {
    query: t.Composite([PageQuery, t.Object({ target_id: t.Optional(t.String({ maxLength: 100 })) })]),
    auth: admin,
    detail: {
      summary: 'Audit trail of app and governance changes',
      tags,
      responses: answers(200, 'A page of audit events, newest first', AuditEventList),
    },
  },
});

export function identityRoutes(deps: { auth: Authenticator; apps: AppService }) {
  const { auth, apps } = deps;
  const route = routeOptions();
  const appPath = '/v1/platform/apps/:client_id';
  return router('identity')
    .use(auth.guard)
    .get(
      '/v1/platform/scopes',
      async ({ principal }) => ({ scopes: await apps.scopesFor(principal.tenantId) }),
      route.scopes,
    )
    .post(
      '/v1/platform/apps',
      async ({ principal, body, set }) => {
        const created = await apps.create(principal, body);
        set.status = 201;
        set.headers['cache-control'] = 'no-store';
        return createdApp(created);
      },
      route.create,
    )
    .get(
      '/v1/platform/apps',
      async ({ principal, query }) => apps.list(principal.tenantId, readPage(query)),
      route.list,
    )
    .get(appPath, async ({ principal, params }) => apps.describe(principal.tenantId, params.client_id), route.describe)
    .patch(
      `${appPath}/governance`,
      async ({ principal, params, body }) => {
        const app = await apps.updateGovernance(principal, params.client_id, body);
        return { client_id: app.id, governance: governanceView(app.governance) };
      },
      route.governance,
    )
    .put(
      `${appPath}/jwks`,
      async ({ principal, params, body }) =>
        registeredKeys(await apps.replaceClientKeys(principal, params.client_id, body)),
      route.clientKeys,
    )
    .post(
      `${appPath}/rotate-secret`,
      async ({ principal, params, body, set }) => {
        set.headers['cache-control'] = 'no-store';
        return apps.rotateSecret(principal, params.client_id, body?.grace_period_seconds);
      },
      route.rotateSecret,
    )
    .get(
      '/v1/platform/audit-events',
      async ({ principal, query }) => apps.audit(principal.tenantId, readPage(query), query.target_id),
      route.audit,
    );
}
