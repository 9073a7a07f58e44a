// Client addresses behind a reverse proxy, on Bun and on Deno, over real sockets: 127.0.0.1 is
// the proxy, 127.0.0.2 a client connecting directly. Forwarded headers count only from a socket
// in TRUSTED_PROXIES; from anywhere else they are ignored, so a spoofed X-Forwarded-For buys
// nothing. What the server signs and checks (the issuer, PUBLIC_URL) never follows them.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { RUNTIMES, send, spawnServe, type Spawned } from '../support/spawned.ts';

// The public request form allows 5 submissions an hour per client address.
const FORM_LIMIT = 5;
const form = JSON.stringify({
  organisation: 'Integrator Ltd',
  contact_name: 'Ada',
  contact_email: 'ada@integrator.example',
  use_case: 'Sync case updates into our ticketing system',
  capabilities: ['curated_graphql_bundles'],
});
const submit = (server: Spawned, headers: Record<string, string>, from = '127.0.0.1') =>
  send(`${server.url}/v1/integration-requests`, {
    method: 'POST',
    from,
    body: form,
    headers: { 'content-type': 'application/json', ...headers },
  }).then((r) => r.status);

/** The client address the access log reported for the request with this id. */
function loggedClient(server: Spawned, requestId: string): Record<string, unknown> | undefined {
  const line = server
    .output()
    .split('\n')
    .find((l) => l.includes(`"request_id":"${requestId}"`) && l.includes('"msg":"request"'));
  return line ? (JSON.parse(line) as Record<string, unknown>) : undefined;
}

