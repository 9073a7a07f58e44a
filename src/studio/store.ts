// SQL the studio reads, always scoped by tenant: the transition journal (machine_journal) of
// the cold machines, and for deliveries their own history: the delivery row is its creation,
// each attempt row two transitions (into sending at `seq`, out of it at `seq + 1`), and the
// rare transitions without an attempt (retry, cancel) are in the journal.
import type { Queryable } from '../db/index.ts';
import { createdRange } from '../ids.ts';
import { timerEvent, type DeliveryState } from '../../machines/delivery.ts';

export interface JournalRow {
  seq: number;
  machine: string;
  instance_id: string;
  from_state: string | null;
  event_type: string;
  to_state: string;
  at: Date;
}

const COLUMNS = 'j.seq, j.machine, j.instance_id, j.from_state, j.event_type, j.to_state, j.at';

// postgres.js answers bigint columns as strings: seq is read as a number everywhere.
const numbered = (rows: JournalRow[]) => rows.map((r) => ({ ...r, seq: Number(r.seq) }));

interface AttemptTransitions {
  delivery_id: string;
  seq: number;
  from_state: DeliveryState;
  to_state: string;
  ended_by: string;
  started_at: Date;
  attempted_at: Date;
  created_seq: number | null;
  created_at: Date | null;
}

const creation = (id: string, seq: number, at: Date): JournalRow => ({
  seq: Number(seq),
  machine: 'delivery',
  instance_id: id,
  from_state: null,
  event_type: 'xstate.init',
  to_state: 'queued',
  at,
});

/** The transitions an attempt row stands for (and its delivery's creation, for a first attempt). */
function attemptTransitions(a: AttemptTransitions): JournalRow[] {
  const seq = Number(a.seq);
  const out: JournalRow[] = [];
  if (a.created_seq !== null && a.created_at !== null) out.push(creation(a.delivery_id, a.created_seq, a.created_at));
  out.push({
    seq,
    machine: 'delivery',
    instance_id: a.delivery_id,
    from_state: a.from_state,
    event_type: timerEvent(a.from_state) ?? 'timer',
    to_state: 'sending',
    at: a.started_at,
  });
  out.push({
    seq: seq + 1,
    machine: 'delivery',
    instance_id: a.delivery_id,
    from_state: 'sending',
    event_type: a.ended_by,
    to_state: a.to_state,
    at: a.attempted_at,
  });
  return out;
}

/** Rows after `after`, not in `skip`, oldest first, at most `limit`, from sources each read in seq order. */
function merged(sources: JournalRow[][], after: number, skip: number[], limit: number): JournalRow[] {
  const skipped = new Set(skip);
  const bySeq = new Map<number, JournalRow>();
  for (const r of sources.flat()) if (r.seq > after && !skipped.has(r.seq)) bySeq.set(r.seq, r); // a creation comes from its row and its first attempt
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq).slice(0, limit);
}

const ATTEMPTS = `select a.delivery_id, a.seq, a.from_state, a.to_state, a.ended_by, a.started_at, a.attempted_at, d.seq as created_seq, d.created_at
   from webhook_attempts a
   left join webhook_deliveries d on a.attempt = 1 and d.id = a.delivery_id and d.created_at = a.delivery_created_at`;
// An attempt is read again until both its transitions were sent.
const ATTEMPTS_AFTER = `a.seq >= $2 and not (a.seq = any($3::bigint[]) and (a.seq + 1) = any($3::bigint[]))`;

/** One delivery's transitions after `afterSeq`, oldest first. */
async function deliveryPath(
  db: Queryable,
  tenantId: string,
  deliveryId: string,
  afterSeq: number,
  limit: number,
  skip: number[],
): Promise<JournalRow[]> {
  const [from, to] = createdRange(deliveryId);
  const [created, attempts, journal] = await Promise.all([
    db.query<{ seq: number; created_at: Date }>(
      'select seq, created_at from webhook_deliveries where tenant_id = $1 and id = $2 and created_at between $3::timestamptz and $4::timestamptz',
      [tenantId, deliveryId, from, to],
    ),
    db.query<AttemptTransitions & Record<string, unknown>>(
      `${ATTEMPTS} where a.tenant_id = $1 and a.delivery_id = $4 and a.delivery_created_at between $5::timestamptz and $6::timestamptz and ${ATTEMPTS_AFTER}
        order by a.seq limit $7`,
      [tenantId, afterSeq, skip, deliveryId, from, to, limit],
    ),
    db.query<JournalRow & Record<string, unknown>>(
      `select ${COLUMNS} from machine_journal j where j.tenant_id = $1 and j.machine = 'delivery' and j.instance_id = $2 and j.seq > $3 order by j.seq limit $4`,
      [tenantId, deliveryId, afterSeq, limit],
    ),
  ]);
  const [first] = created;
  if (!first) return [];
  return merged(
    [[creation(deliveryId, first.seq, first.created_at)], attempts.flatMap(attemptTransitions), numbered(journal)],
    afterSeq,
    skip,
    limit,
  );
}

