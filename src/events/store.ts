// SQL of events: a publish (the event and its deliveries in one statement, also a replay's
// deliveries), the event an Idempotency-Key names, and history by tenant, type and time; one
// event with its deliveries. Every lookup by id reads the one day its id names (createdRange).
import type { Queryable } from '../db/index.ts';
import { maybeOne } from '../db/index.ts';
import type { DeliveryTemplate } from '../webhooks/dispatch/steps.ts';
import { listPage, type Page } from '../db/page.ts';
import { createdRange } from '../ids.ts';
import { SYSTEM_EVENT_TYPES } from '../webhooks/catalog.ts';

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

/** The service's own event types (they report on webhooks and deliveries). */
const SYSTEM_TYPES = [...SYSTEM_EVENT_TYPES];
/**
 * Whether an app (the parameter `app`, null for an administrator: every event) sees an event of
 * `events`: any but an operational one (of `types`) about a webhook that is not its own.
 */
const SEEN_BY_APP = (app: string, types: string) =>
  `(${app}::text is null or not (type = any(${types}::text[])) or data->>'webhook_id' in
     (select id from webhook_subscriptions where tenant_id = events.tenant_id and app_id = ${app}::text))`;

/** One event of a publish, or of a replay, as the publish statement takes it. */
export interface PublishRow {
  id: string;
  tenantId: string;
  type: string;
  data: unknown;
  idempotencyKey: string | null;
  /** A fingerprint of the request, kept with its Idempotency-Key. */
  requestSha256: string | null;
  /** The one subscription to write a delivery for, or null for every one that receives the type. */
  only: string | null;
  /** Of those, only this app's (a replay by an app's token): null for any owner's. */
  onlyApp?: string | null;
  /**
   * The webhook an operational event is about: it goes only to that webhook's app's webhooks
   * and the tenant's own, never to another app's (it names a webhook that app cannot see).
   */
  aboutWebhook?: string | null;
  createdAt: string;
  deliveryIdPrefix: string;
  traceparent: string | null;
  /** A replay (src/events/): the event is stored already; only deliveries are written, entered at this time. */
  replayAt?: string | null;
}

export interface PublishOutcome {
  /** False when nothing was written: the key is another event's (a publish), or the event is gone (a replay). */
  keyed: boolean;
  /** The deliveries written, in id order. */
  deliveries: Array<{ id: string; webhook_id: string; status: string }>;
}

const EVT = `id, type, data, deliveries, created_at, created_at::text as cursor_at`;
type R<T> = T & Record<string, unknown>;

