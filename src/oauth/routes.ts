// "OAuth e service token" of the public contract: the token endpoint.
import { t } from 'elysia';
import { router } from '../http/router.ts';
import type { Services } from '../services.ts';
import { authenticateClient, readClientCredentials } from './client-auth.ts';
import { oauthErrors } from './errors.ts';
import { clientCredentialsGrant } from './grants/client-credentials.ts';
import { RateLimiter } from '../http/rate-limit.ts';
import { requestInfo } from '../http/request-info.ts';
import { ApiError, tooManyRequests } from '../http/errors.ts';
import { authorizationServerMetadata } from './metadata.ts';
import { introspectToken, revokeToken } from './revocation.ts';

const tags = ['OAuth and service tokens'];

// RFC 6749 §3.2: unknown parameters are ignored, so extra fields are allowed here.
const TokenRequest = t.Object(
  {
    grant_type: t.Optional(t.String({ maxLength: 100, examples: ['client_credentials'] })),
    client_id: t.Optional(t.String({ maxLength: 100, examples: ['app_123'] })),
    client_secret: t.Optional(t.String({ maxLength: 200 })),
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
  },
  { additionalProperties: t.String({ maxLength: 2000 }) },
);

export function oauthRoutes(services: Services) {
  // Failed client authentication: 20 a minute for one client from one address, so a stranger
  // elsewhere cannot lock a client out, and 100 a minute from one address over all clients.
  const clientFailures = new RateLimiter(20, 60_000);
  const addressFailures = new RateLimiter(100, 60_000);
  const authenticate = async (request: Request, body: { client_id?: string; client_secret?: string }) => {
    const creds = readClientCredentials(request, body);
    const address = requestInfo(request).remoteAddress;
    const pair = `${creds.clientId}@${address}`;
    const wait = Math.max(clientFailures.peek(pair), addressFailures.peek(address));
    if (wait > 0) throw tooManyRequests(wait);
    try {
      return await authenticateClient(services.apps, creds);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_client') {
        clientFailures.hit(pair);
        addressFailures.hit(address);
      }
      throw error;
    }
  };
  /** Introspection is for confidential clients (RFC 7662 §2.1 wants the caller authenticated). */
  const authenticateConfidential = async (request: Request, body: { client_id?: string; client_secret?: string }) => {
    const app = await authenticate(request, body);
    if (app.client_type !== 'confidential') throw oauthErrors.invalidClient('introspection needs a confidential client (client_secret_basic or client_secret_post)', null);
    return app;
  };
  return router('oauth')
    .get('/.well-known/oauth-authorization-server', () => authorizationServerMetadata(services.config.publicUrl), {
      detail: { summary: 'OAuth 2.0 authorization server metadata (RFC 8414)', tags, security: [] },
    })
    .post('/v1/oauth/revoke', async ({ request, body, set }) => {
      set.headers['cache-control'] = 'no-store';
      const app = await authenticate(request, body);
      await revokeToken(services, app, body.token);
      return {};
    }, { body: TokenOnly, detail: { summary: 'Revoke an access or refresh token (RFC 7009)', tags, security: [] } })
    .post('/v1/oauth/introspect', async ({ request, body, set }) => {
      set.headers['cache-control'] = 'no-store';
      const app = await authenticateConfidential(request, body);
      return introspectToken(services, app, body.token);
    }, { body: TokenOnly, detail: { summary: 'Introspect a token (RFC 7662)', tags, security: [] } })
    .post(
    '/v1/oauth/token',
    async ({ request, body, set }) => {
      set.headers['cache-control'] = 'no-store';
      set.headers.pragma = 'no-cache';
      if (!body.grant_type) throw oauthErrors.invalidRequest('grant_type is required');
      const app = await authenticate(request, body);
      if (app.governance.disabled) throw oauthErrors.unauthorizedClient('this app is disabled by its tenant administrator');
      switch (body.grant_type) {
        case 'client_credentials':
          return clientCredentialsGrant(services, app, body);
        case 'authorization_code':
          return services.authorization.redeem(app, body);
        case 'refresh_token':
          return services.authorization.refresh(app, body);
        default:
          throw oauthErrors.unsupportedGrantType(`grant_type ${body.grant_type} is not supported`);
      }
    },
    { body: TokenRequest, detail: { summary: 'Exchange or mint access tokens', tags, security: [] } },
  );
}
