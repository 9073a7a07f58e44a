// Daily partitions (UTC) of the history tables: made ahead, and dropped whole once past
// DELIVERY_RETENTION_DAYS, payloads included; never a bulk DELETE. A day that still has a
// delivery waiting (due or in flight) keeps its partitions until it has none. Rows whose day
// had no partition yet (written before housekeeping first ran, or by a clock far off) sit in a
// table's default partition and are moved into their day's partition here.
import { one, type Db, type Queryable } from '../db/index.ts';
import type { Logger } from '../log.ts';
import { DAY_MS } from '../defaults.ts';

const LOCK_ID = 4_102_611_202; // serializes partition changes across processes
/** Days made ahead of today, so a publish never waits for DDL. */
export const DAYS_AHEAD = 3;

/** The partitioned history tables and their partition keys. Deliveries decide what is pending. */
export const HISTORY_TABLES = [
  { table: 'events', key: 'created_at' },
  { table: 'webhook_deliveries', key: 'created_at' },
  { table: 'webhook_attempts', key: 'delivery_created_at' },
  { table: 'machine_journal', key: 'at' },
] as const;

type Table = (typeof HISTORY_TABLES)[number];

export const dayOf = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
const label = (dayMs: number) => new Date(dayMs).toISOString().slice(0, 10).replaceAll('-', '');
const partitionName = (t: Table, dayMs: number) => `${t.table}_p${label(dayMs)}`;
const iso = (ms: number) => new Date(ms).toISOString();

export interface RetireResult {
  dropped: string[];
  kept: string[];
}

export class Partitions {
  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  /** The days (as ms at 00:00 UTC) that have a partition. */
  async days(): Promise<number[]> {
    const rows = await this.db.query<{ name: string }>(
      `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'webhook_deliveries'::regclass`,
    );
    return rows
      .flatMap((r) => {
        const m = /_p(\d{4})(\d{2})(\d{2})$/.exec(r.name);
        return m ? [Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))] : [];
      })
      .sort((a, b) => a - b);
  }

  /**
   * Makes the partitions of yesterday, today and DAYS_AHEAD days ahead, and of every day that
   * has rows in a default partition (moving them in). Answers the partitions made.
   */
  async ensure(nowMs: number): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LOCK_ID]);
      const today = dayOf(nowMs);
      const wanted = new Set<number>();
      for (let d = -1; d <= DAYS_AHEAD; d++) wanted.add(today + d * DAY_MS);
      for (const t of HISTORY_TABLES) {
        for (const r of await tx.query<{ day: Date }>(
          `select distinct date_trunc('day', ${t.key}, 'UTC') as day from ${t.table}_default`,
        ))
          wanted.add(r.day.getTime());
      }
      const made: string[] = [];
      const existing = new Set(
        (
          await tx.query<{ name: string }>(
            `select relname as name from pg_class where relkind in ('r', 'p') and relname like '%\\_p________'`,
          )
        ).map((r) => r.name),
      );
      const crowded = new Set<Table>();
      for (const day of [...wanted].sort((a, b) => a - b)) {
        for (const t of HISTORY_TABLES) {
          const name = partitionName(t, day);
          if (existing.has(name)) continue;
          const { n } = await one<{ n: number }>(
            tx,
            `select count(*)::int as n from ${t.table}_default where ${t.key} >= $1::timestamptz and ${t.key} < $2::timestamptz`,
            [iso(day), iso(day + DAY_MS)],
          );
          // A partition cannot be created over rows the default partition holds for its range:
          // those tables are rebuilt below, with their rows routed to their days.
          if (n > 0) crowded.add(t);
          else
            await tx.exec(
              `create table ${name} partition of ${t.table} for values from ('${iso(day)}') to ('${iso(day + DAY_MS)}')`,
            );
          if (n === 0) made.push(name);
        }
      }
      for (const t of crowded) made.push(...(await this.rehome(tx, t, [...wanted], existing)));
      return made;
    });
  }

  /**
   * Empties a table's default partition into day partitions: the default is detached and
   * replaced, the missing days are created, and its rows are inserted again through the parent.
   */
  private async rehome(tx: Queryable, t: Table, days: number[], existing: Set<string>): Promise<string[]> {
    const columns = (
      await tx.query<{ name: string }>(
        `select attname as name from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
        [t.table],
      )
    )
      .map((c) => c.name)
      .join(', ');
    await tx.exec(`alter table ${t.table} detach partition ${t.table}_default;
                   alter table ${t.table}_default rename to ${t.table}_default_old;
                   create table ${t.table}_default partition of ${t.table} default;`);
    const made: string[] = [];
    for (const day of days) {
      const name = partitionName(t, day);
      if (existing.has(name)) continue;
      await tx.exec(
        `create table if not exists ${name} partition of ${t.table} for values from ('${iso(day)}') to ('${iso(day + DAY_MS)}')`,
      );
      made.push(name);
    }
    await tx.exec(
      `insert into ${t.table} (${columns}) select ${columns} from ${t.table}_default_old; drop table ${t.table}_default_old;`,
    );
    this.log.info('history rows moved from the default partition into their days', { table: t.table });
    return made;
  }

  /**
   * Drops every day before `retentionDays` ago, all four tables at once, unless one of its
   * deliveries still waits (due, in flight, held, or in line behind another): that day is kept and said.
   */
  async retire(nowMs: number, retentionDays: number): Promise<RetireResult> {
    const cutoff = dayOf(nowMs) - retentionDays * DAY_MS;
    const result: RetireResult = { dropped: [], kept: [] };
    for (const day of await this.days()) {
      if (day >= cutoff) break;
      await this.db.transaction(async (tx) => {
        await tx.query('select pg_advisory_xact_lock($1)', [LOCK_ID]);
        const deliveries = partitionName(HISTORY_TABLES[1], day);
        const { pending } = await one<{ pending: boolean }>(
          tx,
          `select exists (select 1 from ${deliveries} where state in ('queued', 'sending', 'backoff', 'held')) as pending`,
        );
        if (pending) {
          result.kept.push(label(day));
          return;
        }
        for (const t of HISTORY_TABLES) await tx.exec(`drop table if exists ${partitionName(t, day)}`);
        result.dropped.push(label(day));
      });
    }
    if (result.kept.length)
      this.log.warn('history days past retention kept: deliveries of theirs still wait to be sent', {
        days: result.kept,
      });
    if (result.dropped.length) this.log.info('history days past retention dropped', { days: result.dropped });
    return result;
  }
}
