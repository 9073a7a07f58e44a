// Ordered delivery ("ordering": "fifo"): one delivery at a time per webhook, in the order the
// publishes committed; the next waits until the previous succeeded or failed for good. Through
// the public API with real receivers, in process and across two worker processes with a SIGKILL.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import type { Subprocess } from 'bun';
import { ManualClock } from '../../src/actors/clock.ts';
import { databaseUrl, usingPostgres } from '../support/db.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { api as callApi, until, type Json } from '../support/webhooks.ts';

let service: TestService;
let clock: ManualClock;
const servers: Array<ReturnType<typeof Bun.serve>> = [];

beforeAll(async () => {
  clock = new ManualClock(Date.now());
  service = await startTestService({ clock });
}, 30_000);
afterAll(async () => {
  for (const s of servers) s.stop(true);
  await service.stop();
});

/** A receiver that records each request's event id in arrival order and the most requests it ever had at once. */
function orderedReceiver(answer: (eventId: string, n: number, data: Json) => number | Promise<number> = () => 200) {
  const arrivals: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (req) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const id = req.headers.get('webhook-id')!;
      arrivals.push(id);
      try {
        const { data } = (await req.json()) as { data: Json };
        return new Response('ok', { status: await answer(id, arrivals.filter((a) => a === id).length - 1, data) });
      } finally {
        inFlight--;
      }
    },
  });
  servers.push(server);
  return {
    url: `http://127.0.0.1:${server.port}/hook`,
    arrivals,
    maxInFlight: () => maxInFlight,
    distinct: () => [...new Set(arrivals)],
  };
}

const api = (method: string, path: string, token: string, body?: unknown) =>
  callApi(service.url, method, path, token, body);

async function publishAll(token: string, n: number, type = 'case.updated'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await api('POST', '/v1/events', token, { type, data: { i } });
    expect(res.status).toBe(202);
    ids.push(res.body.id as string);
  }
  return ids;
}

describe('ordered delivery', () => {
  test('one at a time in publish order; a retry holds the line until it succeeds', async () => {
    const t = await newTenant(service);
    // The third event's first attempt fails.
    const r = orderedReceiver((_id, n, data) => (data.i === 2 && n === 0 ? 500 : 200));
    const hook = await api('POST', '/v1/webhooks', t.adminToken, {
      url: r.url,
      events: ['case.updated'],
      ordering: 'fifo',
    });
    expect(hook).toMatchObject({ status: 201, body: { ordering: 'fifo' } });
    const id = hook.body.id as string;
    const published = await publishAll(t.adminToken, 10);
    const third = published[2]!;

    await until('the failed attempt', async () => r.arrivals.includes(third));
    service.workers.wake();
    await Bun.sleep(300);
    expect(r.arrivals).toEqual(published.slice(0, 3));
    const deliveries = (await api('GET', `/v1/webhooks/${id}/deliveries?limit=20`, t.adminToken)).body
      .deliveries as Json[];
    const byEvent = new Map(deliveries.map((d) => [d.event_id as string, d]));
    expect(byEvent.get(third)).toMatchObject({ status: 'retrying', waiting_for: 'next_attempt' });
    for (const e of published.slice(3))
      expect(byEvent.get(e)).toMatchObject({ status: 'queued', waiting_for: 'previous_delivery' });

    clock.advance(Date.parse(byEvent.get(third)!.next_attempt_at as string) - clock.now() + 1);
    service.workers.wake();
    await until('every event', async () => r.distinct().length === published.length);
    expect(r.distinct()).toEqual(published);
    expect(r.arrivals.filter((a) => a === third)).toHaveLength(2);
    expect(r.maxInFlight()).toBe(1);
  });

  test('a delivery that fails for good is reported, and the line goes on', async () => {
    const t = await newTenant(service);
    const ops = orderedReceiver();
    expect(
      (await api('POST', '/v1/webhooks', t.adminToken, { url: ops.url, events: ['delivery.exhausted'] })).status,
    ).toBe(201);
    const r = orderedReceiver((_id, _n, data) => (data.i === 0 ? 400 : 200)); // 4xx: failed after the client-error budget (2)
    const id = (
      await api('POST', '/v1/webhooks', t.adminToken, { url: r.url, events: ['incident.created'], ordering: 'fifo' })
    ).body.id as string;
    const [head, ...rest] = await publishAll(t.adminToken, 4, 'incident.created');
    const retrying = await until(
      'the head retrying',
      async () =>
        (
          (await api('GET', `/v1/webhooks/${id}/deliveries?status=retrying`, t.adminToken)).body.deliveries as Json[]
        )[0],
    );
    expect(r.distinct()).toEqual([head!]);
    clock.advance(Date.parse(retrying.next_attempt_at as string) - clock.now() + 1);
    service.workers.wake();
    await until('the rest of the line', async () => r.distinct().length === 4);
    expect(r.distinct()).toEqual([head!, ...rest]);
    await until('delivery.exhausted', async () => ops.arrivals.length === 1);
    expect(r.maxInFlight()).toBe(1);
  });

  test('concurrent publishes take distinct places, and are delivered in the order of their places', async () => {
    const t = await newTenant(service);
    const r = orderedReceiver();
    const id = (
      await api('POST', '/v1/webhooks', t.adminToken, { url: r.url, events: ['case.created'], ordering: 'fifo' })
    ).body.id as string;
    const published = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api('POST', '/v1/events', t.adminToken, { type: 'case.created', data: { i } }),
      ),
    );
    expect(published.every((p) => p.status === 202)).toBe(true);
    await until('every event', async () => r.distinct().length === 20);
    const places = await service.db.query<{ event_id: string; order_seq: string }>(
      'select d.event_id, d.order_seq::text as order_seq from webhook_deliveries d where d.subscription_id = $1 order by d.order_seq',
      [id],
    );
    expect(places.map((p) => Number(p.order_seq))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(r.distinct()).toEqual(places.map((p) => p.event_id));
    expect(r.maxInFlight()).toBe(1);
  });

  test('concurrent publishes fanning out to many ordered webhooks neither deadlock nor lose their order', async () => {
    const t = await newTenant(service);
    const receivers = Array.from({ length: 100 }, () => orderedReceiver());
    const ids: string[] = [];
    for (const r of receivers)
      ids.push(
        (await api('POST', '/v1/webhooks', t.adminToken, { url: r.url, events: ['incident.closed'], ordering: 'fifo' }))
          .body.id as string,
      );
    // Straight to the service: the API would retry a deadlock, hiding it.
    const published = await Promise.allSettled(
      Array.from({ length: 48 }, (_, i) =>
        service.publisher.publishNow({ tenantId: t.tenantId, type: 'incident.closed', data: { i } }),
      ),
    );
    expect(
      published.filter((p) => p.status === 'rejected').map((p) => String((p as PromiseRejectedResult).reason)),
    ).toEqual([]);
    await until('every delivery', async () => receivers.every((r) => r.distinct().length === 48), 1200);
    // Every webhook got the events in the order of its own line, one at a time.
    for (const [k, r] of receivers.entries()) {
      const places = await service.db.query<{ event_id: string }>(
        'select d.event_id from webhook_deliveries d where d.subscription_id = $1 order by d.order_seq',
        [ids[k]],
      );
      expect(r.distinct()).toEqual(places.map((p) => p.event_id));
      expect(r.maxInFlight()).toBe(1);
    }
  }, 60_000);

  test('switching ordering off sends what waited in line', async () => {
    const t = await newTenant(service);
    let release!: () => void;
    const gate = new Promise<number>((resolve) => (release = () => resolve(200)));
    const r = orderedReceiver((_id, n) => (n === 0 && r.arrivals.length === 1 ? gate : 200));
    const id = (
      await api('POST', '/v1/webhooks', t.adminToken, { url: r.url, events: ['case.updated'], ordering: 'fifo' })
    ).body.id as string;
    const published = await publishAll(t.adminToken, 4);
    await until('the head in flight', async () => r.arrivals.length === 1);
    const off = await api('PUT', `/v1/webhooks/${id}`, t.adminToken, { ordering: 'none' });
    expect(off.body.ordering).toBe('none');
    service.workers.wake();
    await until('the rest, without waiting for the head', async () => r.distinct().length === 4);
    release();
    expect(new Set(r.distinct())).toEqual(new Set(published));
  });
});

