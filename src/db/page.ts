// Keyset pagination, newest first, for every list: a page is read after the (time, id) of the
// last row seen. The time is Postgres' own text form (microseconds), so comparisons are exact:
// each store selects `<column>::text as cursor_at`, and the cursor carries that text as written.
import { fromBase64Url, toBase64Url, utf8 } from '../crypto/encoding.ts';
import { invalidRequest } from '../errors.ts';
import { nulPath } from '../input/nul-path.ts';
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

const PG_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;

/** The shape of Postgres' timestamptz text, and a day and time that exist. */
function isTime(at: string): boolean {
  const m = PG_TIME.exec(at);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

/** The page a list query asks for (`?limit=&cursor=`): the cursor read back and checked, a 400 when it is not one this service wrote. */
export function readPage(query: { limit?: number; cursor?: string }): Page {
  const limit = query.limit ?? 50;
  if (!query.cursor) return { limit, after: null };
  try {
    const [at, id] = JSON.parse(new TextDecoder().decode(fromBase64Url(query.cursor))) as [string, string];
    if (typeof at !== 'string' || typeof id !== 'string' || !isTime(at) || id.length > 100 || nulPath(id) !== null)
      throw new Error('shape');
    return { limit, after: { at, id } };
  } catch {
    throw invalidRequest('cursor: not a cursor this service issued');
  }
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
