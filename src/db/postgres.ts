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

/**
 * How a pool notices a server that stopped answering without closing its sockets (a power cut,
 * a partition, a primary fenced by a failover manager): TCP alone would keep a query waiting
 * for the kernel's retransmissions, about 15 minutes. A probe on a connection of its own asks
 * `select 1` every WATCH_EVERY_MS; one not answered within ANSWER_WITHIN_MS replaces the pool:
 * its connections are dropped (their queries fail as unavailable: a 503 to the client, a
 * delivery retried) and new ones are made, to the host that answers (after a failover, the
 * new primary). A server that refuses or closes connections is noticed by the pool itself.
 */
export const WATCH_EVERY_MS = 2_000;
export const ANSWER_WITHIN_MS = 10_000;

/**
 * How long a connection of the pool waits before connecting again after a failed attempt, by
 * the pool's count of failures in a row: 50 ms doubling, at most a second, with jitter.
 * postgres.js's own grows to 20 s, counted across the pool, so a database down for 1.5 s
 * (a restart) left every connection waiting 10–20 s after it was back, and with them every
 * request and delivery (measured by test/chaos/chaos.test.ts).
 */
export function reconnectDelaySeconds(failures: number): number {
  return (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** failures, 1);
}

export interface PostgresDbOptions {
  max: number;
  role?: 'primary' | 'reads';
  /** Told when the pool was replaced because the server stopped answering. */
  onReplaced?: () => void;
  watch?: { everyMs: number; answerWithinMs: number };
}

interface Listening {
  channel: string;
  onMessage: (payload: string) => void;
  onListening?: () => void;
  sub: { unlisten(): Promise<void> } | null;
}

export function createPostgresDb(url: string, options: PostgresDbOptions): Db {
  const settings = (max: number) => ({
    max,
    ...sessionAttrs(url, options.role ?? 'primary'),
    // A connection attempt that goes unanswered (a server restarting, its backlog full) is
    // given up after 5 s and made again, not left hanging a request for the default 30 s.
    connect_timeout: 5,
    backoff: reconnectDelaySeconds,
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
  });
  let sql: Sql = postgres(url, settings(options.max)) as unknown as Sql;
  let queries = queryable(sql);
  let probe: Sql = postgres(url, settings(1)) as unknown as Sql;
  const listens = new Set<Listening>();
  const subscribe = async (entry: Listening) => {
    // postgres.js runs onlisten after the LISTEN and again after each reconnect.
    entry.sub = await sql.listen(entry.channel, entry.onMessage, entry.onListening);
  };
  const replace = () => {
    const [oldSql, oldProbe] = [sql, probe];
    sql = postgres(url, settings(options.max)) as unknown as Sql;
    queries = queryable(sql);
    probe = postgres(url, settings(1)) as unknown as Sql;
    void oldSql.end({ timeout: 0 });
    void oldProbe.end({ timeout: 0 });
    // A LISTEN that cannot be made again now is noticed by its owner (the invalidation ping goes silent).
    for (const entry of listens) void subscribe(entry).catch(() => undefined);
    options.onReplaced?.();
  };
  const watch = options.watch ?? { everyMs: WATCH_EVERY_MS, answerWithinMs: ANSWER_WITHIN_MS };
  let probing = false;
  const watchdog = setInterval(async () => {
    if (probing) return;
    probing = true;
    const asked = probe;
    const deadline = setTimeout(() => asked === probe && replace(), watch.answerWithinMs);
    try {
      await asked`select 1`;
    } catch {
      // Refused, closed or timed out connecting: the pools see the same and reconnect by themselves.
    } finally {
      clearTimeout(deadline);
      probing = false;
    }
  }, watch.everyMs);
  (watchdog as { unref?: () => void }).unref?.();
  const current: Queryable = {
    query: (text, params) => queries.query(text, params),
    exec: (script) => queries.exec(script),
  };
  return {
    kind: 'postgres',
    ...current,
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
      // Kept across a replaced pool: subscribed again on the new one.
      const entry: Listening = { channel, onMessage, onListening, sub: null };
      listens.add(entry);
      await subscribe(entry);
      return async () => {
        listens.delete(entry);
        await entry.sub?.unlisten();
      };
    },
    async close() {
      clearInterval(watchdog);
      listens.clear();
      await Promise.all([sql.end({ timeout: 5 }), probe.end({ timeout: 1 })]);
    },
  };
}
