// SQL the delivery engine's parts share: the row a claim or a command reads, the write of a
// batch's next machine columns, ordered lines, the journal of transitions that make no
// attempt, and the settings of a hot transaction. Claiming is in claim-store.ts, recording
// results in record-store.ts. Every hot statement is set-based: one per batch (per partition
// a batch touches, usually one).
import type { Queryable } from '../../db/index.ts';
import type { DeliveryRecord, DeliveryState } from './steps.ts';

export type { DeliveryState } from './steps.ts';

/** A delivery row as claims and commands read it (ROW). */
export interface DeliveryRow {
  /** As stored (the partition key, written back exactly); `event_time` is it in ISO 8601 for the body. */
  created_at: string;
  event_time: string;
  part: string;
  ctid: string;
  id: string;
  tenant_id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  // Times as ISO 8601 text: they go back into the machine's context and the next statement as they are.
  state: DeliveryState;
  prev_state: DeliveryState | null;
  entered_at: string;
  attempt: number;
  max_attempts: number;
  client_errors: number;
  last_status: number | null;
  last_error: string | null;
  last_attempt_at: string | null;
  next_delay_ms: number | null;
  next_delay_reason: DeliveryRecord['nextDelayReason'];
  failure_reason: DeliveryRecord['failureReason'];
  due_at: string | null;
  /** Its place in its webhook's line, when the webhook delivers in order; else null. */
  order_seq: string | null;
}

/** What a claim reads of a delivery's webhook: where and how to send, and whether to. */
export interface EndpointSettings {
  /** 'active', 'failing', 'paused', 'disabled', or 'deleted'. */
  webhook_status: string;
  /** The webhook's rate limit (requests per second), or null. */
  rate_per_second: number | null;
  url: string;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_until: string | null;
}

/** A claimed delivery: its row and its webhook's settings. */
export type ClaimedRow = DeliveryRow & EndpointSettings;

/** A delivery row's machine columns, as a record for DeliverySteps. */
export function recordOf(
  r: Pick<
    DeliveryRow,
    | 'state'
    | 'attempt'
    | 'max_attempts'
    | 'client_errors'
    | 'last_status'
    | 'last_error'
    | 'last_attempt_at'
    | 'next_delay_ms'
    | 'next_delay_reason'
    | 'failure_reason'
    | 'due_at'
  >,
): DeliveryRecord {
  return {
    state: r.state,
    attempt: r.attempt,
    maxAttempts: r.max_attempts,
    clientErrors: r.client_errors,
    lastStatus: r.last_status,
    lastError: r.last_error,
    lastAttemptAt: r.last_attempt_at,
    nextDelayMs: r.next_delay_ms,
    nextDelayReason: r.next_delay_reason,
    failureReason: r.failure_reason,
    dueAt: r.due_at,
  };
}

/** One delivery's next columns; `ctid` is where its row version was last seen (the access path, never the identity). */
export interface Transition {
  id: string;
  ctid: string;
  prevState: DeliveryState;
  record: DeliveryRecord;
}

