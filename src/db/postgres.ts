import postgres from 'postgres';
import { isDatabaseUnavailable, type Db, type Queryable, type Row } from './db.ts';

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

/**
 * A connection that is gone: the socket closed or reset, or the server ended the session
 * (SQLSTATE 57P01–57P03 and class 08 come with a FATAL notice just before the close).
 */
function connectionLost(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  const severity = (error as { severity?: unknown } | null)?.severity;
  return severity === 'FATAL' || severity === 'PANIC';
}

const ABANDONED: Promise<never> = new Promise(() => {});

/**
 * postgres.js 3.4.9 writes to a connection after it closed when a transaction goes on using
 * it: its own rollback after a failed query, or the body's next query after an await that
 * outlived the connection (porsager/postgres#1066, #1208, open upstream). The write runs from
 * a setImmediate callback on a null socket and throws outside any promise, which ends a Node
 * process and leaves Bun's connection pool wedged. So once the connection is known to be lost
 * the body is never let near the driver again: every query it makes from then on, and the one
 * that reported the loss, stays pending forever, so neither the body nor postgres.js's rollback
 * reaches the closed socket. The caller still gets the loss: postgres.js rejects the
 * transaction itself when its connection closes. A body left pending holds nothing but its
 * own closures, collected with it.
 */
function guardedTransaction(tx: postgres.TransactionSql<Record<string, never>>, lost: { value: boolean }): Queryable {
  const inner = queryable(tx);
  const run = async <T>(op: () => Promise<T>): Promise<T> => {
    if (lost.value) return ABANDONED;
    try {
      return await op();
    } catch (error) {
      if (!connectionLost(error)) throw error;
      lost.value = true;
      return ABANDONED;
    }
  };
  return {
    query: (text, params) => run(() => inner.query(text, params)),
    exec: (script) => run(() => inner.exec(script)),
  };
}

/** Whether a URL names several hosts (a primary and its standbys). */
function severalHosts(url: string): boolean {
  const authority = url.slice(url.indexOf('://') + 3).split(/[?/]/)[0] ?? '';
  return authority.slice(authority.lastIndexOf('@') + 1).includes(',');
}

/** Which server of several hosts a pool wants: the one that takes writes, or one to read from. */
function sessionAttrs(url: string, role: 'primary' | 'reads') {
  if (!severalHosts(url)) return {};
  // Of several hosts, the one that takes writes: after a failover, the new primary. Asked as
  // `primary` whatever the URL says (config allows read-write or primary): postgres.js judges
  // read-write by default_transaction_read_only alone, which a hot standby reports off, so
  // with read-write a pool whose primary died connected to the standby and every write failed.
  if (role === 'primary') return { target_session_attrs: 'primary' as const };
  // Reads: what the URL asks for (config checked it), else a standby when one answers.
  return /[?&]target_session_attrs=/.test(url) ? {} : { target_session_attrs: 'prefer-standby' as const };
}

export function createPostgresDb(url: string, options: { max: number; role?: 'primary' | 'reads' }): Db {
  const sql: Sql = postgres(url, {
    max: options.max,
    ...sessionAttrs(url, options.role ?? 'primary'),
    // A connection attempt that goes unanswered (a server restarting, its backlog full) is
    // given up after 5 s and made again, not left hanging a request for the default 30 s.
    connect_timeout: 5,
    onnotice: () => {},
    // int8 (count(*), bigserial) as a JS number: ours never exceed 2^53.
    types: {
      bigint: { to: 20, from: [20], serialize: (v: number) => String(v), parse: (v: string) => Number(v) },
      // json/jsonb parameters are always passed as JSON text (as PGlite takes them).
      json: {
        to: 3802,
        from: [114, 3802],
        serialize: (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v)),
        parse: (v: string) => JSON.parse(v),
      },
      // A timestamptz parameter written with microseconds (a keyset cursor, see
      // src/db/page.ts) goes to the server as written: through a JS Date it would lose
      // them, and rows in the same millisecond as a page's last one would be skipped.
      date: {
        to: 1184,
        from: [1082, 1114, 1184],
        serialize: (v: Date | string) =>
          typeof v === 'string' && MICROSECOND_TIME.test(v) ? v : (v instanceof Date ? v : new Date(v)).toISOString(),
        parse: (v: string) => new Date(v),
      },
    },
    connection: { application_name: 'argus' },
  }) as unknown as Sql;
  return {
    kind: 'postgres',
    ...queryable(sql),
    async transaction(fn) {
      const lost = { value: false };
      try {
        return (await sql.begin((tx) => fn(guardedTransaction(tx, lost)))) as Awaited<ReturnType<typeof fn>>;
      } catch (error) {
        // postgres.js rejects the transaction when its connection closes, even while the body
        // was between queries: from then on the body must not reach the driver.
        if (connectionLost(error)) lost.value = true;
        throw error;
      }
    },
    async listen(channel, onMessage, onListening) {
      // postgres.js runs onlisten after the LISTEN and again after each reconnect.
      const sub = await sql.listen(channel, onMessage, onListening);
      return () => sub.unlisten();
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
