import { defineGrant } from './grant.ts';
import { grantableScopes, tokenLifetime } from './scope.ts';

/** grant_type=client_credentials: a token for the app itself (RFC 6749 §4.4). */
export const clientCredentials = defineGrant({
  grantType: 'client_credentials',
  parameters: ['scope'],
  confidentialOnly: true,
  notAllowed: 'this app is not allowed the client_credentials grant',
  async handler({ context, app, jkt }, params) {
    const scopes = grantableScopes(app, app.tenantApprovedScopes, params.scope);
    const ttl = tokenLifetime(app, context.accessTokenTtlSeconds);
    const minted = await context.tokens.mint({
      tenantId: app.tenant_id,
      subject: app.id,
      clientId: app.id,
      scopes,
      ttlSeconds: ttl,
      kind: 'client',
      jkt: jkt ?? undefined,
    });
    return { access_token: minted.token, token_type: jkt ? 'DPoP' : 'Bearer', expires_in: ttl, scope: minted.scope };
  },
});
