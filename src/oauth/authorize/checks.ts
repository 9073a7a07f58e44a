// The authorization request, checked one named rule at a time (as node-oidc-provider's
// actions do). A bad client or redirect URI is shown to the user; anything after that is
// redirected back to the client as an OAuth error (RFC 6749 §4.1.2.1).
import type { AppRow } from '../../identity/apps/service.ts';
import type { TenantRow } from '../../identity/tenants/store.ts';
import { grantableScopes } from '../grants/scope.ts';
import { grantRefusal } from '../grants/grant.ts';
import { authorizationCode } from '../grants/authorization-code.ts';
import { ApiError, type ErrorCode } from '../../errors.ts';

export interface AuthorizeQuery {
  response_type?: string;
  client_id?: string;
  redirect_uri?: string;
  scope?: string;
  state?: string;
  code_challenge?: string;
  code_challenge_method?: string;
  /** RFC 9126: a pushed request's reference (authorize only; never pushed itself). */
  request_uri?: string;
  /** RFC 9101 request objects: not supported, refused clearly. */
  request?: string;
  /** RFC 9449 §10: the thumbprint of the DPoP key the code is bound to. */
  dpop_jkt?: string;
}

/** The authorization parameters a pushed request keeps (RFC 9126 §2.1), in this order. */
export const PUSHED_PARAMS = [
  'response_type',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
  'dpop_jkt',
] as const;

export interface CheckedRequest {
  scopes: string[];
  challenge: string | null;
  dpopJkt: string | null;
}

/** Shown on our own page, never redirected: the client or the redirect URI cannot be trusted. */
export class AuthorizePageError extends Error {}

/** Sent back to the client's redirect URI. */
export class AuthorizeRedirectError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly description: string,
  ) {
    super(description);
  }
}

const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const THUMBPRINT = /^[A-Za-z0-9_-]{43}$/;

export function checkClient(app: AppRow | null, clientId: string | undefined): AppRow {
  if (!clientId) throw new AuthorizePageError('The request has no client_id.');
  if (!app) throw new AuthorizePageError('No application is registered with this client_id.');
  return app;
}

/** Exact match against the registered URIs, narrowed by governance; no prefix, no case folding. */
export function checkRedirectUri(app: AppRow, redirectUri: string | undefined): string {
  const allowed = app.governance.allowed_redirect_uris ?? app.redirect_uris;
  if (redirectUri === undefined) {
    if (allowed.length === 1) return allowed[0]!;
    throw new AuthorizePageError('The request has no redirect_uri and the application registered several.');
  }
  if (!allowed.includes(redirectUri))
    throw new AuthorizePageError('The redirect_uri is not registered for this application.');
  return redirectUri;
}

export function checkGrant(app: AppRow, responseType: string | undefined): void {
  if (responseType !== 'code')
    throw new AuthorizeRedirectError('unsupported_response_type', 'only response_type=code is supported');
  const refusal = grantRefusal(app, authorizationCode);
  if (refusal) throw new AuthorizeRedirectError('unauthorized_client', refusal);
}

export function checkScope(app: AppRow, tenant: TenantRow | null, scope: string | undefined): string[] {
  try {
    return grantableScopes(app, tenant?.approved_scopes ?? [], scope);
  } catch (error) {
    if (error instanceof ApiError) throw new AuthorizeRedirectError(error.code, error.description);
    throw error;
  }
}

/** S256 only; required for public clients and whenever governance enforces PKCE. */
export function checkPkce(app: AppRow, challenge: string | undefined, method: string | undefined): string | null {
  if (challenge === undefined) {
    if (method !== undefined)
      throw new AuthorizeRedirectError('invalid_request', 'code_challenge_method without code_challenge');
    if (app.client_type === 'public' || app.governance.enforce_pkce)
      throw new AuthorizeRedirectError(
        'invalid_request',
        'PKCE is required: send code_challenge and code_challenge_method=S256',
      );
    return null;
  }
  if ((method ?? 'plain') !== 'S256')
    throw new AuthorizeRedirectError('invalid_request', 'code_challenge_method must be S256 (plain is not accepted)');
  if (!CHALLENGE.test(challenge))
    throw new AuthorizeRedirectError(
      'invalid_request',
      'code_challenge must be the base64url SHA-256 of the verifier (43 characters)',
    );
  return challenge;
}

/** A JWK SHA-256 thumbprint, base64url (RFC 7638), or none. */
export function checkDpopJkt(jkt: string | undefined): string | null {
  if (jkt === undefined) return null;
  if (!THUMBPRINT.test(jkt))
    throw new AuthorizeRedirectError(
      'invalid_request',
      'dpop_jkt must be the base64url SHA-256 JWK thumbprint of the DPoP key (43 characters)',
    );
  return jkt;
}

/** Every rule after the client and its redirect URI, in order; the same for authorize and PAR. */
export function checkRequest(app: AppRow, tenant: TenantRow | null, q: AuthorizeQuery): CheckedRequest {
  checkGrant(app, q.response_type);
  if (q.request !== undefined)
    throw new AuthorizeRedirectError(
      'request_not_supported',
      'request objects are not supported: push the parameters to /v1/oauth/par instead',
    );
  const scopes = checkScope(app, tenant, q.scope);
  const challenge = checkPkce(app, q.code_challenge, q.code_challenge_method);
  return { scopes, challenge, dpopJkt: checkDpopJkt(q.dpop_jkt) };
}
