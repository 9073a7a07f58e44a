import type { Queryable } from '../db/index.ts';
import { maybeOne } from '../db/index.ts';
import { createdRange } from '../ids.ts';
import type { DeliveryState } from './dispatch/steps.ts';
import type { SubscriptionContext } from '../../machines/subscription.ts';
import { listPage, type Keyset, type Page } from '../db/page.ts';

export interface SubscriptionRow {
  id: string;
  tenant_id: string;
  url: string;
  events: string[];
  secret_sealed: string;
  previous_secret_sealed: string | null;
  status: string;
  /** The integrator app it belongs to; null: the tenant's own. */
  app_id: string | null;
  ordering: 'none' | 'fifo';
  rate_per_second: number | null;
  state: string;
  snapshot: { context: Pick<SubscriptionContext, 'previousSecretUntil' | 'disabledReason' | 'consecutiveFailures'> };
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

export interface DeliveryRow {
  id: string;
  tenant_id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  state: DeliveryState;
  status: string;
  attempt: number;
  last_status: number | null;
  last_error: string | null;
  due_at: Date | null;
  next_delay_reason: string | null;
  failure_reason: string | null;
  order_seq: string | null;
  created_at: Date;
  cursor_at: string;
  attempted_at: Date | null;
  duration_ms: number | null;
}

export interface AttemptRow {
  attempt: number;
  attempted_at: Date;
  duration_ms: number;
  response_status: number | null;
  response_body: string | null;
  error: string | null;
  request_timestamp: number | null;
}

const SUB = `id, tenant_id, url, events, secret_sealed, previous_secret_sealed, status, app_id, ordering, rate_per_second, state, snapshot, created_at, updated_at, created_at::text as cursor_at`;
/** A delivery row as the history shows it (`d`), with its latest attempt (`a`: LAST_ATTEMPT). */
const DLV = `d.id, d.tenant_id, d.subscription_id, d.event_id, d.event_type, d.state, d.status, d.attempt, d.last_status, d.last_error, d.due_at,
  d.next_delay_reason, d.failure_reason, d.order_seq, d.created_at, d.created_at::text as cursor_at,
  a.attempted_at, a.duration_ms`;
/** A delivery's latest attempt, read from its own partition. */
const LAST_ATTEMPT = `left join lateral (select a.attempted_at, a.duration_ms from webhook_attempts a
  where a.delivery_id = d.id and a.delivery_created_at = d.created_at order by a.attempt desc limit 1) a on true`;

/**
 * A delivery's last answer, as its list shows it (response_status): a status or a class of them
 * (from..to, inclusive), or 'none' for an attempt that got no answer (a connection error, a timeout;
 * not a skipped delivery, whose last answer is not kept).
 */
export type ResponseMatch = { from: number; to: number } | 'none';

/** What a webhook's delivery list filters by, each part optional (since inclusive, until exclusive). */
export interface DeliveryFilter {
  status?: string | null;
  eventId?: string | null;
  eventType?: string | null;
  since?: string | null;
  until?: string | null;
  response?: ResponseMatch | null;
}

/** A DeliveryFilter's response part as three query parameters: from, to, and whether "no answer". */
const responseParams = (r: ResponseMatch | null | undefined) =>
  r === 'none' ? [null, null, true] : r ? [r.from, r.to, false] : [null, null, false];
/** The SQL of responseParams() at $n, $n+1, $n+2, on the alias d. */
const responseWhere = (n: number) =>
  `($${n}::int is null or d.last_status between $${n}::int and $${n + 1}::int) and (not $${n + 2}::boolean or (d.last_status is null and d.attempt > 0 and d.state <> 'skipped'))`;

/** What a delivery waits on (webhookStore.deliveryWait); the counts are null where they do not apply. */
export interface DeliveryWait {
  entered_at: Date | null;
  due_at: Date | null;
  max_attempts: number;
  /** Requests of its webhook in flight now. */
  in_flight: number;
  /** Due deliveries of its webhook queued before it (a queued, due delivery only). */
  queued_ahead: number | null;
  /** Deliveries ahead of it in its ordered webhook's line (one in the line only). */
  line_ahead: number | null;
}

/** Per webhook over a window: attempts, successes, latency percentiles; per bucket when `bucket` is set. */
export interface HealthRow {
  subscription_id: string;
  bucket: number | null;
  attempts: number;
  succeeded: number;
  p50: number | null;
  p95: number | null;
}

/** A webhook's queue: its deliveries not yet settled, by what they wait for (each count stops at the cap). */
export interface QueueRow {
  subscription_id: string;
  /** Queued and due: waiting for a worker's claim, a slot or a rate-limit token. */
  due: number;
  /** When the longest-waiting due one became due. */
  oldest_due_at: Date | null;
  /** Queued behind the head of an ordered webhook's line. */
  in_line: number;
  sending: number;
  backoff: number;
  /** When the next retry is due. */
  next_retry_at: Date | null;
  held: number;
}

type R<T> = T & Record<string, unknown>;

/** A bulk action's filter over one webhook's deliveries, on the alias d: its parameters are bulkParams(). */
const BULK_WHERE = `d.tenant_id = $1 and d.subscription_id = $2 and ($3::text is null or d.status = $3)
  and ($4::text is null or d.event_type = $4)
  and d.created_at >= coalesce($5::timestamptz, '0001-01-01T00:00:00Z') and d.created_at < coalesce($6::timestamptz, '9999-12-31T23:59:59Z')
  and ${responseWhere(7)}`;
const bulkParams = (tenantId: string, subscriptionId: string, f: DeliveryFilter, limit: number) => [
  tenantId,
  subscriptionId,
  f.status ?? null,
  f.eventType ?? null,
  f.since ?? null,
  f.until ?? null,
  ...responseParams(f.response),
  limit,
];

/** Deliveries are listed by their own (created_at, id), read through the alias d. */
const DELIVERY_KEYS: Keyset = { at: 'd.created_at', id: 'd.id' };

export const webhookStore = {
  subscription: (db: Queryable, tenantId: string, id: string) =>
    maybeOne<R<SubscriptionRow>>(
      db,
      `select ${SUB} from webhook_subscriptions where tenant_id = $1 and id = $2 and deleted_at is null`,
      [tenantId, id],
    ),
  /**
   * The tenant's webhooks, newest first; of these statuses only when `statuses` is given, of
   * this app only when `appId` is.
   */
  subscriptions: (
    db: Queryable,
    tenantId: string,
    page: Page,
    statuses: readonly string[] | null = null,
    appId: string | null = null,
  ) =>
    listPage<R<SubscriptionRow>>(
      db,
      page,
      [tenantId, statuses, appId],
      (k) =>
        `select ${SUB} from webhook_subscriptions where tenant_id = $1 and deleted_at is null
          and ($2::text[] is null or status = any($2::text[]))
          and ($3::text is null or app_id = $3)
          and ${k.after}
        ${k.orderLimit}`,
    ),
  updateSubscription: (
    db: Queryable,
    tenantId: string,
    id: string,
    patch: {
      url?: string;
      events?: string[];
      secretSealed?: string;
      previousSecretSealed?: string | null;
      ordering?: 'none' | 'fifo';
      ratePerSecond?: number | null;
      /** undefined keeps the owner; null makes it the tenant's own. */
      appId?: string | null;
    },
    /** Changes it only while it is this app's (an app's token: see ownerScope); null for any. */
    ownedBy: string | null = null,
  ) =>
    db.query(
      `update webhook_subscriptions set url = coalesce($3, url), events = coalesce($4::text[], events),
              app_id = case when $10 then $11::text else app_id end,
              secret_sealed = coalesce($5, secret_sealed),
              previous_secret_sealed = case when $5::text is null then previous_secret_sealed else $6 end,
              ordering = coalesce($7, ordering),
              rate_per_second = case when $8 then $9::integer else rate_per_second end,
              updated_at = now()
        where tenant_id = $1 and id = $2 and ($12::text is null or app_id = $12)`,
      [
        tenantId,
        id,
        patch.url ?? null,
        patch.events ?? null,
        patch.secretSealed ?? null,
        patch.previousSecretSealed ?? null,
        patch.ordering ?? null,
        patch.ratePerSecond !== undefined,
        patch.ratePerSecond ?? null,
        patch.appId !== undefined,
        patch.appId ?? null,
        ownedBy,
      ],
    ),
  /** A webhook that stops delivering in order: what waited in its line is due now, and out of line. */
  leaveLine: (db: Queryable, tenantId: string, id: string, at: string) =>
    db.query(
      `update webhook_deliveries set order_seq = null, due_at = case when state = 'queued' and due_at is null then $3::timestamptz else due_at end
        where tenant_id = $1 and subscription_id = $2 and order_seq is not null and state in ('queued', 'sending', 'backoff', 'held')`,
      [tenantId, id, at],
    ),
  /** Deliveries of a subscription still waiting to be sent (queued, in backoff, held or skipped). */
  pending: (db: Queryable, tenantId: string, subscriptionId: string) =>
    db.query<{ id: string }>(
      `select id from webhook_deliveries where tenant_id = $1 and subscription_id = $2 and state in ('queued', 'backoff', 'held', 'skipped')`,
      [tenantId, subscriptionId],
    ),
  /**
   * Spaces deliveries just made due alike a microsecond apart, in the order given, the last one
   * due as it was: claims take them in that order, and none is due later than it was.
   */
  dueInOrder: (db: Queryable, tenantId: string, ids: readonly string[]) =>
    db.query(
      `update webhook_deliveries d set due_at = d.due_at - ((cardinality($2::text[]) - o.n) * interval '1 microsecond')
                from unnest($2::text[]) with ordinality as o(id, n)
               where d.tenant_id = $1 and d.id = o.id and d.state = 'queued'`,
      [tenantId, ids],
    ),
  /** A subscription's held deliveries, oldest first. */
  heldDeliveries: (db: Queryable, tenantId: string, subscriptionId: string) =>
    db.query<{ id: string }>(
      `select id from webhook_deliveries where tenant_id = $1 and subscription_id = $2 and state = 'held' order by created_at, seq`,
      [tenantId, subscriptionId],
    ),
  /**
   * How many webhooks the tenant has, its row locked first: creations of one tenant take turns,
   * so two at once cannot both see room for one more.
   */
  /** Whether the tenant has an app of this id (a webhook's owner must be one). */
  hasApp: async (db: Queryable, tenantId: string, appId: string): Promise<boolean> =>
    (await maybeOne(db, 'select 1 from apps where tenant_id = $1 and id = $2', [tenantId, appId])) !== null,
  countForCreate: async (tx: Queryable, tenantId: string): Promise<number> => {
    await tx.query('select 1 from tenants where id = $1 for no key update', [tenantId]);
    const [row] = await tx.query<{ n: number }>(
      'select count(*)::int as n from webhook_subscriptions where tenant_id = $1 and deleted_at is null',
      [tenantId],
    );
    return row?.n ?? 0;
  },

  /** The tenant's webhooks whose URL holds `text` (any case), newest first, at most `limit`. */
  withUrlContaining: (db: Queryable, tenantId: string, text: string, limit: number) =>
    db.query<R<SubscriptionRow>>(
      `select ${SUB} from webhook_subscriptions
        where tenant_id = $1 and deleted_at is null and strpos(lower(url), lower($2)) > 0
        order by created_at desc, id desc limit $3`,
      [tenantId, text, limit],
    ),
  /** Deletes the webhook (of this app only when `appId` is given). */
  softDelete: (db: Queryable, tenantId: string, id: string, appId: string | null) =>
    db.query(
      `update webhook_subscriptions set deleted_at = now(), updated_at = now()
        where tenant_id = $1 and id = $2 and deleted_at is null and ($3::text is null or app_id = $3) returning id`,
      [tenantId, id, appId],
    ),
  /**
   * A webhook's deliveries, newest first, filtered (each part optional): of one event only (read
   * from its partition), by status, by event type, created in [since, until).
   */
  deliveries: (db: Queryable, tenantId: string, subscriptionId: string, page: Page, f: DeliveryFilter) =>
    // No event: every day.
    listPage<R<DeliveryRow>>(
      db,
      page,
      [
        tenantId,
        subscriptionId,
        f.status ?? null,
        f.eventId ?? null,
        ...createdRange(f.eventId ?? ''),
        f.eventType ?? null,
        f.since ?? null,
        f.until ?? null,
        ...responseParams(f.response),
      ],
      (k) =>
        `select ${DLV} from webhook_deliveries d ${LAST_ATTEMPT}
        where d.tenant_id = $1 and d.subscription_id = $2 and ($3::text is null or d.status = $3)
          and ${k.after}
          and ($4::text is null or d.event_id = $4) and d.created_at between $5::timestamptz and $6::timestamptz
          and ($7::text is null or d.event_type = $7)
          and d.created_at >= coalesce($8::timestamptz, '0001-01-01T00:00:00Z') and d.created_at < coalesce($9::timestamptz, '9999-12-31T23:59:59Z')
          and ${responseWhere(10)}
        ${k.orderLimit}`,
      DELIVERY_KEYS,
    ),
  /** Every delivery of one event (published and replayed), across the tenant's webhooks: from the event's own day. */
  // An event's time is passed as Postgres' own text (cursor_at): a Date would drop the
  // microseconds of events from before time-carrying ids, and match none of their deliveries.
  /** An event's deliveries, newest first; to this app's webhooks only when `appId` is given. */
  eventDeliveries: (
    db: Queryable,
    tenantId: string,
    event: { id: string; cursor_at: string },
    page: Page,
    appId: string | null = null,
  ) =>
    listPage<R<DeliveryRow>>(
      db,
      page,
      [tenantId, event.id, event.cursor_at, appId],
      (k) =>
        `select ${DLV} from webhook_deliveries d ${LAST_ATTEMPT}
        where d.tenant_id = $1 and d.event_id = $2 and d.created_at = $3::timestamptz
          and ($4::text is null or d.subscription_id in
                (select id from webhook_subscriptions where tenant_id = $1 and app_id = $4))
          and ${k.after}
        ${k.orderLimit}`,
      DELIVERY_KEYS,
    ),
  /** Which of the tenant's webhooks a delivery id belongs to (none for another tenant's). */
  deliveryWebhook: async (db: Queryable, tenantId: string, deliveryId: string) =>
    (
      await db.query<{ subscription_id: string }>(
        'select subscription_id from webhook_deliveries where tenant_id = $1 and id = $2 and created_at between $3::timestamptz and $4::timestamptz limit 1',
        [tenantId, deliveryId, ...createdRange(deliveryId)],
      )
    )[0]?.subscription_id ?? null,
  /**
   * What a delivery waits on: when it entered its state, its timer, its attempts allowed, and
   * beside it the requests its webhook has in flight, the due deliveries queued before it and,
   * in an ordered webhook's line, the deliveries ahead of it (each counted by its own index).
   */
  deliveryWait: async (db: Queryable, tenantId: string, deliveryId: string) =>
    (
      await db.query<DeliveryWait & Record<string, unknown>>(
        `select d.entered_at, d.due_at, d.max_attempts,
                (select count(*)::int from webhook_deliveries s where s.subscription_id = d.subscription_id and s.state = 'sending') as in_flight,
                case when d.state = 'queued' and d.due_at is not null then
                  (select count(*)::int from webhook_deliveries q
                    where q.tenant_id = d.tenant_id and q.subscription_id = d.subscription_id and q.state = 'queued'
                      and q.due_at is not null and (q.due_at, q.id) < (d.due_at, d.id)) end as queued_ahead,
                case when d.order_seq is not null then
                  (select count(*)::int from webhook_deliveries l
                    where l.subscription_id = d.subscription_id and l.order_seq < d.order_seq
                      and l.state in ('queued', 'sending', 'backoff', 'held')) end as line_ahead
           from webhook_deliveries d
          where d.tenant_id = $1 and d.id = $2 and d.created_at between $3::timestamptz and $4::timestamptz`,
        [tenantId, deliveryId, ...createdRange(deliveryId)],
      )
    )[0] ?? null,
  /**
   * The tenant's webhooks with deliveries not yet settled, by what they wait for: each count from
   * a partial index of its state (ready, sending, waiting, in line) and stopped at `cap`, so a
   * large backlog costs at most `cap` index entries per state and webhook.
   */
  queues: async (db: Queryable, tenantId: string, cap: number) =>
    (
      await db.query<R<QueueRow>>(
        `select * from (
           select s.id as subscription_id,
                  (select count(*)::int from (select 1 from webhook_deliveries d
                     where d.tenant_id = s.tenant_id and d.subscription_id = s.id and d.state = 'queued' and d.due_at is not null limit $2) x) as due,
                  (select min(d.due_at) from webhook_deliveries d
                     where d.tenant_id = s.tenant_id and d.subscription_id = s.id and d.state = 'queued' and d.due_at is not null) as oldest_due_at,
                  (select count(*)::int from (select 1 from webhook_deliveries d
                     where s.ordering = 'fifo' and d.subscription_id = s.id and d.order_seq is not null and d.state = 'queued' and d.due_at is null limit $2) x) as in_line,
                  (select count(*)::int from webhook_deliveries d where d.subscription_id = s.id and d.state = 'sending') as sending,
                  (select count(*)::int from (select 1 from webhook_deliveries d
                     where d.tenant_id = s.tenant_id and d.subscription_id = s.id and d.state = 'backoff' limit $2) x) as backoff,
                  (select min(d.due_at) from webhook_deliveries d
                     where d.tenant_id = s.tenant_id and d.subscription_id = s.id and d.state = 'backoff') as next_retry_at,
                  (select count(*)::int from (select 1 from webhook_deliveries d
                     where d.tenant_id = s.tenant_id and d.subscription_id = s.id and d.state = 'held' limit $2) x) as held
             from webhook_subscriptions s
            where s.tenant_id = $1 and s.deleted_at is null) q
          where due + in_line + sending + backoff + held > 0`,
        [tenantId, cap],
      )
    ).map((r) => ({ ...r, subscription_id: String(r.subscription_id) })),
  /**
   * Attempts since `since` per webhook of the tenant: the whole window (bucket null) with its
   * latency percentiles, and each of `buckets` equal slices of it, in one query.
   */
  attemptHealth: async (db: Queryable, tenantId: string, since: Date, until: Date, buckets: number) =>
    (
      await db.query<Record<string, unknown>>(
        `select a.subscription_id, b.bucket, count(*) as attempts, count(*) filter (where a.to_state = 'succeeded') as succeeded,
              percentile_cont(0.5) within group (order by a.duration_ms) as p50, percentile_cont(0.95) within group (order by a.duration_ms) as p95
         from webhook_attempts a
         cross join lateral (select least($4::int - 1, greatest(0, floor(extract(epoch from (a.attempted_at - $2::timestamptz)) * $4::int / extract(epoch from ($3::timestamptz - $2::timestamptz)))::int)) as bucket) b
        where a.tenant_id = $1 and a.attempted_at >= $2::timestamptz
        group by grouping sets ((a.subscription_id), (a.subscription_id, b.bucket))`,
        [tenantId, since, until, buckets],
      )
    ).map(
      (r): HealthRow => ({
        subscription_id: String(r.subscription_id),
        bucket: r.bucket === null ? null : Number(r.bucket),
        attempts: Number(r.attempts),
        succeeded: Number(r.succeeded),
        p50: r.p50 === null ? null : Math.round(Number(r.p50)),
        p95: r.p95 === null ? null : Math.round(Number(r.p95)),
      }),
    ),
  delivery: (db: Queryable, tenantId: string, subscriptionId: string, id: string) =>
    maybeOne<R<DeliveryRow>>(
      db,
      `select ${DLV} from webhook_deliveries d ${LAST_ATTEMPT}
      where d.tenant_id = $1 and d.subscription_id = $2 and d.id = $3 and d.created_at between $4::timestamptz and $5::timestamptz`,
      [tenantId, subscriptionId, id, ...createdRange(id)],
    ),
  attempts: (db: Queryable, deliveryId: string, createdAt: Date) =>
    db.query<R<AttemptRow>>(
      `select attempt, attempted_at, duration_ms, response_status, response_body, error, request_timestamp from webhook_attempts
        where delivery_id = $1 and delivery_created_at = $2 order by attempt`,
      [deliveryId, createdAt],
    ),
  /**
   * The events of a webhook's deliveries that match the filter (any status), each once, oldest
   * first, at most `limit`, with what a replay writes of them (type and the event's own time).
   */
  eventsDelivered: (db: Queryable, tenantId: string, subscriptionId: string, f: DeliveryFilter, limit: number) =>
    db.query<{ event_id: string; event_type: string; cursor_at: string; created_at: Date }>(
      `select d.event_id, d.event_type, d.created_at::text as cursor_at, d.created_at from webhook_deliveries d
        where ${BULK_WHERE}
        group by d.event_id, d.event_type, d.created_at
        order by d.created_at, d.event_id limit $10`,
      bulkParams(tenantId, subscriptionId, f, limit),
    ),
  /**
   * Deliveries a retry may send again (failed or skipped; `status` narrows it to one) that match
   * the filter, oldest first, at most `limit`, with when each was created.
   */
  retriable: (db: Queryable, tenantId: string, subscriptionId: string, f: DeliveryFilter, limit: number) =>
    db.query<{ id: string; created_at: Date }>(
      `select d.id, d.created_at from webhook_deliveries d
        where ${BULK_WHERE} and d.state in ('failed', 'skipped')
        order by d.created_at, d.id limit $10`,
      bulkParams(tenantId, subscriptionId, f, limit),
    ),
};
