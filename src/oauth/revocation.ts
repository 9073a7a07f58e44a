// RFC 7009 revocation and RFC 7662 introspection, for the calling app's own tokens only: another
// app's token (even of the same tenant) is neither revoked nor described.
import { decodeJwt } from 'jose';
import type { AppRow } from '../identity/apps/service.ts';
import type { Queryable } from '../db/index.ts';
import type { ActorSystem } from '../actors/runtime.ts';
import type { TokenService } from './tokens/service.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { authorizeStore } from './authorize/store.ts';
import { ApiError } from '../errors.ts';

/** What revocation and introspection use. */
export interface RevocationContext {
  db: Queryable;
  tokens: Pick<TokenService, 'verify' | 'revoke'>;
  actors: Pick<ActorSystem, 'clock'>;
}

/** The principal, or null when the token is not valid; other failures (the database) propagate. */
async function verifyOrNull(ctx: RevocationContext, token: string) {
  try {
    return await ctx.tokens.verify(token);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** A refresh token of this app, or null (another app's token is as good as unknown). */
async function ownRefreshToken(ctx: RevocationContext, app: AppRow, token: string) {
  const row = await authorizeStore.refreshToken(ctx.db, await sha256Hex(token));
  return row && row.app_id === app.id ? row : null;
}

/** Always succeeds from the client's point of view (RFC 7009 §2.2). */
export async function revokeToken(ctx: RevocationContext, app: AppRow, token: string): Promise<void> {
  if (token.startsWith('rt_')) {
    const row = await ownRefreshToken(ctx, app, token);
    if (row) await authorizeStore.revokeFamily(ctx.db, row.family);
    return;
  }
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(token);
  } catch {
    return; // not a token of ours: nothing to revoke
  }
  if (
    claims.client_id !== app.id ||
    typeof claims.jti !== 'string' ||
    typeof claims.exp !== 'number' ||
    typeof claims.tenant_id !== 'string'
  )
    return;
  const principal = await verifyOrNull(ctx, token);
  if (!principal) return; // forged, expired or already revoked
  await ctx.tokens.revoke(principal);
}

/** Active only for a valid token issued to the calling app itself; anything else is inactive. */
export async function introspectToken(
  ctx: RevocationContext,
  app: AppRow,
  token: string,
): Promise<Record<string, unknown>> {
  if (token.startsWith('rt_')) {
    const row = await ownRefreshToken(ctx, app, token);
    const active = !!row && !row.used_at && !row.revoked_at && row.expires_at.getTime() > ctx.actors.clock.now();
    return active && row
      ? {
          active,
          token_type: 'refresh_token',
          client_id: row.app_id,
          scope: row.scopes.join(' '),
          sub: row.user_id,
          exp: Math.floor(row.expires_at.getTime() / 1000),
        }
      : { active: false };
  }
  const principal = await verifyOrNull(ctx, token);
  if (!principal || principal.clientId !== app.id || principal.tenantId !== app.tenant_id) return { active: false };
  const claims = decodeJwt(token);
  return {
    active: true,
    token_type: principal.jkt ? 'DPoP' : 'Bearer',
    scope: principal.scopes.join(' '),
    client_id: principal.clientId,
    sub: principal.subject,
    exp: claims.exp,
    iat: claims.iat,
    iss: claims.iss,
    aud: claims.aud,
    jti: principal.tokenId,
    tenant_id: principal.tenantId,
    // RFC 9449 §6.2: a resource server introspecting a bound token learns the key it is bound to.
    ...(principal.jkt ? { cnf: { jkt: principal.jkt } } : {}),
  };
}
