// A webhook's queue as the studio's home shows it (GET /v1/studio/health, `queues`), against real
// receivers and workers: due deliveries waiting for the endpoint's one slot, the one in flight,
// a retry waiting for its backoff, held ones of a paused webhook and an ordered webhook's line
// are counted apart; a webhook with nothing unsettled is not listed; another tenant sees none.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { api, Receivers, until, type Json } from '../support/webhooks.ts';

let service: TestService;
const receivers = new Receivers();

beforeAll(async () => {
  service = await startTestService({
    env: {
      WEBHOOK_TIMEOUT_MS: '20000',
      LEASE_MS: '30000',
      WEBHOOK_RETRY_SCHEDULE: '0,1h',
      WEBHOOK_ENDPOINT_CONCURRENCY: '1',
    },
    isolated: true,
  });
}, 30_000);
afterAll(async () => {
  receivers.stop();
  await service.stop();
});

type Queue = { due: number; in_line: number; in_flight: number; retrying: number; held: number } & Json;

test('the queue of each webhook: due, in flight, retrying, held and in line, told apart', async () => {
  const t = await newTenant(service);
  const other = await newTenant(service);
  const hanging = receivers.start(() => new Promise<number>(() => {}));
  const failing = receivers.start(() => 500);
  const fine = receivers.start(() => 200);
  const create = async (url: string, extra: Json = {}) => {
    const hook = await api(service.url, 'POST', '/v1/webhooks', t.adminToken, {
      url,
      events: ['case.created'],
      ...extra,
    });
    expect(hook.status).toBe(201);
    return String(hook.body.id);
  };
  const slow = await create(hanging.url);
  const ordered = await create(`${hanging.url}?line`, { ordering: 'fifo' });
  const broken = await create(failing.url);
  const paused = await create(fine.url);
  expect((await api(service.url, 'PUT', `/v1/webhooks/${paused}`, t.adminToken, { paused: true })).status).toBe(200);
  const before = Date.now();
  for (let i = 0; i < 3; i++)
    expect(
      (await api(service.url, 'POST', '/v1/events', t.adminToken, { type: 'case.created', data: { case_id: `c${i}` } }))
        .status,
    ).toBe(202);

  const health = async (token: string) => (await api(service.url, 'GET', '/v1/studio/health', token)).body;
  const queues = await until('every webhook settled into its wait', async () => {
    const q = (await health(t.adminToken)).queues as Record<string, Queue>;
    return q[slow]?.in_flight === 1 && q[ordered]?.in_flight === 1 && q[broken]?.retrying === 3 && q;
  });
  // One slot at the endpoint: one request hangs, the other two are due and wait for the slot.
  expect(queues[slow]).toMatchObject({ due: 2, in_line: 0, in_flight: 1, retrying: 0, held: 0 });
  const oldest = Date.parse(String(queues[slow]!.oldest_due_at));
  expect(oldest).toBeGreaterThanOrEqual(before - 1000);
  expect(oldest).toBeLessThanOrEqual(Date.now());
  // An ordered webhook: the head is in flight, the two behind it wait in line, not due.
  expect(queues[ordered]).toMatchObject({ due: 0, in_line: 2, in_flight: 1, oldest_due_at: null });
  // Every first attempt answered 500: each waits an hour for its second.
  expect(queues[broken]).toMatchObject({ due: 0, in_flight: 0, retrying: 3, held: 0 });
  const nextRetry = Date.parse(String(queues[broken]!.next_retry_at));
  expect(nextRetry).toBeGreaterThan(Date.now() + 30 * 60_000);
  expect(queues[paused]).toMatchObject({ due: 0, in_flight: 0, retrying: 0, held: 3 });
  expect(Object.keys(queues).sort()).toEqual([slow, ordered, broken, paused].sort());
  expect((await health(t.adminToken)).count_cap).toBe(10_000);

  // Nothing unsettled once the paused webhook's deliveries go out: it leaves the list.
  expect((await api(service.url, 'PUT', `/v1/webhooks/${paused}`, t.adminToken, { paused: false })).status).toBe(200);
  await until('the resumed webhook delivered', async () => {
    const q = (await health(t.adminToken)).queues as Record<string, Queue>;
    return !q[paused] && fine.got.length === 3;
  });
  expect((await health(other.adminToken)).queues).toEqual({});
});
