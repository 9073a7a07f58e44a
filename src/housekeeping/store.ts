import type { Queryable } from '../db/index.ts';

/** Deletes what no rule needs any more; each statement is idempotent and safe in parallel. */
export const housekeepingStore = {
  /** A revoked token past its expiry fails verification on `exp` alone. */
  expiredRevocations: async (db: Queryable, before: string) =>
    (
      await db.query<{ jti: string }>('delete from revoked_tokens where expires_at < $1::timestamptz returning jti', [
        before,
      ])
    ).length,
  /** Access tokens issued from a code, kept to revoke them on a replay: useless once expired. */
  expiredIssued: async (db: Queryable, before: string) =>
    (
      await db.query<{ jti: string }>('delete from issued_tokens where expires_at < $1::timestamptz returning jti', [
        before,
      ])
    ).length,
  /** Refresh tokens (used ones too: kept to detect reuse) past their family's expiry. */
  expiredRefresh: async (db: Queryable, before: string) =>
    (
      await db.query<{ token_hash: string }>(
        'delete from refresh_tokens where expires_at < $1::timestamptz returning token_hash',
        [before],
      )
    ).length,
  /** DPoP proof and client assertion ids: past their window the proof is refused on its age. */
  expiredSeenJti: async (db: Queryable, before: string) =>
    (
      await db.query<{ key: string }>('delete from oauth_seen_jti where expires_at < $1::timestamptz returning key', [
        before,
      ])
    ).length,
  /** Pushed authorization requests live a minute; used or not, they are dead after it. */
  expiredPushedRequests: async (db: Queryable, before: string) =>
    (
      await db.query<{ request_uri_hash: string }>(
        'delete from pushed_authorization_requests where expires_at < $1::timestamptz returning request_uri_hash',
        [before],
      )
    ).length,
  /** An Idempotency-Key answers for 24 hours; after that the key may name a new event. */
  expiredIdempotencyKeys: async (db: Queryable, before: string) =>
    (
      await db.query<{ event_id: string }>(
        'delete from event_idempotency_keys where event_created_at < $1::timestamptz returning event_id',
        [before],
      )
    ).length,
  /**
   * Authorization sessions untouched since `before` that no token refers to any more, with
   * their journal: their codes died within a minute, and the studio shows recent ones only.
   */
  oldSessions: async (db: Queryable, before: string) => {
    const gone = await db.query<{ id: string }>(
      `delete from authorization_sessions s
        where s.updated_at < $1::timestamptz
          and not exists (select 1 from issued_tokens i where i.session_id = s.id)
          and not exists (select 1 from refresh_tokens r where r.session_id = s.id)
        returning s.id`,
      [before],
    );
    if (gone.length)
      await db.query(
        `delete from machine_journal where machine = 'authorizationSession' and instance_id = any($1::text[])`,
        [gone.map((g) => g.id)],
      );
    return gone.length;
  },
};
