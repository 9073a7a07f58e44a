// Keyset pagination, newest first, for every list: a page is read after the (time, id) of the
// last row seen. The time is Postgres' own text form (microseconds), so comparisons are exact:
// each store selects `<column>::text as cursor_at`, and the cursor carries that text as written.
import { toBase64Url, utf8 } from '../crypto/encoding.ts';
import type { Queryable, Row } from './db.ts';

export interface Page {
  limit: number;
  after: { at: string; id: string } | null;
}

export interface PageOf<T> {
  items: T[];
  next_cursor: string | null;
}

/** The columns a list is ordered by: a timestamptz and the row's id (qualified when joined, e.g. `d.created_at`). */
export interface Keyset {
  at: string;
  id: string;
}

const CREATED: Keyset = { at: 'created_at', id: 'id' };

export function encodeCursor(at: string, id: string): string {
  return toBase64Url(utf8(JSON.stringify([at, id])));
}

/**
 * Runs a list query one page at a time. `sql` gets the keyset condition (to AND into its where
 * clause) and the order and limit (to end it with); their parameters follow `params`. One row
 * more than the page is read: it proves there is a next page, and is cut.
 */
export async function listPage<T extends Row & { cursor_at: string; id: string }>(
  db: Queryable,
  page: Page,
  params: readonly unknown[],
  sql: (keyset: { after: string; orderLimit: string }) => string,
  keys: Keyset = CREATED,
): Promise<PageOf<T>> {
  const n = params.length;
  const after = `($${n + 1}::timestamptz is null or (${keys.at}, ${keys.id}) < ($${n + 1}::timestamptz, $${n + 2}::text))`;
  const orderLimit = `order by ${keys.at} desc, ${keys.id} desc limit $${n + 3}`;
  const rows = await db.query<T>(sql({ after, orderLimit }), [
    ...params,
    page.after?.at ?? null,
    page.after?.id ?? null,
    page.limit + 1,
  ]);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  if (rows.length <= page.limit || !last) return { items, next_cursor: null };
  return { items, next_cursor: encodeCursor(last.cursor_at, last.id) };
}
