// Cursor pagination for every list: `?limit=&cursor=`, answered as {"<plural>": [...], "next_cursor": …}.
// A cursor is the (time, id) of the last row seen, opaque to clients: written and read back
// (readPage) by src/db/page.ts, which runs the keyset queries; here is the query's schema.
import { t } from 'elysia';

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
