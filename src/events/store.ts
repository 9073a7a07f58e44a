// SQL of events: a publish (the event and its deliveries in one statement, also a replay's
// deliveries), the event an Idempotency-Key names, and history by tenant, type and time; one
// event with its deliveries. Every lookup by id reads the one day its id names (createdRange).
import type { Queryable } from '../db/index.ts';
import { maybeOne, one } from '../db/index.ts';
import type { DeliveryRecord } from '../webhooks/dispatch/steps.ts';
import { listPage, type Page } from '../db/page.ts';
import { createdRange, DELIVERY_KEYS, DLV, LAST_ATTEMPT, type DeliveryRow } from '../webhooks/store.ts';

export interface EventRow {
  id: string;
  type: string;
  data: Record<string, unknown>;
  deliveries: number;
  created_at: Date;
  cursor_at: string;
}

export interface EventFilter {
  types: string[] | null;
  since: string | null;
  until: string | null;
}

const EVT = `id, type, data, deliveries, created_at, created_at::text as cursor_at`;
type R<T> = T & Record<string, unknown>;

export const eventStore = {
  /** A tenant's events, newest first: of some types, since (inclusive) and until (exclusive) a time. */
  list: (db: Queryable, tenantId: string, page: Page, f: EventFilter) =>
    listPage<R<EventRow>>(
      db,
      page,
      [tenantId, f.types, f.since, f.until],
      (k) =>
        `select ${EVT} from events
        where tenant_id = $1 and ($2::text[] is null or type = any($2::text[]))
          and created_at >= coalesce($3::timestamptz, '0001-01-01T00:00:00Z') and created_at < coalesce($4::timestamptz, '9999-12-31T23:59:59Z')
          and ${k.after}
        ${k.orderLimit}`,
    ),
  event: (db: Queryable, tenantId: string, id: string) =>
    maybeOne<R<EventRow>>(
      db,
      `select ${EVT} from events where tenant_id = $1 and id = $2 and created_at between $3::timestamptz and $4::timestamptz`,
      [tenantId, id, ...createdRange(id)],
    ),
  /** Every delivery of one event (published and replayed), across the tenant's webhooks: from the event's own day. */
  // An event's time is passed as Postgres' own text (cursor_at): a Date would drop the
  // microseconds of events from before time-carrying ids, and match none of their deliveries.
  deliveries: (db: Queryable, tenantId: string, event: Pick<EventRow, 'id' | 'cursor_at'>, page: Page) =>
    listPage<R<DeliveryRow>>(
      db,
      page,
      [tenantId, event.id, event.cursor_at],
      (k) =>
        `select ${DLV} from webhook_deliveries d ${LAST_ATTEMPT}
        where d.tenant_id = $1 and d.event_id = $2 and d.created_at = $3::timestamptz
          and ${k.after}
        ${k.orderLimit}`,
      DELIVERY_KEYS,
    ),
  /**
   * A whole publish in one statement: finds the subscriptions of the tenant that receive this
   * type now (all of them, or only `only`), takes the Idempotency-Key, and writes the event with
   * their count and one delivery each, in the state its webhook's status gives it (`records`:
   * queued, held while paused, skipped while disabled). A key is taken unless another event
   * holds it (one held for more than its 24 hours is taken over); when it is held, `keyed` is
   * false and nothing is written. A delivery id is the event's time and 15 hex characters (60
   * random bits) drawn by the database, so the deliveries need no second round trip.
   */
  publish: async (
    db: Queryable,
    e: {
      id: string;
      tenantId: string;
      type: string;
      data: unknown;
      idempotencyKey: string | null;
      only: string | null;
      createdAt: string;
      deliveryIdPrefix: string;
      records: Record<string, DeliveryRecord>;
      traceparent: string | null;
      /** A fingerprint of the request, kept with its Idempotency-Key. */
      requestSha256?: string | null;
      /**
       * A replay (src/events/): the event is stored already; only deliveries are written, entered
       * now, and none when it is gone (`keyed` false). `replayed` lists them as they were written.
       */
      replay?: { enteredAt: string };
    },
  ) => {
    // Two shapes of one statement, so that each plan can use its index (events: GIN, id: key).
    const receives = e.only === null ? 'events @> array[$3::text]' : 'id = $3';
    const records = Object.entries(e.records).map(([status, r]) => ({
      status,
      state: r.state,
      attempt: r.attempt,
      max_attempts: r.maxAttempts,
      client_errors: r.clientErrors,
      last_error: r.lastError,
      next_delay_ms: r.nextDelayMs,
      failure_reason: r.failureReason,
      due_at: r.dueAt,
    }));
    const row = await one<{
      delivery_ids: string[];
      keyed: boolean;
      replayed: Array<{ id: string; webhook_id: string; status: string }> | null;
    }>(
      db,
      `with r as (select id, status, ordering from webhook_subscriptions
                   where tenant_id = $1 and deleted_at is null and ${receives}),
            k as (insert into event_idempotency_keys (tenant_id, idempotency_key, event_id, event_created_at, request_sha256)
                  select $1, $6, $4, $7::timestamptz, $12 where $6::text is not null
                  on conflict (tenant_id, idempotency_key) do update set event_id = excluded.event_id, event_created_at = excluded.event_created_at,
                                                                       request_sha256 = excluded.request_sha256
                   where event_idempotency_keys.event_created_at <= now() - interval '24 hours'
                  returning 1),
            ok as (select ($6::text is null or exists (select 1 from k))
                          and ($10::timestamptz is null or exists (select 1 from events where id = $4 and created_at = $7::timestamptz and tenant_id = $1)) as keyed),
            -- An ordered webhook's place in line, taken on its row (held until this commits, so
            -- places follow the commit order); the delivery at the head is due, the others wait.
            -- Locked in id order first: publishes to the same ordered webhooks, taken in another
            -- order, deadlocked (a fan-out of 100 at 16 publishes at once).
            fl as (select s.id from webhook_subscriptions s
                    where s.id in (select id from r where r.ordering = 'fifo' and r.status <> 'disabled') and (select keyed from ok)
                    order by s.id for no key update of s),
            f as (update webhook_subscriptions s set fifo_last = s.fifo_last + 1, fifo_head = coalesce(s.fifo_head, s.fifo_last + 1)
                   from fl where s.id = fl.id
                  returning s.id, s.fifo_last as order_seq, s.fifo_head = s.fifo_last as head),
            e as (insert into events (id, tenant_id, type, data, idempotency_key, deliveries, created_at, traceparent)
                  select $4, $1, $2, $5::jsonb, $6, (select count(*) from r), $7::timestamptz, $11 from ok where ok.keyed and $10::timestamptz is null),
            d as (insert into webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, created_at, state, entered_at, attempt, max_attempts,
                                                  client_errors, last_error, next_delay_ms, failure_reason, due_at, order_seq)
                  select $8 || substr(md5(random()::text || r.id), 1, 15), $1, r.id, $4, $2, $7::timestamptz,
                         case when f.head is false then 'queued' else c.state end, coalesce($10::timestamptz, $7::timestamptz), c.attempt, c.max_attempts,
                         c.client_errors, c.last_error, c.next_delay_ms, c.failure_reason, case when f.head is false then null else c.due_at end, f.order_seq
                    from r join jsonb_to_recordset($9::jsonb) as c(status text, state text, attempt integer, max_attempts integer, client_errors integer,
                                                                  last_error text, next_delay_ms integer, failure_reason text, due_at timestamptz) on c.status = r.status
                         left join f on f.id = r.id,
                         ok where ok.keyed
                  returning id, subscription_id, status)
       select array(select id from d) as delivery_ids, (select keyed from ok) as keyed,
              case when $10::timestamptz is not null then (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'webhook_id', subscription_id, 'status', status) order by id), '[]') from d) end as replayed`,
      [
        e.tenantId,
        e.type,
        e.only ?? e.type,
        e.id,
        JSON.stringify(e.data),
        e.idempotencyKey,
        e.createdAt,
        e.deliveryIdPrefix,
        JSON.stringify(records),
        e.replay?.enteredAt ?? null,
        e.traceparent,
        e.requestSha256 ?? null,
      ],
    );
    return row;
  },
  /** The event an Idempotency-Key of the tenant names (for 24 hours), with the fingerprint of the request it was taken for. */
  byKey: (db: Queryable, tenantId: string, key: string) =>
    maybeOne<
      { id: string; type: string; deliveries: number; created_at: Date; request_sha256: string | null } & Record<
        string,
        unknown
      >
    >(
      db,
      `select e.id, e.type, e.deliveries, e.created_at, k.request_sha256 from event_idempotency_keys k
             join events e on e.id = k.event_id and e.created_at = k.event_created_at
            where k.tenant_id = $1 and k.idempotency_key = $2 and k.event_created_at > now() - interval '24 hours'`,
      [tenantId, key],
    ),
};
