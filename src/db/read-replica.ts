// Reads that may come from a standby (READ_DATABASE_URL): the studio's pages and feeds and the
// backlog gauges of /metrics. Everything else, the public API's reads included, stays on the
// primary, so a client that publishes and then lists what it published always sees it.
//
// How stale a standby is, is measured, not assumed: every probe reads the primary's WAL
// position (at time t), then asks the standby whether it has replayed that far. When it has,
// the standby holds every commit acknowledged before t. A read goes to the standby only while
// the last such t is within READ_MAX_LAG_MS; past that (replay paused or behind, the standby
// gone), reads go to the primary until a probe finds it caught up again. A read the standby
// fails to answer (its connection lost) is run on the primary at once.
import type { Clock } from '../actors/clock.ts';
import type { Logger } from '../log.ts';
import type { Counter, Metrics } from '../metrics.ts';
import { isDatabaseUnavailable, type Db, type Queryable, type Row } from './db.ts';

export interface ReadRouting {
  /** How far behind the primary a read may be (0: always the primary). */
  readonly maxLagMs: number;
  /** Where a read for this tenant goes now: the standby when fresh enough, else the primary. */
  reader(tenantId?: string): Queryable;
  /** This tenant just changed something through this process: its reads stay on the primary for the bound. */
  wrote(tenantId: string): void;
  close(): Promise<void>;
}

/** No standby configured: every read is the primary's (counted, with `metrics`, so the families are always there). */
export function primaryOnly(primary: Queryable, metrics?: Metrics): ReadRouting {
  const reads = metrics
    ? countedOnPrimary(
        primary,
        readMetrics(metrics, () => 0),
      )
    : primary;
  return { maxLagMs: 0, reader: () => reads, wrote: () => {}, close: async () => {} };
}

/** The primary's reads, each counted as served by it. */
function countedOnPrimary(primary: Queryable, served: Counter): Queryable {
  return {
    query: (text, params) => {
      served.inc({ served_by: 'primary' });
      return primary.query(text, params);
    },
    exec: (script) => primary.exec(script),
  };
}

/** The two families of reads that may use a standby; `staleness` in seconds. */
function readMetrics(metrics: Metrics, staleness: () => number): Counter {
  const served = metrics.counter(
    'argus_read_replica_reads_total',
    'Reads that may use the standby (studio, metrics), by who answered them: replica or primary',
  );
  for (const by of ['replica', 'primary']) served.inc({ served_by: by }, 0);
  metrics.gauge(
    'argus_read_replica_staleness_seconds',
    'How old the newest commit the standby is known to hold may be (0 without a standby; -1 while it is not known)',
    (g) => g.set(staleness()),
  );
  return served;
}

/** A tenant's reads, routed query by query (a live feed follows the standby's freshness as it goes). */
export function tenantReads(routing: ReadRouting, tenantId: string): Queryable {
  return {
    query: (text, params) => routing.reader(tenantId).query(text, params),
    exec: (script) => routing.reader(tenantId).exec(script),
  };
}

interface ProbeRow extends Row {
  caught_up: boolean | null;
}

export class ReadReplica implements ReadRouting {
  /** When the primary's WAL position that the standby was last seen to have replayed was read. */
  private freshAt: number | null = null;
  /** When a read last found the standby gone: a probe begun before then does not make it fresh again. */
  private lostAt = Number.NEGATIVE_INFINITY;
  private readonly writes = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private probing = false;
  /** What the logs last said: reads on the standby (true) or on the primary. */
  private announced = false;
  private readonly served: Counter;
  private readonly replica: Queryable;
  private readonly primaryReads: Queryable;

  constructor(
    private readonly primary: Db,
    private readonly standby: Db,
    readonly maxLagMs: number,
    private readonly clock: Clock,
    private readonly log: Logger,
    metrics: Metrics,
  ) {
    this.served = readMetrics(metrics, () => (this.freshAt === null ? -1 : (this.clock.now() - this.freshAt) / 1000));
    this.replica = {
      query: <T extends Row>(text: string, params?: readonly unknown[]) => this.fromStandby<T>(text, params),
      exec: (script: string) => this.primary.exec(script),
    };
    this.primaryReads = countedOnPrimary(primary, this.served);
  }

  /** Probes at once, then every quarter of the bound (at most every second). */
  async start(): Promise<void> {
    await this.probe();
    const every = Math.max(50, Math.min(1000, Math.floor(this.maxLagMs / 4)));
    this.timer = setInterval(() => void this.probe(), every);
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** Whether reads go to the standby now (for tests and the logs). */
  fresh(): boolean {
    return this.freshAt !== null && this.clock.now() - this.freshAt <= this.maxLagMs;
  }

  reader(tenantId?: string): Queryable {
    const wrote = tenantId === undefined ? undefined : this.writes.get(tenantId);
    if (wrote !== undefined) {
      if (this.clock.now() - wrote <= this.maxLagMs) return this.primaryReads;
      this.writes.delete(tenantId!);
    }
    return this.fresh() ? this.replica : this.primaryReads;
  }

  wrote(tenantId: string): void {
    const now = this.clock.now();
    // Expired marks are dropped when read; past a thousand, the rest go too (memory stays bounded).
    if (this.writes.size >= 1000)
      for (const [tenant, at] of this.writes) if (now - at > this.maxLagMs) this.writes.delete(tenant);
    this.writes.set(tenantId, now);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.standby.close();
  }

  private async fromStandby<T extends Row>(text: string, params?: readonly unknown[]): Promise<T[]> {
    try {
      const rows = await this.standby.query<T>(text, params);
      this.served.inc({ served_by: 'replica' });
      return rows;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      // The standby went away: this read and the next ones are the primary's until a probe finds it back.
      this.freshAt = null;
      this.lostAt = this.clock.now();
      this.log.warn('read replica unavailable; reading from the primary', { error });
      return this.primaryReads.query<T>(text, params);
    }
  }

  private async probe(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    try {
      const askedAt = this.clock.now();
      const [position] = await this.primary.query<{ lsn: string } & Row>('select pg_current_wal_lsn()::text as lsn');
      try {
        // A standby that was promoted (or a primary named as the reader) holds everything.
        const [row] = await this.standby.query<ProbeRow>(
          `select case when pg_is_in_recovery() then pg_last_wal_replay_lsn() >= $1::pg_lsn else true end as caught_up`,
          [position!.lsn],
        );
        if (row?.caught_up && askedAt > this.lostAt) this.freshAt = askedAt;
      } catch (error) {
        // The standby does not answer: no read goes there until it does.
        this.freshAt = null;
        this.lostAt = this.clock.now();
        if (this.announced) this.log.warn('read replica probe failed', { error });
      }
    } catch {
      // The primary does not answer: what the standby was known to hold stays known, and the bound runs out.
    } finally {
      this.probing = false;
    }
    const fresh = this.fresh();
    if (fresh !== this.announced) {
      this.announced = fresh;
      this.log.info(fresh ? 'read replica caught up' : 'read replica behind or away; reading from the primary', {
        max_lag_ms: this.maxLagMs,
      });
    }
  }
}
