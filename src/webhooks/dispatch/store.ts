// SQL of the delivery engine: claiming due deliveries, recording results with their attempt
// rows, creating a fan-out's deliveries, and the rare commands (retry, cancel). Every hot
// statement is set-based: one per batch (per partition a batch touches, usually one).
import type { Queryable } from '../../db/index.ts';
import type { DeliveryRecord, DeliveryState } from './steps.ts';

/** A due delivery as a claim reads it, with what sending it needs. */
export interface ClaimedRow {
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
  /** The webhook's status ('active', 'failing', 'paused', 'disabled'), read with its URL. */
  webhook_status: string;
  /** The webhook's rate limit (requests per second), or null. */
  rate_per_second: number | null;
  url: string;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_until: string | null;
  /** The event's data as stored (jsonb text): sent as is, never re-encoded. */
  data: string | null;
}

/** A delivery row's machine columns, as a record for DeliverySteps. */
export function recordOf(
  r: Pick<
    ClaimedRow,
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
const ROW = `d.id, d.created_at::text as created_at, ${iso('d.created_at')} as event_time, d.tableoid::regclass::text as part, d.ctid::text as ctid,
  d.tenant_id, d.subscription_id, d.event_id, d.event_type, d.state, d.prev_state, ${iso('d.entered_at')} as entered_at, d.attempt, d.max_attempts,
  d.client_errors, d.last_status, d.last_error, ${iso('d.last_attempt_at')} as last_attempt_at, d.next_delay_ms, d.next_delay_reason, d.failure_reason, ${iso('d.due_at')} as due_at, d.order_seq::text as order_seq`;
/** The names ROW answers under. */
const ROW_NAMES = [
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
const RECORD_PARAMS = `$1::text[], $2::text[], $3::integer[], $4::integer[], $5::integer[], $6::integer[], $7::text[], $8::timestamptz[], $9::integer[], $10::text[], $11::text[], $12::timestamptz[]`;
const RECORD_NAMES = `id, state, attempt, max_attempts, client_errors, last_status, last_error, last_attempt_at, next_delay_ms, next_delay_reason, failure_reason, due_at`;
const RECORD_SET = `state = v.state, attempt = v.attempt, max_attempts = v.max_attempts, client_errors = v.client_errors, last_status = v.last_status,
  last_error = v.last_error, last_attempt_at = v.last_attempt_at, next_delay_ms = v.next_delay_ms, next_delay_reason = v.next_delay_reason,
  failure_reason = v.failure_reason, due_at = v.due_at`;

function recordArrays(items: readonly Transition[]): unknown[] {
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
function partition(name: string): string {
  if (!IDENT.test(name) || !name.startsWith('webhook_deliveries_'))
    throw new Error(`not a delivery partition: ${name}`);
  return name;
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

export const dispatchStore = {
  /**
   * Claims up to `limit` due deliveries (SKIP LOCKED: workers share the work) and reads what
   * sending them needs. Queued deliveries to the `full` endpoints (no free slot in this
   * process) are left in the database; every other timer is taken, whatever its endpoint.
   */
  claim: async (tx: Queryable, now: string, limit: number, full: string[]): Promise<ClaimedRow[]> => {
    // A batch holds many deliveries of one event and of one webhook: the event's data and the
    // webhook's URL and secrets cross the wire once each (on the first row naming them).
    const rows = await tx.query<
      ClaimedRow & { first_of_event: boolean; first_of_webhook: boolean } & Record<string, unknown>
    >(
      `with due as (
         select ${ROW}, d.created_at as partition_key, d.due_at as due_order
           from webhook_deliveries d
          where d.due_at <= $1::timestamptz and (d.state <> 'queued' or d.subscription_id <> all($3::text[]))
          order by d.due_at limit $2
          for no key update skip locked),
       ranked as (
         select due.*, row_number() over (partition by due.event_id) = 1 as first_of_event, row_number() over (partition by due.subscription_id) = 1 as first_of_webhook
           from due)
       select ${ROW_NAMES.map((n) => `ranked.${n}`).join(', ')}, ranked.first_of_event, ranked.first_of_webhook,
              -- Key lookups, only on the rows that carry them. As joins, the planner hashed every
              -- subscription of the install for a claim of a few rows (10,000 webhooks: 18 ms a
              -- claim, p50 publish-to-receive 9 -> 44 ms).
              case when first_of_webhook then (select s.url from webhook_subscriptions s where s.id = ranked.subscription_id) end as url,
              case when first_of_webhook then (select s.secret_sealed from webhook_subscriptions s where s.id = ranked.subscription_id) end as secret_sealed,
              case when first_of_webhook then (select s.previous_secret_sealed from webhook_subscriptions s where s.id = ranked.subscription_id) end as previous_secret_sealed,
              case when first_of_webhook then (select s.snapshot #>> '{context,previousSecretUntil}' from webhook_subscriptions s where s.id = ranked.subscription_id) end as previous_until,
              case when first_of_webhook then (select case when s.deleted_at is null then s.status else 'deleted' end from webhook_subscriptions s where s.id = ranked.subscription_id) end as webhook_status,
              case when first_of_webhook then (select s.rate_per_second from webhook_subscriptions s where s.id = ranked.subscription_id) end as rate_per_second,
              case when first_of_event then (select e.data::text from events e where e.id = ranked.event_id and e.created_at = ranked.partition_key) end as data
         from ranked
        -- Due order (the window functions above re-sort): an endpoint with room for fewer than
        -- the batch holds for it takes the ones due first.
        order by ranked.due_order`,
      [now, limit, full],
    );
    const webhooks = new Map<
      string,
      Pick<
        ClaimedRow,
        'url' | 'secret_sealed' | 'previous_secret_sealed' | 'previous_until' | 'webhook_status' | 'rate_per_second'
      >
    >();
    const data = new Map<string, string | null>();
    for (const r of rows) {
      if (r.first_of_webhook)
        webhooks.set(r.subscription_id, {
          url: r.url,
          secret_sealed: r.secret_sealed,
          previous_secret_sealed: r.previous_secret_sealed,
          previous_until: r.previous_until,
          webhook_status: r.webhook_status,
          rate_per_second: r.rate_per_second,
        });
      if (r.first_of_event) data.set(r.event_id, r.data);
    }
    return rows.map(({ first_of_event: _e, first_of_webhook: _w, ...r }) => ({
      ...r,
      ...webhooks.get(r.subscription_id)!,
      data: data.get(r.event_id) ?? null,
    }));
  },

  /**
   * Takes up to `want` requests from each rate-limited webhook's bucket (refilled since it was
   * last taken from), its row locked: workers of every process share it. Answers how many each
   * may send now, and when its next token comes (ms from now).
   */
  takeTokens: async (
    tx: Queryable,
    at: string,
    wants: ReadonlyArray<{ id: string; want: number }>,
  ): Promise<Map<string, { granted: number; nextInMs: number }>> => {
    if (wants.length === 0) return new Map();
    await tx.query(`select id from webhook_subscriptions where id = any($1::text[]) order by id for no key update`, [
      wants.map((w) => w.id),
    ]);
    const rows = await tx.query<{ id: string; granted: number; next_in_ms: number }>(
      `with a as (select s.id, s.rate_per_second as rate, w.want,
                         least(s.rate_per_second::float8, coalesce(s.rate_tokens + greatest(0, extract(epoch from ($1::timestamptz - s.rate_at))) * s.rate_per_second, s.rate_per_second)) as avail
                    from webhook_subscriptions s join unnest($2::text[], $3::integer[]) as w(id, want) on w.id = s.id
                   where s.rate_per_second is not null),
            g as (select id, rate, avail, least(want, floor(avail))::integer as granted from a)
       update webhook_subscriptions s set rate_tokens = g.avail - g.granted, rate_at = $1::timestamptz
         from g where s.id = g.id
       returning s.id, g.granted, ceil((1 - (g.avail - g.granted - floor(g.avail - g.granted))) * 1000 / g.rate)::integer as next_in_ms`,
      [at, wants.map((w) => w.id), wants.map((w) => w.want)],
    );
    return new Map(rows.map((r) => [r.id, { granted: r.granted, nextInMs: r.next_in_ms }]));
  },

  /** Of these deliveries, those in sending since `at` at the given attempt (a claim made then), with their ctids. */
  claimedAt: async (
    db: Queryable,
    at: string,
    items: ReadonlyArray<{ id: string; createdAt: string; attempt: number }>,
  ): Promise<Map<string, string>> => {
    const rows = await db.query<{ id: string; ctid: string }>(
      `select d.id, d.ctid::text as ctid
         from unnest($2::text[], $3::timestamptz[], $4::integer[]) as k(id, created_at, attempt)
         join webhook_deliveries d on d.id = k.id and d.created_at = k.created_at
        where d.state = 'sending' and d.entered_at = $1::timestamptz and d.attempt = k.attempt`,
      [at, items.map((i) => i.id), items.map((i) => i.createdAt), items.map((i) => i.attempt)],
    );
    return new Map(rows.map((r) => [r.id, r.ctid]));
  },

  /** The earliest timer a claim would take (queued deliveries to `full` endpoints wait for a slot), read from the due index. */
  nextDue: async (db: Queryable, full: string[]): Promise<Date | null> =>
    (
      await db.query<{ due_at: Date }>(
        `select due_at from webhook_deliveries where due_at is not null and (state <> 'queued' or subscription_id <> all($1::text[])) order by due_at limit 1`,
        [full],
      )
    )[0]?.due_at ?? null,

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
   * Records results: each delivery still sending that attempt takes its next columns, and its
   * attempt row is written, in one statement. Answers the ids recorded; a result whose
   * delivery moved on (its lease ran out and another attempt began) is not.
   */
  recordAttempts: async (
    tx: Queryable,
    part: string,
    at: string,
    items: readonly AttemptRecord[],
  ): Promise<Set<string>> => {
    if (items.length === 0) return new Set();
    // Found by the ctid the claim left (the row is not changed while it is sent, unless its
    // lease runs out); what is not found there is looked for by id, which decides.
    const done = await dispatchStore.recordAttemptsAt(tx, part, at, items, 'ctid');
    const rest = items.filter((i) => !done.has(i.id));
    if (rest.length) for (const id of await dispatchStore.recordAttemptsAt(tx, part, at, rest, 'id')) done.add(id);
    return done;
  },

  recordAttemptsAt: async (
    tx: Queryable,
    part: string,
    at: string,
    items: readonly AttemptRecord[],
    by: 'ctid' | 'id',
  ): Promise<Set<string>> => {
    // The expected state comes as a column: written as a constant, the planner took its
    // statistics (hardly any row is in sending when it analyzed) and planned for one row.
    const rows = await tx.query<{ delivery_id: string }>(
      `with done as (
         update ${partition(part)} as d set ${RECORD_SET}, prev_state = d.state, entered_at = $13::timestamptz
           from unnest(${RECORD_PARAMS},
                       $14::integer[], $15::text[], $16::timestamptz[], $17::integer[], $18::integer[], $19::text[], $20::text[], $21::integer[], $22::text[], $23::tid[])
             as v(${RECORD_NAMES},
                  sent_attempt, from_state, started_at, duration_ms, response_status, response_body, error, request_timestamp, expect_state, ctid)
          where ${by === 'ctid' ? 'd.ctid = v.ctid' : 'd.id = any($1::text[])'} and d.id = v.id and d.state = v.expect_state and d.attempt = v.sent_attempt
         returning d.id, d.created_at, d.tenant_id, d.subscription_id, v.sent_attempt, v.from_state, v.state, v.started_at, v.duration_ms,
                   v.response_status, v.response_body, v.error, v.request_timestamp)
       insert into webhook_attempts (delivery_id, delivery_created_at, tenant_id, subscription_id, attempt, from_state, to_state, started_at,
                                     attempted_at, duration_ms, response_status, response_body, error, request_timestamp)
       select id, created_at, tenant_id, subscription_id, sent_attempt, from_state, state, started_at, $13::timestamptz, duration_ms,
              response_status, response_body, error, request_timestamp
         from done
       returning delivery_id`,
      [
        ...recordArrays(items),
        at,
        items.map((i) => i.attempt),
        items.map((i) => i.fromState),
        items.map((i) => i.startedAt),
        items.map((i) => i.durationMs),
        items.map((i) => i.responseStatus),
        items.map((i) => i.responseBody),
        items.map((i) => i.error),
        items.map((i) => i.requestTimestamp),
        items.map(() => 'sending'),
        items.map((i) => i.ctid),
      ],
    );
    return new Set(rows.map((r) => r.delivery_id));
  },

  /**
   * Settings of a claim or results transaction:
   * - planned as the rows it touches ask: a nested loop reaching each row by its ctid. Left to
   *   its statistics (taken when most rows were queued, a partition of 30,000), the planner
   *   hashed or scanned the whole partition for a batch of 1,000: 846 ms a batch, against 15 ms;
   * - committed without waiting for the WAL flush. A crash can lose the last moments of claims
   *   and results; their deliveries are then still claimed or sending, and are sent again when
   *   due or when their lease runs out: at least once, never lost. What a tenant publishes
   *   commits synchronously.
   */
  hotTransaction: async (tx: Queryable) => {
    await tx.query(`select set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true), set_config('enable_seqscan', 'off', true),
                           set_config('synchronous_commit', 'off', true)`);
  },

  /**
   * Deliveries by id for a command, locked. `createdAt` (from the ids) narrows each lookup to
   * its partition; ids without a time are looked up everywhere.
   */
  lockForCommand: (tx: Queryable, tenantId: string, items: ReadonlyArray<{ id: string; createdAt: string | null }>) =>
    tx.query<ClaimedRow & Record<string, unknown>>(
      `select ${ROW}
         from unnest($2::text[], $3::timestamptz[]) as k(id, created_at)
         join webhook_deliveries d on d.id = k.id and (k.created_at is null or d.created_at = k.created_at)
        where d.tenant_id = $1
        order by d.id
        for no key update of d`,
      [tenantId, items.map((i) => i.id), items.map((i) => i.createdAt)],
    ),

  /** A lease that ran out is an attempt without a result: recorded as one, with the reason. */
  lostAttempts: async (
    tx: Queryable,
    at: string,
    endedBy: string,
    items: ReadonlyArray<{ row: ClaimedRow; to: DeliveryState; error: string }>,
  ) => {
    if (items.length === 0) return;
    await tx.query(
      `insert into webhook_attempts (delivery_id, delivery_created_at, tenant_id, subscription_id, attempt, from_state, to_state, ended_by, started_at,
                                     attempted_at, duration_ms, response_status, response_body, error, request_timestamp)
       select a.id, a.created_at, a.tenant_id, a.subscription_id, a.attempt, a.from_state, a.to_state, $3, a.started_at, $1::timestamptz,
              greatest(0, floor(extract(epoch from ($1::timestamptz - a.started_at)) * 1000))::integer, null, null, a.error, null
         from jsonb_to_recordset($2::jsonb) as a(id text, created_at timestamptz, tenant_id text, subscription_id text, attempt integer,
                                                 from_state text, to_state text, started_at timestamptz, error text)
       on conflict do nothing`,
      [
        at,
        JSON.stringify(
          items.map((i) => ({
            id: i.row.id,
            created_at: i.row.created_at,
            tenant_id: i.row.tenant_id,
            subscription_id: i.row.subscription_id,
            attempt: i.row.attempt,
            from_state: i.row.prev_state ?? 'queued',
            to_state: i.to,
            started_at: i.row.entered_at,
            error: i.error,
          })),
        ),
        endedBy,
      ],
    );
  },

  /**
   * Which of these subscriptions are not active, their rows locked (in id order and mode, as the
   * runtime locks them) so that a failure another batch has recorded but not yet committed is
   * waited for and seen, instead of read around.
   */
  notActive: async (tx: Queryable, ids: string[]) =>
    (
      await tx.query<{ id: string; status: string }>(
        `select id, status from webhook_subscriptions where id = any($1::text[]) order by id for no key update`,
        [ids],
      )
    )
      .filter((r) => r.status !== 'active')
      .map((r) => r.id),

  /**
   * After deliveries of ordered webhooks left the line (done, failed, skipped), each webhook's
   * head is found again: the first place still waiting, which becomes due if it was waiting
   * in line. The webhooks' rows are locked first, in a statement of their own, so that a
   * publish that took a place meanwhile is seen.
   */
  nextInLine: async (tx: Queryable, subscriptionIds: readonly string[], at: string): Promise<number> => {
    if (subscriptionIds.length === 0) return 0;
    await tx.query(
      `select id from webhook_subscriptions where id = any($1::text[]) and ordering = 'fifo' order by id for no key update`,
      [[...new Set(subscriptionIds)]],
    );
    const due = await tx.query(
      `with h as (select s.id, (select d.order_seq from webhook_deliveries d
                                 where d.subscription_id = s.id and d.order_seq is not null and d.state in ('queued', 'sending', 'backoff', 'held')
                                 order by d.order_seq limit 1) as head
                    from webhook_subscriptions s where s.id = any($1::text[]) and s.ordering = 'fifo'),
            u as (update webhook_subscriptions w set fifo_head = h.head from h where w.id = h.id returning w.id, h.head)
       update webhook_deliveries d set due_at = $2::timestamptz
         from u where d.subscription_id = u.id and d.order_seq = u.head and d.state = 'queued' and d.due_at is null
       returning d.id`,
      [[...new Set(subscriptionIds)], at],
    );
    return due.length;
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
