// "OAuth e service token" of the public contract: the token endpoint.
// Each route's schemas and documentation are in routeOptions(); the router below only names
// the handler of each.
import { t } from 'elysia';
import { router } from '../http/router.ts';
import type { Config } from '../config.ts';
import { authenticateClient, readClientCredentials, type Authenticate } from './client-auth.ts';
import { oauthErrors } from './errors.ts';
import { admitTokenRequest, exchange } from './grants/index.ts';
import { RateLimiter } from '../rate-limit.ts';
import { requestInfo } from '../http/request-info.ts';
import { ApiError, tooManyRequests } from '../errors.ts';
import { authorizationServerMetadata } from './metadata.ts';
import { introspectToken, revokeToken, type RevocationContext } from './revocation.ts';
import type { ClientAuthFields } from './client-auth.ts';
import { parRoutes, type ParRouteDeps } from './par/routes.ts';
import type { GrantContext } from './grants/grant.ts';
import type { AppService } from '../identity/apps/service.ts';
import type { ClientAssertions } from './client-assertion.ts';
import { answers } from '../docs/responses.ts';
import { AuthorizationServerMetadata, Introspection, Revoked, TokenAnswer } from './schemas.ts';

const tags = ['OAuth and service tokens'];

// RFC 6749 §3.2: unknown parameters are ignored, so extra fields are allowed here.
const TokenRequest = t.Object(
  {
    grant_type: t.Optional(t.String({ maxLength: 100, examples: ['client_credentials'] })),
    client_id: t.Optional(t.String({ maxLength: 100, examples: ['app_123'] })),
    client_secret: t.Optional(t.String({ maxLength: 200 })),
    client_assertion: t.Optional(
      t.String({ maxLength: 8000, description: 'private_key_jwt: the signed client assertion (RFC 7523)' }),
    ),
    client_assertion_type: t.Optional(
      t.String({ maxLength: 100, examples: ['urn:ietf:params:oauth:client-assertion-type:jwt-bearer'] }),
    ),
    scope: t.Optional(t.String({ maxLength: 2000, examples: ['webhooks:write'] })),
    code: t.Optional(t.String({ maxLength: 500 })),
    redirect_uri: t.Optional(t.String({ maxLength: 2000 })),
    code_verifier: t.Optional(t.String({ maxLength: 200 })),
    refresh_token: t.Optional(t.String({ maxLength: 500 })),
  },
  { additionalProperties: t.String({ maxLength: 2000 }) },
);

const TokenOnly = t.Object(
  {
    token: t.String({ maxLength: 4000 }),
    token_type_hint: t.Optional(t.String({ maxLength: 50 })),
    client_id: t.Optional(t.String({ maxLength: 100 })),
    client_secret: t.Optional(t.String({ maxLength: 200 })),
    client_assertion: t.Optional(t.String({ maxLength: 8000 })),
    client_assertion_type: t.Optional(t.String({ maxLength: 100 })),
  },
  { additionalProperties: t.String({ maxLength: 2000 }) },
);

/** What the OAuth endpoints use (src/services.ts has them all); POST /v1/oauth/par's too, as they mount it. */
export interface OAuthRouteDeps extends RevocationContext, ParRouteDeps {
  config: Pick<Config, 'publicUrl' | 'clientAuthFailuresPerMinute' | 'addressAuthFailuresPerMinute'>;
  apps: Pick<AppService, 'forAssertion' | 'authenticateClient'>;
  clientAssertions: Pick<ClientAssertions, 'verify'>;
  /** What the token endpoint's grants use. */
  grants: GrantContext;
}

/**
 * Each route's options: made afresh for every router, because Elysia adds hooks (those of the
 * macros and plugins of that router) to the object it is given.
 */
