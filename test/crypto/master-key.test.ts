// One master key per database: a process with another key, or with none when the database
// already holds secrets, does not start (naming MASTER_KEY); a change of key works with
// MASTER_KEY_PREVIOUS and `argus master-key reseal`. Each case builds the services of a
// process on one database of its own, as processes on several hosts share one.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { buildServices, type Services } from '../../src/services.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { Db } from '../../src/db/index.ts';
import { silentLogger } from '../../src/log.ts';
import { Metrics } from '../../src/metrics.ts';
import { systemClock } from '../../src/actors/clock.ts';
import { reseal } from '../../src/crypto/master-key.ts';
import { isolatedDb, usingPostgres } from '../support/db.ts';
import { runCli } from '../support/spawned.ts';

const keyOf = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const A = keyOf(0xa1);
const B = keyOf(0xb2);
let db: Db;
let url: string | null;
let drop: () => Promise<void>;
const opened: Services[] = [];

beforeAll(async () => {
  ({ db, url, drop } = await isolatedDb());
  await migrate(db);
});
afterAll(async () => {
  for (const s of opened) await s.invalidations.stop();
  await drop();
});

/** The services of a process with these settings and a DATA_DIR of its own. */
async function processWith(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'argus-key-'));
  const config = loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'https://argus.example', MASTER_KEY: '', ...env });
  const services = await buildServices(config, db, silentLogger, new Metrics(), systemClock);
  opened.push(services);
  return { services, dataDir };
}

const mint = (services: Services) =>
  services.tokens.mint({
    tenantId: 'ten_x',
    subject: 'usr_x',
    clientId: 'argus-admin',
    scopes: [],
    ttlSeconds: 60,
    kind: 'user',
  });

describe('one master key per database', () => {
  test('the first process records its key; another process with the same key starts and signs', async () => {
    await processWith({ MASTER_KEY: A });
    const second = await processWith({ MASTER_KEY: A });
    expect((await mint(second.services)).token).toBeString();
  });

  test('a process with another key does not start, and says why', async () => {
    await expect(processWith({ MASTER_KEY: B })).rejects.toThrow(
      /^MASTER_KEY: is not the key that sealed this database's secrets \(the database knows key [0-9a-f]{8}…, this process has [0-9a-f]{8}…\)/,
    );
  });

  test('a process without MASTER_KEY does not generate one of its own for a database that has one', async () => {
    let dataDir = '';
    const attempt = (async () => {
      const made = mkdtempSync(join(tmpdir(), 'argus-key-'));
      dataDir = made;
      const config = loadConfig({ DATA_DIR: made, MASTER_KEY: '' });
      return buildServices(config, db, silentLogger, new Metrics(), systemClock);
    })();
    await expect(attempt).rejects.toThrow(/^MASTER_KEY: is not set, and this database holds secrets sealed/);
    expect(existsSync(join(dataDir, 'master.key'))).toBe(false);
  });

  test('an install from before the fingerprint: the key that opens its secrets is recorded; another is refused', async () => {
    await db.query('delete from master_key');
    await expect(processWith({ MASTER_KEY: B })).rejects.toThrow(/^MASTER_KEY: does not open the secrets already/);
    expect((await db.query('select 1 from master_key')).length).toBe(0);
    await processWith({ MASTER_KEY: A });
    expect((await db.query('select 1 from master_key')).length).toBe(1);
  });

  test('a change of key: the new key beside the previous one, reseal, then the new key alone', async () => {
    const during = await processWith({ MASTER_KEY: B, MASTER_KEY_PREVIOUS: A });
    expect((await mint(during.services)).token).toBeString(); // the signing key, sealed under A, opens
    const r = await reseal(db, during.services.box);
    expect(r.signing_keys).toBeGreaterThan(0);
    const after = await processWith({ MASTER_KEY: B });
    expect((await mint(after.services)).token).toBeString();
    await expect(processWith({ MASTER_KEY: A })).rejects.toThrow(/^MASTER_KEY: is not the key that sealed/);
    // Every sealed value opens with B alone now.
    const alone = after.services.box;
    for (const row of await db.query<{ sealed: string }>('select private_key_sealed as sealed from signing_keys'))
      expect(await alone.open(row.sealed)).toContain('"d"');
  });
});

describe.skipIf(!usingPostgres)('the CLI follows the same rule', () => {
  test('argus keys list with another key exits 2 naming MASTER_KEY; with the right one it lists', async () => {
    const wrong = await runCli('bun', ['keys', 'list'], { DATABASE_URL: url!, MASTER_KEY: A });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('MASTER_KEY: is not the key that sealed');
    const right = await runCli('bun', ['keys', 'list'], { DATABASE_URL: url!, MASTER_KEY: B });
    expect(right.code).toBe(0);
    expect(right.stdout).toContain('key_');
  });
});
