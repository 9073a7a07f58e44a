// A delivery is reached only through its own webhook, in the API and in the studio; and a
// tenant's webhooks are limited in number (MAX_WEBHOOKS_PER_TENANT), also when created at once.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { api, Receivers, until, type Json } from '../support/webhooks.ts';

let service: TestService;
const receivers = new Receivers();

beforeAll(async () => {
  service = await startTestService({
    env: { MAX_WEBHOOKS_PER_TENANT: '3', WEBHOOK_RETRY_SCHEDULE: '0' },
  });
}, 30_000);
afterAll(async () => {
  receivers.stop();
  await service.stop();
});

describe('a delivery belongs to its webhook', () => {
  test("another webhook's path to it answers 404: history, detail, retry, and the studio's routes", async () => {
    const t = await newTenant(service);
    const failing = receivers.start(() => 500);
    const x = await api(service.url, 'POST', '/v1/webhooks', t.adminToken, {
      url: failing.url,
      events: ['case.updated'],
    });
    const y = await api(service.url, 'POST', '/v1/webhooks', t.adminToken, {
      url: receivers.start().url,
      events: ['incident.created'],
      ordering: 'fifo',
    });
    expect([x.status, y.status]).toEqual([201, 201]);
    await api(service.url, 'POST', '/v1/events', t.adminToken, { type: 'case.updated', data: { case_id: 'c1' } });
    // One attempt in the schedule: the delivery fails for good.
    const [failed] = await until('the failed delivery', async () => {
      const r = await api(service.url, 'GET', `/v1/webhooks/${x.body.id}/deliveries`, t.adminToken);
      const list = r.body.deliveries as Json[];
      return list.length === 1 && list[0]!.status === 'failed' && list;
    });
    const dlv = failed!.id as string;
    const viaY = `/v1/webhooks/${y.body.id}/deliveries/${dlv}`;
    expect((await api(service.url, 'GET', viaY, t.adminToken)).status).toBe(404);
    const retried = await api(service.url, 'POST', `${viaY}/retry`, t.adminToken);
    expect(retried.status).toBe(404);
    expect(retried.body.error).toBe('not_found');
    for (const path of [`/v1/studio${viaY.slice(3)}`, `/v1/studio${viaY.slice(3)}/why`])
      expect((await api(service.url, 'GET', path, t.adminToken)).status).toBe(404);
    const studioRetry = await fetch(`${service.url}/v1/studio${viaY.slice(3)}/retry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(studioRetry.status).toBe(404);
    // Nothing moved: still failed, one attempt, and Y's history has none of it.
    const still = await api(service.url, 'GET', `/v1/webhooks/${x.body.id}/deliveries/${dlv}`, t.adminToken);
    expect(still.body).toMatchObject({ status: 'failed', attempt: 1 });
    const yHistory = await api(service.url, 'GET', `/v1/webhooks/${y.body.id}/deliveries`, t.adminToken);
    expect(yHistory.body.deliveries).toEqual([]);
    // Through its own webhook it is retried, from the studio as from the API.
    const own = await fetch(`${service.url}/v1/studio/webhooks/${x.body.id}/deliveries/${dlv}/retry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(own.status).toBe(202);
    for (const id of [x.body.id, y.body.id])
      expect((await api(service.url, 'DELETE', `/v1/webhooks/${id}`, t.adminToken)).status).toBe(204);
  });
});

describe('webhooks per tenant', () => {
  test('the limit is a 409 that names it; deleting one makes room; other tenants are not counted', async () => {
    const t = await newTenant(service);
    const url = receivers.start().url;
    const create = () => api(service.url, 'POST', '/v1/webhooks', t.adminToken, { url, events: ['case.updated'] });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await create();
      expect(r.status).toBe(201);
      ids.push(r.body.id as string);
    }
    const over = await create();
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ error: 'webhook_limit_reached', limit: 3 });
    expect(String(over.body.error_description)).toContain('MAX_WEBHOOKS_PER_TENANT');
    // Another tenant has its own three.
    const other = await newTenant(service);
    expect(
      (await api(service.url, 'POST', '/v1/webhooks', other.adminToken, { url, events: ['case.updated'] })).status,
    ).toBe(201);
    expect((await api(service.url, 'DELETE', `/v1/webhooks/${ids[0]}`, t.adminToken)).status).toBe(204);
    expect((await create()).status).toBe(201);
  });

  test('created at once, no more than the limit are made', async () => {
    const t = await newTenant(service);
    const url = receivers.start().url;
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        api(service.url, 'POST', '/v1/webhooks', t.adminToken, { url, events: ['case.updated'] }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(9);
    const list = await api(service.url, 'GET', '/v1/webhooks?limit=100', t.adminToken);
    expect(list.body.webhooks).toHaveLength(3);
  });
});