describe('ordered delivery across worker processes', () => {
  test.skipIf(!usingPostgres)(
    'two workers and a SIGKILL keep the order',
    async () => {
      const root = join(import.meta.dir, '../..');
      const env = {
        ...process.env,
        DATABASE_URL: databaseUrl ?? '',
        LEASE_MS: '2000',
        WEBHOOK_TIMEOUT_MS: '1000',
        WORKER_POLL_MS: '50',
        ALLOW_PRIVATE_TARGETS: 'true',
        LOG_LEVEL: 'error',
      };
      // This file's service (on a manual clock) stops claiming; one on real time takes the
      // publishes, and the two processes share the line.
      await service.workers.stop();
      const real = await startTestService({ workers: false });
      const workers: Subprocess[] = [];
      try {
        const t = await newTenant(real);
        const call = (method: string, path: string, body?: unknown) =>
          callApi(real.url, method, path, t.adminToken, body);
        const r = orderedReceiver(async () => {
          await Bun.sleep(10);
          return 200;
        });
        const id = (await call('POST', '/v1/webhooks', { url: r.url, events: ['case.updated'], ordering: 'fifo' })).body
          .id as string;
        for (let i = 0; i < 2; i++)
          workers.push(
            Bun.spawn([process.execPath, 'src/cli.ts', 'worker'], {
              cwd: root,
              env,
              stdout: 'ignore',
              stderr: 'inherit',
            }),
          );
        const published: string[] = [];
        for (let i = 0; i < 60; i++) {
          const res = await call('POST', '/v1/events', { type: 'case.updated', data: { i } });
          expect(res.status).toBe(202);
          published.push(res.body.id as string);
          if (i === 20) {
            await until('some deliveries', async () => r.arrivals.length >= 10, 400);
            workers[0]!.kill('SIGKILL');
          }
        }
        expect(await workers[0]!.exited).not.toBe(0);
        await until('every event', async () => r.distinct().length === published.length, 1200);
        expect(r.distinct()).toEqual(published);
        expect(r.maxInFlight()).toBe(1);
        // A duplicate is a re-send of the delivery whose lease ran out, never one out of order.
        const duplicates = r.arrivals.length - published.length;
        expect(duplicates).toBeLessThanOrEqual(1);
        expect((await call('DELETE', `/v1/webhooks/${id}`)).status).toBe(204);
      } finally {
        for (const w of workers) w.kill('SIGKILL');
        await real.stop();
      }
    },
    90_000,
  );
});
