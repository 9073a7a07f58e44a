import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Db } from './db.ts';
import { createPostgresDb } from './postgres.ts';
import { createPgliteDb } from './pglite.ts';
import { files } from '../platform.ts';

export type { Db, Queryable, Row } from './db.ts';
export { one, maybeOne, notify } from './db.ts';

/** DATABASE_URL → postgres.js; otherwise embedded PGlite under DATA_DIR/pg. */
export async function openDb(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'dbPoolMax'>): Promise<Db> {
  if (config.databaseUrl) return createPostgresDb(config.databaseUrl, { max: config.dbPoolMax });
  await files.ensureDir(config.dataDir);
  return createPgliteDb(join(config.dataDir, 'pg'));
}
