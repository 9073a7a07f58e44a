// One-time values (a DPoP proof's jti, a client assertion's jti) seen once by any process
// sharing the database: the insert is the check, so two processes racing on one value cannot
// both win. Housekeeping removes rows past their expiry.
import type { Queryable } from '../../db/index.ts';

export const replayStore = {
  /** True the first time `key` is seen before `expiresAt`; false for a replay. */
  firstUse: async (db: Queryable, key: string, expiresAt: Date): Promise<boolean> =>
    (await db.query('insert into oauth_seen_jti (key, expires_at) values ($1, $2) on conflict (key) do nothing returning key', [key, expiresAt])).length === 1,
};
