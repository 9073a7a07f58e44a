// Test databases: real Postgres when TEST_DATABASE_URL (or DATABASE_URL) is set, embedded
// PGlite otherwise. The shared one is migrated once; isolated ones are fresh and dropped.
import { createPostgresDb } from '../../src/db/postgres.ts';
import { createPgliteDb } from '../../src/db/pglite.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { Db } from '../../src/db/index.ts';
import { scratchDatabase } from '../../src/db/scratch.ts';

export const databaseUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
export const usingPostgres = databaseUrl !== null;

/** A migrated database for a test file; close it in afterAll. */
export async function testDb(): Promise<Db> {
  const db = databaseUrl ? createPostgresDb(databaseUrl, { max: 10 }) : await createPgliteDb(null);
  await migrate(db);
  return db;
}

/** An empty database of its own (no migrations), and how to get rid of it. */
export async function isolatedDb(): Promise<{ db: Db; url: string | null; drop: () => Promise<void> }> {
  if (!databaseUrl) {
    const db = await createPgliteDb(null);
    return { db, url: null, drop: () => db.close() };
  }
  return scratchDatabase(databaseUrl, 'argus_iso');
}
