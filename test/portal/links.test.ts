// Portal links and sessions through the public API: a tenant administrator mints a link to an
// app's portal (its code in the URL's fragment only); the link is exchanged once, before it
// expires, for a session scoped to that app's webhooks, which ends on sign-out; the page may be
// framed only by the sites the tenant named. Nothing here is reachable from another tenant.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { api, Receivers, type Json } from '../support/webhooks.ts';

let service: TestService;
const receivers = new Receivers();

beforeAll(async () => {
  service = await startTestService({ workers: false });
}, 30_000);
afterAll(async () => {
  receivers.stop();
  await service.stop();
});

type Tenant = Awaited<ReturnType<typeof newTenant>>;

async function app(t: Tenant, name: string) {
  const created = await api(service.url, 'POST', '/v1/platform/apps', t.adminToken, {
    name,
    grant_types: ['client_credentials'],
    requested_scopes: ['webhooks:write'],
  });
  expect(created.status).toBe(201);
  return String(created.body.client_id);
}

const mint = (t: Tenant, appId: string, token = t.adminToken) =>
  api(service.url, 'POST', `/v1/platform/apps/${appId}/portal-links`, token);

async function exchange(code: string) {
  const res = await fetch(`${service.url}/v1/portal/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

const codeOf = (url: string) => new URL(url).hash.replace(/^#code=/, '');

describe('portal links', () => {
  test('a link names the portal page with its code in the fragment; it works once', async () => {
    const t = await newTenant(service);
    const appId = await app(t, 'Case sync connector');
    const link = await mint(t, appId);
    expect(link.status).toBe(201);
    expect(link.headers.get('cache-control')).toBe('no-store');
    const url = new URL(String(link.body.url));
    expect(`${url.origin}${url.pathname}`).toBe(`${service.url}/portal/${t.tenantId}`);
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#code=[A-Za-z0-9]{43}$/);
    expect(link.body.app_id).toBe(appId);
    expect(Date.parse(String(link.body.expires_at)) - Date.now()).toBeGreaterThan(500_000);

    const first = await exchange(codeOf(url.href));
    expect(first.status).toBe(201);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.body).toMatchObject({
      token_type: 'Bearer',
      tenant_id: t.tenantId,
      app: { id: appId, name: 'Case sync connector' },
    });
    const again = await exchange(codeOf(url.href));
    expect([again.status, again.body.error]).toEqual([400, 'invalid_portal_link']);
    for (const code of ['nope', 'x'.repeat(43)]) expect((await exchange(code)).body.error).toBe('invalid_portal_link');
    for (const body of [{}, { code: 7 }, { code: 'a', extra: 1 }]) {
      const res = await fetch(`${service.url}/v1/portal/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as Json).error).toBe('invalid_request');
    }
  });

  test('an expired link, or one of a disabled app, opens nothing', async () => {
    const t = await newTenant(service);
    const appId = await app(t, 'Connector');
    const link = await mint(t, appId);
    await service.db.query(`update portal_links set expires_at = now() - interval '1 second' where id = $1`, [
      link.body.id,
    ]);
    expect((await exchange(codeOf(String(link.body.url)))).body.error).toBe('invalid_portal_link');

    const fresh = await mint(t, appId);
    const off = await api(service.url, 'PATCH', `/v1/platform/apps/${appId}/governance`, t.adminToken, {
      disabled: true,
    });
    expect(off.status).toBe(200);
    expect((await exchange(codeOf(String(fresh.body.url)))).body.error).toBe('app_disabled');
    expect((await mint(t, appId)).body.error).toBe('app_disabled');
    // Refused, the link was not used: once the app is enabled again, it opens (once).
    await api(service.url, 'PATCH', `/v1/platform/apps/${appId}/governance`, t.adminToken, { disabled: false });
    expect((await exchange(codeOf(String(fresh.body.url)))).status).toBe(201);
    expect((await exchange(codeOf(String(fresh.body.url)))).body.error).toBe('invalid_portal_link');
    // Each link minted and each session opened is in the audit log.
    const audit = await api(service.url, 'GET', `/v1/platform/audit-events?target_id=${appId}`, t.adminToken);
    const actions = (audit.body.audit_events as Json[]).map((e) => e.action);
    expect(actions.filter((x) => x === 'portal.link_minted').length).toBe(2);
    expect(actions.filter((x) => x === 'portal.session_opened').length).toBe(1);
  });

  test('only a tenant administrator mints a link, for an app of its own tenant', async () => {
    const t = await newTenant(service);
    const other = await newTenant(service);
    const appId = await app(t, 'Connector');
    expect((await mint(other, appId)).status).toBe(404);
    expect((await mint(t, 'app_missing')).status).toBe(404);
    const session = await exchange(codeOf(String((await mint(t, appId)).body.url)));
    const token = String(session.body.access_token);
    const refused = await mint(t, appId, token);
    expect([refused.status, refused.body.error]).toEqual([403, 'insufficient_scope']);
    expect((await api(service.url, 'GET', '/v1/platform/apps', token)).status).toBe(403);
    expect((await api(service.url, 'GET', '/v1/portal/settings', token)).status).toBe(403);
    expect((await api(service.url, 'GET', '/v1/studio/webhooks', token)).status).toBe(403);
  });
});

