// One slow, hanging or failing receiver never slows delivery to the others.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

let service: TestService;
const servers: Array<ReturnType<typeof Bun.serve>> = [];
beforeAll(async () => {
  // A hung request is abandoned after 3 s; the bound below is "before that".
  service = await startTestService({ env: { WEBHOOK_TIMEOUT_MS: '3000', WEBHOOK_ENDPOINT_CONCURRENCY: '4' } });
}, 30_000);
afterAll(async () => {
  for (const s of servers) s.stop(true);
  await service.stop();
});

/** Deletes a tenant's webhooks, which cancels their deliveries still waiting: a shared test
 * database keeps no work for receivers that are about to stop. */
async function deleteWebhooks(on: TestService, token: string) {
  const list = (await (
    await fetch(`${on.url}/v1/webhooks`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { webhooks: Array<{ id: string }> };
  for (const w of list.webhooks) {
    const res = await fetch(`${on.url}/v1/webhooks/${w.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(204);
  }
}

function serve(handler: () => Promise<Response> | Response) {
  let count = 0;
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async () => {
      count++;
      return handler();
    },
  });
  servers.push(server);
  return { url: `http://127.0.0.1:${server.port}/h`, count: () => count };
}

describe('isolation', () => {
  test('a hanging and a failing receiver do not delay a healthy one', async () => {
    const t = await newTenant(service);
    let releaseHung!: () => void;
    const hungGate = new Promise<void>((r) => (releaseHung = r));
    let hungAnswered = 0;
    const hung = serve(async () => {
      await hungGate;
      hungAnswered++;
      return new Response('late');
    });
    const failing = serve(() => new Response('no', { status: 500 }));
    const healthy = serve(() => new Response('ok'));
    for (const r of [hung, failing, healthy]) {
      const res = await fetch(`${service.url}/v1/webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url: r.url, events: ['case.updated'] }),
      });
      expect(res.status).toBe(201);
    }
    const N = 40;
    for (let i = 0; i < N; i++) {
      await fetch(`${service.url}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'case.updated', data: { i } }),
      });
    }
    // Every healthy delivery lands while the hung receiver has answered nothing and holds at
    // most its per-endpoint cap of requests.
    for (let i = 0; i < 400 && healthy.count() < N; i++) await Bun.sleep(10);
    expect(healthy.count()).toBe(N);
    expect(hungAnswered).toBe(0);
    expect(hung.count()).toBeLessThanOrEqual(4);
    expect(failing.count()).toBeGreaterThan(0);
    releaseHung();
    await deleteWebhooks(service, t.adminToken);
  }, 30_000);

  test("a hanging receiver's backlog, larger than the in-flight budget, does not hold the others", async () => {
    // The file's other service stops claiming (on a shared database it would send to this
    // test's receivers too, with caps of its own). This one: a budget of 50 effects claimed
    // 10 at a time (the defaults' ratio), 2 requests at once per endpoint.
    await service.workers.stop();
    const small = await startTestService({
      env: {
        WEBHOOK_TIMEOUT_MS: '5000',
        WEBHOOK_ENDPOINT_CONCURRENCY: '2',
        WORKER_MAX_IN_FLIGHT: '50',
        WORKER_BATCH_SIZE: '10',
      },
      workers: false,
    });
    let adminToken: string | null = null;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    try {
      const t = await newTenant(small);
      adminToken = t.adminToken;
      const hung = serve(async () => {
        await gate;
        return new Response('late');
      });
      const healthy = serve(() => new Response('ok'));
      const hook = async (url: string, events: string[]) => {
        const res = await fetch(`${small.url}/v1/webhooks`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ url, events }),
        });
        expect(res.status).toBe(201);
      };
      await hook(hung.url, ['case.updated']);
      await hook(healthy.url, ['incident.created']);
      const publish = (type: string, n: number) =>
        Promise.all(
          Array.from({ length: n }, (_, i) =>
            fetch(`${small.url}/v1/events`, {
              method: 'POST',
              headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' },
              body: JSON.stringify({ type, data: { i } }),
            }),
          ),
        );
      // 150 deliveries due for the hung endpoint first (three times the budget), then 10 for the
      // healthy one; the workers start only now, so the backlog is there before any claim.
      await publish('case.updated', 150);
      await publish('incident.created', 10);
      await small.workers.start();
      // Well before the hung requests time out (5 s).
      for (let i = 0; i < 200 && healthy.count() < 10; i++) await Bun.sleep(10);
      expect(healthy.count()).toBe(10);
      expect(hung.count()).toBeLessThanOrEqual(2);
    } finally {
      release();
      if (adminToken) await deleteWebhooks(small, adminToken);
      await small.stop();
    }
  }, 30_000);
});

describe('tenants', () => {
  test("one tenant's hanging receivers holding the whole in-flight budget do not hold up another tenant", async () => {
    await service.workers.stop();
    // A budget of 20 in flight, 2 a time per endpoint; hung requests are abandoned after 5 s.
    const small = await startTestService({
      env: { WEBHOOK_TIMEOUT_MS: '5000', WEBHOOK_ENDPOINT_CONCURRENCY: '2', WORKER_MAX_IN_FLIGHT: '20' },
      isolated: true,
    });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    try {
      const noisy = await newTenant(small);
      const quiet = await newTenant(small);
      const hung = serve(async () => {
        await gate;
        return new Response('late');
      });
      const healthy = serve(() => new Response('ok'));
      const hook = async (token: string, url: string) => {
        const res = await fetch(`${small.url}/v1/webhooks`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ url, events: ['case.updated'] }),
        });
        expect(res.status).toBe(201);
      };
      for (let i = 0; i < 20; i++) await hook(noisy.adminToken, `${hung.url}?endpoint=${i}`);
      await hook(quiet.adminToken, healthy.url);
      const publish = (token: string, i: number) =>
        fetch(`${small.url}/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'case.updated', data: { case_id: `c${i}` } }),
        });
      // 100 deliveries to hanging endpoints: the noisy tenant, alone, takes the whole budget.
      for (let i = 0; i < 5; i++) expect((await publish(noisy.adminToken, i)).status).toBe(202);
      for (let i = 0; i < 200 && hung.count() < 20; i++) await Bun.sleep(10);
      expect(hung.count()).toBe(20);
      // The quiet tenant's deliveries arrive well before any hung request is abandoned.
      const started = Date.now();
      for (let i = 0; i < 5; i++) expect((await publish(quiet.adminToken, i)).status).toBe(202);
      for (let i = 0; i < 200 && healthy.count() < 5; i++) await Bun.sleep(10);
      expect(healthy.count()).toBe(5);
      expect(Date.now() - started).toBeLessThan(2000);
      // The noisy tenant got no more than the budget it held.
      expect(hung.count()).toBe(20);
    } finally {
      release();
      await small.stop();
    }
  }, 30_000);
});
