// The same server on Deno 2: start `deno run src/cli.ts serve` (as `npm run start:deno` does)
// on the embedded database and speak HTTP to it.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createServer, type Server } from 'node:https';
import * as oauth from 'oauth4webapi';
import { exportJWK, generateKeyPair } from 'jose';
import { makeTestPki, type Leaf } from '../support/certs.ts';
import { bootstrapTenant, spawnServe, type Spawned } from '../support/spawned.ts';

const pki = makeTestPki();
let server: Spawned;
let url: string;
let adminToken = '';

beforeAll(async () => {
  server = await spawnServe('deno', { WEBHOOK_CA_FILE: pki.caFile }, { limitMs: 60_000 });
  url = server.url;
}, 90_000);

afterAll(async () => {
  await server.stop();
});

const bootstrap = async () => (await bootstrapTenant(server)).token;

async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('on Deno', () => {
  test('the log says so, and the embedded database is ready', async () => {
    expect(server.output()).toContain('"runtime":"deno"');
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
    const token = await bootstrap();
    adminToken = token;
    const got: string[] = [];
    const receiver = Bun.serve({
      port: 0,
      hostname: '127.0.0.1',
      fetch: async (req) => {
        got.push(req.headers.get('webhook-signature') ?? '');
        await req.text();
        return new Response('ok');
      },
    });
    try {
      const hook = await api('POST', '/v1/webhooks', token, {
        url: `http://127.0.0.1:${receiver.port}/h`,
        events: ['case.created'],
      });
      expect(hook.status).toBe(201);
      const event = await api('POST', '/v1/events', token, { type: 'case.created', data: { on: 'deno' } });
      expect(event.status).toBe(202);
      for (let i = 0; i < 200 && got.length === 0; i++) await Bun.sleep(25);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    } finally {
      receiver.stop(true);
    }
  });

  test('webhooks over HTTPS: a receiver of the WEBHOOK_CA_FILE CA gets its delivery; an expired or wrong-name certificate is recorded on the attempt, with nothing sent', async () => {
    const token = await bootstrap();
    const servers: Server[] = [];
    const got: Record<string, number> = {};
    const receiver = async (label: string, leaf: Leaf) => {
      got[label] = 0;
      const s = createServer({ cert: leaf.cert, key: leaf.key }, (req, res) => {
        got[label]!++;
        req.resume();
        req.on('end', () => res.end('ok'));
      });
      await new Promise<void>((resolve) => s.listen(0, '::', resolve));
      servers.push(s);
      const hook = await api('POST', '/v1/webhooks', token, {
        url: `https://localhost:${(s.address() as { port: number }).port}/h`,
        events: ['case.created'],
      });
      expect(hook.status).toBe(201);
      return hook.body.id as string;
    };
    try {
      const hooks = {
        valid: await receiver('valid', pki.leaf('valid')),
        expired: await receiver('expired', pki.leaf('expired', { expired: true })),
        'wrong-name': await receiver('wrong-name', pki.leaf('wrong-name', { names: ['other.test'] })),
      };
      expect((await api('POST', '/v1/events', token, { type: 'case.created', data: { over: 'tls' } })).status).toBe(
        202,
      );
      const firstAttempt = async (id: string) => {
        for (let i = 0; i < 200; i++) {
          const [d] = (await api('GET', `/v1/webhooks/${id}/deliveries`, token)).body.deliveries as Array<
            Record<string, unknown>
          >;
          if (d && d.attempt === 1 && d.status !== 'sending') return d;
          await Bun.sleep(25);
        }
        throw new Error(`no attempt for ${id}`);
      };
      expect(await firstAttempt(hooks.valid)).toMatchObject({ status: 'succeeded', response_status: 200, error: null });
      expect(await firstAttempt(hooks.expired)).toMatchObject({
        status: 'retrying',
        response_status: null,
        error: 'tls: certificate has expired',
      });
      expect(await firstAttempt(hooks['wrong-name'])).toMatchObject({
        status: 'retrying',
        response_status: null,
        error: 'tls: hostname mismatch',
      });
      expect(got).toEqual({ valid: 1, expired: 0, 'wrong-name': 0 });
    } finally {
      for (const s of servers) s.close();
    }
  }, 30_000);

  test('the OAuth security profile: private_key_jwt with a jwks_uri, PAR, DPoP-bound tokens on a protected route (oauth4webapi)', async () => {
    expect(adminToken).not.toBe('');
    const signing = await generateKeyPair('ES256', { extractable: true });
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(signing.publicKey)), kid: 'd1', alg: 'ES256' }] });
    const keyServer = Bun.serve({
      port: 0,
      hostname: '127.0.0.1',
      fetch: () => new Response(jwks, { headers: { 'content-type': 'application/json' } }),
    });
    try {
      const created = await fetch(`${url}/v1/platform/apps`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Deno signed',
          grant_types: ['authorization_code', 'client_credentials'],
          redirect_uris: ['http://127.0.0.1:9/cb'],
          requested_scopes: ['webhooks:read'],
          token_endpoint_auth_method: 'private_key_jwt',
          jwks_uri: `http://127.0.0.1:${keyServer.port}/jwks`,
        }),
      });
      expect(created.status).toBe(201);
      const { client_id } = (await created.json()) as { client_id: string };
      const insecure = { [oauth.allowInsecureRequests]: true };
      const issuer = new URL(url);
      const as = await oauth.processDiscoveryResponse(
        issuer,
        await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }),
      );
      const client: oauth.Client = { client_id };
      const auth = oauth.PrivateKeyJwt({ key: signing.privateKey, kid: 'd1' });
      const DPoP = oauth.DPoP(client, await oauth.generateKeyPair('ES256'));
      const pushed = await oauth.processPushedAuthorizationResponse(
        as,
        client,
        await oauth.pushedAuthorizationRequest(
          as,
          client,
          auth,
          {
            response_type: 'code',
            redirect_uri: 'http://127.0.0.1:9/cb',
            scope: 'webhooks:read',
            code_challenge: await oauth.calculatePKCECodeChallenge(oauth.generateRandomCodeVerifier()),
            code_challenge_method: 'S256',
          },
          { DPoP, ...insecure },
        ),
      );
      const page = await fetch(
        `${url}/v1/oauth/authorize?client_id=${client_id}&request_uri=${encodeURIComponent(pushed.request_uri)}`,
      );
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Sign in');
      const tokens = await oauth.processClientCredentialsResponse(
        as,
        client,
        await oauth.clientCredentialsGrantRequest(as, client, auth, { scope: 'webhooks:read' }, { DPoP, ...insecure }),
      );
      expect(tokens.token_type).toBe('dpop');
      const res = await oauth.protectedResourceRequest(
        tokens.access_token,
        'GET',
        new URL(`${url}/v1/webhooks`),
        new Headers(),
        null,
        { DPoP, ...insecure },
      );
      expect(res.status).toBe(200);
      const bearer = await fetch(`${url}/v1/webhooks`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(bearer.status).toBe(401);
    } finally {
      keyServer.stop(true);
    }
  });

  test('the studio draws a machine (ELK layout) and serves its scripts; the portal page is served', async () => {
    expect(adminToken).not.toBe('');
    const res = await fetch(`${url}/v1/machines/delivery/diagram.svg`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(res.status).toBe(200);
    const svg = await res.text();
    expect(svg).toContain('data-machine="delivery"');
    expect(svg).toContain('data-event="RESULT" data-from="sending" data-to="backoff"');
    const zoom = await fetch(`${url}/studio/zoom.js`);
    expect(zoom.headers.get('content-type')).toContain('text/javascript');
    expect(await zoom.text()).toContain('function enableZoom(');
    // The studio's modules, read from their folder, and the portal page and its script.
    const page = await (await fetch(`${url}/studio`)).text();
    const main = /src="(\/studio\/js\/main\.js\?v=[0-9a-f]{16})"/.exec(page)?.[1];
    expect(main).toBeDefined();
    const studio = await (await fetch(`${url}${main}`)).text();
    expect(studio).toMatch(/from '\.\/nav\.js\?v=[0-9a-f]{16}'/);
    const portal = await fetch(`${url}/portal/ten_none`);
    expect(portal.status).toBe(200);
    expect(portal.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const script = /src="(\/portal\/portal\.js\?v=[0-9a-f]{16})"/.exec(await portal.text())?.[1];
    expect(await (await fetch(`${url}${script}`)).text()).toContain('/v1/portal/sessions');
  });

  test('SIGTERM stops it cleanly', async () => {
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  });
});
