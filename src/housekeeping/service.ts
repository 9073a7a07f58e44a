// Housekeeping: the token and authorization tables only ever grow otherwise, and history is
// kept in daily partitions made ahead and dropped past retention (./partitions.ts). Every
// worker process runs it now and then; each rule is idempotent, so several at once do no harm.
import type { Db } from '../db/index.ts';
import type { Clock } from '../actors/clock.ts';
import type { Logger } from '../log.ts';
import { housekeepingStore } from './store.ts';
import { Partitions } from './partitions.ts';
import { DAY_MS, DEFAULTS } from '../defaults.ts';

export class Housekeeping {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<unknown> | null = null;

  readonly partitions: Partitions;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly retentionDays: number,
    /** SESSION_RETENTION_DAYS: authorization sessions are kept this long after their last change (the studio's history). */
    private readonly sessionRetentionDays: number = DEFAULTS.SESSION_RETENTION_DAYS,
  ) {
    this.partitions = new Partitions(db, log);
  }

  /** One pass; answers how many rows (or history days) each rule removed. */
  async sweep(): Promise<Record<string, number>> {
    const now = this.clock.now();
    await this.partitions.ensure(now);
    const retired = await this.partitions.retire(now, this.retentionDays);
    // A day of slack past expiry: clocks of other processes may lag.
    const expired = new Date(now - DAY_MS).toISOString();
    const stale = new Date(now - this.sessionRetentionDays * DAY_MS).toISOString();
    const removed = {
      revoked_tokens: await housekeepingStore.expiredRevocations(this.db, expired),
      issued_tokens: await housekeepingStore.expiredIssued(this.db, expired),
      refresh_tokens: await housekeepingStore.expiredRefresh(this.db, expired),
      authorization_sessions: await housekeepingStore.oldSessions(this.db, stale),
      oauth_seen_jti: await housekeepingStore.expiredSeenJti(this.db, new Date(now).toISOString()),
      pushed_authorization_requests: await housekeepingStore.expiredPushedRequests(
        this.db,
        new Date(now).toISOString(),
      ),
      event_idempotency_keys: await housekeepingStore.expiredIdempotencyKeys(
        this.db,
        new Date(now - DAY_MS).toISOString(),
      ),
      history_days: retired.dropped.length,
    };
    if (Object.values(removed).some((n) => n > 0)) this.log.info('housekeeping', { removed });
    return removed;
  }

  /** Sweeps every `everyMs` until stop(); a failed pass is logged and tried again next time. */
  start(everyMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((error) => this.log.error('housekeeping failed; trying again later', { error }))
        .finally(() => (this.running = null));
    }, everyMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
