// RFC 7009 revocation and RFC 7662 introspection, for the app's own tokens only.
import { decodeJwt } from 'jose';
import type { AppRow } from '../identity/apps/service.ts';
import type { Services } from '../services.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { authorizeStore } from './authorize/store.ts';
import { ApiError } from '../http/errors.ts';

/** The principal, or null when the token is not valid; other failures (the database) propagate. */
async function verifyOrNull(services: Services, token: string) {
  try {
    return await services.tokens.verify(token);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

async function refreshRow(services: Services, token: string) {
  const rows = await services.db.query<{ app_id: string; family: string; used_at: Date | null; revoked_at: Date | null; expires_at: Date; scopes: string[]; user_id: string; tenant_id: string }>(
    'select app_id, family, used_at, revoked_at, expires_at, scopes, user_id, tenant_id from refresh_tokens where token_hash = $1', [await sha256Hex(token)]);
  return rows[0] ?? null;
}

/** Always succeeds from the client's point of view (RFC 7009 §2.2). */
export async function revokeToken(services: Services, app: AppRow, token: string): Promise<void> {
  if (token.startsWith('rt_')) {
    const row = await refreshRow(services, token);
    if (row && row.app_id === app.id) await authorizeStore.revokeFamily(services.db, row.family);
    return;
  }
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(token);
  } catch {
    return; // not a token of ours: nothing to revoke
  }
  if (claims.client_id !== app.id || typeof claims.jti !== 'string' || typeof claims.exp !== 'number' || typeof claims.tenant_id !== 'string') return;
  const principal = await verifyOrNull(services, token);
  if (!principal) return; // forged, expired or already revoked
  await services.tokens.revoke(principal);
}

export async function introspectToken(services: Services, app: AppRow, token: string): Promise<Record<string, unknown>> {
  if (token.startsWith('rt_')) {
    const row = await refreshRow(services, token);
    const active = !!row && row.tenant_id === app.tenant_id && !row.used_at && !row.revoked_at && row.expires_at.getTime() > Date.now();
    return active && row ? { active, token_type: 'refresh_token', client_id: row.app_id, scope: row.scopes.join(' '), sub: row.user_id, exp: Math.floor(row.expires_at.getTime() / 1000) } : { active: false };
  }
  const principal = await verifyOrNull(services, token);
  if (!principal || principal.tenantId !== app.tenant_id) return { active: false };
  const claims = decodeJwt(token);
  return {
    active: true, token_type: 'Bearer', scope: principal.scopes.join(' '), client_id: principal.clientId, sub: principal.subject,
    exp: claims.exp, iat: claims.iat, iss: claims.iss, aud: claims.aud, jti: principal.tokenId, tenant_id: principal.tenantId,
  };
}
