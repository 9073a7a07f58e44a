import { PGlite, types } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './db.ts';

interface PGliteLike {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(script: string): Promise<unknown>;
}

function queryable(pg: PGliteLike): Queryable {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const result = await pg.query<T>(text, [...params]);
      return result.rows;
    },
    async exec(script: string) {
      await pg.exec(script);
    },
  };
}

/** Embedded Postgres. `dataDir` null keeps everything in memory (tests). */
export async function createPgliteDb(dataDir: string | null): Promise<Db> {
  const pg = new PGlite(dataDir ?? undefined, {
    // int8 as a JS number, matching the postgres.js driver.
    parsers: { [types.INT8]: (v: string) => Number(v) },
  });
  await pg.waitReady;
  return {
    kind: 'pglite',
    ...queryable(pg),
    transaction(fn) {
      return pg.transaction((tx) => fn(queryable(tx)));
    },
    async listen(channel, onMessage, onListening) {
      const unsubscribe = await pg.listen(channel, onMessage);
      onListening?.(); // in-process: established once, never lost
      return () => unsubscribe();
    },
    close: () => pg.close(),
  };
}
