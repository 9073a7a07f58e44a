import type { Queryable } from '../db/index.ts';
import { maybeOne } from '../db/index.ts';
import { idTime } from '../ids.ts';
import type { DeliveryRecord } from './dispatch/steps.ts';
import type { Page } from '../http/pagination.ts';

export interface SubscriptionRow {
  id: string; tenant_id: string; url: string; events: string[]; secret_sealed: string; previous_secret_sealed: string | null;
  status: string; state: string; snapshot: { context: { previousSecretUntil: string | null; disabledReason: string | null; consecutiveFailures: number } };
  created_at: Date; updated_at: Date; cursor_at: string;
}

export interface DeliveryRow {
  id: string; tenant_id: string; subscription_id: string; event_id: string; event_type: string; state: string; status: string; attempt: number;
  last_status: number | null; last_error: string | null; due_at: Date | null; created_at: Date; cursor_at: string;
  attempted_at: Date | null; duration_ms: number | null;
}

export interface AttemptRow { attempt: number; attempted_at: Date; duration_ms: number; response_status: number | null; response_body: string | null; error: string | null; request_timestamp: number | null }

const SUB = `id, tenant_id, url, events, secret_sealed, previous_secret_sealed, status, state, snapshot, created_at, updated_at, created_at::text as cursor_at`;
const DLV = `d.id, d.tenant_id, d.subscription_id, d.event_id, d.event_type, d.state, d.status, d.attempt, d.last_status, d.last_error, d.due_at, d.created_at, d.created_at::text as cursor_at,
  a.attempted_at, a.duration_ms`;
/** A delivery's latest attempt, read from its own partition. */
const LAST_ATTEMPT = `left join lateral (select a.attempted_at, a.duration_ms from webhook_attempts a
  where a.delivery_id = d.id and a.delivery_created_at = d.created_at order by a.attempt desc limit 1) a on true`;

/** The partition range a time-carrying id names ([t, t]), or every partition for an id without one. */
export function createdRange(id: string): [string, string] {
  const t = idTime(id);
  // Real dates, not ±infinity: a JS Date (and so the driver's timestamp parameter) has no infinity.
  return t === null ? ['0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'] : [new Date(t).toISOString(), new Date(t).toISOString()];
}

type R<T> = T & Record<string, unknown>;

