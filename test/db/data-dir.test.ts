// DATA_DIR holds the master key and the embedded database (users' password hashes, sealed
// secrets, the WAL): it is its owner's alone. A fresh one is made private, an existing one from
// before this rule is fixed at start, and another local user can read nothing in it.
import { afterAll, describe, expect, test } from 'bun:test';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../src/db/index.ts';
import { SecretBox } from '../../src/crypto/secret-box.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Every entry below `dir` (itself included) whose mode lets anyone but its owner in. */
function openToOthers(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) out.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return out;
}

/** Starts what a server keeps in DATA_DIR (the master key, the embedded database), writes, and closes. */
async function startIn(dataDir: string) {
  await SecretBox.load(null, dataDir);
  const db = await openDb({ databaseUrl: null, dataDir, dbPoolMax: 1 });
  await db.exec("create table if not exists t (v text); insert into t values (repeat('x', 100000));");
  await db.close();
}

const asRoot = process.getuid?.() === 0;

describe('DATA_DIR is private', () => {
  test('a fresh one: the directory 0700, every file in it 0600', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'argus-datadir-'));
    made.push(parent);
    const dataDir = join(parent, 'data');
    await startIn(dataDir);
    expect(readdirSync(join(dataDir, 'pg')).length).toBeGreaterThan(5);
    expect(openToOthers(dataDir)).toEqual([]);
    expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
  }, 60_000);

  test('one from before the rule (0755, files 0666) is fixed at start', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'argus-datadir-'));
    made.push(parent);
    const dataDir = join(parent, 'data');
    mkdirSync(join(dataDir, 'pg', 'base'), { recursive: true, mode: 0o755 });
    writeFileSync(join(dataDir, 'pg', 'base', 'old-file'), 'written by an earlier version');
    chmodSync(join(dataDir, 'pg', 'base', 'old-file'), 0o666);
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'pg'), 0o777);
    expect(openToOthers(dataDir).length).toBeGreaterThan(0);
    // The earlier "database" is not a PGlite one: what matters is that its modes were fixed first.
    await SecretBox.load(null, dataDir);
    expect(openToOthers(dataDir)).toEqual([]);
  }, 60_000);

  test.skipIf(!asRoot)(
    'another local user (nobody) can read nothing in it',
    async () => {
      const parent = mkdtempSync(join(tmpdir(), 'argus-datadir-'));
      made.push(parent);
      chmodSync(parent, 0o755); // the parent is open: only DATA_DIR's own modes keep others out
      const dataDir = join(parent, 'data');
      await startIn(dataDir);
      const tryRead = (path: string) =>
        Bun.spawnSync(['runuser', '-u', 'nobody', '--', 'cat', path], { stdout: 'pipe', stderr: 'pipe' });
      // The check itself works: nobody reads a world-readable file beside DATA_DIR.
      writeFileSync(join(parent, 'public'), 'open');
      chmodSync(join(parent, 'public'), 0o644);
      expect(tryRead(join(parent, 'public')).stdout.toString()).toBe('open');
      for (const path of [
        join(dataDir, 'master.key'),
        join(dataDir, 'pg', 'PG_VERSION'),
        join(dataDir, 'pg', 'postgresql.conf'),
      ]) {
        const attempt = tryRead(path);
        expect(attempt.exitCode).not.toBe(0);
        expect(attempt.stderr.toString()).toContain('Permission denied');
      }
      const listing = Bun.spawnSync(['runuser', '-u', 'nobody', '--', 'ls', dataDir], { stderr: 'pipe' });
      expect(listing.exitCode).not.toBe(0);
    },
    60_000,
  );
});
