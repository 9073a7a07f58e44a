// The same server on Deno 2: start `deno run src/cli.ts serve` on the embedded database and
// speak HTTP to it.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Subprocess } from 'bun';
import { freePort, untilReady } from '../support/service.ts';

const root = join(import.meta.dir, '../..');
let proc: Subprocess<'ignore', 'pipe', 'pipe'>;
let url: string;
let output = '';
let dataDir = '';

beforeAll(async () => {
  const port = freePort();
  url = `http://127.0.0.1:${port}`;
  proc = Bun.spawn([join(root, 'node_modules/.bin/deno'), 'run', '--allow-all', 'src/cli.ts', 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, DATA_DIR: (dataDir = mkdtempSync(join(tmpdir(), 'argus-deno-'))), DATABASE_URL: '', LOG_LEVEL: 'info', ALLOW_PRIVATE_TARGETS: 'true', WORKER_POLL_MS: '50' },
    stdin: 'ignore', stdout: 'pipe', stderr: 'pipe',
  });
  void (async () => {
    const reader = proc.stdout.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) output += new TextDecoder().decode(r.value);
  })();
  await untilReady(url, proc, 60_000, async () => `${output}\n${await new Response(proc.stderr).text()}`);
}, 90_000);

afterAll(async () => {
  proc.kill('SIGTERM');
  await proc.exited;
});

describe('on Deno', () => {
  test('the log says so, and the embedded database is ready', async () => {
    expect(output).toContain('"runtime":"deno"');
    const res = await fetch(`${url}/readyz`);
    expect(await res.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
  });

  test('the error envelope is the same', async () => {
    const res = await fetch(`${url}/nope`);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe('not_found');
    const wrong = await fetch(`${url}/healthz`, { method: 'PUT' });
    expect(wrong.status).toBe(405);
  });

  test('JWKS is served', async () => {
    const res = await fetch(`${url}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { keys: Array<{ kty: string; use: string }> };
    expect(body.keys.length).toBeGreaterThan(0);
    expect(body.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig' });
  });

  test('bootstrap through its control socket, then a signed webhook delivery', async () => {
    const boot = Bun.spawn([process.execPath, 'src/cli.ts', 'bootstrap', '--tenant', 'Deno Co', '--admin-email', 'admin@deno.example', '--json'], {
      cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, stdout: 'pipe', stderr: 'pipe',
    });
    const [out, code] = await Promise.all([new Response(boot.stdout).text(), boot.exited]);
    expect(code).toBe(0);
    const { admin_access_token: token } = JSON.parse(out) as { admin_access_token: string };
    const got: string[] = [];
    const receiver = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: async (req) => { got.push(req.headers.get('webhook-signature') ?? ''); await req.text(); return new Response('ok'); } });
    try {
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const hook = await fetch(`${url}/v1/webhooks`, { method: 'POST', headers: auth, body: JSON.stringify({ url: `http://127.0.0.1:${receiver.port}/h`, events: ['case.created'] }) });
      expect(hook.status).toBe(201);
      const event = await fetch(`${url}/v1/events`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'case.created', data: { on: 'deno' } }) });
      expect(event.status).toBe(202);
      for (let i = 0; i < 200 && got.length === 0; i++) await Bun.sleep(25);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    } finally {
      receiver.stop(true);
    }
  });

  test('SIGTERM stops it cleanly', async () => {
    proc.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  });
});