export const studioStore = {
  /** One instance's transitions after `afterSeq` (except the seqs in `skip`), oldest first. */
  instance: async (
    db: Queryable,
    tenantId: string,
    machine: string,
    instanceId: string,
    afterSeq: number,
    limit = 500,
    skip: number[] = [],
  ) => {
    if (machine === 'delivery') return deliveryPath(db, tenantId, instanceId, afterSeq, limit, skip);
    return numbered(
      await db.query<JournalRow & Record<string, unknown>>(
        `select ${COLUMNS} from machine_journal j
        where j.tenant_id = $1 and j.machine = $2 and j.instance_id = $3 and j.seq > $4 and j.seq <> all($6::bigint[]) order by j.seq limit $5`,
        [tenantId, machine, instanceId, afterSeq, limit, skip],
      ),
    );
  },
  /** The last `limit` transitions of each of several instances of one (journaled) machine, oldest first. */
  instances: async (db: Queryable, tenantId: string, machine: string, instanceIds: string[], limit = 20) =>
    numbered(
      await db.query<JournalRow & Record<string, unknown>>(
        `select ${COLUMNS} from (
         select j.*, row_number() over (partition by j.instance_id order by j.seq desc) as n
           from machine_journal j where j.tenant_id = $1 and j.machine = $2 and j.instance_id = any($3::text[])
       ) j where j.n <= $4 order by j.seq`,
        [tenantId, machine, instanceIds, limit],
      ),
    ),
  /** The last `limit` transitions of one (journaled) instance, oldest first. */
  latest: async (db: Queryable, tenantId: string, machine: string, instanceId: string, limit: number) =>
    numbered(
      await db.query<JournalRow & Record<string, unknown>>(
        `select * from (select ${COLUMNS} from machine_journal j
        where j.tenant_id = $1 and j.machine = $2 and j.instance_id = $3 order by j.seq desc limit $4) x order by seq`,
        [tenantId, machine, instanceId, limit],
      ),
    ),
  /**
   * What a webhook's live view follows: its subscription's transitions and those of its
   * deliveries, after `afterSeq`. Each source is read forward from a seq by an index.
   */
  webhookFeed: async (
    db: Queryable,
    tenantId: string,
    webhookId: string,
    afterSeq: number,
    limit = 500,
    skip: number[] = [],
  ) => {
    const [journal, attempts, created] = await Promise.all([
      db.query<JournalRow & Record<string, unknown>>(
        `select ${COLUMNS} from machine_journal j
          where j.seq > $3 and j.seq <> all($5::bigint[]) and j.tenant_id = $1
            and ((j.machine = 'subscription' and j.instance_id = $2)
              or (j.machine = 'delivery' and exists (select 1 from webhook_deliveries d where d.id = j.instance_id and d.subscription_id = $2 and d.tenant_id = $1)))
          order by j.seq limit $4`,
        [tenantId, webhookId, afterSeq, limit, skip],
      ),
      db.query<AttemptTransitions & Record<string, unknown>>(
        `${ATTEMPTS} where a.subscription_id = $4 and a.tenant_id = $1 and ${ATTEMPTS_AFTER} order by a.seq limit $5`,
        [tenantId, afterSeq, skip, webhookId, limit],
      ),
      // Creations, so a new delivery is announced before its first attempt (or when none comes:
      // held, skipped, no worker free). Read over the last minutes by the webhook's index; an
      // older one (a replay of an old event) shows with its first attempt.
      db.query<{ id: string; seq: number; created_at: Date }>(
        `select d.id, d.seq, d.created_at from webhook_deliveries d
          where d.subscription_id = $2 and d.tenant_id = $1 and d.created_at >= now() - interval '10 minutes'
            and d.seq > $3 and d.seq <> all($4::bigint[]) order by d.seq limit $5`,
        [tenantId, webhookId, afterSeq, skip, limit],
      ),
    ]);
    return merged(
      [
        numbered(journal),
        attempts.flatMap(attemptTransitions),
        created.map((d) => creation(d.id, d.seq, d.created_at)),
      ],
      afterSeq,
      skip,
      limit,
    );
  },
  /** The newest seq given out (an attempt's second transition is its seq + 1): where a live view starts. */
  lastSeq: async (db: Queryable) =>
    Number((await db.query<{ seq: string | number }>('select last_value + 1 as seq from transition_seq'))[0]!.seq),
  /** Deliveries of a webhook by status: the live view's summary. */
  deliveryCounts: async (db: Queryable, tenantId: string, webhookId: string) =>
    (
      await db.query<{ status: string; n: string | number }>(
        'select status, count(*) as n from webhook_deliveries where tenant_id = $1 and subscription_id = $2 group by status',
        [tenantId, webhookId],
      )
    ).map((r) => ({ status: r.status, count: Number(r.n) })),
};

export const journalEntry = (r: JournalRow) => ({
  seq: r.seq,
  machine: r.machine,
  instance_id: r.instance_id,
  from: r.from_state,
  event: r.event_type,
  to: r.to_state,
  at: r.at.toISOString(),
});
