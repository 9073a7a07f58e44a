import type { Queryable } from '../../db/index.ts';
import { maybeOne } from '../../db/index.ts';

export const parStore = {
  insert: (
    db: Queryable,
    r: { hash: string; tenantId: string; appId: string; params: Record<string, string>; expiresAt: Date },
  ) =>
    db.query(
      'insert into pushed_authorization_requests (request_uri_hash, tenant_id, app_id, params, expires_at) values ($1, $2, $3, $4::jsonb, $5)',
      [r.hash, r.tenantId, r.appId, JSON.stringify(r.params), r.expiresAt],
    ),
  /**
   * Takes a pushed request of this client, once: marks it used and answers its parameters, or
   * null when it is unknown, another client's, expired or already used.
   */
  take: (db: Queryable, hash: string, appId: string, now: Date) =>
    maybeOne<{ params: Record<string, string> } & Record<string, unknown>>(
      db,
      `update pushed_authorization_requests set used_at = now()
        where request_uri_hash = $1 and app_id = $2 and used_at is null and expires_at > $3
        returning params`,
      [hash, appId, now],
    ),
};