/** An attempt to record: its delivery's next columns and what the receiver said. */
export interface AttemptRecord extends Transition {
  /** The attempt this result is for: a result is recorded only while its delivery is still sending it. */
  attempt: number;
  fromState: DeliveryState;
  startedAt: string;
  durationMs: number;
  responseStatus: number | null;
  responseBody: string;
  error: string | null;
  /** The webhook-timestamp the request carried; null when nothing was sent. */
  requestTimestamp: number | null;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A delivery row as claims and commands read it (times as text: parsing them into Dates and back cost more than the rest of the row). */
export const ROW = `d.id, d.created_at::text as created_at, ${iso('d.created_at')} as event_time, d.tableoid::regclass::text as part, d.ctid::text as ctid,
  d.tenant_id, d.subscription_id, d.event_id, d.event_type, d.state, d.prev_state, ${iso('d.entered_at')} as entered_at, d.attempt, d.max_attempts,
  d.client_errors, d.last_status, d.last_error, ${iso('d.last_attempt_at')} as last_attempt_at, d.next_delay_ms, d.next_delay_reason, d.failure_reason, ${iso('d.due_at')} as due_at, d.order_seq::text as order_seq`;
/** The names ROW answers under. */
export const ROW_NAMES = [
  'id',
  'created_at',
  'event_time',
  'part',
  'ctid',
  'tenant_id',
  'subscription_id',
  'event_id',
  'event_type',
  'state',
  'prev_state',
  'entered_at',
  'attempt',
  'max_attempts',
  'client_errors',
  'last_status',
  'last_error',
  'last_attempt_at',
  'next_delay_ms',
  'next_delay_reason',
  'failure_reason',
  'due_at',
  'order_seq',
];

/** The ids and the machine's columns, one array each ($1 = ids … $12), as unnest() arguments and names. */
export const RECORD_PARAMS = `$1::text[], $2::text[], $3::integer[], $4::integer[], $5::integer[], $6::integer[], $7::text[], $8::timestamptz[], $9::integer[], $10::text[], $11::text[], $12::timestamptz[]`;
export const RECORD_NAMES = `id, state, attempt, max_attempts, client_errors, last_status, last_error, last_attempt_at, next_delay_ms, next_delay_reason, failure_reason, due_at`;
export const RECORD_SET = `state = v.state, attempt = v.attempt, max_attempts = v.max_attempts, client_errors = v.client_errors, last_status = v.last_status,
  last_error = v.last_error, last_attempt_at = v.last_attempt_at, next_delay_ms = v.next_delay_ms, next_delay_reason = v.next_delay_reason,
  failure_reason = v.failure_reason, due_at = v.due_at`;

export function recordArrays(items: readonly Transition[]): unknown[] {
  return [
    items.map((i) => i.id),
    items.map((i) => i.record.state),
    items.map((i) => i.record.attempt),
    items.map((i) => i.record.maxAttempts),
    items.map((i) => i.record.clientErrors),
    items.map((i) => i.record.lastStatus),
    items.map((i) => i.record.lastError),
    items.map((i) => i.record.lastAttemptAt),
    items.map((i) => i.record.nextDelayMs),
    items.map((i) => i.record.nextDelayReason),
    items.map((i) => i.record.failureReason),
    items.map((i) => i.record.dueAt),
  ];
}

/** A partition's name as a claim read it (tableoid::regclass): checked before it is written into SQL. */
export function partition(name: string): string {
  if (!IDENT.test(name) || !name.startsWith('webhook_deliveries_'))
    throw new Error(`not a delivery partition: ${name}`);
  return name;
}

/** The ordered webhooks whose line moved: one of these deliveries, in line, reached a state it does not leave by itself. */
export function linesMoved(
  rows: ReadonlyArray<Pick<DeliveryRow, 'id' | 'order_seq' | 'subscription_id'>>,
  moves: ReadonlyArray<{ id: string; record: { state: string } }>,
): string[] {
  const done = new Set(
    moves
      .filter((m) => m.record.state === 'succeeded' || m.record.state === 'failed' || m.record.state === 'skipped')
      .map((m) => m.id),
  );
  return rows.filter((r) => r.order_seq !== null && done.has(r.id)).map((r) => r.subscription_id);
}

/** Items by the partition their delivery lives in. */
export function byPartition<T>(items: readonly T[], partOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const part = partOf(item);
    let list = out.get(part);
    if (!list) out.set(part, (list = []));
    list.push(item);
  }
  return out;
}

/** Runs `first` with the hot settings sent ahead of it, if they were not sent yet (dispatchStore.hotSettings). */
export type HotSettings = <T>(first: () => Promise<T>) => Promise<T>;

