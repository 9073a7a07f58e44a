// Which publish span each claimed delivery's attempts link to: its event's stored
// traceparent, read once per claimed batch (one query, only while tracing is on), kept until
// the process has seen 10,000 events since.
import type { Db } from '../db/index.ts';
import { attemptSpan, type AttemptOf } from './spans.ts';
import { tracingOn } from './tracing.ts';

const KEEP = 10_000;

export class DeliveryTraces {
  private readonly parents = new Map<string, string | null>();

  constructor(private readonly db: Db) {}

  /** Reads the traceparents of these deliveries' events (their id and time, the partition key). */
  async claimed(rows: ReadonlyArray<{ event_id: string; created_at: string }>): Promise<void> {
    if (!tracingOn()) return;
    const wanted = new Map<string, string>();
    for (const r of rows) if (!this.parents.has(r.event_id)) wanted.set(r.event_id, r.created_at);
    if (wanted.size === 0) return;
    if (this.parents.size + wanted.size > KEEP) this.parents.clear();
    const found = await this.db.query<{ id: string; traceparent: string }>(
      `select id, traceparent from events
        where traceparent is not null and (id, created_at) in (select * from unnest($1::text[], $2::timestamptz[]))`,
      [[...wanted.keys()], [...wanted.values()]],
    );
    for (const id of wanted.keys()) this.parents.set(id, null);
    for (const f of found) this.parents.set(f.id, f.traceparent);
  }

  /** Runs one attempt in its span, linked to its event's publish span. */
  attempt<T>(
    of: AttemptOf,
    run: () => Promise<T>,
    result: (value: T) => { status: number | null; outcome: string; error: string | null },
  ): Promise<T> {
    return attemptSpan(of, this.parents.get(of.eventId) ?? null, run, result);
  }
}
