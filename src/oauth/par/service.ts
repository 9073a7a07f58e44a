// Pushed authorization requests (RFC 9126): an authenticated client posts the parameters of
// its authorization request and gets a request_uri, single use and valid 60 s, to send the
// browser with instead. The parameters pass the same checks as at the authorization endpoint,
// here answered as JSON errors (the client is on the line, not a browser).
import type { Db } from '../../db/index.ts';
import type { Clock } from '../../actors/clock.ts';
import { sha256Hex } from '../../crypto/hash.ts';
import { randomToken } from '../../ids.ts';
import { apiError } from '../../errors.ts';
import type { AuthenticatedApp } from '../../identity/apps/service.ts';
import type { TenantService } from '../../identity/tenants/service.ts';
import { oauthErrors } from '../errors.ts';
import {
  AuthorizePageError,
  AuthorizeRedirectError,
  checkRedirectUri,
  checkRequest,
  PUSHED_PARAMS,
  type AuthorizeQuery,
} from '../authorize/checks.ts';
import { parStore } from './store.ts';
import { FIXED } from '../../defaults.ts';

export const REQUEST_URI_PREFIX = 'urn:ietf:params:oauth:request_uri:';
export const PAR_LIFETIME_S = FIXED.parLifetimeSeconds;

export class PushedRequests {
  constructor(
    private readonly db: Db,
    private readonly tenants: TenantService,
    private readonly clock: Clock,
  ) {}

  async push(
    app: AuthenticatedApp,
    q: AuthorizeQuery,
    proofJkt: string | null,
  ): Promise<{ request_uri: string; expires_in: number }> {
    if (q.request_uri !== undefined) throw oauthErrors.invalidRequest('request_uri must not be pushed (RFC 9126 §2.1)');
    try {
      checkRedirectUri(app, q.redirect_uri);
      checkRequest(app, await this.tenants.tenant(app.tenant_id), q);
    } catch (error) {
      if (error instanceof AuthorizePageError) throw oauthErrors.invalidRequest(error.message);
      if (error instanceof AuthorizeRedirectError) throw apiError(error.code, error.description);
      throw error;
    }
    if (proofJkt && q.dpop_jkt !== undefined && q.dpop_jkt !== proofJkt)
      throw oauthErrors.invalidRequest('dpop_jkt differs from the key of the DPoP proof');
    const params: Record<string, string> = {};
    for (const name of PUSHED_PARAMS) if (q[name] !== undefined) params[name] = q[name]!;
    if (proofJkt) params.dpop_jkt = proofJkt;
    const requestUri = `${REQUEST_URI_PREFIX}${randomToken(32)}`;
    await parStore.insert(this.db, {
      hash: await sha256Hex(requestUri),
      tenantId: app.tenant_id,
      appId: app.id,
      params,
      expiresAt: new Date(this.clock.now() + PAR_LIFETIME_S * 1000),
    });
    return { request_uri: requestUri, expires_in: PAR_LIFETIME_S };
  }

  /** The pushed parameters behind a request_uri of this client, taken once; null otherwise. */
  async take(clientId: string, requestUri: string): Promise<AuthorizeQuery | null> {
    if (!requestUri.startsWith(REQUEST_URI_PREFIX)) return null;
    const row = await parStore.take(this.db, await sha256Hex(requestUri), clientId, new Date(this.clock.now()));
    return row ? { ...row.params, client_id: clientId } : null;
  }
}
