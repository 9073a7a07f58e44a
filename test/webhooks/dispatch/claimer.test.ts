// Fair claims on the real database: a quiet tenant is claimed in the same round as another
// tenant's burst, whatever its size; an endpoint's cap is counted in the database, so it holds
// for two claimers (two processes) at once; a tenant's endpoints are served in turn, and so are
// the tenants when there are more than a claim takes.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../../support/service.ts';
import { EventBodies } from '../../../src/webhooks/dispatch/bodies.ts';
import type { ClaimConfig } from '../../../src/webhooks/dispatch/claimer.ts';
import { testClaimer } from '../../support/webhooks.ts';
import type { Principal } from '../../../src/identity/principal.ts';

let service: TestService;
const receiver = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response('ok') });
const url = `http://127.0.0.1:${receiver.port}/hook`;

beforeAll(async () => {
  // No workers: the claimers below are the only ones.
  service = await startTestService({ workers: false, isolated: true });
}, 30_000);
afterAll(async () => {
  receiver.stop(true);
  await service.stop();
});

const claimer = (config: Partial<ClaimConfig> = {}, bodies = new EventBodies()) => testClaimer(service, config, bodies);

async function tenantWithHooks(n: number, type = 'case.updated') {
  const t = await newTenant(service);
  const principal = (await service.tokens.verify(t.adminToken)) as Principal;
  const hooks: string[] = [];
  for (let i = 0; i < n; i++) hooks.push((await service.webhooks.create(principal, { url, events: [type] })).id);
  const publish = async (events: number) => {
    for (let i = 0; i < events; i++)
      await service.publisher.publishNow({ tenantId: t.tenantId, type, data: { case_id: `c${i}` } });
  };
  return { tenantId: t.tenantId, principal, hooks, publish };
}

type Made = Awaited<ReturnType<typeof tenantWithHooks>>;

/** Runs a test's body, then cancels what it left waiting (deleting a webhook cancels its deliveries): the next test's claims see only their own. */
async function hermetic(tenants: Made[], body: () => Promise<void>) {
  try {
    await body();
  } finally {
    for (const t of tenants) for (const id of t.hooks) await service.webhooks.remove(t.principal, id);
  }
}

const idle = {
  inFlight: 0,
  inFlightByTenant: new Map<string, number>(),
  inFlightByEndpoint: new Map<string, number>(),
};

