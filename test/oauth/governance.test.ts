// Governance that narrows what a token may do applies to tokens already issued, at their next
// use: at once in the process that made the change, within INVALIDATION_BOUND_MS in the others.
// And client authentication answers every decoding failure with 401 invalid_client.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { ManualClock } from '../../src/actors/clock.ts';
import { INVALIDATION_BOUND_MS, INVALIDATION_CHANNEL } from '../../src/invalidation.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

type Json = Record<string, unknown>;
let service: TestService;
let clock: ManualClock;
let acme: Awaited<ReturnType<typeof newTenant>>;

beforeAll(async () => {
  clock = new ManualClock(Date.now());
  service = await startTestService({ clock, workers: false });
  acme = await newTenant(service);
});
afterAll(async () => {
  await service.stop();
});

async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as Json };
}

async function confidentialApp(name: string) {
  const r = await api('POST', '/v1/platform/apps', acme.adminToken, {
    name,
    grant_types: ['client_credentials'],
    requested_scopes: ['webhooks:read'],
  });
  expect(r.status).toBe(201);
  return r.body as { client_id: string; client_secret: string };
}

async function clientToken(app: { client_id: string; client_secret: string }) {
  const res = await fetch(`${service.url}/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.client_id,
      client_secret: app.client_secret,
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as Json).access_token as string;
}

const governance = (clientId: string, patch: Json) =>
  api('PATCH', `/v1/platform/apps/${clientId}/governance`, acme.adminToken, patch);
const webhooks = (token: string) => api('GET', '/v1/webhooks', token);

describe('governance on tokens already issued', () => {
  test('allow_service_tokens back to false: a service token minted before stops at its next use; true again revives it', async () => {
    const app = await confidentialApp('Automation');
    expect((await governance(app.client_id, { allow_service_tokens: true })).status).toBe(200);
    const minted = await api('POST', `/v1/platform/apps/${app.client_id}/service-token`, acme.adminToken, {
      scopes: ['webhooks:read'],
    });
    expect(minted.status).toBe(201);
    const token = minted.body.token as string;
    const client = await clientToken(app);
    expect((await webhooks(token)).status).toBe(200);

    expect((await governance(app.client_id, { allow_service_tokens: false })).status).toBe(200);
    const refused = await webhooks(token);
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({
      error: 'invalid_token',
      error_description: "the app's governance no longer allows service tokens",
    });
    expect(refused.headers.get('www-authenticate')).toContain('invalid_token');
    // Only service tokens: the app's client-credentials token still works.
    expect((await webhooks(client)).status).toBe(200);
    // Introspection by the app says inactive too.
    const intro = await fetch(`${service.url}/v1/oauth/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, client_id: app.client_id, client_secret: app.client_secret }),
    });
    expect(await intro.json()).toEqual({ active: false });

    expect((await governance(app.client_id, { allow_service_tokens: true })).status).toBe(200);
    expect((await webhooks(token)).status).toBe(200);
  });

  test('disabled: every token of the app stops at once, service and client alike', async () => {
    const app = await confidentialApp('Disabled later');
    await governance(app.client_id, { allow_service_tokens: true });
    const service_ = (
      await api('POST', `/v1/platform/apps/${app.client_id}/service-token`, acme.adminToken, {
        scopes: ['webhooks:read'],
      })
    ).body.token as string;
    const client = await clientToken(app);
    await governance(app.client_id, { disabled: true });
    for (const token of [service_, client]) {
      const r = await webhooks(token);
      expect(r.status).toBe(401);
      expect(r.body.error_description).toBe('the app this token was issued to is disabled');
    }
  });

  test("max_token_lifetime_seconds lowered below a token's age ends it; younger tokens and service tokens keep working", async () => {
    const app = await confidentialApp('Short lived');
    await governance(app.client_id, { allow_service_tokens: true });
    await governance(app.client_id, { max_token_lifetime_seconds: 600 });
    const now = Math.floor(Date.now() / 1000);
    const p = { clientId: app.client_id, tenantId: acme.tenantId };
    expect(await service.apps.tokenRestriction({ ...p, kind: 'client' }, now - 60)).toBeNull();
    expect(await service.apps.tokenRestriction({ ...p, kind: 'client' }, now - 900)).toBe(
      "the token is older than the app's max_token_lifetime_seconds (600)",
    );
    expect(await service.apps.tokenRestriction({ ...p, kind: 'user' }, now - 900)).not.toBeNull();
    expect(await service.apps.tokenRestriction({ ...p, kind: 'service' }, now - 900)).toBeNull();
    // A token of another tenant's app (a forged pairing) is refused; an admin token has no app.
    expect(
      await service.apps.tokenRestriction({ clientId: app.client_id, tenantId: 'ten_other', kind: 'client' }, now),
    ).not.toBeNull();
    expect(
      await service.apps.tokenRestriction({ clientId: 'argus-admin', tenantId: acme.tenantId, kind: 'user' }, now),
    ).toBeNull();
    expect((await webhooks(await clientToken(app))).status).toBe(200);
  });

  test('a change another process announces applies here as soon as its notice arrives, not when a cache expires', async () => {
    const app = await confidentialApp('Elsewhere');
    await governance(app.client_id, { allow_service_tokens: true });
    const token = (
      await api('POST', `/v1/platform/apps/${app.client_id}/service-token`, acme.adminToken, {
        scopes: ['webhooks:read'],
      })
    ).body.token as string;
    expect((await webhooks(token)).status).toBe(200); // remembered now
    // What another process's PATCH does: the change, and its notice, in one transaction.
    await service.db.transaction(async (tx) => {
      await tx.query(
        `update apps set governance = jsonb_set(governance, '{allow_service_tokens}', 'false') where id = $1`,
        [app.client_id],
      );
      await tx.query('select pg_notify($1, $2)', [INVALIDATION_CHANNEL, `another-process 1 app ${app.client_id}`]);
    });
    const deadline = performance.now() + INVALIDATION_BOUND_MS;
    let status = (await webhooks(token)).status;
    while (status === 200 && performance.now() < deadline) {
      await Bun.sleep(20);
      status = (await webhooks(token)).status;
    }
    expect(status).toBe(401);
  });
});

describe('client authentication decoding', () => {
  const basic = (raw: string) => `Basic ${btoa(raw)}`;

  test('bad percent-encoding, bad base64, no colon: 401 invalid_client on token, revoke and introspect', async () => {
    const headers = [
      basic('app_x:%zz'),
      basic('%E0%A4%A:secret'),
      'Basic !!!not-base64',
      basic('no-colon-here'),
      basic('app_x:%'),
    ];
    for (const path of ['/v1/oauth/token', '/v1/oauth/revoke', '/v1/oauth/introspect']) {
      for (const authorization of headers) {
        const res = await fetch(`${service.url}${path}`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': 'ignored' },
          body: new URLSearchParams({ grant_type: 'client_credentials', token: 'x' }),
        });
        expect(res.status).toBe(401);
        const body = (await res.json()) as Json;
        expect(body.error).toBe('invalid_client');
        expect(typeof body.error_description).toBe('string');
        expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
      }
    }
  });
});