describe('a portal session', () => {
  test("sees and changes its app's webhooks only, and ends when signed out", async () => {
    const t = await newTenant(service);
    const other = await newTenant(service);
    const a = await app(t, 'A');
    const b = await app(t, 'B');
    const url = receivers.start().url;
    const make = async (tenant: Tenant, appId: string | null) =>
      String(
        (
          await api(service.url, 'POST', '/v1/webhooks', tenant.adminToken, {
            url,
            events: ['case.updated'],
            app_id: appId,
          })
        ).body.id,
      );
    const ofA = await make(t, a);
    const ofB = await make(t, b);
    const own = await make(t, null);
    const elsewhere = await make(other, null);

    const session = await exchange(codeOf(String((await mint(t, a)).body.url)));
    const token = String(session.body.access_token);
    const me = await api(service.url, 'GET', '/v1/portal/session', token);
    expect(me.body).toMatchObject({ tenant_id: t.tenantId, app: { id: a, name: 'A' } });
    const listed = await api(service.url, 'GET', '/v1/webhooks', token);
    expect((listed.body.webhooks as Json[]).map((w) => w.id)).toEqual([ofA]);
    for (const id of [ofB, own, elsewhere])
      expect((await api(service.url, 'GET', `/v1/webhooks/${id}`, token)).status).toBe(404);
    const paused = await api(service.url, 'PUT', `/v1/webhooks/${ofA}`, token, { paused: true });
    expect([paused.status, paused.body.status]).toEqual([200, 'paused']);
    const created = await api(service.url, 'POST', '/v1/webhooks', token, { url, events: ['case.updated'] });
    expect([created.status, created.body.app_id]).toEqual([201, a]);
    // A session is not another kind of token: it publishes nothing and reads no app.
    expect((await api(service.url, 'POST', '/v1/events', token, { type: 'case.updated', data: {} })).status).toBe(403);
    // An app's own token is not a portal session.
    expect((await api(service.url, 'GET', '/v1/portal/session', t.adminToken)).body.error).toBe('insufficient_scope');

    expect((await api(service.url, 'DELETE', '/v1/portal/session', token)).status).toBe(204);
    const after = await api(service.url, 'GET', '/v1/webhooks', token);
    expect([after.status, after.body.error]).toEqual([401, 'invalid_token']);
  });
});

describe('the portal page', () => {
  test('is framed by no site unless the tenant names some; the names are origins, checked', async () => {
    const t = await newTenant(service);
    const other = await newTenant(service);
    const pageOf = (tenantId: string) => fetch(`${service.url}/portal/${tenantId}`);
    const before = await pageOf(t.tenantId);
    expect(before.status).toBe(200);
    expect(before.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(before.headers.get('x-frame-options')).toBe('DENY');
    expect(before.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await before.text()).toMatch(/<script src="\/portal\/portal\.js\?v=[0-9a-f]{16}" defer>/);

    const sites = ['https://admin.example.com', 'http://localhost:8080'];
    const set = await api(service.url, 'PUT', '/v1/portal/settings', t.adminToken, { frame_ancestors: sites });
    expect([set.status, set.body.frame_ancestors]).toEqual([200, sites]);
    expect((await api(service.url, 'GET', '/v1/portal/settings', t.adminToken)).body.frame_ancestors).toEqual(sites);
    const after = await pageOf(t.tenantId);
    expect(after.headers.get('content-security-policy')).toContain(`frame-ancestors ${sites.join(' ')};`);
    expect(after.headers.get('x-frame-options')).toBeNull();
    // Another tenant's page is as it was.
    expect((await pageOf(other.tenantId)).headers.get('content-security-policy')).toContain("frame-ancestors 'none'");

    for (const bad of [
      'https://admin.example.com/path',
      'http://admin.example.com',
      'https://*.example.com',
      "'self'",
      'https://Admin.example.com',
      'https://a.example.com; script-src *',
    ]) {
      const res = await api(service.url, 'PUT', '/v1/portal/settings', t.adminToken, { frame_ancestors: [bad] });
      expect([res.status, res.body.error]).toEqual([400, 'invalid_request']);
    }
    expect((await api(service.url, 'GET', '/v1/portal/settings', t.adminToken)).body.frame_ancestors).toEqual(sites);
    const cleared = await api(service.url, 'PUT', '/v1/portal/settings', t.adminToken, { frame_ancestors: [] });
    expect(cleared.body.frame_ancestors).toEqual([]);
    expect((await pageOf(t.tenantId)).headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
