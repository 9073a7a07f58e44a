import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Db } from './db.ts';
import { createPostgresDb } from './postgres.ts';
import { createPgliteDb } from './pglite.ts';
import { files } from '../platform.ts';
import { lockEmbeddedDatabase } from './embedded-lock.ts';

export type { Db, Queryable, Row } from './db.ts';
export { one, maybeOne, notify, isTransactionConflict, isDatabaseUnavailable } from './db.ts';

/** DATABASE_URL → postgres.js; otherwise embedded PGlite under DATA_DIR/pg, for this process alone. */
export async function openDb(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'dbPoolMax'>,
  /** Told when the server stopped answering and the pool's connections were replaced. */
  onReplaced?: () => void,
): Promise<Db> {
  if (config.databaseUrl) {
    return createPostgresDb(config.databaseUrl, { max: config.dbPoolMax, onReplaced });
  }
  await files.ensurePrivateDir(config.dataDir);
  const release = await lockEmbeddedDatabase(config.dataDir);
  try {
    const db = await createPgliteDb(join(config.dataDir, 'pg'));
    // The embedded database writes its files with modes of its own (0666 and 0777).
    await files.restrictTree(config.dataDir);
    return {
      ...db,
      close: () =>
        db
          .close()
          .then(() => files.restrictTree(config.dataDir))
          .finally(release),
    };
  } catch (error) {
    await release();
    throw error;
  }
}
