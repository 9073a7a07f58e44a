import postgres from 'postgres';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable, Row } from './db.ts';

type Sql = postgres.Sql<Record<string, never>>;

const MICROSECOND_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}\.\d{4,6}([+-]\d{2}(:?\d{2})?|Z)$/;
type Param = postgres.ParameterOrJSON<never>;

function queryable(sql: Sql | postgres.TransactionSql<Record<string, never>>): Queryable {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const rows = await sql.unsafe(text, params as Param[], { prepare: true });
      return rows as unknown as T[];
    },
    async exec(script: string) {
      await sql.unsafe(script).simple();
    },
  };
}

/** What src/db/patches/postgres-closed-socket.mjs writes into postgres.js (porsager/postgres#1066). */
const GUARD_MARK = '/* argus: closed-socket guard */';

export class DriverNotGuarded extends Error {}

/**
 * Whether the postgres.js this process loads carries the closed-socket guard. Without it a
 * connection dropped mid-transaction ends the process, so a real database is refused rather
 * than used unguarded (an install with --ignore-scripts skips the script that adds it).
 */
export async function driverGuarded(entry: string = import.meta.resolve('postgres')): Promise<boolean> {
  const connection = fileURLToPath(new URL('./connection.js', entry));
  return (await readFile(connection, 'utf8')).includes(GUARD_MARK);
}

export async function assertDriverGuarded(): Promise<void> {
  if (!(await driverGuarded())) {
    throw new DriverNotGuarded('node_modules/postgres lacks the closed-socket guard its install script adds (installed with --ignore-scripts?): run `npm run postinstall`, then start again');
  }
}

export function createPostgresDb(url: string, options: { max: number }): Db {
  const sql: Sql = postgres(url, {
    max: options.max,
    // A connection attempt that goes unanswered (a server restarting, its backlog full) is
    // given up after 5 s and made again, not left hanging a request for the default 30 s.
    connect_timeout: 5,
    onnotice: () => {},
    // int8 (count(*), bigserial) as a JS number: ours never exceed 2^53.
    types: {
      bigint: { to: 20, from: [20], serialize: (v: number) => String(v), parse: (v: string) => Number(v) },
      // json/jsonb parameters are always passed as JSON text (as PGlite takes them).
      json: { to: 3802, from: [114, 3802], serialize: (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v)), parse: (v: string) => JSON.parse(v) },
      // A timestamptz parameter written with microseconds (a keyset cursor, see
      // src/db/page.ts) goes to the server as written: through a JS Date it would lose
      // them, and rows in the same millisecond as a page's last one would be skipped.
      date: {
        to: 1184, from: [1082, 1114, 1184],
        serialize: (v: Date | string) => (typeof v === 'string' && MICROSECOND_TIME.test(v) ? v : (v instanceof Date ? v : new Date(v)).toISOString()),
        parse: (v: string) => new Date(v),
      },
    },
    connection: { application_name: 'argus' },
  }) as unknown as Sql;
  return {
    kind: 'postgres',
    ...queryable(sql),
    async transaction(fn) {
      return (await sql.begin((tx) => fn(queryable(tx)))) as Awaited<ReturnType<typeof fn>>;
    },
    async listen(channel, onMessage) {
      const sub = await sql.listen(channel, onMessage);
      return () => sub.unlisten();
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
