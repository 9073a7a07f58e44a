// A grant of the token endpoint: its grant_type, the request parameters it reads and its
// handler (as node-oidc-provider's lib/actions/grants/*). Whether an app may use a grant is
// decided here, once, for the token endpoint and the authorization request alike.
import type { AppRow, AuthenticatedApp, GrantType } from '../../identity/apps/service.ts';
import { isDisabled } from '../../identity/apps/disabled.ts';
import type { Db } from '../../db/index.ts';
import type { TokenService } from '../tokens/service.ts';
import type { IssueContext } from './issue.ts';
import type { TokenResponse } from './token-response.ts';

/** The grant parameters of a token request (client authentication is read before). */
export interface TokenParams {
  scope?: string;
  code?: string;
  redirect_uri?: string;
  code_verifier?: string;
  refresh_token?: string;
}

/**
 * What the grants use, and nothing more (as node-oidc-provider hands its grant handlers a
 * context, not the provider): built by the composition root, src/services.ts.
 */
export interface GrantContext extends IssueContext {
  /** client_credentials mints the app's own token; refresh_token revokes a reused family's. */
  tokens: Pick<TokenService, 'mint' | 'revoked'>;
  /** refresh_token rotates in a transaction. */
  db: Pick<Db, 'transaction'>;
  /**
   * authorization_code: the code flow redeems its codes (AuthorizationService, described here
   * rather than imported: the code flow checks its requests against these grants).
   */
  authorization: {
    redeem(
      app: AuthenticatedApp,
      params: Pick<TokenParams, 'code' | 'redirect_uri' | 'code_verifier'>,
      jkt: string | null,
    ): Promise<TokenResponse>;
  };
}

export interface GrantCall {
  context: GrantContext;
  app: AuthenticatedApp;
  /** The thumbprint of the request's DPoP key, when it sent a proof. */
  jkt: string | null;
}

export interface Grant<P extends keyof TokenParams = keyof TokenParams> {
  grantType: GrantType;
  /** The parameters the handler reads; it is given only these. */
  parameters: readonly P[];
  /** Only confidential clients may hold it (client_credentials: the client is the resource owner). */
  confidentialOnly: boolean;
  /** What an app refused the grant is told (unauthorized_client). */
  notAllowed: string;
  handler(call: GrantCall, params: Pick<TokenParams, P>): Promise<TokenResponse>;
}

export function defineGrant<P extends keyof TokenParams>(grant: Grant<P>): Grant<P> {
  return grant;
}

/**
 * Why `app` may not use `grant` (any grant when null), or null: a disabled app may use none;
 * otherwise it must hold the grant.
 */
export function grantRefusal(
  app: AppRow,
  grant: Pick<Grant, 'grantType' | 'confidentialOnly' | 'notAllowed'> | null,
): string | null {
  if (isDisabled(app)) return 'this app is disabled by its tenant administrator';
  if (grant === null) return null;
  if (!app.grant_types.includes(grant.grantType) || (grant.confidentialOnly && app.client_type !== 'confidential'))
    return grant.notAllowed;
  return null;
}

export function pickParameters<P extends keyof TokenParams>(grant: Grant<P>, body: TokenParams): Pick<TokenParams, P> {
  const picked: Pick<TokenParams, P> = {} as Pick<TokenParams, P>;
  for (const name of grant.parameters) if (body[name] !== undefined) picked[name] = body[name];
  return picked;
}
