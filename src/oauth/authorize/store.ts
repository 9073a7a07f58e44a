import type { Queryable } from '../../db/index.ts';
import { maybeOne } from '../../db/index.ts';
import type { Persisted } from '../../actors/step.ts';
import type { AuthorizationSessionContext, AuthorizationSessionState } from '../../../machines/authorizationSession.ts';

export const authorizeStore = {
  sessionByCodeHash: (db: Queryable, codeHash: string) =>
    maybeOne<{ id: string; app_id: string; tenant_id: string } & Record<string, unknown>>(
      db,
      'select id, app_id, tenant_id from authorization_sessions where code_hash = $1',
      [codeHash],
    ),
  session: (db: Queryable, id: string) =>
    maybeOne<
      {
        id: string;
        app_id: string;
        tenant_id: string;
        csrf_hash: string;
        state: AuthorizationSessionState;
        snapshot: Persisted<AuthorizationSessionContext>;
      } & Record<string, unknown>
    >(db, 'select id, app_id, tenant_id, csrf_hash, state, snapshot from authorization_sessions where id = $1', [id]),
  setCode: (db: Queryable, id: string, codeHash: string) =>
    db.query('update authorization_sessions set code_hash = $2 where id = $1', [id, codeHash]),
  recordIssued: (db: Queryable, t: { jti: string; tenantId: string; sessionId: string; expiresAt: Date }) =>
    db.query('insert into issued_tokens (jti, tenant_id, session_id, expires_at) values ($1, $2, $3, $4)', [
      t.jti,
      t.tenantId,
      t.sessionId,
      t.expiresAt,
    ]),
  /** Revokes every access token and refresh token that came from a session; answers the access tokens' jtis newly revoked. */
  revokeSession: async (db: Queryable, sessionId: string): Promise<string[]> => {
    const revoked = await db.query<{ jti: string }>(
      `insert into revoked_tokens (jti, tenant_id, expires_at) select jti, tenant_id, expires_at from issued_tokens where session_id = $1 on conflict (jti) do nothing returning jti`,
      [sessionId],
    );
    await db.query('update refresh_tokens set revoked_at = coalesce(revoked_at, now()) where session_id = $1', [
      sessionId,
    ]);
    return revoked.map((r) => r.jti);
  },
  insertRefresh: (
    db: Queryable,
    r: {
      hash: string;
      tenantId: string;
      appId: string;
      sessionId: string;
      userId: string;
      scopes: string[];
      family: string;
      expiresAt: Date;
      dpopJkt: string | null;
    },
  ) =>
    db.query(
      'insert into refresh_tokens (token_hash, tenant_id, app_id, session_id, user_id, scopes, family, expires_at, dpop_jkt) values ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9)',
      [r.hash, r.tenantId, r.appId, r.sessionId, r.userId, r.scopes, r.family, r.expiresAt, r.dpopJkt],
    ),
  /**
   * Marks a refresh token of this app used, atomically; returns it as it was before. Another
   * app's token is not touched (it is simply not found), so no one can burn someone else's grant.
   */
  useRefresh: (db: Queryable, hash: string, appId: string) =>
    maybeOne<
      {
        tenant_id: string;
        app_id: string;
        session_id: string;
        user_id: string;
        scopes: string[];
        family: string;
        used_at: Date | null;
        revoked_at: Date | null;
        expires_at: Date;
        dpop_jkt: string | null;
      } & Record<string, unknown>
    >(
      db,
      `update refresh_tokens r set used_at = coalesce(r.used_at, now()) from (select token_hash, used_at as was_used from refresh_tokens where token_hash = $1 and app_id = $2 for update) old
        where r.token_hash = old.token_hash
        returning r.tenant_id, r.app_id, r.session_id, r.user_id, r.scopes, r.family, old.was_used as used_at, r.revoked_at, r.expires_at, r.dpop_jkt`,
      [hash, appId],
    ),
  refreshToken: (db: Queryable, hash: string) =>
    maybeOne<
      {
        app_id: string;
        family: string;
        used_at: Date | null;
        revoked_at: Date | null;
        expires_at: Date;
        scopes: string[];
        user_id: string;
        tenant_id: string;
      } & Record<string, unknown>
    >(
      db,
      'select app_id, family, used_at, revoked_at, expires_at, scopes, user_id, tenant_id from refresh_tokens where token_hash = $1',
      [hash],
    ),
  /** Ends a refresh-token family and revokes its access tokens; answers their jtis newly revoked. */
  revokeFamily: async (db: Queryable, family: string): Promise<string[]> =>
    (
      await db.query<{ jti: string }>(
        `with fam as (update refresh_tokens set revoked_at = coalesce(revoked_at, now()) where family = $1 returning session_id)
       insert into revoked_tokens (jti, tenant_id, expires_at)
       select i.jti, i.tenant_id, i.expires_at from issued_tokens i where i.session_id in (select session_id from fam) on conflict (jti) do nothing
       returning jti`,
        [family],
      )
    ).map((r) => r.jti),
  recentSessions: (db: Queryable, tenantId: string, limit: number) =>
    db.query<
      { id: string; app_id: string; state: string; created_at: Date; updated_at: Date } & Record<string, unknown>
    >(
      'select id, app_id, state, created_at, updated_at from authorization_sessions where tenant_id = $1 order by created_at desc limit $2',
      [tenantId, limit],
    ),
};
