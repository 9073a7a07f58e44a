// The grants POST /v1/oauth/token accepts, by grant_type: one module each.
import { governanceOf } from '../../identity/apps/service.ts';
import { oauthErrors } from '../errors.ts';
import { authorizationCode } from './authorization-code.ts';
import { clientCredentials } from './client-credentials.ts';
import { grantRefusal, pickParameters, type Grant, type GrantCall, type TokenParams } from './grant.ts';
import { refreshToken } from './refresh-token.ts';
import type { TokenResponse } from './token-response.ts';
import type { AuthenticatedApp } from '../../identity/apps/service.ts';

export const GRANTS: ReadonlyMap<string, Grant> = new Map<string, Grant>(
  [clientCredentials, authorizationCode, refreshToken].map((g) => [g.grantType, g as Grant]),
);

/** What the app's governance asks of every token request, whatever its grant: not disabled, DPoP when required. */
export function admitTokenRequest(app: AuthenticatedApp, proofSent: boolean): void {
  const refusal = grantRefusal(app, null);
  if (refusal) throw oauthErrors.unauthorizedClient(refusal);
  if (!proofSent && governanceOf(app).require_dpop)
    throw oauthErrors.invalidRequest("this app's governance requires DPoP: send a DPoP proof header (RFC 9449)");
}

/** Runs the grant named by grant_type for an admitted app, once it may use it. */
export function exchange(grantType: string, call: GrantCall, body: TokenParams): Promise<TokenResponse> {
  const grant = GRANTS.get(grantType);
  if (!grant) throw oauthErrors.unsupportedGrantType(`grant_type ${grantType} is not supported`);
  const refusal = grantRefusal(call.app, grant);
  if (refusal) throw oauthErrors.unauthorizedClient(refusal);
  return grant.handler(call, pickParameters(grant, body));
}
