// The one query interface of the project. SQL is written with $1, $2 … placeholders and
// runs unchanged on both drivers (postgres.js for a real server, PGlite embedded).

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Subscribes to NOTIFY on a channel; the returned function unsubscribes. `onListening` runs
   * each time the subscription is (re)established: what was sent while it was down is lost.
   */
  listen(channel: string, onMessage: (payload: string) => void, onListening?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The first row, or an error: for queries that must return exactly one row. */
export async function one<T extends Row>(db: Queryable, text: string, params?: readonly unknown[]): Promise<T> {
  const rows = await db.query<T>(text, params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
  return rows[0]!;
}

export async function maybeOne<T extends Row>(
  db: Queryable,
  text: string,
  params?: readonly unknown[],
): Promise<T | null> {
  const rows = await db.query<T>(text, params);
  return rows[0] ?? null;
}

export async function notify(db: Queryable, channel: string, payload: string): Promise<void> {
  await db.query('select pg_notify($1, $2)', [channel, payload]);
}

const UNAVAILABLE_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
]);

/**
 * Postgres refused a value (SQLSTATE class 22: a date out of range, a NUL byte, a number too
 * large): the input was bad, so the answer is a 400, never a 500.
 */
export function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/**
 * The transaction lost a deadlock or a serialization check (SQLSTATE 40P01, 40001): it was
 * rolled back whole, and running it again is the documented remedy.
 */
export function isTransactionConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/** The database went away (restart, failover, a dropped connection): worth a retry later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNAVAILABLE_CODES.has(code);
}