export const dispatchStore = {
  /**
   * Writes locked deliveries' next columns (no version check: the caller holds their locks).
   * Rows are found by the ctid the lock read, checked against the id: joined by id to
   * unnest(), the planner hashed the whole partition (25 ms a batch of 1,000 over 30,000 rows).
   * Answers each row's new ctid.
   */
  advance: async (
    tx: Queryable,
    part: string,
    at: string,
    items: readonly Transition[],
  ): Promise<Map<string, string>> => {
    if (items.length === 0) return new Map();
    const rows = await tx.query<{ id: string; ctid: string }>(
      `update ${partition(part)} as d set ${RECORD_SET}, prev_state = d.state, entered_at = $13::timestamptz
         from unnest(${RECORD_PARAMS}, $14::tid[]) as v(${RECORD_NAMES}, ctid)
        where d.ctid = v.ctid and d.id = v.id
       returning d.id, d.ctid::text as ctid`,
      [...recordArrays(items), at, items.map((i) => i.ctid)],
    );
    if (rows.length !== items.length)
      throw new Error(`advance: ${items.length - rows.length} locked deliveries were not where their lock found them`);
    return new Map(rows.map((r) => [r.id, r.ctid]));
  },

  /**
   * Settings of a claim or results transaction, sent once, right ahead of its first statement
   * that reaches deliveries of known endpoints or ids (`first`), without waiting for their
   * answer (pipelined: the server runs them in order, in one round trip):
   * - planned once: the same generic plan at every run of a statement. Left to choose, the
   *   server planned the claim's per-endpoint read afresh each time (0.7 ms of planning for
   *   0.2 ms of work, as much as the rest of a claim of one ordered line);
   * - planned as the rows it touches ask: a nested loop reaching each row by its ctid. Left to
   *   its statistics (taken when most rows were queued, a partition of 30,000), the planner
   *   hashed or scanned the whole partition for a batch of 1,000: 846 ms a batch, against 15 ms;
   * - committed without waiting for the WAL flush. A crash can lose the last moments of claims
   *   and results; their deliveries are then still claimed or sending, and are sent again when
   *   due or when their lease runs out: at least once, never lost. What a tenant publishes
   *   commits synchronously.
   */
  hotSettings: (tx: Queryable): HotSettings => {
    let sent = false;
    return async <T>(first: () => Promise<T>): Promise<T> => {
      if (sent) return first();
      sent = true;
      const settings = tx.query(`select set_config('plan_cache_mode', 'force_generic_plan', true),
                                        set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
                                        set_config('enable_seqscan', 'off', true), set_config('synchronous_commit', 'off', true)`);
      const [, out] = await Promise.all([settings, first()]);
      return out;
    };
  },

  /**
   * A webhook's deliveries by id for a command, locked: another webhook's (or tenant's) are not
   * found. `createdAt` (from the ids) narrows each lookup to its partition; ids without a time
   * are looked up everywhere.
   */
  lockForCommand: (
    tx: Queryable,
    webhook: { tenantId: string; subscriptionId: string },
    items: ReadonlyArray<{ id: string; createdAt: string | null }>,
  ) =>
    tx.query<DeliveryRow & Record<string, unknown>>(
      `select ${ROW}
         from unnest($3::text[], $4::timestamptz[]) as k(id, created_at)
         join webhook_deliveries d on d.id = k.id and (k.created_at is null or d.created_at = k.created_at)
        where d.tenant_id = $1 and d.subscription_id = $2
        order by d.id
        for no key update of d`,
      [webhook.tenantId, webhook.subscriptionId, items.map((i) => i.id), items.map((i) => i.createdAt)],
    ),

  /**
   * After deliveries of ordered webhooks left the line (done, failed, skipped), each webhook's
   * head is found again: the first place still waiting, which becomes due if it was waiting
   * in line. The webhooks' rows are locked first, in a statement of their own, so that a
   * publish that took a place meanwhile is seen (sent together, pipelined: the server runs the
   * second, with a snapshot of its own, once the first holds the locks). Answers the lines whose
   * next delivery became due.
   */
  nextInLine: async (
    tx: Queryable,
    subscriptionIds: readonly string[],
    at: string,
  ): Promise<Array<{ endpointId: string; tenantId: string }>> => {
    if (subscriptionIds.length === 0) return [];
    const ids = [...new Set(subscriptionIds)];
    const locked = tx.query(
      `select id from webhook_subscriptions where id = any($1::text[]) and ordering = 'fifo' order by id for no key update`,
      [ids],
    );
    const moved = tx.query<{ subscription_id: string; tenant_id: string }>(
      `with h as (select s.id, (select d.order_seq from webhook_deliveries d
                                 where d.subscription_id = s.id and d.order_seq is not null and d.state in ('queued', 'sending', 'backoff', 'held')
                                 order by d.order_seq limit 1) as head
                    from webhook_subscriptions s where s.id = any($1::text[]) and s.ordering = 'fifo'),
            u as (update webhook_subscriptions w set fifo_head = h.head from h where w.id = h.id returning w.id, h.head)
       update webhook_deliveries d set due_at = $2::timestamptz
         from u where d.subscription_id = u.id and d.order_seq = u.head and d.state = 'queued' and d.due_at is null
       returning d.subscription_id, d.tenant_id`,
      [ids, at],
    );
    const [, due] = await Promise.all([locked, moved]);
    return due.map((d) => ({ endpointId: d.subscription_id, tenantId: d.tenant_id }));
  },

  /** Deliveries sent again to an ordered webhook take new places at the end of its line (in the order given). */
  reline: async (tx: Queryable, subscriptionId: string, ids: readonly string[], at: string) => {
    if (ids.length === 0) return;
    const [sub] = await tx.query<{ fifo_last: string }>(
      `update webhook_subscriptions set fifo_last = fifo_last + $2 where id = $1 and ordering = 'fifo' returning (fifo_last - $2)::text as fifo_last`,
      [subscriptionId, ids.length],
    );
    if (!sub) return;
    await tx.query(
      `update webhook_deliveries d set order_seq = $3::bigint + o.n, due_at = null
         from unnest($2::text[]) with ordinality as o(id, n)
        where d.subscription_id = $1 and d.id = o.id and d.state = 'queued'`,
      [subscriptionId, ids, sub.fifo_last],
    );
    await dispatchStore.nextInLine(tx, [subscriptionId], at);
  },

  /** The rare transitions that make no attempt (manual retry, cancel), in the machine journal. */
  journal: async (
    tx: Queryable,
    at: string,
    entries: ReadonlyArray<{ id: string; tenantId: string; from: string; event: Record<string, unknown>; to: string }>,
  ) => {
    if (entries.length === 0) return;
    await tx.query(
      `insert into machine_journal (machine, instance_id, tenant_id, from_state, event_type, event, to_state, at)
       select 'delivery', j.id, j.tenant_id, j.from_state, j.event->>'type', j.event, j.to_state, $2::timestamptz
         from jsonb_to_recordset($1::jsonb) as j(id text, tenant_id text, from_state text, event jsonb, to_state text)`,
      [
        JSON.stringify(
          entries.map((e) => ({ id: e.id, tenant_id: e.tenantId, from_state: e.from, event: e.event, to_state: e.to })),
        ),
        at,
      ],
    );
  },
};
