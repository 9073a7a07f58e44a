import type { Queryable } from '../db/index.ts';
import { maybeOne } from '../db/index.ts';
import type { Page } from '../http/pagination.ts';

export interface SubscriptionRow {
  id: string; tenant_id: string; url: string; events: string[]; secret_sealed: string; previous_secret_sealed: string | null;
  status: string; state: string; snapshot: { context: { previousSecretUntil: string | null; disabledReason: string | null; consecutiveFailures: number } };
  created_at: Date; updated_at: Date; cursor_at: string;
}

export interface DeliveryRow {
  id: string; tenant_id: string; subscription_id: string; event_id: string; event_type: string; status: string; attempt: number;
  last_status: number | null; last_error: string | null; next_attempt_at: Date | null; created_at: Date; updated_at: Date; cursor_at: string;
  attempted_at: Date | null; duration_ms: number | null;
}

export interface SendableRow {
  id: string; tenant_id: string; subscription_id: string; url: string; secret_sealed: string; previous_secret_sealed: string | null;
  previous_until: string | null; event_id: string; event_type: string; data: unknown; event_at: Date;
}

export interface AttemptRow { attempt: number; attempted_at: Date; duration_ms: number; response_status: number | null; response_body: string | null; error: string | null; request_headers: Record<string, string> }

const SUB = `id, tenant_id, url, events, secret_sealed, previous_secret_sealed, status, state, snapshot, created_at, updated_at, created_at::text as cursor_at`;
const DLV = `d.id, d.tenant_id, d.subscription_id, d.event_id, d.event_type, d.status, d.attempt, d.last_status, d.last_error, d.next_attempt_at, d.created_at, d.updated_at, d.created_at::text as cursor_at,
  (select a.attempted_at from webhook_attempts a where a.delivery_id = d.id order by a.attempt desc limit 1) as attempted_at,
  (select a.duration_ms from webhook_attempts a where a.delivery_id = d.id order by a.attempt desc limit 1) as duration_ms`;

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
    db.query<{ id: string }>(`select id from webhook_deliveries where tenant_id = $1 and subscription_id = $2 and status in ('queued', 'retrying')`, [tenantId, subscriptionId]),
  softDelete: (db: Queryable, tenantId: string, id: string) =>
    db.query('update webhook_subscriptions set deleted_at = now(), updated_at = now() where tenant_id = $1 and id = $2 and deleted_at is null returning id', [tenantId, id]),
  /**
   * One statement for the start of a publish: finds the subscriptions of the tenant that
   * receive this type now (all of them, or only `only`) and writes the event with their count.
   */
  openEvent: async (db: Queryable, e: { id: string; tenantId: string; type: string; data: unknown; idempotencyKey: string | null; only: string | null }) => {
    // Two shapes of one statement, so that each plan can use its index (events: GIN, id: key).
    const receives = e.only === null ? 'events @> array[$3::text]' : 'id = $3';
    const [row] = await db.query<{ receivers: string[] }>(
      `with r as (select id from webhook_subscriptions
                   where tenant_id = $1 and deleted_at is null and status in ('active', 'failing') and ${receives}),
            e as (insert into events (id, tenant_id, type, data, idempotency_key, deliveries)
                  select $4, $1, $2, $5::jsonb, $6, count(*) from r)
       select array(select id from r) as receivers`,
      [e.tenantId, e.type, e.only ?? e.type, e.id, JSON.stringify(e.data), e.idempotencyKey],
    );
    return row.receivers;
  },
  eventByKey: (db: Queryable, tenantId: string, key: string) =>
    maybeOne<{ id: string; type: string; deliveries: number; created_at: Date } & Record<string, unknown>>(
      db, `select id, type, deliveries, created_at from events where tenant_id = $1 and idempotency_key = $2 and created_at > now() - interval '24 hours'`, [tenantId, key]),
  deliveries: (db: Queryable, tenantId: string, subscriptionId: string, page: Page, status: string | null) =>
    db.query<R<DeliveryRow>>(
      `select ${DLV} from webhook_deliveries d
        where d.tenant_id = $1 and d.subscription_id = $2 and ($3::text is null or d.status = $3)
          and ($4::timestamptz is null or (d.created_at, d.id) < ($4::timestamptz, $5::text))
        order by d.created_at desc, d.id desc limit $6`,
      [tenantId, subscriptionId, status, page.after?.at ?? null, page.after?.id ?? null, page.limit + 1],
    ),
  delivery: (db: Queryable, tenantId: string, subscriptionId: string, id: string) =>
    maybeOne<R<DeliveryRow>>(db, `select ${DLV} from webhook_deliveries d where d.tenant_id = $1 and d.subscription_id = $2 and d.id = $3`, [tenantId, subscriptionId, id]),
  attempts: (db: Queryable, deliveryId: string) =>
    db.query<R<AttemptRow>>('select attempt, attempted_at, duration_ms, response_status, response_body, error, request_headers from webhook_attempts where delivery_id = $1 order by attempt', [deliveryId]),
  /** What the worker needs to send deliveries. */
  sendable: (db: Queryable, deliveryIds: string[]) =>
    db.query<SendableRow & Record<string, unknown>>(
      `select d.id, d.tenant_id, d.subscription_id, s.url, s.secret_sealed, s.previous_secret_sealed,
              s.snapshot #>> '{context,previousSecretUntil}' as previous_until,
              e.id as event_id, e.type as event_type, e.data, e.created_at as event_at
         from webhook_deliveries d join webhook_subscriptions s on s.id = d.subscription_id join events e on e.id = d.event_id
        where d.id = any($1::text[])`,
      [deliveryIds],
    ),
  insertAttempts: (db: Queryable, attempts: Array<{ delivery_id: string; tenant_id: string; attempt: number; attempted_at: string; duration_ms: number; response_status: number | null; response_body: string; error: string | null; request_headers: Record<string, string> }>) =>
    db.query(
      `insert into webhook_attempts (delivery_id, tenant_id, attempt, attempted_at, duration_ms, response_status, response_body, error, request_headers)
       select delivery_id, tenant_id, attempt, attempted_at, duration_ms, response_status, response_body, error, request_headers
         from jsonb_to_recordset($1::jsonb) as a(delivery_id text, tenant_id text, attempt integer, attempted_at timestamptz, duration_ms integer,
                                                 response_status integer, response_body text, error text, request_headers jsonb)`,
      [JSON.stringify(attempts)],
    ),
  /**
   * Which of these subscriptions are not active, their rows locked (in id order and mode, as the
   * runtime locks them) so that a failure another batch has recorded but not yet committed is
   * waited for and seen, instead of read around.
   */
  notActive: async (db: Queryable, ids: string[]) =>
    (await db.query<{ id: string; status: string }>(`select id, status from webhook_subscriptions where id = any($1::text[]) order by id for no key update`, [ids]))
      .filter((r) => r.status !== 'active'),
  failedSince: (db: Queryable, tenantId: string, subscriptionId: string, since: string) =>
    db.query<{ id: string }>(`select id from webhook_deliveries where tenant_id = $1 and subscription_id = $2 and status = 'failed' and created_at >= $3::timestamptz order by created_at limit 10000`, [tenantId, subscriptionId, since]),
};