for (const runtime of RUNTIMES) {
  describe(`client addresses on ${runtime}`, () => {
    let direct: Spawned;
    let proxied: Spawned;
    beforeAll(async () => {
      [direct, proxied] = await Promise.all([
        spawnServe(runtime, { LOG_LEVEL: 'debug', RUN_WORKERS: 'false' }),
        spawnServe(runtime, { LOG_LEVEL: 'debug', RUN_WORKERS: 'false', TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' }),
      ]);
    }, 120_000);
    afterAll(async () => {
      await Promise.all([direct?.stop(), proxied?.stop()]);
    });

    test('without TRUSTED_PROXIES, X-Forwarded-For is ignored: a new spoofed address per request still counts as one client', async () => {
      for (let i = 0; i < FORM_LIMIT; i++)
        expect(await submit(direct, { 'x-forwarded-for': `203.0.113.${i}` })).toBe(201);
      expect(await submit(direct, { 'x-forwarded-for': '203.0.113.99', forwarded: 'for=203.0.113.98' })).toBe(429);
      // Another socket address is another client.
      expect(await submit(direct, {}, '127.0.0.2')).toBe(201);
      const res = await send(`${direct.url}/healthz`, {
        headers: { 'x-forwarded-for': '198.51.100.1', 'x-request-id': `direct-${runtime}` },
      });
      expect(res.status).toBe(200);
      await Bun.sleep(100);
      expect(loggedClient(direct, `direct-${runtime}`)).toMatchObject({
        client_address: '127.0.0.1',
        scheme: 'http',
        host: `127.0.0.1:${direct.port}`,
      });
    });

    test('behind a trusted proxy, each forwarded client has its own limit, walked from the right past trusted hops', async () => {
      for (let i = 0; i < FORM_LIMIT; i++)
        expect(await submit(proxied, { 'x-forwarded-for': '203.0.113.7' })).toBe(201);
      expect(await submit(proxied, { 'x-forwarded-for': '203.0.113.7' })).toBe(429);
      // What the client claims is on the left; the proxy appended the address it saw.
      expect(await submit(proxied, { 'x-forwarded-for': '198.51.100.200, 203.0.113.7' })).toBe(429);
      // Through a second trusted proxy (10.1.2.3) the client is still 203.0.113.7.
      expect(await submit(proxied, { 'x-forwarded-for': '203.0.113.7, 10.1.2.3' })).toBe(429);
      expect(await submit(proxied, { 'x-forwarded-for': '203.0.113.8' })).toBe(201);
      // The log reports the forwarded client, scheme and host, and the proxy it came through.
      const res = await send(`${proxied.url}/healthz`, {
        headers: {
          'x-forwarded-for': '2001:db8::5, 10.9.9.9',
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'api.example.com',
          'x-request-id': `proxied-${runtime}`,
        },
      });
      expect(res.status).toBe(200);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
      await Bun.sleep(100);
      expect(loggedClient(proxied, `proxied-${runtime}`)).toMatchObject({
        client_address: '2001:db8::5',
        scheme: 'https',
        host: 'api.example.com',
        proxy: '127.0.0.1',
      });
    });

    test('behind a trusted proxy, a client connecting directly from elsewhere cannot spoof its address', async () => {
      for (let i = 0; i < FORM_LIMIT; i++)
        expect(await submit(proxied, { 'x-forwarded-for': `192.0.2.${i}` }, '127.0.0.2')).toBe(201);
      expect(await submit(proxied, { 'x-forwarded-for': '192.0.2.200' }, '127.0.0.2')).toBe(429);
      const res = await send(`${proxied.url}/healthz`, {
        from: '127.0.0.2',
        headers: { 'x-forwarded-for': '192.0.2.1', 'x-forwarded-proto': 'https', 'x-request-id': `spoof-${runtime}` },
      });
      expect(res.headers['strict-transport-security']).toBeUndefined();
      await Bun.sleep(100);
      expect(loggedClient(proxied, `spoof-${runtime}`)).toMatchObject({ client_address: '127.0.0.2', scheme: 'http' });
      expect(loggedClient(proxied, `spoof-${runtime}`)?.proxy).toBeUndefined();
    });

    test('the Forwarded header is not read unless FORWARDED_HEADERS says so: a client cannot pick the header its proxy does not set', async () => {
      // The proxy set X-Forwarded-For (client 203.0.113.8, over its limit after 4 more); the client added a Forwarded of its own.
      for (let i = 0; i < FORM_LIMIT - 1; i++)
        expect(await submit(proxied, { 'x-forwarded-for': '203.0.113.8' })).toBe(201);
      expect(await submit(proxied, { 'x-forwarded-for': '203.0.113.8', forwarded: 'for=198.51.100.77' })).toBe(429);
    });

    test('the issuer and every URL the server publishes stay PUBLIC_URL whatever a trusted proxy forwards', async () => {
      const headers = {
        'x-forwarded-for': '203.0.113.50',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'evil.example',
        forwarded: 'for=203.0.113.50;proto=https;host=evil.example',
        host: 'evil.example',
      };
      const res = await send(`${proxied.url}/.well-known/oauth-authorization-server`, { headers });
      expect(res.status).toBe(200);
      const metadata = JSON.parse(res.body) as Record<string, string>;
      expect(metadata.issuer).toBe(`http://127.0.0.1:${proxied.port}`);
      expect(res.body).not.toContain('evil.example');
      for (const key of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'])
        expect(metadata[key]).toStartWith(`http://127.0.0.1:${proxied.port}/`);
    });
  });
}

describe('FORWARDED_HEADERS=forwarded (RFC 7239)', () => {
  let server: Spawned;
  beforeAll(async () => {
    server = await spawnServe('bun', {
      LOG_LEVEL: 'debug',
      RUN_WORKERS: 'false',
      TRUSTED_PROXIES: '127.0.0.1',
      FORWARDED_HEADERS: 'forwarded',
    });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  test('the client, scheme and host come from the Forwarded element of the first untrusted hop; X-Forwarded-For is ignored', async () => {
    const res = await send(`${server.url}/healthz`, {
      headers: {
        forwarded: 'for=198.51.100.1, for="[2001:db8::7]:4711";proto=https;host=api.example.com, for=127.0.0.1',
        'x-forwarded-for': '192.0.2.66',
        'x-request-id': 'rfc7239',
      },
    });
    expect(res.status).toBe(200);
    await Bun.sleep(100);
    expect(loggedClient(server, 'rfc7239')).toMatchObject({
      client_address: '2001:db8::7',
      scheme: 'https',
      host: 'api.example.com',
      proxy: '127.0.0.1',
    });
    for (let i = 0; i < FORM_LIMIT; i++)
      expect(await submit(server, { forwarded: 'for=203.0.113.1', 'x-forwarded-for': `192.0.2.${i}` })).toBe(201);
    expect(await submit(server, { forwarded: 'for=203.0.113.1', 'x-forwarded-for': '192.0.2.99' })).toBe(429);
    expect(await submit(server, { forwarded: 'for=203.0.113.2' })).toBe(201);
  });
});