const routeOptions = () => ({
  metadata: {
    detail: {
      summary: 'OAuth 2.0 authorization server metadata (RFC 8414)',
      tags,
      security: [],
      responses: answers(200, 'The metadata', AuthorizationServerMetadata),
    },
  },
  revoke: {
    body: TokenOnly,
    detail: {
      summary: 'Revoke an access or refresh token (RFC 7009)',
      tags,
      security: [],
      responses: answers(200, "Revoked, or nothing to revoke (unknown, invalid or another app's token)", Revoked),
    },
  },
  introspect: {
    body: TokenOnly,
    detail: {
      summary: 'Introspect a token (RFC 7662)',
      tags,
      security: [],
      responses: answers(
        200,
        'The token\'s claims when it is active and the calling app\'s own; otherwise just {"active": false}',
        Introspection,
      ),
    },
  },
  token: {
    body: TokenRequest,
    detail: {
      summary: 'Exchange or mint access tokens',
      tags,
      security: [],
      responses: answers(200, 'The access token (RFC 6749 §5.1)', TokenAnswer),
    },
  },
});

/**
 * Client authentication with failures counted per client and address (so a stranger elsewhere
 * cannot lock a client out) and per address over all clients.
 */
function failureCountingAuthenticate(services: OAuthRouteDeps): Authenticate {
  const clientFailures = new RateLimiter(services.config.clientAuthFailuresPerMinute, 60_000);
  const addressFailures = new RateLimiter(services.config.addressAuthFailuresPerMinute, 60_000);
  return async (request, body, endpoint) => {
    const creds = readClientCredentials(request, body);
    const address = requestInfo(request).client.address;
    const pair = `${creds.clientId}@${address}`;
    const wait = Math.max(clientFailures.peek(pair), addressFailures.peek(address));
    if (wait > 0) throw tooManyRequests(wait);
    try {
      return await authenticateClient(services.apps, services.clientAssertions, creds, endpoint);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_client') {
        clientFailures.hit(pair);
        addressFailures.hit(address);
      }
      throw error;
    }
  };
}

/** POST /v1/oauth/token: the DPoP proof, the client, then the grant's exchange. */
async function issueToken(
  services: OAuthRouteDeps,
  authenticate: Authenticate,
  request: Request,
  body: typeof TokenRequest.static,
  set: { headers: Record<string, string | number> },
) {
  set.headers['cache-control'] = 'no-store';
  set.headers.pragma = 'no-cache';
  if (!body.grant_type) throw oauthErrors.invalidRequest('grant_type is required');
  // The proof first: a use_dpop_nonce answer must not use up a client assertion.
  const proof = await services.dpop.forEndpoint(request, '/v1/oauth/token');
  const app = await authenticate(request, body, '/v1/oauth/token');
  admitTokenRequest(app, proof !== null);
  const jkt = proof?.jkt ?? null;
  if (proof) set.headers['dpop-nonce'] = services.dpop.nonce();
  return exchange(body.grant_type, { context: services.grants, app, jkt }, body);
}

export function oauthRoutes(services: OAuthRouteDeps) {
  const route = routeOptions();
  const authenticate = failureCountingAuthenticate(services);
  /** Introspection is for confidential clients (RFC 7662 §2.1 wants the caller authenticated). */
  const authenticateConfidential = async (request: Request, body: ClientAuthFields) => {
    const app = await authenticate(request, body, '/v1/oauth/introspect');
    if (app.client_type !== 'confidential')
      throw oauthErrors.invalidClient(
        'introspection needs a confidential client (client_secret_basic, client_secret_post or private_key_jwt)',
        null,
      );
    return app;
  };
  return router('oauth')
    .use(parRoutes(services, authenticate))
    .get(
      '/.well-known/oauth-authorization-server',
      () => authorizationServerMetadata(services.config.publicUrl),
      route.metadata,
    )
    .post(
      '/v1/oauth/revoke',
      async ({ request, body, set }) => {
        set.headers['cache-control'] = 'no-store';
        const app = await authenticate(request, body, '/v1/oauth/revoke');
        await revokeToken(services, app, body.token);
        return {};
      },
      route.revoke,
    )
    .post(
      '/v1/oauth/introspect',
      async ({ request, body, set }) => {
        set.headers['cache-control'] = 'no-store';
        const app = await authenticateConfidential(request, body);
        return introspectToken(services, app, body.token);
      },
      route.introspect,
    )
    .post(
      '/v1/oauth/token',
      async ({ request, body, set }) => issueToken(services, authenticate, request, body, set),
      route.token,
    );
}
