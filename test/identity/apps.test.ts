import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { ManualClock } from '../../src/actors/clock.ts';
import { sha256Hex } from '../../src/crypto/hash.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { example, runExample } from '../support/contract.ts';

let service: TestService;
let clock: ManualClock;
let acme: Awaited<ReturnType<typeof newTenant>>;
let globex: Awaited<ReturnType<typeof newTenant>>;

beforeAll(async () => {
  clock = new ManualClock(Date.now());
  service = await startTestService({ clock, workers: false });
  acme = await newTenant(service);
  globex = await newTenant(service);
}, 30_000);
afterAll(async () => {
  await service.stop();
});

type Json = Record<string, unknown>;
async function api(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
}

const ccApp = {
  name: 'Case sync connector',
  grant_types: ['client_credentials'],
  requested_scopes: ['webhooks:write'],
};
const createApp = async (token = acme.adminToken, body: Json = ccApp) => {
  const r = await api('POST', '/v1/platform/apps', token, body);
  expect(r.status).toBe(201);
  return r.body as { client_id: string; client_secret: string };
};

async function clientToken(clientId: string, secret: string, scope?: string) {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: secret,
    ...(scope ? { scope } : {}),
  });
  const res = await fetch(`${service.url}/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Json };
}

describe('the contract examples, pasted after bootstrap', () => {
  test('each identity example answers the documented shape', async () => {
    const vars: Record<string, string> = { '<admin-access-token>': acme.adminToken };
    const scopes = await runExample(example('GET', '/v1/platform/scopes'), service.url, vars);
    expect(scopes.status).toBe(200);
    expect(scopes.body.scopes).toContainEqual({
      name: 'webhooks:write',
      description: 'Create and update outbound webhook subscriptions',
    });

    const created = await runExample(example('POST', '/v1/platform/apps', '001'), service.url, vars);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      grant_types: ['client_credentials'],
      requested_scopes: ['webhooks:write'],
      tenant_id: acme.tenantId,
    });
    expect(created.body.client_id).toMatch(/^app_/);
    expect(created.body.client_secret).toMatch(/^cs_/);
    vars.app_123 = created.body.client_id as string;

    const inspected = await runExample(example('GET', '/v1/platform/apps/app_123'), service.url, vars);
    expect(inspected.status).toBe(200);
    expect(inspected.body).toMatchObject({
      client_id: vars.app_123,
      name: 'Case sync connector',
      grant_types: ['client_credentials'],
    });
    expect(inspected.body.governance).toHaveProperty('allow_service_tokens');

    const governed = await runExample(example('PATCH', '/v1/platform/apps/app_123/governance'), service.url, vars);
    expect(governed.status).toBe(200);
    expect(governed.body).toMatchObject({
      client_id: vars.app_123,
      governance: { allow_service_tokens: true, enforce_pkce: true },
    });

    const rotated = await runExample(example('POST', '/v1/platform/apps/app_123/rotate-secret'), service.url, vars);
    expect(rotated.status).toBe(200);
    expect(rotated.body.client_id).toBe(vars.app_123);
    expect(rotated.body.client_secret).toMatch(/^cs_/);
    expect(rotated.body.client_secret).not.toBe(created.body.client_secret);

    const guide = await runExample(example('POST', '/v1/platform/apps', '000'), service.url, vars);
    expect(guide.status).toBe(201);
    expect(guide.body).toMatchObject({ name: 'Case sync connector', grant_types: ['client_credentials'] });
  });
});

describe('registration rules', () => {
  test.each([
    ['a blank name', { ...ccApp, name: '   ' }, 'invalid_request', /name/],
    ['no grant type', { ...ccApp, grant_types: [] }, 'invalid_request', /grant_types/],
    ['an unknown grant type', { ...ccApp, grant_types: ['password'] }, 'invalid_request', /grant_types/],
    [
      'refresh_token alone',
      { ...ccApp, grant_types: ['client_credentials', 'refresh_token'] },
      'invalid_request',
      /refresh_token is only issued with authorization_code/,
    ],
    [
      'authorization_code without redirect URIs',
      { ...ccApp, grant_types: ['authorization_code'] },
      'invalid_request',
      /redirect_uris: at least one/,
    ],
    [
      'redirect URIs without authorization_code',
      { ...ccApp, redirect_uris: ['https://integrator.example/cb'] },
      'invalid_request',
      /only used with the authorization_code/,
    ],
    [
      'an http redirect off loopback',
      { ...ccApp, grant_types: ['authorization_code'], redirect_uris: ['http://integrator.example/cb'] },
      'invalid_request',
      /redirect_uris.0: must use https/,
    ],
    [
      'a redirect with a fragment',
      { ...ccApp, grant_types: ['authorization_code'], redirect_uris: ['https://integrator.example/cb#x'] },
      'invalid_request',
      /fragment/,
    ],
    [
      'a wildcard redirect',
      { ...ccApp, grant_types: ['authorization_code'], redirect_uris: ['https://*.example/cb'] },
      'invalid_request',
      /wildcard/,
    ],
    [
      'a relative redirect',
      { ...ccApp, grant_types: ['authorization_code'], redirect_uris: ['/cb'] },
      'invalid_request',
      /absolute URL/,
    ],
    [
      'a redirect with credentials',
      { ...ccApp, grant_types: ['authorization_code'], redirect_uris: ['https://u:p@integrator.example/cb'] },
      'invalid_request',
      /credentials/,
    ],
    [
      'a custom scheme redirect',
      { ...ccApp, grant_types: ['authorization_code'], redirect_uris: ['myapp://cb'] },
      'invalid_request',
      /only https/,
    ],
    ['no scope', { ...ccApp, requested_scopes: [] }, 'invalid_scope', /at least one scope/],
    [
      'an unpublished scope',
      { ...ccApp, requested_scopes: ['admin'] },
      'invalid_scope',
      /"admin" is not a scope approved/,
    ],
    ['an invented scope', { ...ccApp, requested_scopes: ['billing:write'] }, 'invalid_scope', /"billing:write"/],
    [
      'a public client with client_credentials',
      { ...ccApp, client_type: 'public' },
      'invalid_request',
      /public client/,
    ],
    ['an unknown field', { ...ccApp, colour: 'red' }, 'invalid_request', /colour/],
    ['a wrong type', { ...ccApp, grant_types: 'client_credentials' }, 'invalid_request', /grant_types/],
  ])('%s is refused with a 400 naming the field', async (_label, body, error, description) => {
    const r = await api('POST', '/v1/platform/apps', acme.adminToken, body);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe(error);
    expect(String(r.body.error_description)).toMatch(description);
  });

  test('loopback http redirects are allowed; a public client gets no secret and must use PKCE', async () => {
    const r = await api('POST', '/v1/platform/apps', acme.adminToken, {
      name: 'CLI',
      client_type: 'public',
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: ['http://127.0.0.1:8765/callback', 'http://localhost/cb', 'https://integrator.example/callback'],
      requested_scopes: ['incidents:read'],
    });
    expect(r.status).toBe(201);
    expect(r.body).not.toHaveProperty('client_secret');
    expect(r.body.client_type).toBe('public');
    const pkce = await api('PATCH', `/v1/platform/apps/${r.body.client_id}/governance`, acme.adminToken, {
      enforce_pkce: false,
    });
    expect(pkce.status).toBe(400);
    const rotate = await api('POST', `/v1/platform/apps/${r.body.client_id}/rotate-secret`, acme.adminToken);
    expect(rotate.status).toBe(400);
  });

  test('a scope the tenant has not approved is neither listed nor granted', async () => {
    const created = await service.tenants.createTenant({
      name: `Narrow ${Date.now()}`,
      adminEmail: 'n@narrow.example',
      adminPassword: 'correct horse battery staple',
      approvedScopes: ['webhooks:read'],
    });
    const { mintAdminToken } = await import('../../src/services.ts');
    const token = (await mintAdminToken(service, created.tenantId, created.adminUserId)).token;
    const scopes = await api('GET', '/v1/platform/scopes', token);
    expect(scopes.body.scopes).toEqual([{ name: 'webhooks:read', description: expect.any(String) }]);
    const r = await api('POST', '/v1/platform/apps', token, ccApp);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid_scope');
  });
});

describe('governance', () => {
  test('a partial update keeps the other flags; unknown keys, bad values and foreign redirects are 400', async () => {
    const app = await createApp(acme.adminToken, {
      name: 'Web',
      grant_types: ['authorization_code'],
      redirect_uris: ['https://a.example/cb', 'https://b.example/cb'],
      requested_scopes: ['cases:read'],
    });
    const ok = await api('PATCH', `/v1/platform/apps/${app.client_id}/governance`, acme.adminToken, {
      allowed_redirect_uris: ['https://a.example/cb'],
      max_token_lifetime_seconds: 600,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.governance).toEqual({
      allow_service_tokens: false,
      enforce_pkce: true,
      allowed_redirect_uris: ['https://a.example/cb'],
      max_token_lifetime_seconds: 600,
      disabled: false,
      graphql_bundles: [],
      require_pushed_authorization_requests: false,
      require_dpop: false,
    });
    for (const [patch, pattern] of [
      [{ allow_service_tokens: true, surprise: 1 }, /surprise/],
      [{}, /.+/],
      [{ max_token_lifetime_seconds: 10 }, /max_token_lifetime_seconds/],
      [{ allowed_redirect_uris: ['https://evil.example/cb'] }, /not a registered redirect URI/],
      [{ disabled: 'yes' }, /disabled/],
      [{ graphql_bundles: ['no-such-bundle'] }, /unknown bundle/],
    ] as const) {
      const r = await api('PATCH', `/v1/platform/apps/${app.client_id}/governance`, acme.adminToken, patch);
      expect(r.status).toBe(400);
      expect(String(r.body.error_description)).toMatch(pattern);
    }
    const after = await api('GET', `/v1/platform/apps/${app.client_id}`, acme.adminToken);
    expect((after.body.governance as Json).max_token_lifetime_seconds).toBe(600);
  });

  test('a disabled app gets no token, and the tokens it holds stop working', async () => {
    const app = await createApp();
    const minted = await clientToken(app.client_id, app.client_secret);
    expect(minted.status).toBe(200);
    const before = await api('GET', '/v1/platform/scopes', minted.body.access_token as string);
    expect(before.status).toBe(403); // a client token is not an admin token
    await api('PATCH', `/v1/platform/apps/${app.client_id}/governance`, acme.adminToken, { disabled: true });
    const refused = await clientToken(app.client_id, app.client_secret);
    expect(refused).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
    const after = await api('GET', '/v1/platform/scopes', minted.body.access_token as string);
    expect(after.status).toBe(401);
    expect(String(after.body.error_description)).toContain('disabled');
  });
});

describe('access', () => {
  test('no token, a malformed header or a forged token: 401 with a Bearer challenge', async () => {
    for (const header of [null, 'Basic abc', 'Bearer not-a-jwt', `Bearer ${acme.adminToken.slice(0, -4)}AAAA`]) {
      const res = await fetch(`${service.url}/v1/platform/apps`, { headers: header ? { authorization: header } : {} });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toStartWith('Bearer');
      expect(((await res.json()) as Json).error).toBeString();
    }
  });

  test("another tenant's admin sees 404 for every app route and never lists the app", async () => {
    const app = await createApp();
    for (const [method, path, body] of [
      ['GET', `/v1/platform/apps/${app.client_id}`, undefined],
      ['PATCH', `/v1/platform/apps/${app.client_id}/governance`, { disabled: true }],
      ['POST', `/v1/platform/apps/${app.client_id}/rotate-secret`, undefined],
    ] as const) {
      const r = await api(method, path, globex.adminToken, body);
      expect(r.status).toBe(404);
      expect(r.body.error).toBe('not_found');
    }
    const list = await api('GET', '/v1/platform/apps?limit=200', globex.adminToken);
    expect((list.body.apps as Json[]).map((a) => a.client_id)).not.toContain(app.client_id);
    const mine = await api('GET', `/v1/platform/apps/${app.client_id}`, acme.adminToken);
    expect((mine.body.governance as Json).disabled).toBe(false);
  });

  test('lists page with a cursor; a forged cursor is a 400', async () => {
    const t = await newTenant(service);
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await createApp(t.adminToken)).client_id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await api('GET', `/v1/platform/apps?limit=2${cursor ? `&cursor=${cursor}` : ''}`, t.adminToken);
      seen.push(...(r.body.apps as Json[]).map((a) => a.client_id as string));
      cursor = r.body.next_cursor as string | null;
    } while (cursor);
    expect(seen.sort()).toEqual(ids.sort());
    const bad = await api('GET', '/v1/platform/apps?cursor=bm9wZQ', t.adminToken);
    expect(bad.status).toBe(400);
    expect(String(bad.body.error_description)).toContain('cursor');
  });
});

describe('client secrets', () => {
  test('are shown once, stored as a hash, never returned again', async () => {
    const app = await createApp();
    for (const path of [
      `/v1/platform/apps/${app.client_id}`,
      '/v1/platform/apps?limit=200',
      '/v1/platform/audit-events?limit=200',
    ]) {
      const r = await api('GET', path, acme.adminToken);
      expect(JSON.stringify(r.body)).not.toContain(app.client_secret);
      expect(JSON.stringify(r.body)).not.toContain('secret_hash');
    }
    const rows = await service.db.query<{ secret_hash: string }>(
      'select secret_hash from client_secrets where app_id = $1',
      [app.client_id],
    );
    expect(rows).toEqual([{ secret_hash: await sha256Hex(app.client_secret) }]);
  });

  test('wrong secrets and unknown clients get the same invalid_client', async () => {
    const app = await createApp();
    const wrong = await clientToken(app.client_id, 'cs_wrong');
    const unknown = await clientToken('app_doesnotexist', app.client_secret);
    expect(wrong).toEqual({
      status: 401,
      body: { error: 'invalid_client', error_description: 'client authentication failed' },
    });
    expect(unknown).toEqual(wrong);
  });

  test('rotation with grace: both secrets work inside the window, only the new one after', async () => {
    const app = await createApp();
    const r = await api('POST', `/v1/platform/apps/${app.client_id}/rotate-secret`, acme.adminToken, {
      grace_period_seconds: 60,
    });
    expect(r.status).toBe(200);
    const fresh = r.body.client_secret as string;
    expect(r.body.previous_secret_expires_at).toBe(new Date(clock.now() + 60_000).toISOString());
    expect((await clientToken(app.client_id, app.client_secret)).status).toBe(200);
    expect((await clientToken(app.client_id, fresh)).status).toBe(200);
    const during = await api('GET', `/v1/platform/apps/${app.client_id}`, acme.adminToken);
    expect(during.body.client_secret_rotation).toEqual({
      state: 'overlapping',
      previous_secret_expires_at: r.body.previous_secret_expires_at,
    });

    clock.advance(60_001);
    // The window is over even before a worker fires the machine's timer.
    expect((await clientToken(app.client_id, app.client_secret)).status).toBe(401);
    await service.workers.tick();
    await service.actors.drain();
    expect((await clientToken(app.client_id, app.client_secret)).status).toBe(401);
    expect((await clientToken(app.client_id, fresh)).status).toBe(200);
    const after = await api('GET', `/v1/platform/apps/${app.client_id}`, acme.adminToken);
    expect(after.body.client_secret_rotation).toEqual({ state: 'single', previous_secret_expires_at: null });
    const retired = await service.db.query<{ n: number }>(
      'select count(*)::int as n from client_secrets where app_id = $1 and retired_at is not null',
      [app.client_id],
    );
    expect(retired[0]!.n).toBe(1);
  });

  test('a second rotation inside the window retires the oldest secret at once', async () => {
    const app = await createApp();
    const second = (
      await api('POST', `/v1/platform/apps/${app.client_id}/rotate-secret`, acme.adminToken, {
        grace_period_seconds: 3600,
      })
    ).body.client_secret as string;
    const third = (
      await api('POST', `/v1/platform/apps/${app.client_id}/rotate-secret`, acme.adminToken, {
        grace_period_seconds: 3600,
      })
    ).body.client_secret as string;
    expect((await clientToken(app.client_id, app.client_secret)).status).toBe(401);
    expect((await clientToken(app.client_id, second)).status).toBe(200);
    expect((await clientToken(app.client_id, third)).status).toBe(200);
  });

  test('grace 0 retires the old secret immediately; a bad grace is a 400', async () => {
    const app = await createApp();
    const fresh = (
      await api('POST', `/v1/platform/apps/${app.client_id}/rotate-secret`, acme.adminToken, {
        grace_period_seconds: 0,
      })
    ).body;
    expect(fresh.previous_secret_expires_at).toBeNull();
    expect((await clientToken(app.client_id, app.client_secret)).status).toBe(401);
    expect((await clientToken(app.client_id, fresh.client_secret as string)).status).toBe(200);
    const bad = await api('POST', `/v1/platform/apps/${app.client_id}/rotate-secret`, acme.adminToken, {
      grace_period_seconds: -5,
    });
    expect(bad.status).toBe(400);
  });

  test('the audit trail records who changed what, without secrets', async () => {
    const app = await createApp();
    await api('PATCH', `/v1/platform/apps/${app.client_id}/governance`, acme.adminToken, {
      allow_service_tokens: true,
    });
    await api('POST', `/v1/platform/apps/${app.client_id}/rotate-secret`, acme.adminToken);
    const r = await api('GET', `/v1/platform/audit-events?target_id=${app.client_id}`, acme.adminToken);
    const events = r.body.audit_events as Json[];
    expect(events.map((e) => e.action)).toEqual(['app.secret_rotated', 'app.governance_updated', 'app.created']);
    for (const e of events) expect(e.actor).toBe(acme.adminUserId);
    expect(events[1]!.changes).toEqual({ allow_service_tokens: true });
    const other = await api('GET', `/v1/platform/audit-events?target_id=${app.client_id}`, globex.adminToken);
    expect(other.body.audit_events).toEqual([]);
  });
});
