// Which app a webhook belongs to, and what each token sees of it: an app's token makes its own
// app's webhooks and sees and changes only those (another app's answer 404, as another
// tenant's do); a tenant administrator sees every one, names or changes an owner, and makes the
// tenant's own. An event's deliveries, to an app's token, are those to its own webhooks.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { appWithToken as appToken, newTenant, startTestService, type TestService } from '../support/service.ts';
import { api, Receivers, until, type Json } from '../support/webhooks.ts';

let service: TestService;
const receivers = new Receivers();

beforeAll(async () => {
  service = await startTestService({ env: { WEBHOOK_RETRY_SCHEDULE: '0' } });
}, 30_000);
afterAll(async () => {
  receivers.stop();
  await service.stop();
});

type Tenant = Awaited<ReturnType<typeof newTenant>>;

/** An app of the tenant with client credentials for webhooks and publishing, and a token of it. */
const appWithToken = (t: Tenant, name: string) =>
  appToken(service, t.adminToken, name, ['webhooks:write', 'events:publish']);

const ids = (list: { body: Json }) => (list.body.webhooks as Json[]).map((w) => w.id).sort();

describe('webhook owners', () => {
  test("an app's token makes its app's webhooks and reaches no other app's", async () => {
    const t = await newTenant(service);
    const a = await appWithToken(t, 'Connector A');
    const b = await appWithToken(t, 'Connector B');
    const url = receivers.start().url;
    const ofA = await api(service.url, 'POST', '/v1/webhooks', a.token, { url, events: ['case.updated'] });
    expect(ofA.status).toBe(201);
    expect(ofA.body.app_id).toBe(a.id);
    const ofB = await api(service.url, 'POST', '/v1/webhooks', b.token, { url, events: ['case.updated'] });
    const own = await api(service.url, 'POST', '/v1/webhooks', t.adminToken, { url, events: ['case.updated'] });
    expect(own.body.app_id).toBeNull();
    const [wa, wb, wt] = [String(ofA.body.id), String(ofB.body.id), String(own.body.id)];

    expect(ids(await api(service.url, 'GET', '/v1/webhooks', a.token))).toEqual([wa]);
    expect(ids(await api(service.url, 'GET', '/v1/webhooks', b.token))).toEqual([wb]);
    expect(ids(await api(service.url, 'GET', '/v1/webhooks', t.adminToken))).toEqual([wa, wb, wt].sort());

    // Every route of another app's (or the tenant's own) webhook answers 404, changing nothing.
    for (const other of [wb, wt]) {
      const W = `/v1/webhooks/${other}`;
      for (const [method, path, body] of [
        ['GET', W, undefined],
        ['PUT', W, { paused: true }],
        ['DELETE', W, undefined],
        ['GET', `${W}/deliveries`, undefined],
        ['POST', `${W}/test`, undefined],
        ['POST', `${W}/recover`, { since: '2026-01-01T00:00:00Z' }],
        ['GET', `${W}/deliveries/dlv_x`, undefined],
      ] as const) {
        const res = await api(service.url, method, path, a.token, body);
        expect([res.status, res.body.error]).toEqual([404, 'not_found']);
      }
    }
    const still = await api(service.url, 'GET', `/v1/webhooks/${wb}`, b.token);
    expect([still.status, still.body.status]).toEqual([200, 'active']);

    // An app names no other owner, on create or update; the same owner is no change.
    const named = await api(service.url, 'POST', '/v1/webhooks', a.token, {
      url,
      events: ['case.updated'],
      app_id: b.id,
    });
    expect([named.status, named.body.error]).toEqual([403, 'insufficient_scope']);
    const moved = await api(service.url, 'PUT', `/v1/webhooks/${wa}`, a.token, { app_id: null });
    expect([moved.status, moved.body.error]).toEqual([403, 'insufficient_scope']);
    const same = await api(service.url, 'PUT', `/v1/webhooks/${wa}`, a.token, { app_id: a.id });
    expect([same.status, same.body.app_id]).toEqual([200, a.id]);
  });

  test('a tenant administrator names and changes owners, among its own apps only', async () => {
    const t = await newTenant(service);
    const other = await newTenant(service);
    const a = await appWithToken(t, 'Connector A');
    const foreign = await appWithToken(other, 'Elsewhere');
    const url = receivers.start().url;
    const made = await api(service.url, 'POST', '/v1/webhooks', t.adminToken, {
      url,
      events: ['case.updated'],
      app_id: a.id,
    });
    expect([made.status, made.body.app_id]).toEqual([201, a.id]);
    expect(ids(await api(service.url, 'GET', '/v1/webhooks', a.token))).toEqual([made.body.id]);

    for (const appId of [foreign.id, 'app_nope']) {
      const res = await api(service.url, 'POST', '/v1/webhooks', t.adminToken, {
        url,
        events: ['case.updated'],
        app_id: appId,
      });
      expect([res.status, res.body.error]).toEqual([400, 'invalid_request']);
      expect(String(res.body.error_description)).toContain('app_id');
    }
    const hook = `/v1/webhooks/${made.body.id}`;
    const released = await api(service.url, 'PUT', hook, t.adminToken, { app_id: null });
    expect([released.status, released.body.app_id]).toEqual([200, null]);
    expect((await api(service.url, 'GET', hook, a.token)).status).toBe(404);
    const back = await api(service.url, 'PUT', hook, t.adminToken, { app_id: a.id });
    expect(back.body.app_id).toBe(a.id);
    expect((await api(service.url, 'GET', hook, a.token)).status).toBe(200);
    const wrong = await api(service.url, 'PUT', hook, t.adminToken, { app_id: 42 });
    expect(wrong.status).toBe(400);
    expect((await api(service.url, 'GET', hook, t.adminToken)).body.app_id).toBe(a.id);
  });

  test("an event's deliveries, to an app's token, are those to its own webhooks; it replays to no other", async () => {
    const t = await newTenant(service);
    const a = await appWithToken(t, 'Connector A');
    const b = await appWithToken(t, 'Connector B');
    const url = receivers.start().url;
    const wa = await api(service.url, 'POST', '/v1/webhooks', a.token, { url, events: ['case.updated'] });
    const wb = await api(service.url, 'POST', '/v1/webhooks', b.token, { url, events: ['case.updated'] });
    const published = await api(service.url, 'POST', '/v1/events', a.token, {
      type: 'case.updated',
      data: { case_id: 'c1' },
    });
    expect(published.status).toBe(202);
    const event = `/v1/events/${published.body.id}`;
    const seen = async (token: string) =>
      ((await api(service.url, 'GET', event, token)).body.deliveries as Json[]).map((d) => d.webhook_id);
    await until('both delivered', async () => (await seen(t.adminToken)).length === 2);
    expect(await seen(a.token)).toEqual([wa.body.id]);
    expect(await seen(b.token)).toEqual([wb.body.id]);
    const replay = await api(service.url, 'POST', `${event}/replay`, a.token, { webhook_id: wb.body.id });
    expect([replay.status, replay.body.error]).toEqual([404, 'not_found']);
    // Without a webhook_id, an app's replay goes to its own webhooks only; an administrator's to all.
    const own = await api(service.url, 'POST', `${event}/replay`, a.token);
    expect(own.status).toBe(202);
    expect((own.body.deliveries as Json[]).map((d) => d.webhook_id)).toEqual([wa.body.id]);
    const all = await api(service.url, 'POST', `${event}/replay`, t.adminToken);
    expect((all.body.deliveries as Json[]).map((d) => String(d.webhook_id)).sort()).toEqual(
      [String(wa.body.id), String(wb.body.id)].sort(),
    );
  });

  test("an operational event about an app's webhook goes to that app's and the tenant's webhooks, and only they see it", async () => {
    const t = await newTenant(service);
    const a = await appWithToken(t, 'Connector A');
    const b = await appWithToken(t, 'Connector B');
    const failing = receivers.start(() => 500);
    const watchA = receivers.start();
    const watchB = receivers.start();
    const watchTenant = receivers.start();
    const hook = await api(service.url, 'POST', '/v1/webhooks', a.token, {
      url: failing.url,
      events: ['case.updated'],
    });
    const ops = ['delivery.exhausted'];
    await api(service.url, 'POST', '/v1/webhooks', a.token, { url: watchA.url, events: ops });
    await api(service.url, 'POST', '/v1/webhooks', b.token, { url: watchB.url, events: ops });
    await api(service.url, 'POST', '/v1/webhooks', t.adminToken, { url: watchTenant.url, events: ops });
    await api(service.url, 'POST', '/v1/events', a.token, { type: 'case.updated', data: { case_id: 'x' } });
    await until('A and the tenant were told', async () => watchA.got.length === 1 && watchTenant.got.length === 1);
    const told = JSON.parse(watchA.got[0]!.body) as { type: string; data: Json };
    expect([told.type, told.data.webhook_id]).toEqual(['delivery.exhausted', hook.body.id]);
    await Bun.sleep(300);
    expect(watchB.got.length).toBe(0);

    const listed = async (token: string) =>
      ((await api(service.url, 'GET', '/v1/events?type=delivery.exhausted', token)).body.events as Json[]).map(
        (e) => e.id,
      );
    const [exhausted] = await listed(t.adminToken);
    expect(exhausted).toBeDefined();
    expect(await listed(a.token)).toEqual([exhausted]);
    expect(await listed(b.token)).toEqual([]);
    expect((await api(service.url, 'GET', `/v1/events/${exhausted}`, a.token)).status).toBe(200);
    expect((await api(service.url, 'GET', `/v1/events/${exhausted}`, b.token)).status).toBe(404);
  });
});
