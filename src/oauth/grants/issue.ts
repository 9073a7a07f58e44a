// The tokens of a user's grant, issued when its authorization code is redeemed (the code flow,
// src/oauth/authorize/service.ts) and at each rotation of its refresh token (./refresh-token.ts).
import type { Queryable } from '../../db/index.ts';
import type { Clock } from '../../actors/clock.ts';
import { randomToken } from '../../ids.ts';
import { sha256Hex } from '../../crypto/hash.ts';
import type { AppRow } from '../../identity/apps/service.ts';
import type { TokenService } from '../tokens/service.ts';
import { authorizeStore } from '../authorize/store.ts';
import { tokenLifetime } from './scope.ts';
import type { TokenResponse } from './token-response.ts';

/** What issuing a user's tokens uses. */
export interface IssueContext {
  tokens: Pick<TokenService, 'mint'>;
  clock: Clock;
  /** ACCESS_TOKEN_TTL_SECONDS: an access token's lifetime, unless the app's governance caps it. */
  accessTokenTtlSeconds: number;
  /** REFRESH_TOKEN_TTL_SECONDS: how long a new refresh-token family lasts. */
  refreshTokenTtlSeconds: number;
}

/**
 * An access token (DPoP-bound when `jkt` is given) and, for apps with the grant, a refresh
 * token: a public client's is bound to the same key (RFC 9449 §5), a confidential client's is
 * bound to its client authentication already.
 */
export async function issueUserTokens(
  ctx: IssueContext,
  tx: Queryable,
  app: AppRow,
  sessionId: string,
  userId: string,
  scopes: string[],
  family: string,
  jkt: string | null,
  familyExpiresAt?: Date,
): Promise<TokenResponse> {
  const ttl = tokenLifetime(app, ctx.accessTokenTtlSeconds);
  const minted = await ctx.tokens.mint({
    tenantId: app.tenant_id,
    subject: userId,
    clientId: app.id,
    scopes,
    ttlSeconds: ttl,
    kind: 'user',
    jkt: jkt ?? undefined,
  });
  await authorizeStore.recordIssued(tx, {
    jti: minted.jti,
    tenantId: app.tenant_id,
    sessionId,
    expiresAt: minted.expiresAt,
  });
  const response: TokenResponse = {
    access_token: minted.token,
    token_type: jkt ? 'DPoP' : 'Bearer',
    expires_in: ttl,
    scope: minted.scope,
  };
  if (app.grant_types.includes('refresh_token')) {
    const refresh = `rt_${randomToken(43)}`;
    await authorizeStore.insertRefresh(tx, {
      hash: await sha256Hex(refresh),
      tenantId: app.tenant_id,
      appId: app.id,
      sessionId,
      userId,
      scopes,
      family,
      expiresAt: familyExpiresAt ?? new Date(ctx.clock.now() + ctx.refreshTokenTtlSeconds * 1000),
      dpopJkt: app.client_type === 'public' ? jkt : null,
    });
    response.refresh_token = refresh;
  }
  return response;
}
