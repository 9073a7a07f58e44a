import { t } from 'elysia';
import { Cursor, answers, refusals } from '../../docs/responses.ts';
// TypeBox's Integer, not Elysia's: that one takes "5" for 5, silently changing what was sent.
import { Type } from '@sinclair/typebox';
import { router } from '../../http/router.ts';
import { readPage } from '../../db/page.ts';
import { PageQuery } from '../../http/pagination.ts';
import type { Authenticator } from '../../http/auth.ts';
import type { ServiceTokenService } from './service.ts';
import { FIXED } from '../../defaults.ts';

const tags = ['OAuth and service tokens'];
const ClientId = t.Object({ client_id: t.String({ maxLength: 100, examples: ['app_123'] }) });

/** What a mint answers (ServiceTokenService.mint). */
const MintedServiceToken = t.Object({
  token: t.String({ description: 'the bearer token (a JWT): shown this once, never listed' }),
  token_id: t.String({ examples: ['tok_123'], description: 'its id, to revoke it' }),
  scope: t.String({ examples: ['webhooks:read webhooks:write'], description: 'the scopes granted, space-separated' }),
  expires_at: t.String({ format: 'date-time' }),
});
/** A service token as listed (never its value). */
const ServiceTokenView = t.Object({
  id: t.String({ examples: ['tok_123'] }),
  scopes: t.Array(t.String()),
  created_by: t.String({ description: 'the subject of the administrator who minted it' }),
  created_at: t.String({ format: 'date-time' }),
  expires_at: t.String({ format: 'date-time' }),
  revoked_at: t.Union([t.String({ format: 'date-time' }), t.Null()]),
});
const ServiceTokenList = t.Object({ service_tokens: t.Array(ServiceTokenView), next_cursor: Cursor });

export function serviceTokenRoutes(deps: { auth: Authenticator; serviceTokens: ServiceTokenService }) {
  const { auth, serviceTokens } = deps;
  return router('service-tokens')
    .use(auth.guard)
    .post(
      '/v1/platform/apps/:client_id/service-token',
      async ({ principal, params, body, set }) => {
        set.status = 201;
        set.headers['cache-control'] = 'no-store';
        return serviceTokens.mint(principal, params.client_id, body);
      },
      {
        params: ClientId,
        body: t.Object(
          {
            scopes: t.Array(t.String({ maxLength: 100 }), { maxItems: 50, examples: [['webhooks:write']] }),
            expires_in: t.Optional(
              Type.Integer({
                minimum: 60,
                maximum: FIXED.maxServiceTokenSeconds,
                description: 'lifetime in seconds (default 30 days)',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        auth: 'admin',
        detail: {
          summary: 'Mint a service token',
          tags,
          responses: {
            ...answers(201, 'The token (shown this once), its token_id, scope and expiry', MintedServiceToken),
            ...refusals('service_tokens_not_allowed', 'app_disabled'),
          },
        },
      },
    )
    .get(
      '/v1/platform/apps/:client_id/service-tokens',
      async ({ principal, params, query }) => serviceTokens.list(principal, params.client_id, readPage(query)),
      {
        params: ClientId,
        query: PageQuery,
        auth: 'admin',
        detail: {
          summary: "List an app's service tokens (never their value)",
          tags,
          responses: answers(200, "A page of the app's service tokens, revoked ones included", ServiceTokenList),
        },
      },
    )
    .delete(
      '/v1/platform/apps/:client_id/service-tokens/:token_id',
      async ({ principal, params, set }) => {
        await serviceTokens.revoke(principal, params.client_id, params.token_id);
        set.status = 204;
        return '';
      },
      {
        params: t.Object({ client_id: t.String({ maxLength: 100 }), token_id: t.String({ maxLength: 100 }) }),
        auth: 'admin',
        detail: { summary: 'Revoke a service token', tags, responses: answers(204, 'Revoked') },
      },
    );
}