describe('fair claims', () => {
  test("a quiet tenant is claimed in the first round beside another tenant's burst", async () => {
    const burst = await tenantWithHooks(4);
    const quiet = await tenantWithHooks(1);
    await hermetic([burst, quiet], async () => {
      await burst.publish(100); // 400 ready, all older than the quiet tenant's one
      await quiet.publish(1);
      const c = claimer({ workerBatchSize: 20 });
      const first = await c.claim(idle);
      expect(first.sending).toHaveLength(20);
      expect(first.sending.filter((s) => s.row.tenant_id === quiet.tenantId)).toHaveLength(1);
      // The burst's part was spread over its endpoints, none past its cap (8).
      const perHook = new Map<string, number>();
      for (const s of first.sending)
        if (s.row.tenant_id === burst.tenantId)
          perHook.set(s.row.subscription_id, (perHook.get(s.row.subscription_id) ?? 0) + 1);
      expect(perHook.size).toBeGreaterThanOrEqual(3);
      for (const n of perHook.values()) expect(n).toBeLessThanOrEqual(8);
      // The next claim goes on from the endpoint the first stopped at: the burst's four are served.
      const second = await c.claim(idle);
      expect(second.sending.every((s) => s.row.tenant_id === burst.tenantId)).toBe(true);
      const served = new Set(
        [...first.sending, ...second.sending]
          .filter((s) => s.row.tenant_id === burst.tenantId)
          .map((s) => s.row.subscription_id),
      );
      expect([...served].sort()).toEqual([...burst.hooks].sort());
    });
  });

  test('a tenant at its share of the budget is passed over while another has work; alone, it may use the whole budget', async () => {
    const busy = await tenantWithHooks(2);
    const other = await tenantWithHooks(1);
    await hermetic([busy, other], async () => {
      await busy.publish(10);
      const c = claimer({ workerMaxInFlight: 10 });
      // Alone with 4 in flight: it takes up to the whole budget (10), no more.
      const alone = await c.claim({ ...idle, inFlight: 4, inFlightByTenant: new Map([[busy.tenantId, 4]]) });
      expect(alone.sending).toHaveLength(6);
      expect(alone.sending.every((s) => s.row.tenant_id === busy.tenantId)).toBe(true);
      // Its requests hang; the other tenant publishes and is claimed at once, the busy one is not.
      await other.publish(3);
      const next = await c.claim({ ...idle, inFlight: 10, inFlightByTenant: new Map([[busy.tenantId, 10]]) });
      expect(next.sending.map((s) => s.row.tenant_id)).toEqual(Array(3).fill(other.tenantId));
    });
  });

  test("an endpoint's cap holds across two claimers (two processes), counted in the database", async () => {
    const t = await tenantWithHooks(1);
    await hermetic([t], async () => {
      await t.publish(40);
      const [ra, rb] = await Promise.all([
        claimer({ workerBatchSize: 100 }).claim(idle),
        claimer({ workerBatchSize: 100 }).claim(idle),
      ]);
      expect(ra.sending.length + rb.sending.length).toBe(8);
      const [sending] = await service.db.query<{ n: number }>(
        `select count(*)::int as n from webhook_deliveries where subscription_id = $1 and state = 'sending'`,
        [t.hooks[0]],
      );
      expect(sending!.n).toBe(8);
      // Full: a third claimer takes nothing from it.
      expect((await claimer().claim(idle)).sending).toHaveLength(0);
    });
  });

  test("a tenant's endpoints are served in turn when a claim cannot reach them all", async () => {
    const t = await tenantWithHooks(12);
    await hermetic([t], async () => {
      await t.publish(3);
      // A batch of 4 at one request per endpoint: three claims serve twelve different endpoints.
      const c = claimer({ workerBatchSize: 4, webhookEndpointConcurrency: 1 });
      const served: string[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await c.claim(idle);
        expect(r.sending).toHaveLength(4);
        served.push(...r.sending.map((s) => s.row.subscription_id));
      }
      expect(new Set(served).size).toBe(12);
    });
  });

  test('tenants are served in turn when there are more than a claim takes', async () => {
    const tenants: Made[] = [];
    for (let i = 0; i < 6; i++) tenants.push(await tenantWithHooks(1));
    await hermetic(tenants, async () => {
      for (const t of tenants) await t.publish(5);
      const c = claimer({ workerBatchSize: 2 });
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) seen.push(...(await c.claim(idle)).sending.map((s) => s.row.tenant_id));
      // Three claims of two tenants each: six different tenants, none twice before all once.
      expect(seen).toHaveLength(6);
      expect(new Set(seen).size).toBe(6);
    });
  });

  test("a refill claims only the endpoints it names, within their cap and their tenant's share, and moves no cursor", async () => {
    const a = await tenantWithHooks(2);
    const b = await tenantWithHooks(1);
    await hermetic([a, b], async () => {
      await a.publish(10); // 10 ready on each of a's two endpoints
      await b.publish(10);
      const [named, other] = a.hooks as [string, string];
      const refill = testClaimer(service, { webhookEndpointConcurrency: 4 }, new EventBodies(), 'refill');
      // Two of the named endpoint's four slots are taken here: two more, from it alone.
      const r = await refill.claim(
        {
          ...idle,
          inFlight: 2,
          inFlightByTenant: new Map([[a.tenantId, 2]]),
          inFlightByEndpoint: new Map([[named, 2]]),
        },
        new Map([[named, a.tenantId]]),
      );
      expect(r.sending.map((s) => s.row.subscription_id)).toEqual([named, named]);
      expect(r.more).toBe(false);
      // A tenant at its share (budget 10, two tenants with work: 5) is passed over, the other is not.
      const shared = testClaimer(service, { workerMaxInFlight: 10 }, new EventBodies(), 'refill');
      const s = await shared.claim(
        { ...idle, inFlight: 5, inFlightByTenant: new Map([[a.tenantId, 5]]), activeTenants: 2 },
        new Map([
          [other, a.tenantId],
          [b.hooks[0]!, b.tenantId],
        ]),
      );
      expect(s.sending.length).toBeGreaterThan(0);
      expect(s.sending.every((c) => c.row.tenant_id === b.tenantId)).toBe(true);
      // The refills walked nothing: the loop's claim still starts from the first tenant with work.
      expect(shared.activeTenants).toBe(1);
    });
  });

  test("one event's body is held once for all its deliveries in flight, across claims, and let go with the last", async () => {
    const t = await tenantWithHooks(6, 'incident.created');
    await hermetic([t], async () => {
      await t.publish(1);
      const bodies = new EventBodies();
      const c = claimer({ workerBatchSize: 2 }, bodies);
      const claimed = [];
      for (let i = 0; i < 3; i++) claimed.push(...(await c.claim(idle)).sending);
      expect(claimed).toHaveLength(6);
      expect(bodies.stats().events).toBe(1);
      const body = bodies.get(claimed[0]!.row.event_id).text;
      expect(JSON.parse(body)).toMatchObject({ type: 'incident.created', data: { case_id: 'c0' } });
      for (const s of claimed) expect(bodies.get(s.row.event_id).text).toBe(body);
      for (const s of claimed) bodies.release(s.row.event_id);
      expect(bodies.stats()).toEqual({ events: 0, chars: 0 });
    });
  });
});
