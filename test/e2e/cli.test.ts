// The argus command as a new user runs it: bootstrap, serve, stop, serve again.
import { describe, expect, test } from 'bun:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { databaseUrl } from '../support/db.ts';
import { freePort, untilReady } from '../support/service.ts';
import { randomToken } from '../../src/ids.ts';

const root = join(import.meta.dir, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'argus-cli-'));
const baseEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', LOG_LEVEL: 'info' };

async function argus(args: string[], env: Record<string, string> = {}) {
  const proc = Bun.spawn([process.execPath, 'src/cli.ts', ...args], { cwd: root, env: { ...baseEnv, ...env }, stdout: 'pipe', stderr: 'pipe' });
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  return { stdout, stderr, code };
}

async function serve(port: number) {
  const proc = Bun.spawn([process.execPath, 'src/cli.ts', 'serve'], {
    cwd: root, env: { ...baseEnv, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, stdout: 'pipe', stderr: 'pipe',
  });
  const url = `http://127.0.0.1:${port}`;
  // On failure, stopped first so that its stderr ends and can be read whole.
  await untilReady(url, proc, 20_000, () => {
    proc.kill();
    return new Response(proc.stderr).text();
  });
  return { proc, url };
}

describe('argus command', () => {
  test('help, unknown commands and bad configuration', async () => {
    const help = await argus(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['serve', 'worker', 'migrate', 'bootstrap', 'token', 'keys']) expect(help.stdout).toContain(c);
    const serveHelp = await argus(['serve', '--help']);
    expect(serveHelp.stdout).toContain('Usage: argus serve');
    const unknown = await argus(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const badPort = await argus(['migrate'], { PORT: 'eighty' });
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('PORT: expected a whole number');
    const missing = await argus(['bootstrap', '--tenant', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--admin-email is required');
  });

  test('argus worker refuses the embedded database', async () => {
    const r = await argus(['worker'], { DATABASE_URL: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs DATABASE_URL');
  });

  test('bootstrap, serve, restart: the tenant, its token and the signing key survive', async () => {
    const port = freePort();
    const tenant = `Acme ${randomToken(6)}`;
    const boot = await argus(['bootstrap', '--tenant', tenant, '--admin-email', 'admin@acme.example', '--json'], { PUBLIC_URL: `http://127.0.0.1:${port}` });
    expect(boot.code).toBe(0);
    const out = JSON.parse(boot.stdout) as { tenant_id: string; admin_access_token: string; admin_password: string };
    expect(out.tenant_id).toMatch(/^ten_/);
    expect(out.admin_password.length).toBeGreaterThanOrEqual(20);
    expect(boot.stdout + boot.stderr).not.toContain('private');

    const again = await argus(['bootstrap', '--tenant', tenant, '--admin-email', 'other@acme.example']);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`argus bootstrap: a tenant named "${tenant}" already exists`);

    const first = await serve(port);
    const jwks = createRemoteJWKSet(new URL(`${first.url}/.well-known/jwks.json`));
    const verified = await jwtVerify(out.admin_access_token, jwks, { issuer: first.url, typ: 'at+jwt' });
    expect(verified.payload.tenant_id).toBe(out.tenant_id);
    const kid = verified.protectedHeader.kid;
    first.proc.kill('SIGTERM');
    expect(await first.proc.exited).toBe(0);

    const second = await serve(port);
    const keys = (await (await fetch(`${second.url}/v1/auth/jwks.json`)).json()) as { keys: Array<{ kid: string }> };
    expect(keys.keys.map((k) => k.kid)).toContain(kid!);
    const token = await argus(['token', '--tenant', tenant, '--admin', '--json'], { PUBLIC_URL: second.url });
    expect(token.code).toBe(0);
    const minted = JSON.parse(token.stdout) as { tenant_id: string; admin_access_token: string };
    expect(minted.tenant_id).toBe(out.tenant_id);
    await jwtVerify(minted.admin_access_token, createRemoteJWKSet(new URL(`${second.url}/.well-known/jwks.json`)), { issuer: second.url });
    second.proc.kill('SIGTERM');
    expect(await second.proc.exited).toBe(0);
  }, 60_000);

  test('one process at a time on the embedded database: commands wait for a starting server, others are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'argus-lock-'));
    const port = freePort();
    const env = { DATA_DIR: dir, DATABASE_URL: '', PUBLIC_URL: `http://127.0.0.1:${port}` };
    const server = Bun.spawn([process.execPath, 'src/cli.ts', 'serve'], { cwd: root, env: { ...baseEnv, ...env, PORT: String(port) }, stdout: 'pipe', stderr: 'pipe' });
    try {
      // Issued once the server holds the database but before it serves: the command must wait
      // and go through the server, not open the database beside it.
      for (let i = 0; i < 300 && !(await Bun.file(join(dir, 'argus.lock')).exists()); i++) await Bun.sleep(20);
      const boot = await argus(['bootstrap', '--tenant', 'Early', '--admin-email', 'early@example.com', '--json'], env);
      expect(boot.code).toBe(0);
      const { admin_access_token } = JSON.parse(boot.stdout) as { admin_access_token: string };
      const scopes = await fetch(`http://127.0.0.1:${port}/v1/platform/scopes`, { headers: { authorization: `Bearer ${admin_access_token}` } });
      expect(scopes.status).toBe(200);
      const migrate = await argus(['migrate'], env);
      expect(migrate.code).toBe(1);
      expect(migrate.stderr).toContain(`in use by process ${server.pid}`);
    } finally {
      server.kill('SIGTERM');
      await server.exited;
    }
    // The server released it on stop; a lock left by a dead process is taken over.
    expect(await Bun.file(join(dir, 'argus.lock')).exists()).toBe(false);
    await Bun.write(join(dir, 'argus.lock'), '2147483646');
    const after = await argus(['token', '--tenant', 'Early', '--admin', '--json'], env);
    expect(after.code).toBe(0);
  }, 60_000);
});
