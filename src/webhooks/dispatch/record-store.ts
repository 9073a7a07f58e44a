// SQL of recording what happened to claimed deliveries (src/webhooks/dispatch/completer.ts and,
// for leases that ran out, the claimer): the deliveries' next columns and their attempt rows in
// one statement per batch, and the webhooks' rows that hear about failures.
import type { Queryable } from '../../db/index.ts';
import {
  partition,
  RECORD_NAMES,
  RECORD_PARAMS,
  RECORD_SET,
  recordArrays,
  type AttemptRecord,
  type DeliveryRow,
  type DeliveryState,
} from './store.ts';

export const recordStore = {
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
    const done = await recordStore.recordAttemptsAt(tx, part, at, items, 'ctid');
    const rest = items.filter((i) => !done.has(i.id));
    if (rest.length) for (const id of await recordStore.recordAttemptsAt(tx, part, at, rest, 'id')) done.add(id);
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

  /** A lease that ran out is an attempt without a result: recorded as one, with the reason. */
  lostAttempts: async (
    tx: Queryable,
    at: string,
    endedBy: string,
    items: ReadonlyArray<{ row: DeliveryRow; to: DeliveryState; error: string }>,
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
};
