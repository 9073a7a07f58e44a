// SQL of event history: events by tenant, type and time; one event with its deliveries (a
// replay writes them as a publish does: webhookStore.publish). Every lookup by id reads the one
// day its id names (createdRange).
import type { Queryable } from '../db/index.ts';
import { maybeOne } from '../db/index.ts';
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
};
