// One-time values (a DPoP proof's jti, a client assertion's jti) seen once by any process
// sharing the database: the insert is the check, so two processes racing on one value cannot
// both win. Housekeeping removes rows past their expiry.
import type { Queryable } from '../../db/index.ts';

export const replayStore = {
  /**
   * True the first time `key` is seen before `expiresAt`; false for a replay. One statement,
   * committed without waiting for the WAL flush (synchronous_commit off for it alone): the
   * check is the insert's unique key, which every other session sees at once, and a crash can
   * forget only the last moments of seen values. Waiting for the flush made this insert the
   * cost of a DPoP-protected request (milliseconds, against a proof check of microseconds).
   */
  firstUse: async (db: Queryable, key: string, expiresAt: Date): Promise<boolean> =>
    (
      await db.query(
        `insert into oauth_seen_jti (key, expires_at)
       select $1, $2 from (select set_config('synchronous_commit', 'off', true)) as unflushed
       on conflict (key) do nothing returning key`,
        [key, expiresAt],
      )
    ).length === 1,
};
