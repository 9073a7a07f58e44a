// "OAuth e service token" of the public contract: the token endpoint.
import { t } from 'elysia';
import { router } from '../http/router.ts';
import type { Services } from '../services.ts';
import { authenticateClient, readClientCredentials } from './client-auth.ts';
import { oauthErrors } from './errors.ts';
import { clientCredentialsGrant } from './grants/client-credentials.ts';

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

export function oauthRoutes(services: Services) {
  return router('oauth').post(
    '/v1/oauth/token',
    async ({ request, body, set }) => {
      set.headers['cache-control'] = 'no-store';
      set.headers.pragma = 'no-cache';
      if (!body.grant_type) throw oauthErrors.invalidRequest('grant_type is required');
      const creds = readClientCredentials(request, body);
      const app = await authenticateClient(services.apps, creds);
      if (app.governance.disabled) throw oauthErrors.unauthorizedClient('this app is disabled by its tenant administrator');
      switch (body.grant_type) {
        case 'client_credentials':
          return clientCredentialsGrant(services, app, body);
        default:
          throw oauthErrors.unsupportedGrantType(`grant_type ${body.grant_type} is not supported`);
      }
    },
    { body: TokenRequest, detail: { summary: 'Exchange or mint access tokens', tags, security: [] } },
  );
}
