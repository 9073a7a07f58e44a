// Cursor pagination for every list: `?limit=&cursor=`, answered as {"<plural>": [...], "next_cursor": …}.
// A cursor is the (time, id) of the last row seen, opaque to clients (written by src/db/page.ts,
// which runs the keyset queries); here it is read back and checked.
import { t } from 'elysia';
import { fromBase64Url } from '../crypto/encoding.ts';
import type { Page } from '../db/page.ts';
import { invalidRequest } from '../errors.ts';
import { nulPath } from './nul.ts';

export const PageQuery = t.Object(
  {
    // An integer (1.5 is refused here, not by the database); the title names it in errors.
    limit: t.Optional(
      t.Integer({ minimum: 1, maximum: 200, title: 'limit', description: 'Page size (1–200, default 50)' }),
    ),
    cursor: t.Optional(t.String({ maxLength: 200, description: 'next_cursor from the previous page' })),
  },
  { additionalProperties: true },
);

const PG_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;

/** The shape of Postgres' timestamptz text, and a day and time that exist. */
function isTime(at: string): boolean {
  const m = PG_TIME.exec(at);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}

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
