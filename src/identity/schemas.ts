// What the identity and app-registration routes answer (src/identity/routes.ts), as their
// OpenAPI success schemas: the shapes built by appView, governanceView, scopesFor,
// rotateSecret and audit in ./apps/service.ts.
import { t } from 'elysia';
import { Cursor, Int, Time, orNull } from '../docs/responses.ts';
import { GRANT_TYPES, TOKEN_ENDPOINT_AUTH_METHODS } from './apps/service.ts';

/** GET /v1/platform/scopes (scopesFor). */
export const ScopeList = t.Object({
  scopes: t.Array(
    t.Object({
      name: t.String({ examples: ['webhooks:write'] }),
      description: t.String(),
    }),
    { description: 'the published scopes the tenant has approved: what its apps may request' },
  ),
});

const ClientType = t.Union([t.Literal('confidential'), t.Literal('public')]);
const AuthMethod = t.Union(TOKEN_ENDPOINT_AUTH_METHODS.map((m) => t.Literal(m)));
const GrantType = t.Union(GRANT_TYPES.map((g) => t.Literal(g)));

/** A public JWK as the app registered it (checked at registration: RSA, or EC P-256). */
const PublicJwk = t.Object(
  { kty: t.String({ examples: ['RSA', 'EC'] }), kid: t.Optional(t.String()) },
  { additionalProperties: true, description: 'a public JWK, its members as registered' },
);
const Jwks = t.Object(
  { keys: t.Array(PublicJwk) },
  { description: 'private_key_jwt: the public keys that sign client assertions (when registered inline)' },
);
const JwksUri = t.String({ description: 'private_key_jwt: where the public keys are fetched from' });

/** An app's governance (governanceView): every flag, always present. */
export const GovernanceView = t.Object({
  allow_service_tokens: t.Boolean(),
  enforce_pkce: t.Boolean(),
  allowed_redirect_uris: orNull(
    t.Array(t.String(), { description: 'subset of redirect_uris; null allows all of them' }),
  ),
  max_token_lifetime_seconds: orNull(Int({ description: 'caps access tokens; null: no cap' })),
  disabled: t.Boolean(),
  graphql_bundles: t.Array(t.String(), { description: 'GraphQL operation bundles granted to the app' }),
  require_pushed_authorization_requests: t.Boolean({
    description: 'authorization requests only through POST /v1/oauth/par (RFC 9126)',
  }),
  require_dpop: t.Boolean({ description: 'tokens only DPoP-bound (RFC 9449), and used with a proof' }),
});

/** An app as the API answers it (appView). */
export const AppView = t.Object({
  client_id: t.String({ examples: ['app_123'] }),
  name: t.String(),
  client_type: ClientType,
  token_endpoint_auth_method: AuthMethod,
  jwks: t.Optional(Jwks),
  jwks_uri: t.Optional(JwksUri),
  grant_types: t.Array(GrantType),
  redirect_uris: t.Array(t.String()),
  requested_scopes: t.Array(t.String()),
  tenant_id: t.String(),
  governance: GovernanceView,
  client_secret_rotation: t.Optional(
    t.Object(
      {
        state: t.Union([t.Literal('single'), t.Literal('overlapping')], {
          description: 'overlapping: the previous secret still authenticates until previous_secret_expires_at',
        }),
        previous_secret_expires_at: orNull(Time()),
      },
      { description: 'an app with a client secret, when inspected one by one (GET /v1/platform/apps/{client_id})' },
    ),
  ),
  created_at: Time(),
  updated_at: Time(),
});

/** POST /v1/platform/apps: the app, with its secret when it authenticates with one. */
export const CreatedApp = t.Composite([
  AppView,
  t.Object({
    client_secret: t.Optional(
      t.String({
        description:
          'cs_…: shown this once; only for client_secret_basic and client_secret_post apps (absent for private_key_jwt and public clients)',
      }),
    ),
  }),
]);

export const AppList = t.Object({ apps: t.Array(AppView), next_cursor: Cursor });

/** PATCH /v1/platform/apps/{client_id}/governance. */
export const GovernanceAnswer = t.Object({ client_id: t.String(), governance: GovernanceView });

/** PUT /v1/platform/apps/{client_id}/jwks: the keys now registered (one of jwks and jwks_uri). */
export const ClientKeysView = t.Object({
  client_id: t.String(),
  jwks: t.Optional(Jwks),
  jwks_uri: t.Optional(JwksUri),
});

/** POST /v1/platform/apps/{client_id}/rotate-secret. */
export const RotatedSecret = t.Object({
  client_id: t.String(),
  client_secret: t.String({ description: 'cs_…: the new secret, shown this once' }),
  previous_secret_expires_at: orNull(
    Time('until when the previous secret still authenticates; null when it was retired at once'),
  ),
});

const AuditEvent = t.Object({
  id: t.String({ examples: ['aud_123'] }),
  actor: t.String({
    description: 'the subject of the token that made the change (for a portal session opened: its link, plk_…)',
  }),
  action: t.Union([
    t.Literal('app.created'),
    t.Literal('app.governance_updated'),
    t.Literal('app.keys_replaced'),
    t.Literal('app.secret_rotated'),
    t.Literal('portal.link_minted', { description: "a link to the app's portal was minted" }),
    t.Literal('portal.session_opened', { description: 'a portal link was exchanged for a session' }),
  ]),
  target_type: t.Literal('app'),
  target_id: t.String(),
  changes: t.Record(t.String(), t.Unknown(), { description: 'what changed (never a secret)' }),
  at: Time(),
});
export const AuditEventList = t.Object({ audit_events: t.Array(AuditEvent), next_cursor: Cursor });
