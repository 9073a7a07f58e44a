// The closed-socket guard in postgres.js (src/db/patches/postgres-closed-socket.mjs) is checked
// when a real database is opened: an install that skipped the script is refused with a
// message saying what to run, never used unguarded.
import { describe, expect, test } from 'bun:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import packageJson from '../../package.json' with { type: 'json' };
import { driverGuarded } from '../../src/db/postgres.ts';

describe('postgres.js guard', () => {
  test('the installed driver carries it, at the exact version pinned for it', async () => {
    expect(await driverGuarded()).toBe(true);
    expect(packageJson.dependencies.postgres).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('a driver without it is told apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'argus-pg-unguarded-'));
    writeFileSync(join(dir, 'index.js'), 'export default {}');
    writeFileSync(join(dir, 'connection.js'), '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)\n');
    expect(await driverGuarded(pathToFileURL(join(dir, 'index.js')).href)).toBe(false);
  });

  test('the install script finds the package from any working directory and leaves a guarded one as it is', async () => {
    const script = join(import.meta.dir, '../../src/db/patches/postgres-closed-socket.mjs');
    const proc = Bun.spawn(['node', script], { cwd: tmpdir(), stdout: 'pipe', stderr: 'pipe' });
    const [out, code] = await Promise.all([new Response(proc.stdout).text(), proc.exited]);
    expect({ code, out: out.trim() }).toEqual({ code: 0, out: 'postgres-closed-socket: patched 0 file(s)' });
  });
});
