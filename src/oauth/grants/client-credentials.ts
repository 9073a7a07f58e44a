import type { AuthenticatedApp } from '../../identity/apps/service.ts';
import type { Services } from '../../services.ts';
import { oauthErrors } from '../errors.ts';
import { grantableScopes, tokenLifetime } from './scope.ts';
import type { TokenResponse } from './token-response.ts';

export async function clientCredentialsGrant(services: Services, app: AuthenticatedApp, body: { scope?: string }, jkt: string | null): Promise<TokenResponse> {
  if (app.client_type !== 'confidential' || !app.grant_types.includes('client_credentials')) {
    throw oauthErrors.unauthorizedClient('this app is not allowed the client_credentials grant');
  }
  const scopes = grantableScopes(app, app.tenantApprovedScopes, body.scope);
  const ttl = tokenLifetime(app, services.config.accessTokenTtlSeconds);
  const minted = await services.tokens.mint({ tenantId: app.tenant_id, subject: app.id, clientId: app.id, scopes, ttlSeconds: ttl, kind: 'client', jkt: jkt ?? undefined });
  return { access_token: minted.token, token_type: jkt ? 'DPoP' : 'Bearer', expires_in: ttl, scope: minted.scope };
}