export const eventStore = {
  /**
   * Events of the tenant in [since, until) (until null: no end) whose data matches `jsonpath` (a filter on `$v`, the
   * value searched as a string, and `$n`, as a number where it is one), newest first, at most
   * `limit`, looked for among the newest `scan` events of the range only: no index, so
   * publishing pays nothing for it, and a search reads a bounded number of rows.
   */
  withValue: (
    db: Queryable,
    tenantId: string,
    jsonpath: string,
    /** The value as text, and as a JSON number's text when it spells one (null otherwise). */
    vars: { v: string; number: string | null },
    range: { since: string; until: string | null },
    scan: number,
    limit: number,
  ) =>
    db.query<{ id: string; type: string; created_at: Date }>(
      `select e.id, e.type, e.created_at
         from (select id, type, data, created_at from events
                where tenant_id = $1 and created_at >= $2::timestamptz and ($3::timestamptz is null or created_at < $3::timestamptz)
                order by created_at desc, id desc limit $6) e
        where jsonb_path_exists(e.data, $4::jsonpath, $5::jsonb)
        order by e.created_at desc, e.id desc limit $7`,
      // $n is the number as written (jsonb keeps every digit), else the text again.
      [
        tenantId,
        range.since,
        range.until,
        jsonpath,
        `{"v":${JSON.stringify(vars.v)},"n":${vars.number ?? JSON.stringify(vars.v)}}`,
        scan,
        limit,
      ],
    ),
  /** How many events of the tenant are in [since, until) (until null: no end), counted up to `cap`. */
  countInRange: async (db: Queryable, tenantId: string, range: { since: string; until: string | null }, cap: number) =>
    (
      await db.query<{ n: number }>(
        `select count(*)::int as n from (select 1 from events
           where tenant_id = $1 and created_at >= $2::timestamptz and ($3::timestamptz is null or created_at < $3::timestamptz) limit $4) x`,
        [tenantId, range.since, range.until, cap],
      )
    )[0]!.n,
  /**
   * A tenant's events, newest first: of some types, since (inclusive) and until (exclusive) a
   * time; for an app (`appId`), none of the operational ones about another's webhooks.
   */
  list: (db: Queryable, tenantId: string, page: Page, f: EventFilter, appId: string | null = null) =>
    listPage<R<EventRow>>(
      db,
      page,
      [tenantId, f.types, f.since, f.until, appId, SYSTEM_TYPES],
      (k) =>
        `select ${EVT} from events
        where tenant_id = $1 and ($2::text[] is null or type = any($2::text[]))
          and created_at >= coalesce($3::timestamptz, '0001-01-01T00:00:00Z') and created_at < coalesce($4::timestamptz, '9999-12-31T23:59:59Z')
          and ${SEEN_BY_APP('$5', '$6')}
          and ${k.after}
        ${k.orderLimit}`,
    ),
  /** An event of the tenant; for an app (`appId`), not an operational one about another's webhook. */
  event: (db: Queryable, tenantId: string, id: string, appId: string | null = null) =>
    maybeOne<R<EventRow>>(
      db,
      `select ${EVT} from events where tenant_id = $1 and id = $2 and created_at between $3::timestamptz and $4::timestamptz
          and ${SEEN_BY_APP('$5', '$6')}`,
      [tenantId, id, ...createdRange(id), appId, SYSTEM_TYPES],
    ),
  /**
   * The body a delivery's requests carry, built from what is stored exactly as the engine builds
   * it (src/webhooks/dispatch/bodies.ts): every attempt sends the same body.
   */
  deliveryBody: async (db: Queryable, tenantId: string, eventId: string, eventType: string, createdAt: Date) =>
    (
      await db.query<{ body: string }>(
        `select '{"type":' || to_json($3::text)::text || ',"timestamp":"' || to_char($4::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","data":' || coalesce(data::text, 'null') || '}' as body
         from events where tenant_id = $1 and id = $2 and created_at = $4::timestamptz`,
        [tenantId, eventId, eventType, createdAt],
      )
    )[0]?.body ?? null,
  /**
   * Whole publishes in one statement, any number of them (a group commit: one round trip, one
   * commit), each as if alone: finds the subscriptions of its tenant that receive its type now
   * (all of them, or only `only`), takes its Idempotency-Key, and writes the event with their
   * count and one delivery each, in the state its webhook's status gives it (`templates`:
   * queued, held while paused, skipped while disabled). A key is taken unless another event
   * holds it (one held for more than its 24 hours is taken over); when it is held, that
   * publish's `keyed` is false and nothing of it is written. Two rows must not carry one key of
   * one tenant. A delivery id is the event's time and 15 hex characters (60 random bits) drawn
   * by the database, so the deliveries need no second round trip. Outcomes are in input order.
   */
  publish: async (
    db: Queryable,
    rows: readonly PublishRow[],
    templates: Readonly<Record<string, DeliveryTemplate>>,
  ): Promise<PublishOutcome[]> => {
    const events = rows.map((e, n) => ({
      n,
      id: e.id,
      tenant_id: e.tenantId,
      type: e.type,
      data: e.data,
      idempotency_key: e.idempotencyKey,
      request_sha256: e.requestSha256,
      only_id: e.only,
      only_app: e.onlyApp ?? null,
      about_webhook: e.aboutWebhook ?? null,
      created_at: e.createdAt,
      id_prefix: e.deliveryIdPrefix,
      traceparent: e.traceparent,
      replay_at: e.replayAt ?? null,
    }));
    const states = Object.entries(templates).map(([status, t]) => ({
      status,
      state: t.state,
      attempt: t.attempt,
      max_attempts: t.maxAttempts,
      client_errors: t.clientErrors,
      last_error: t.lastError,
      next_delay_ms: t.nextDelayMs,
      failure_reason: t.failureReason,
      due_in_ms: t.dueInMs,
    }));
    const out = await db.query<{
      n: number;
      keyed: boolean;
      ids: string[] | null;
      webhook_ids: string[] | null;
      statuses: string[] | null;
    }>(
      `with ev as (select * from jsonb_to_recordset($1::jsonb) as x(n integer, id text, tenant_id text, type text, data jsonb, idempotency_key text,
                                                                    request_sha256 text, only_id text, only_app text, about_webhook text,
                                                                    created_at timestamptz, id_prefix text,
                                                                    traceparent text, replay_at timestamptz)),
            k as (insert into event_idempotency_keys (tenant_id, idempotency_key, event_id, event_created_at, request_sha256)
                  select tenant_id, idempotency_key, id, created_at, request_sha256 from ev where idempotency_key is not null
                  on conflict (tenant_id, idempotency_key) do update set event_id = excluded.event_id, event_created_at = excluded.event_created_at,
                                                                       request_sha256 = excluded.request_sha256
                   where event_idempotency_keys.event_created_at <= now() - interval '24 hours'
                  returning event_id),
            -- A replay's event must still be stored (its day may have been retired meanwhile).
            ok as (select ev.* from ev
                    where (ev.idempotency_key is null or ev.id in (select event_id from k))
                      and (ev.replay_at is null or exists (select 1 from events e where e.id = ev.id and e.created_at = ev.created_at and e.tenant_id = ev.tenant_id))),
            -- Two branches, so that each can use its index (events: GIN, id: key).
            r as (select ok.n, s.id, s.status, s.ordering from ok
                    cross join lateral (select id, status, ordering from webhook_subscriptions
                                         where ok.only_id is null and tenant_id = ok.tenant_id and deleted_at is null and events @> array[ok.type]
                                           and (ok.only_app is null or app_id = ok.only_app)
                                           and (ok.about_webhook is null or app_id is null
                                                or app_id = (select a.app_id from webhook_subscriptions a
                                                              where a.id = ok.about_webhook and a.tenant_id = ok.tenant_id))
                                        union all
                                        select id, status, ordering from webhook_subscriptions
                                         where ok.only_id is not null and id = ok.only_id and tenant_id = ok.tenant_id and deleted_at is null) s),
            -- An ordered webhook's places in line, taken on its row (held until this commits, so
            -- places follow the commit order), in input order; the delivery at the head is due,
            -- the others wait. Rows are locked in id order: publishes to the same ordered
            -- webhooks, taken in another order, deadlocked (a fan-out of 100 at 16 publishes at once).
            fr as (select n, id from r where ordering = 'fifo' and status <> 'disabled'),
            fl as (select s.id from webhook_subscriptions s where s.id in (select id from fr) order by s.id for no key update of s),
            fc as (select id, count(*)::integer as c from fr group by id),
            f as (update webhook_subscriptions s set fifo_last = s.fifo_last + fc.c, fifo_head = coalesce(s.fifo_head, s.fifo_last + 1)
                    from fl join fc on fc.id = fl.id where s.id = fl.id
                  returning s.id, s.fifo_last - fc.c as base, s.fifo_head as head),
            fs as (select fr.n, fr.id, f.base + row_number() over (partition by fr.id order by fr.n) as order_seq, f.head
                     from fr join f on f.id = fr.id),
            e as (insert into events (id, tenant_id, type, data, idempotency_key, deliveries, created_at, traceparent)
                  select ok.id, ok.tenant_id, ok.type, ok.data, ok.idempotency_key, (select count(*) from r where r.n = ok.n), ok.created_at, ok.traceparent
                    from ok where ok.replay_at is null),
            d as (insert into webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, created_at, state, entered_at, attempt, max_attempts,
                                                  client_errors, last_error, next_delay_ms, failure_reason, due_at, order_seq)
                  select ok.id_prefix || substr(md5(random()::text || r.id), 1, 15), ok.tenant_id, r.id, ok.id, ok.type, ok.created_at,
                         case when fs.order_seq <> fs.head then 'queued' else c.state end, coalesce(ok.replay_at, ok.created_at), c.attempt, c.max_attempts,
                         c.client_errors, c.last_error, c.next_delay_ms, c.failure_reason,
                         case when fs.order_seq <> fs.head or c.due_in_ms is null then null
                              else coalesce(ok.replay_at, ok.created_at) + c.due_in_ms * interval '1 millisecond' end,
                         fs.order_seq
                    from r join ok on ok.n = r.n
                         join jsonb_to_recordset($2::jsonb) as c(status text, state text, attempt integer, max_attempts integer, client_errors integer,
                                                                 last_error text, next_delay_ms integer, failure_reason text, due_in_ms bigint) on c.status = r.status
                         left join fs on fs.n = r.n and fs.id = r.id
                  returning id, subscription_id, event_id, status),
            dd as (select event_id, array_agg(id order by id) as ids, array_agg(subscription_id order by id) as webhook_ids,
                          array_agg(status order by id) as statuses
                     from d group by event_id)
       select ev.n, ok.n is not null as keyed, dd.ids, dd.webhook_ids, dd.statuses
         from ev left join ok on ok.n = ev.n left join dd on dd.event_id = ev.id and ok.n is not null
        order by ev.n`,
      [JSON.stringify(events), JSON.stringify(states)],
    );
    if (out.length !== rows.length) throw new Error(`publish: expected ${rows.length} outcomes, got ${out.length}`);
    return out.map((o) => ({
      keyed: o.keyed,
      deliveries: (o.ids ?? []).map((id, i) => ({ id, webhook_id: o.webhook_ids![i]!, status: o.statuses![i]! })),
    }));
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
