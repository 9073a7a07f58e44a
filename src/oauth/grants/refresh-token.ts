// grant_type=refresh_token: the rotation of a user's refresh token (RFC 6749 §6), apart from the
// code flow that issued its first one.
import { sha256Hex } from '../../crypto/hash.ts';
import type { AuthenticatedApp } from '../../identity/apps/service.ts';
import { authorizeStore } from '../authorize/store.ts';
import { oauthErrors } from '../errors.ts';
import { defineGrant, type GrantContext } from './grant.ts';
import { issueUserTokens } from './issue.ts';
import { grantableScopes } from './scope.ts';
import type { TokenResponse } from './token-response.ts';

/** grant_type=refresh_token: rotated on use; reusing an old one revokes its family (RFC 6749 §6). */
export const refreshToken = defineGrant({
  grantType: 'refresh_token',
  parameters: ['refresh_token', 'scope'],
  confidentialOnly: false,
  notAllowed: 'this application may not use refresh tokens',
  handler: ({ context, app, jkt }, params) => rotateRefreshToken(context, app, params, jkt),
});

/** grant_type=refresh_token, for an app allowed it: rotated on use; reusing an old one revokes the family. */
export async function rotateRefreshToken(
  ctx: Pick<GrantContext, 'db' | 'tokens' | 'clock' | 'accessTokenTtlSeconds' | 'refreshTokenTtlSeconds'>,
  app: AuthenticatedApp,
  body: { refresh_token?: string; scope?: string },
  jkt: string | null,
): Promise<TokenResponse> {
  if (!body.refresh_token) throw oauthErrors.invalidRequest('refresh_token is required');
  const hash = await sha256Hex(body.refresh_token);
  const outcome = await ctx.db.transaction(async (tx) => {
    const old = await authorizeStore.useRefresh(tx, hash, app.id);
    if (!old) return { error: 'the refresh token is invalid' };
    // A bound token used without its key changes nothing (thrown: the transaction rolls
    // back, so it is neither used up nor taken for a reuse).
    if (old.dpop_jkt !== null && old.dpop_jkt !== jkt) {
      throw oauthErrors.invalidGrant(
        jkt
          ? 'the refresh token is bound to another DPoP key'
          : 'the refresh token is DPoP-bound: send a DPoP proof of its key',
      );
    }
    if (old.revoked_at) return { error: 'the refresh token was revoked' };
    if (old.used_at) return { reuse: old.family };
    if (old.expires_at.getTime() < ctx.clock.now()) return { error: 'the refresh token has expired' };
    // The grant narrows to what the app and its tenant still approve (thrown: the transaction
    // rolls back, so a refused scope does not use the refresh token up).
    const scopes = grantableScopes(app, app.tenantApprovedScopes, body.scope, { granted: old.scopes });
    // A rotation keeps the family's expiry: refreshing never extends a grant.
    return {
      tokens: await issueUserTokens(ctx, tx, app, old.session_id, old.user_id, scopes, old.family, jkt, old.expires_at),
    };
  });
  if ('reuse' in outcome && outcome.reuse) {
    // Committed apart from the failed exchange: a reused refresh token ends its family.
    const family = outcome.reuse;
    await ctx.db.transaction(async (tx) => ctx.tokens.revoked(tx, await authorizeStore.revokeFamily(tx, family)));
    throw oauthErrors.invalidGrant('the refresh token was already used; every token of its grant is revoked');
  }
  if ('error' in outcome && outcome.error) throw oauthErrors.invalidGrant(outcome.error);
  return (outcome as { tokens: TokenResponse }).tokens;
}
