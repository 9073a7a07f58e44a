// The embedded database's lock: one live process at a time; stale locks are taken over.
import { describe, expect, test } from 'bun:test';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabaseInUse, embeddedDatabaseHolder, lockEmbeddedDatabase } from '../../src/db/embedded-lock.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'argus-lock-unit-'));

describe('embedded database lock', () => {
  test('taken, named in the file, refused to another live process, released', async () => {
    const dir = fresh();
    const release = await lockEmbeddedDatabase(dir, 0);
    expect(readFileSync(join(dir, 'argus.lock'), 'utf8')).toBe(String(process.pid));
    await release();
    expect(existsSync(join(dir, 'argus.lock'))).toBe(false);
    // A live process that is not us (our parent) holds it: refused after the wait.
    writeFileSync(join(dir, 'argus.lock'), String(process.ppid));
    expect(await embeddedDatabaseHolder(dir)).toBe(process.ppid);
    const started = Date.now();
    await expect(lockEmbeddedDatabase(dir, 300)).rejects.toBeInstanceOf(EmbeddedDatabaseInUse);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  test('a lock left by a dead process, or by an earlier life under our own pid, is stale', async () => {
    for (const stale of ['2147483646', String(process.pid), 'garbage']) {
      const dir = fresh();
      writeFileSync(join(dir, 'argus.lock'), stale);
      expect(await embeddedDatabaseHolder(dir)).toBeNull();
      const release = await lockEmbeddedDatabase(dir, 0);
      expect(readFileSync(join(dir, 'argus.lock'), 'utf8')).toBe(String(process.pid));
      await release();
    }
  });
});
