// The settings a running server records for the CLI: a token the CLI mints on a shared database
// must carry the issuer of the server it is meant for. The CLI's own environment often lacks
// the server's PORT or PUBLIC_URL (another shell, another host), and its tokens were refused
// with "the token is invalid".
import type { Queryable } from './db/index.ts';
import { maybeOne } from './db/index.ts';

export const serverSettings = {
  recordIssuer: (db: Queryable, issuer: string) =>
    db.query(
      `insert into server_settings (name, value) values ('issuer', $1)
       on conflict (name) do update set value = excluded.value, updated_at = now()`,
      [issuer],
    ),
  /** The issuer the last server to start announced, or null when none has (or the database predates the table). */
  issuer: async (db: Queryable) => {
    const table = await maybeOne<{ found: boolean }>(db, `select to_regclass('server_settings') is not null as found`);
    if (!table?.found) return null;
    return (
      (await maybeOne<{ value: string }>(db, `select value from server_settings where name = 'issuer'`))?.value ?? null
    );
  },
};
