// DATABASE_URL with several hosts (PostgreSQL pass): the libpq form a primary and its standby
// are named by. The pool skips a host that does not answer and takes the one that writes; the
// CLI accepts the same URL.
import { afterAll, describe, expect, test } from 'bun:test';
import { createPostgresDb } from '../../src/db/postgres.ts';
import { loadConfig } from '../../src/config.ts';
import { databaseUrl, usingPostgres } from '../support/db.ts';
import { freePort } from '../support/service.ts';
import { runCli } from '../support/spawned.ts';

/** The test database's URL with a host that answers nothing put before the real one. */
function withDeadHostFirst(): string {
  const real = new URL(databaseUrl!);
  const host = `${real.hostname}:${real.port || '5432'}`;
  return databaseUrl!.replace(real.host, `127.0.0.1:${freePort()},${host}`);
}

const opened: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  for (const db of opened) await db.close();
});

describe.skipIf(!usingPostgres)('a DATABASE_URL with several hosts', () => {
  test('config accepts it, and the pool connects to the host that writes, past one that is down', async () => {
    const url = withDeadHostFirst();
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    const db = createPostgresDb(url, { max: 2 });
    opened.push(db);
    const [row] = await db.query<{ ro: string }>("select current_setting('transaction_read_only') as ro");
    expect(row!.ro).toBe('off');
  });

  test('the CLI runs on it', async () => {
    const migrated = await runCli('bun', ['migrate'], { DATABASE_URL: withDeadHostFirst() });
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/^(database is up to date|applied: .+)\n$/);
  });
});
