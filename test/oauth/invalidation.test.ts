// Remembered tokens and cached governance across processes (PostgreSQL pass): two services on
// one database, each with its own pool and listener, as two processes behind a load balancer.
// A revocation or a governance change made through one is refused at once there and within
// INVALIDATION_BOUND_MS in the other, also when the other's LISTEN connection was cut just
// before and the notice was lost; and the caches answer again once the listener is back.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { usingPostgres } from '../support/db.ts';
import { INVALIDATION_BOUND_MS } from '../../src/invalidation.ts';

type Json = Record<string, unknown>;
let a: TestService;
let b: TestService;
let adminToken = '';

beforeAll(async () => {
  if (!usingPostgres) return;
  // One issuer, as processes behind one address share it (and the suite's one master key).
  const env = { PUBLIC_URL: 'https://argus.example' };
  a = await startTestService({ workers: false, env });
  b = await startTestService({ workers: false, env });
  adminToken = (await newTenant(a)).adminToken;
}, 60_000);
afterAll(async () => {
  await a?.stop();
  await b?.stop();
});

async function call(service: TestService, method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Json };
}

async function appWithToken() {
  const app = (
    await call(a, 'POST', '/v1/platform/apps', adminToken, {
      name: `Connector ${crypto.randomUUID().slice(0, 8)}`,
      grant_types: ['client_credentials'],
      requested_scopes: ['webhooks:read'],
    })
  ).body as { client_id: string; client_secret: string };
  const res = await fetch(`${a.url}/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.client_id,
      client_secret: app.client_secret,
    }),
  });
  const token = ((await res.json()) as Json).access_token as string;
  return { ...app, token };
}

async function revoke(app: { client_id: string; client_secret: string; token: string }) {
  const res = await fetch(`${a.url}/v1/oauth/revoke`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${btoa(`${app.client_id}:${app.client_secret}`)}`,
    },
    body: new URLSearchParams({ token: app.token }),
  });
  expect(res.status).toBe(200);
}

/** Milliseconds until `service` refuses the token (polling every 10 ms), or Infinity past twice the bound. */
async function untilRefused(service: TestService, token: string): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 2 * INVALIDATION_BOUND_MS) {
    if ((await call(service, 'GET', '/v1/webhooks', token)).status === 401) return performance.now() - started;
    await Bun.sleep(10);
  }
  return Number.POSITIVE_INFINITY;
}

/** Cuts every LISTEN connection of this database (both services'); their drivers reconnect. */
async function cutListeners(): Promise<number> {
  const rows = await a.db.query<{ cut: boolean }>(
    `select pg_terminate_backend(pid) as cut from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and query like 'listen %'`,
  );
  return rows.length;
}

describe.skipIf(!usingPostgres)('invalidation across processes', () => {
  test('a revocation: at once in the process that revoked, within the bound in the other', async () => {
    const app = await appWithToken();
    for (const service of [a, b]) expect((await call(service, 'GET', '/v1/webhooks', app.token)).status).toBe(200);
    await revoke(app);
    expect((await call(a, 'GET', '/v1/webhooks', app.token)).status).toBe(401);
    const took = await untilRefused(b, app.token);
    expect(took).toBeLessThanOrEqual(INVALIDATION_BOUND_MS);
    console.log(JSON.stringify({ invalidation: 'revocation', other_process_ms: Math.round(took) }));
  });

  test('an app disabled, and service tokens turned off: the same', async () => {
    const app = await appWithToken();
    expect((await call(b, 'GET', '/v1/webhooks', app.token)).status).toBe(200);
    expect(
      (await call(a, 'PATCH', `/v1/platform/apps/${app.client_id}/governance`, adminToken, { disabled: true })).status,
    ).toBe(200);
    expect((await call(a, 'GET', '/v1/webhooks', app.token)).status).toBe(401);
    expect(await untilRefused(b, app.token)).toBeLessThanOrEqual(INVALIDATION_BOUND_MS);

    const other = await appWithToken();
    await call(a, 'PATCH', `/v1/platform/apps/${other.client_id}/governance`, adminToken, {
      allow_service_tokens: true,
    });
    const service = (
      await call(a, 'POST', `/v1/platform/apps/${other.client_id}/service-token`, adminToken, {
        scopes: ['webhooks:read'],
      })
    ).body.token as string;
    expect((await call(b, 'GET', '/v1/webhooks', service)).status).toBe(200);
    await call(a, 'PATCH', `/v1/platform/apps/${other.client_id}/governance`, adminToken, {
      allow_service_tokens: false,
    });
    expect(await untilRefused(b, service)).toBeLessThanOrEqual(INVALIDATION_BOUND_MS);
  });

  test('with the listeners cut just before each change, the other process still refuses within the bound', async () => {
    for (let round = 0; round < 4; round++) {
      const app = await appWithToken();
      expect((await call(b, 'GET', '/v1/webhooks', app.token)).status).toBe(200);
      expect(await cutListeners()).toBeGreaterThan(0);
      await revoke(app); // its notice may be sent while b's listener is away, and lost
      const took = await untilRefused(b, app.token);
      expect(took).toBeLessThanOrEqual(INVALIDATION_BOUND_MS);
      console.log(
        JSON.stringify({ invalidation: 'revocation after a cut listener', round, other_process_ms: Math.round(took) }),
      );
    }
  });

  test('once the listener is back, the caches answer again', async () => {
    await cutListeners();
    const deadline = performance.now() + 4 * INVALIDATION_BOUND_MS;
    while (!(a.invalidations.trusted() && b.invalidations.trusted()) && performance.now() < deadline)
      await Bun.sleep(20);
    expect(a.invalidations.trusted()).toBe(true);
    expect(b.invalidations.trusted()).toBe(true);
  });
});
