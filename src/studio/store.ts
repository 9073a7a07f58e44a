// SQL the studio reads: the transition journal (machine_journal), always scoped by tenant.
import type { Queryable } from '../db/index.ts';

export interface JournalRow { seq: number; machine: string; instance_id: string; from_state: string | null; event_type: string; to_state: string; at: Date }

const COLUMNS = 'j.seq, j.machine, j.instance_id, j.from_state, j.event_type, j.to_state, j.at';

// postgres.js answers bigint columns as strings: seq is read as a number everywhere.
const numbered = (rows: JournalRow[]) => rows.map((r) => ({ ...r, seq: Number(r.seq) }));

export const studioStore = {
  /** One instance's transitions after `afterSeq` (except the seqs in `skip`), oldest first. */
  instance: async (db: Queryable, tenantId: string, machine: string, instanceId: string, afterSeq: number, limit = 500, skip: number[] = []) =>
    numbered(await db.query<JournalRow & Record<string, unknown>>(
      `select ${COLUMNS} from machine_journal j
        where j.tenant_id = $1 and j.machine = $2 and j.instance_id = $3 and j.seq > $4 and j.seq <> all($6::bigint[]) order by j.seq limit $5`,
      [tenantId, machine, instanceId, afterSeq, limit, skip],
    )),
  /** The last `limit` transitions of each of several instances of one machine, oldest first. */
  instances: async (db: Queryable, tenantId: string, machine: string, instanceIds: string[], limit = 20) =>
    numbered(await db.query<JournalRow & Record<string, unknown>>(
      `select ${COLUMNS} from (
         select j.*, row_number() over (partition by j.instance_id order by j.seq desc) as n
           from machine_journal j where j.tenant_id = $1 and j.machine = $2 and j.instance_id = any($3::text[])
       ) j where j.n <= $4 order by j.seq`,
      [tenantId, machine, instanceIds, limit],
    )),
  /** The last `limit` transitions of one instance, oldest first. */
  latest: async (db: Queryable, tenantId: string, machine: string, instanceId: string, limit: number) =>
    numbered(await db.query<JournalRow & Record<string, unknown>>(
      `select * from (select ${COLUMNS} from machine_journal j
        where j.tenant_id = $1 and j.machine = $2 and j.instance_id = $3 order by j.seq desc limit $4) x order by seq`,
      [tenantId, machine, instanceId, limit],
    )),
  /**
   * What a webhook's live view follows: its subscription's transitions and those of its
   * deliveries, after `afterSeq`. Reads forward from a seq, so the primary key bounds the scan.
   */
  webhookFeed: async (db: Queryable, tenantId: string, webhookId: string, afterSeq: number, limit = 500, skip: number[] = []) =>
    numbered(await db.query<JournalRow & Record<string, unknown>>(
      `select ${COLUMNS} from machine_journal j
         left join webhook_deliveries d on j.machine = 'delivery' and d.id = j.instance_id
        where j.seq > $3 and j.seq <> all($5::bigint[]) and j.tenant_id = $1
          and ((j.machine = 'subscription' and j.instance_id = $2) or (j.machine = 'delivery' and d.subscription_id = $2 and d.tenant_id = $1))
        order by j.seq limit $4`,
      [tenantId, webhookId, afterSeq, limit, skip],
    )),
  /** The newest journal seq: where a live view starts. */
  lastSeq: async (db: Queryable) =>
    Number((await db.query<{ seq: string | number | null }>('select max(seq) as seq from machine_journal'))[0]?.seq ?? 0),
  /** Deliveries of a webhook by status: the live view's summary. */
  deliveryCounts: async (db: Queryable, tenantId: string, webhookId: string) =>
    (await db.query<{ status: string; n: string | number }>(
      'select status, count(*) as n from webhook_deliveries where tenant_id = $1 and subscription_id = $2 group by status', [tenantId, webhookId],
    )).map((r) => ({ status: r.status, count: Number(r.n) })),
};

export const journalEntry = (r: JournalRow) => ({
  seq: r.seq, machine: r.machine, instance_id: r.instance_id, from: r.from_state, event: r.event_type, to: r.to_state, at: r.at.toISOString(),
});