export const webhookStore = {
  subscription: (db: Queryable, tenantId: string, id: string) =>
    maybeOne<R<SubscriptionRow>>(db, `select ${SUB} from webhook_subscriptions where tenant_id = $1 and id = $2 and deleted_at is null`, [tenantId, id]),
  subscriptions: (db: Queryable, tenantId: string, page: Page) =>
    db.query<R<SubscriptionRow>>(
      `select ${SUB} from webhook_subscriptions where tenant_id = $1 and deleted_at is null
          and ($2::timestamptz is null or (created_at, id) < ($2::timestamptz, $3::text))
        order by created_at desc, id desc limit $4`,
      [tenantId, page.after?.at ?? null, page.after?.id ?? null, page.limit + 1],
    ),
  updateSubscription: (db: Queryable, tenantId: string, id: string, patch: { url?: string; events?: string[]; secretSealed?: string; previousSecretSealed?: string | null }) =>
    db.query(
      `update webhook_subscriptions set url = coalesce($3, url), events = coalesce($4::text[], events),
              secret_sealed = coalesce($5, secret_sealed),
              previous_secret_sealed = case when $5::text is null then previous_secret_sealed else $6 end,
              updated_at = now()
        where tenant_id = $1 and id = $2`,
      [tenantId, id, patch.url ?? null, patch.events ?? null, patch.secretSealed ?? null, patch.previousSecretSealed ?? null],
    ),
  /** Deliveries of a subscription still waiting to be sent (queued, or in backoff). */
  pending: (db: Queryable, tenantId: string, subscriptionId: string) =>
    db.query<{ id: string }>(`select id from webhook_deliveries where tenant_id = $1 and subscription_id = $2 and state in ('queued', 'backoff')`, [tenantId, subscriptionId]),
  softDelete: (db: Queryable, tenantId: string, id: string) =>
    db.query('update webhook_subscriptions set deleted_at = now(), updated_at = now() where tenant_id = $1 and id = $2 and deleted_at is null returning id', [tenantId, id]),
  /**
   * A whole publish in one statement: finds the subscriptions of the tenant that receive this
   * type now (all of them, or only `only`), takes the Idempotency-Key, and writes the event with
   * their count and one delivery each. A key is taken unless another event holds it (one held
   * for more than its 24 hours is taken over); when it is held, `keyed` is false and nothing is
   * written. A delivery id is the event's time and 15 hex characters (60 random bits) drawn by
   * the database, so the deliveries need no second round trip.
   */
  publish: async (db: Queryable, e: { id: string; tenantId: string; type: string; data: unknown; idempotencyKey: string | null; only: string | null; createdAt: string; deliveryIdPrefix: string; record: DeliveryRecord; traceparent: string | null }) => {
    // Two shapes of one statement, so that each plan can use its index (events: GIN, id: key).
    const receives = e.only === null ? 'events @> array[$3::text]' : 'id = $3';
    const r = e.record;
    const [row] = await db.query<{ delivery_ids: string[]; keyed: boolean }>(
      `with r as (select id from webhook_subscriptions
                   where tenant_id = $1 and deleted_at is null and status in ('active', 'failing') and ${receives}),
            k as (insert into event_idempotency_keys (tenant_id, idempotency_key, event_id, event_created_at)
                  select $1, $6, $4, $7::timestamptz where $6::text is not null
                  on conflict (tenant_id, idempotency_key) do update set event_id = excluded.event_id, event_created_at = excluded.event_created_at
                   where event_idempotency_keys.event_created_at <= now() - interval '24 hours'
                  returning 1),
            ok as (select $6::text is null or exists (select 1 from k) as keyed),
            e as (insert into events (id, tenant_id, type, data, idempotency_key, deliveries, created_at, traceparent)
                  select $4, $1, $2, $5::jsonb, $6, (select count(*) from r), $7::timestamptz, $14 from ok where ok.keyed),
            d as (insert into webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, created_at, state, entered_at, attempt, max_attempts, client_errors, due_at)
                  select $8 || substr(md5(random()::text || r.id), 1, 15), $1, r.id, $4, $2, $7::timestamptz, $9, $7::timestamptz, $10, $11, $12, $13::timestamptz
                    from r, ok where ok.keyed
                  returning id)
       select array(select id from d) as delivery_ids, (select keyed from ok) as keyed`,
      [e.tenantId, e.type, e.only ?? e.type, e.id, JSON.stringify(e.data), e.idempotencyKey, e.createdAt, e.deliveryIdPrefix, r.state, r.attempt, r.maxAttempts, r.clientErrors, r.dueAt, e.traceparent],
    );
    return row;
  },
  eventByKey: (db: Queryable, tenantId: string, key: string) =>
    maybeOne<{ id: string; type: string; deliveries: number; created_at: Date } & Record<string, unknown>>(
      db, `select e.id, e.type, e.deliveries, e.created_at from event_idempotency_keys k
             join events e on e.id = k.event_id and e.created_at = k.event_created_at
            where k.tenant_id = $1 and k.idempotency_key = $2 and k.event_created_at > now() - interval '24 hours'`, [tenantId, key]),
  deliveries: (db: Queryable, tenantId: string, subscriptionId: string, page: Page, status: string | null) =>
    db.query<R<DeliveryRow>>(
      `select ${DLV} from webhook_deliveries d ${LAST_ATTEMPT}
        where d.tenant_id = $1 and d.subscription_id = $2 and ($3::text is null or d.status = $3)
          and ($4::timestamptz is null or (d.created_at, d.id) < ($4::timestamptz, $5::text))
        order by d.created_at desc, d.id desc limit $6`,
      [tenantId, subscriptionId, status, page.after?.at ?? null, page.after?.id ?? null, page.limit + 1],
    ),
  delivery: (db: Queryable, tenantId: string, subscriptionId: string, id: string) =>
    maybeOne<R<DeliveryRow>>(db, `select ${DLV} from webhook_deliveries d ${LAST_ATTEMPT}
      where d.tenant_id = $1 and d.subscription_id = $2 and d.id = $3 and d.created_at between $4::timestamptz and $5::timestamptz`, [tenantId, subscriptionId, id, ...createdRange(id)]),
  attempts: (db: Queryable, deliveryId: string, createdAt: Date) =>
    db.query<R<AttemptRow>>(
      `select attempt, attempted_at, duration_ms, response_status, response_body, error, request_timestamp from webhook_attempts
        where delivery_id = $1 and delivery_created_at = $2 order by attempt`, [deliveryId, createdAt]),
  failedSince: (db: Queryable, tenantId: string, subscriptionId: string, since: string) =>
    db.query<{ id: string }>(`select id from webhook_deliveries where tenant_id = $1 and subscription_id = $2 and state = 'failed' and created_at >= $3::timestamptz order by created_at limit 10000`, [tenantId, subscriptionId, since]),
};
