// What the OAuth endpoints answer (src/oauth/routes.ts), for the OpenAPI document: the token
// response (grants/token-response.ts), introspection and revocation (revocation.ts) and the
// authorization server metadata (metadata.ts).
import { t } from 'elysia';
// TypeBox's Integer, not Elysia's: that one documents "5" (a string) as an integer too.
import { Type } from '@sinclair/typebox';

const Scope = t.String({
  description: 'the granted scopes, space-separated',
  examples: ['webhooks:read webhooks:write'],
});
const AccessTokenType = t.Union([t.Literal('Bearer'), t.Literal('DPoP')], {
  description: 'DPoP when the token is bound to the key of the DPoP proof sent (RFC 9449), Bearer otherwise',
});

/** POST /v1/oauth/token (RFC 6749 §5.1). */
export const TokenAnswer = t.Object({
  access_token: t.String({ description: 'a JWT (RFC 9068, typ at+jwt)' }),
  token_type: AccessTokenType,
  expires_in: Type.Integer({ description: 'seconds the access token is valid', examples: [3600] }),
  scope: Scope,
  refresh_token: t.Optional(
    t.String({
      description:
        'rt_…, only when the app holds the refresh_token grant and the grant is authorization_code or refresh_token; rotated on each use',
    }),
  ),
});

/** POST /v1/oauth/introspect of a valid access token issued to the calling app (RFC 7662 §2.2). */
const ActiveAccessToken = t.Object({
  active: t.Literal(true),
  token_type: AccessTokenType,
  scope: Scope,
  client_id: t.String(),
  sub: t.String({ description: 'usr_… for a user, the client_id for a client or service token' }),
  exp: Type.Integer({ description: 'expiry, seconds since the epoch' }),
  iat: Type.Integer({ description: 'issue time, seconds since the epoch' }),
  iss: t.String(),
  aud: t.String(),
  jti: t.String(),
  tenant_id: t.String(),
  cnf: t.Optional(
    t.Object(
      { jkt: t.String({ description: 'SHA-256 JWK thumbprint of the DPoP key' }) },
      { description: 'only for a DPoP-bound token: the key it is bound to (RFC 9449 §6.2)' },
    ),
  ),
});
/** POST /v1/oauth/introspect of a valid refresh token (rt_…) of the calling app. */
const ActiveRefreshToken = t.Object({
  active: t.Literal(true),
  token_type: t.Literal('refresh_token'),
  scope: Scope,
  client_id: t.String(),
  sub: t.String({ description: 'the user the grant was made by (usr_…)' }),
  exp: Type.Integer({ description: "expiry of the token's grant, seconds since the epoch" }),
});
/** Any other token: unknown, expired, revoked, used, or another app's. */
const InactiveToken = t.Object({ active: t.Literal(false) });
export const Introspection = t.Union([ActiveAccessToken, ActiveRefreshToken, InactiveToken]);

/** POST /v1/oauth/revoke: the same empty answer whether or not the token was known (RFC 7009 §2.2). */
export const Revoked = t.Object({});

const Url = t.String({ format: 'uri' });
const Names = t.Array(t.String());
/** GET /.well-known/oauth-authorization-server (RFC 8414 §2): exactly what is supported. */
export const AuthorizationServerMetadata = t.Object({
  issuer: Url,
  authorization_endpoint: Url,
  token_endpoint: Url,
  pushed_authorization_request_endpoint: Url,
  jwks_uri: Url,
  revocation_endpoint: Url,
  introspection_endpoint: Url,
  response_types_supported: Names,
  response_modes_supported: Names,
  grant_types_supported: Names,
  code_challenge_methods_supported: Names,
  token_endpoint_auth_methods_supported: Names,
  token_endpoint_auth_signing_alg_values_supported: Names,
  revocation_endpoint_auth_methods_supported: Names,
  revocation_endpoint_auth_signing_alg_values_supported: Names,
  introspection_endpoint_auth_methods_supported: Names,
  introspection_endpoint_auth_signing_alg_values_supported: Names,
  require_pushed_authorization_requests: t.Boolean({
    description:
      "false for every client; an app's governance may still require it (require_pushed_authorization_requests)",
  }),
  request_parameter_supported: t.Boolean(),
  dpop_signing_alg_values_supported: Names,
  authorization_response_iss_parameter_supported: t.Boolean(),
  scopes_supported: Names,
});
