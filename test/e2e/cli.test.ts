// The argus command as a new user runs it: bootstrap, serve, stop, serve again.
import { describe, expect, test } from 'bun:test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { databaseUrl } from '../support/db.ts';
import { freePort, untilReady } from '../support/service.ts';
import { randomToken } from '../../src/ids.ts';
import packageJson from '../../package.json' with { type: 'json' };

const root = join(import.meta.dir, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'argus-cli-'));
const baseEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', LOG_LEVEL: 'info' };

async function argus(args: string[], env: Record<string, string> = {}) {
  const proc = Bun.spawn([process.execPath, 'src/cli.ts', ...args], {
    cwd: root,
    env: { ...baseEnv, ...env },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  return { stdout, stderr, code };
}

async function serve(port: number) {
  const proc = Bun.spawn([process.execPath, 'src/cli.ts', 'serve'], {
    cwd: root,
    env: { ...baseEnv, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdout: 'pipe',
    stderr: 'pipe',
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
    for (const c of ['serve', 'worker', 'migrate', 'bootstrap', 'token', 'portal-link', 'keys'])
      expect(help.stdout).toContain(c);
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

  test('strict options: anything unknown is a usage error (exit 2, a message, no stack trace), and nothing starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'argus-strict-'));
    const port = freePort();
    const env = { DATA_DIR: dir, DATABASE_URL: '', PORT: String(port) };
    const cases: Array<[string[], string]> = [
      [['--verbose'], "argus serve: Unknown option '--verbose'"],
      [['serve', '--port', '26005'], "argus serve: Unknown option '--port'"],
      [['migrate', '--force'], "argus migrate: Unknown option '--force'"],
      [['migrate', 'now'], "argus migrate: Unexpected argument 'now'. This command does not take positional arguments"],
      [['bootstrap', '--tenant'], "argus bootstrap: Option '--tenant <value>' argument missing"],
      [['bootstrap', '--tenant', 'x'], 'argus bootstrap: --admin-email is required'],
      [['bootstrap', '--tenant', ' ', '--admin-email', 'a@b.example'], 'argus bootstrap: --tenant must not be empty'],
      [['token', '--tenant', 'x'], 'argus token: --admin is required'],
      [['token', '--tenant', 'x', '--admin=yes'], "argus token: Option '--admin' does not take an argument"],
      [['keys'], 'argus: keys needs a command'],
      [['keys', 'frob'], 'argus: unknown command "keys frob"'],
      [['keys', 'list', '--all'], "argus keys list: Unknown option '--all'"],
      [['--version', '--json'], 'argus: --version takes nothing else'],
    ];
    for (const [args, message] of cases) {
      const r = await argus(args, env);
      expect({ args, code: r.code, first: r.stderr.split('\n')[0] }).toEqual({ args, code: 2, first: message });
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout).toBe('');
    }
    // Refused before anything was opened: no database, no master key, nothing on the port.
    expect(existsSync(join(dir, 'master.key'))).toBe(false);
    expect(existsSync(join(dir, 'argus.lock'))).toBe(false);
    expect(
      await fetch(`http://127.0.0.1:${port}/healthz`).then(
        () => 'answered',
        () => 'refused',
      ),
    ).toBe('refused');
    const serve = await argus(['serve', '--port', '26005'], env);
    expect(serve.stderr).toContain('settings are environment variables');
  });

  test('--version, and help for each command and subcommand', async () => {
    const version = await argus(['--version']);
    expect({ code: version.code, stdout: version.stdout }).toEqual({
      code: 0,
      stdout: `argus ${packageJson.version}\n`,
    });
    const list = await argus(['keys', 'list', '--help']);
    const rotate = await argus(['keys', 'rotate', '--help']);
    expect([list.code, rotate.code]).toEqual([0, 0]);
    expect(list.stdout).toContain('Usage: argus keys list [--json]');
    expect(rotate.stdout).toContain('Usage: argus keys rotate [--json]');
    expect(list.stdout).not.toBe(rotate.stdout);
    const bootstrap = await argus(['bootstrap', '-h']);
    expect(bootstrap.stdout).toContain('--admin-email EMAIL');
    expect(bootstrap.stdout).toContain('remove DATA_DIR');
    expect((await argus(['help', 'token'])).stdout).toContain('Usage: argus token');
    const group = await argus(['keys', '--help']);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('keys rotate');
    expect((await argus(['help', 'nope'])).code).toBe(2);
  });

  test.skipIf(!Bun.which('script'))(
    'in a terminal the log is readable text, the first-start hint on its own line; piped, JSON',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'argus-tty-'));
      const port = freePort();
      // script(1) gives the server a pseudo-terminal as stdout, as a user's shell would.
      const proc = Bun.spawn(['script', '-qfec', `${process.execPath} src/cli.ts serve`, '/dev/null'], {
        cwd: root,
        env: { ...baseEnv, DATA_DIR: dir, DATABASE_URL: '', PORT: String(port), LOG_FORMAT: '' },
        stdin: 'pipe',
        stdout: 'pipe',
        stderr: 'pipe',
      });
      let text = '';
      const reader = proc.stdout.getReader();
      for (let i = 0; i < 200 && !text.includes('no tenant yet'); i++) {
        const r = await reader.read();
        if (r.done) break;
        text += new TextDecoder().decode(r.value);
      }
      process.kill(Number(await Bun.file(join(dir, 'argus.lock')).text()), 'SIGTERM');
      await proc.exited;
      const lines = text.split(/\r?\n/);
      expect(lines.find((l) => l.includes(' listening '))).toMatch(
        new RegExp(
          `^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  listening  runtime=bun url=http://127\\.0\\.0\\.1:${port} database=pglite workers=true public_url=http://localhost:${port}$`,
        ),
      );
      expect(lines.find((l) => l.includes('no tenant yet'))).toMatch(
        /^\S+ INFO {2}no tenant yet: create one with `npm run argus -- bootstrap --tenant NAME --admin-email EMAIL --json`/,
      );
      expect(text).not.toContain('{"time"');
    },
    60_000,
  );

  test('argus worker refuses the embedded database', async () => {
    const r = await argus(['worker'], { DATABASE_URL: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs DATABASE_URL');
  });

  test('bootstrap, serve, restart: the tenant, its token and the signing key survive', async () => {
    const port = freePort();
    const tenant = `Acme ${randomToken(6)}`;
    const boot = await argus(['bootstrap', '--tenant', tenant, '--admin-email', 'admin@acme.example', '--json'], {
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    });
    expect(boot.code).toBe(0);
    const out = JSON.parse(boot.stdout) as { tenant_id: string; admin_access_token: string; admin_password: string };
    expect(out.tenant_id).toMatch(/^ten_/);
    expect(out.admin_password.length).toBeGreaterThanOrEqual(20);
    expect(boot.stdout + boot.stderr).not.toContain('private');

    const again = await argus(['bootstrap', '--tenant', tenant, '--admin-email', 'other@acme.example']);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(
      `argus bootstrap: a tenant named "${tenant}" already exists: \`argus token --tenant "${tenant}" --admin\` mints a token for it; to start from nothing on the embedded database, stop the server and remove DATA_DIR (default ./.data)`,
    );

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
    await jwtVerify(minted.admin_access_token, createRemoteJWKSet(new URL(`${second.url}/.well-known/jwks.json`)), {
      issuer: second.url,
    });
    // A portal link for an app's owners, minted from the command line, opens a session once.
    const app = (await (
      await fetch(`${second.url}/v1/platform/apps`, {
        method: 'POST',
        headers: { authorization: `Bearer ${minted.admin_access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Connector',
          grant_types: ['client_credentials'],
          requested_scopes: ['webhooks:write'],
        }),
      })
    ).json()) as { client_id: string };
    const portal = await argus(['portal-link', '--tenant', tenant, '--app', app.client_id, '--json'], {
      PUBLIC_URL: second.url,
    });
    expect(portal.code).toBe(0);
    const link = JSON.parse(portal.stdout) as { url: string; app_id: string };
    expect(link.app_id).toBe(app.client_id);
    const code = new URL(link.url).hash.replace('#code=', '');
    const exchange = () =>
      fetch(`${second.url}/v1/portal/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
    expect((await exchange()).status).toBe(201);
    expect((await exchange()).status).toBe(400);
    const noApp = await argus(['portal-link', '--tenant', tenant, '--app', 'app_nope'], { PUBLIC_URL: second.url });
    expect(noApp.code).toBe(1);
    expect(noApp.stderr).toContain('app app_nope was not found');
    second.proc.kill('SIGTERM');
    expect(await second.proc.exited).toBe(0);
  }, 60_000);

  test('one process at a time on the embedded database: commands wait for a starting server, others are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'argus-lock-'));
    const port = freePort();
    const env = { DATA_DIR: dir, DATABASE_URL: '', PUBLIC_URL: `http://127.0.0.1:${port}` };
    const server = Bun.spawn([process.execPath, 'src/cli.ts', 'serve'], {
      cwd: root,
      env: { ...baseEnv, ...env, PORT: String(port) },
      stdout: 'pipe',
      stderr: 'pipe',
    });
    try {
      // Issued once the server holds the database but before it serves: the command must wait
      // and go through the server, not open the database beside it.
      for (let i = 0; i < 300 && !(await Bun.file(join(dir, 'argus.lock')).exists()); i++) await Bun.sleep(20);
      const boot = await argus(['bootstrap', '--tenant', 'Early', '--admin-email', 'early@example.com', '--json'], env);
      expect(boot.code).toBe(0);
      const { admin_access_token } = JSON.parse(boot.stdout) as { admin_access_token: string };
      const scopes = await fetch(`http://127.0.0.1:${port}/v1/platform/scopes`, {
        headers: { authorization: `Bearer ${admin_access_token}` },
      });
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
