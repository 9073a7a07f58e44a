// SQL of event history: events by tenant, type and time; one event with its deliveries; a
// replay's fresh deliveries. Every lookup by id reads the one day its id names (createdRange).
import type { Queryable } from '../db/index.ts';
import { maybeOne } from '../db/index.ts';
import type { Page } from '../http/pagination.ts';
import type { DeliveryRecord } from '../webhooks/dispatch/steps.ts';
import { createdRange, DLV, LAST_ATTEMPT, type DeliveryRow } from '../webhooks/store.ts';

export interface EventRow { id: string; type: string; data: Record<string, unknown>; deliveries: number; created_at: Date; cursor_at: string }

export interface EventFilter { types: string[] | null; since: string | null; until: string | null }

const EVT = `id, type, data, deliveries, created_at, created_at::text as cursor_at`;
type R<T> = T & Record<string, unknown>;

export const eventStore = {
  /** A tenant's events, newest first: of some types, since (inclusive) and until (exclusive) a time. */
  list: (db: Queryable, tenantId: string, page: Page, f: EventFilter) =>
    db.query<R<EventRow>>(
      `select ${EVT} from events
        where tenant_id = $1 and ($2::text[] is null or type = any($2::text[]))
          and created_at >= coalesce($3::timestamptz, '0001-01-01T00:00:00Z') and created_at < coalesce($4::timestamptz, '9999-12-31T23:59:59Z')
          and ($5::timestamptz is null or (created_at, id) < ($5::timestamptz, $6::text))
        order by created_at desc, id desc limit $7`,
      [tenantId, f.types, f.since, f.until, page.after?.at ?? null, page.after?.id ?? null, page.limit + 1],
    ),
  event: (db: Queryable, tenantId: string, id: string) =>
    maybeOne<R<EventRow>>(db, `select ${EVT} from events where tenant_id = $1 and id = $2 and created_at between $3::timestamptz and $4::timestamptz`, [tenantId, id, ...createdRange(id)]),
  /** Every delivery of one event (published and replayed), across the tenant's webhooks: from the event's own day. */
  // An event's time is passed as Postgres' own text (cursor_at): a Date would drop the
  // microseconds of events from before time-carrying ids, and match none of their deliveries.
  deliveries: (db: Queryable, tenantId: string, event: Pick<EventRow, 'id' | 'cursor_at'>, page: Page) =>
    db.query<R<DeliveryRow>>(
      `select ${DLV} from webhook_deliveries d ${LAST_ATTEMPT}
        where d.tenant_id = $1 and d.event_id = $2 and d.created_at = $3::timestamptz
          and ($4::timestamptz is null or (d.created_at, d.id) < ($4::timestamptz, $5::text))
        order by d.created_at desc, d.id desc limit $6`,
      [tenantId, event.id, event.cursor_at, page.after?.at ?? null, page.after?.id ?? null, page.limit + 1],
    ),
  /**
   * A replay in one statement, in the style of webhookStore.publish: a fresh delivery of the
   * stored event to each subscription of the tenant that receives its type now (or to `only`),
   * in the event's partition (its created_at) with an id carrying that time, and the event's
   * data untouched. Nothing is written when the event is gone (its day retired) meanwhile.
   */
  replay: (db: Queryable, e: { tenantId: string; id: string; createdAt: string; type: string; only: string | null; deliveryIdPrefix: string; enteredAt: string; record: DeliveryRecord }) => {
    const receives = e.only === null ? 's.events @> array[$4::text]' : 's.id = $4';
    const r = e.record;
    return db.query<{ id: string; subscription_id: string }>(
      `insert into webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, created_at, state, entered_at, attempt, max_attempts, client_errors, due_at)
       select $5 || substr(md5(random()::text || s.id), 1, 15), $1, s.id, ev.id, ev.type, ev.created_at, $6, $7::timestamptz, $8, $9, $10, $11::timestamptz
         from events ev join webhook_subscriptions s on s.tenant_id = ev.tenant_id
        where ev.tenant_id = $1 and ev.id = $2 and ev.created_at = $3::timestamptz
          and s.deleted_at is null and s.status in ('active', 'failing') and ${receives}
       returning id, subscription_id`,
      [e.tenantId, e.id, e.createdAt, e.only ?? e.type, e.deliveryIdPrefix, r.state, e.enteredAt, r.attempt, r.maxAttempts, r.clientErrors, r.dueAt],
    );
  },
};
