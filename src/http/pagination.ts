// Cursor pagination for every list: `?limit=&cursor=`, answered as {"<plural>": [...], "next_cursor": …}.
// A cursor is the (time, id) of the last row seen, opaque to clients. The time is Postgres'
// own text form (microseconds), so keyset comparisons are exact: select it as
// `<column>::text as cursor_at` and compare with `(<column>, id) < ($n::timestamptz, $m)`.
import { t } from 'elysia';
import { fromBase64Url, toBase64Url, utf8 } from '../crypto/encoding.ts';
import { invalidRequest } from './errors.ts';
import { nulPath } from './nul.ts';

export const PageQuery = t.Object(
  {
    limit: t.Optional(t.Numeric({ minimum: 1, maximum: 200, description: 'Page size (1–200, default 50)' })),
    cursor: t.Optional(t.String({ maxLength: 200, description: 'next_cursor from the previous page' })),
  },
  { additionalProperties: true },
);

const PG_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;

/** The shape of Postgres' timestamptz text, and a day and time that exist. */
function isTime(at: string): boolean {
  const m = PG_TIME.exec(at);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

export interface Page { limit: number; after: { at: string; id: string } | null }

export function readPage(query: { limit?: number; cursor?: string }): Page {
  const limit = query.limit ?? 50;
  if (!query.cursor) return { limit, after: null };
  try {
    const [at, id] = JSON.parse(new TextDecoder().decode(fromBase64Url(query.cursor))) as [string, string];
    if (typeof at !== 'string' || typeof id !== 'string' || !isTime(at) || id.length > 100 || nulPath(id) !== null) throw new Error('shape');
    return { limit, after: { at, id } };
  } catch {
    throw invalidRequest('cursor: not a cursor this service issued');
  }
}

/** Rows were fetched with limit + 1: the extra one proves there is a next page. */
export function pageOf<T extends { cursor_at: string; id: string }>(rows: T[], page: Page): { items: T[]; next_cursor: string | null } {
  const items = rows.slice(0, page.limit);
  if (rows.length <= page.limit) return { items, next_cursor: null };
  const last = items[items.length - 1];
  return { items, next_cursor: toBase64Url(utf8(JSON.stringify([last.cursor_at, last.id]))) };
}
