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

function serve(handler: () => Promise<Response> | Response) {
  let count = 0;
  const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: async () => { count++; return handler(); } });
  servers.push(server);
  return { url: `http://127.0.0.1:${server.port}/h`, count: () => count };
}

describe('isolation', () => {
  test('a hanging and a failing receiver do not delay a healthy one', async () => {
    const t = await newTenant(service);
    let releaseHung!: () => void;
    const hungGate = new Promise<void>((r) => (releaseHung = r));
    let hungAnswered = 0;
    const hung = serve(async () => { await hungGate; hungAnswered++; return new Response('late'); });
    const failing = serve(() => new Response('no', { status: 500 }));
    const healthy = serve(() => new Response('ok'));
    for (const r of [hung, failing, healthy]) {
      const res = await fetch(`${service.url}/v1/webhooks`, { method: 'POST', headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ url: r.url, events: ['case.updated'] }) });
      expect(res.status).toBe(201);
    }
    const N = 40;
    for (let i = 0; i < N; i++) {
      await fetch(`${service.url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'case.updated', data: { i } }) });
    }
    // Every healthy delivery lands while the hung receiver has answered nothing and holds at
    // most its per-endpoint cap of requests.
    for (let i = 0; i < 400 && healthy.count() < N; i++) await Bun.sleep(10);
    expect(healthy.count()).toBe(N);
    expect(hungAnswered).toBe(0);
    expect(hung.count()).toBeLessThanOrEqual(4);
    expect(failing.count()).toBeGreaterThan(0);
    releaseHung();
  }, 30_000);
});
