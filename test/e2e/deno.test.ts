// The same server on Deno 2: start `deno run src/cli.ts serve` on the embedded database and
// speak HTTP to it.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Subprocess } from 'bun';
import * as oauth from 'oauth4webapi';
import { exportJWK, generateKeyPair } from 'jose';
import { freePort, untilReady } from '../support/service.ts';

const root = join(import.meta.dir, '../..');
let proc: Subprocess<'ignore', 'pipe', 'pipe'>;
let url: string;
let output = '';
let dataDir = '';
let adminToken = '';

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
    adminToken = token;
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

  test('the OAuth security profile: private_key_jwt with a jwks_uri, PAR, DPoP-bound tokens on a protected route (oauth4webapi)', async () => {
    expect(adminToken).not.toBe('');
    const signing = await generateKeyPair('ES256', { extractable: true });
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(signing.publicKey)), kid: 'd1', alg: 'ES256' }] });
    const keyServer = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response(jwks, { headers: { 'content-type': 'application/json' } }) });
    try {
      const created = await fetch(`${url}/v1/platform/apps`, {
        method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Deno signed', grant_types: ['authorization_code', 'client_credentials'], redirect_uris: ['http://127.0.0.1:9/cb'], requested_scopes: ['webhooks:read'], token_endpoint_auth_method: 'private_key_jwt', jwks_uri: `http://127.0.0.1:${keyServer.port}/jwks` }),
      });
      expect(created.status).toBe(201);
      const { client_id } = (await created.json()) as { client_id: string };
      const insecure = { [oauth.allowInsecureRequests]: true };
      const issuer = new URL(url);
      const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
      const client: oauth.Client = { client_id };
      const auth = oauth.PrivateKeyJwt({ key: signing.privateKey, kid: 'd1' });
      const DPoP = oauth.DPoP(client, await oauth.generateKeyPair('ES256'));
      const pushed = await oauth.processPushedAuthorizationResponse(as, client, await oauth.pushedAuthorizationRequest(as, client, auth, {
        response_type: 'code', redirect_uri: 'http://127.0.0.1:9/cb', scope: 'webhooks:read', code_challenge: await oauth.calculatePKCECodeChallenge(oauth.generateRandomCodeVerifier()), code_challenge_method: 'S256',
      }, { DPoP, ...insecure }));
      const page = await fetch(`${url}/v1/oauth/authorize?client_id=${client_id}&request_uri=${encodeURIComponent(pushed.request_uri)}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Sign in');
      const tokens = await oauth.processClientCredentialsResponse(as, client, await oauth.clientCredentialsGrantRequest(as, client, auth, { scope: 'webhooks:read' }, { DPoP, ...insecure }));
      expect(tokens.token_type).toBe('dpop');
      const res = await oauth.protectedResourceRequest(tokens.access_token, 'GET', new URL(`${url}/v1/webhooks`), new Headers(), null, { DPoP, ...insecure });
      expect(res.status).toBe(200);
      const bearer = await fetch(`${url}/v1/webhooks`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(bearer.status).toBe(401);
    } finally {
      keyServer.stop(true);
    }
  });

  test('SIGTERM stops it cleanly', async () => {
    proc.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  });
});
