// What a paused, failing or saturated webhook does to its deliveries, through the public API
// with real receivers: nothing published is dropped, states say what is happening, and timers
// fire on time.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { ManualClock } from '../../src/actors/clock.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { mintAdminToken } from '../../src/services.ts';
import { api as callApi, Receivers, until, type Json } from '../support/webhooks.ts';

let service: TestService;
let clock: ManualClock;
const receivers = new Receivers();
const DAY = 86_400_000;

beforeAll(async () => {
  clock = new ManualClock(Date.now());
  // One request at a time per endpoint: the order of arrival is the order of sending.
  service = await startTestService({
    clock,
    env: { WEBHOOK_ENDPOINT_CONCURRENCY: '1', DELIVERY_RETENTION_DAYS: '30' },
  });
}, 30_000);
afterAll(async () => {
  receivers.stop();
  await service.stop();
});

const api = (method: string, path: string, token: string, body?: unknown) =>
  callApi(service.url, method, path, token, body);
const deliveriesOf = async (token: string, id: string) =>
  (await api('GET', `/v1/webhooks/${id}/deliveries?limit=100`, token)).body.deliveries as Json[];
async function webhook(token: string, url: string, events: string[]) {
  const res = await api('POST', '/v1/webhooks', token, { url, events });
  expect(res.status).toBe(201);
  return res.body.id as string;
}
async function publish(token: string, type: string, data: Json) {
  const res = await api('POST', '/v1/events', token, { type, data });
  expect(res.status).toBe(202);
  return res.body;
}
/** Lets the workers run over whatever is due now, then answers. */
async function settle() {
  service.workers.wake();
  await Bun.sleep(300);
}

describe('a paused webhook', () => {
  test('holds what is published while paused, and sends it oldest first when resumed', async () => {
    const t = await newTenant(service);
    const r = receivers.start();
    const id = await webhook(t.adminToken, r.url, ['case.updated']);
    expect((await api('PUT', `/v1/webhooks/${id}`, t.adminToken, { paused: true })).body.status).toBe('paused');
    const published = [];
    for (let i = 0; i < 5; i++) published.push(await publish(t.adminToken, 'case.updated', { case_id: `c${i}` }));
    expect(published.every((p) => p.deliveries === 1)).toBe(true);
    const test = await api('POST', `/v1/webhooks/${id}/test`, t.adminToken);
    expect(test).toMatchObject({ status: 202, body: { status: 'held' } });
    await settle();
    expect(r.got.length).toBe(0);
    const held = await deliveriesOf(t.adminToken, id);
    expect(held).toHaveLength(6);
    for (const d of held) {
      expect(d).toMatchObject({ status: 'held', attempt: 0 });
      expect(Date.parse(d.held_expires_at as string) - Date.parse(d.created_at as string)).toBe(30 * DAY);
    }
    expect((await api('GET', `/v1/webhooks/${id}/deliveries?status=held`, t.adminToken)).body.deliveries).toHaveLength(
      6,
    );

    expect((await api('PUT', `/v1/webhooks/${id}`, t.adminToken, { paused: false })).body.status).toBe('active');
    await until('all held deliveries', async () => r.got.length === 6);
    expect(r.got.slice(0, 5).map((g) => g.headers['webhook-id'])).toEqual(published.map((p) => String(p.id)));
    expect(JSON.parse(r.got[5]!.body).type).toBe('webhook.test');
    await until('succeeded', async () => (await deliveriesOf(t.adminToken, id)).every((d) => d.status === 'succeeded'));
  });

  test('a manual retry while paused is held, and sent on resume', async () => {
    const t = await newTenant(service);
    const r = receivers.start((n) => (n < 2 ? 400 : 200)); // two 4xx use up the client-error budget
    const id = await webhook(t.adminToken, r.url, ['case.created']);
    await publish(t.adminToken, 'case.created', { case_id: 'c1' });
    const first = await until('a retry', async () =>
      (await deliveriesOf(t.adminToken, id)).find((d) => d.status === 'retrying'),
    );
    expect(first).toMatchObject({ next_attempt_reason: 'schedule', response_status: 400 });
    clock.advance(Date.parse(first.next_attempt_at as string) - clock.now() + 1);
    await settle();
    const failed = await until('failed', async () =>
      (await deliveriesOf(t.adminToken, id)).find((d) => d.status === 'failed'),
    );
    expect(failed.failure_reason).toBe('client_error');
    await api('PUT', `/v1/webhooks/${id}`, t.adminToken, { paused: true });
    const retried = await api('POST', `/v1/webhooks/${id}/deliveries/${failed.id}/retry`, t.adminToken);
    expect(retried).toMatchObject({ status: 202, body: { status: 'held' } });
    await settle();
    expect(r.got.length).toBe(2);
    await api('PUT', `/v1/webhooks/${id}`, t.adminToken, { paused: false });
    await until('the retry', async () => r.got.length === 3);
    await until('succeeded', async () => (await deliveriesOf(t.adminToken, id))[0]?.status === 'succeeded');
  });

  test('a delivery held past retention expires, is reported, and no longer pins its history', async () => {
    const t = await newTenant(service);
    const ops = receivers.start();
    await webhook(t.adminToken, ops.url, ['webhook.held_expired']);
    const r = receivers.start();
    const id = await webhook(t.adminToken, r.url, ['incident.created']);
    await api('PUT', `/v1/webhooks/${id}`, t.adminToken, { paused: true });
    const event = await publish(t.adminToken, 'incident.created', { incident_id: 'i1' });
    const [held] = await deliveriesOf(t.adminToken, id);
    if (!held) throw new Error('the paused webhook holds no delivery');
    clock.advance(30 * DAY + 1000);
    // Tokens age on the service's clock too: the one minted a month ago has expired.
    t.adminToken = (await mintAdminToken(service, t.tenantId, t.adminUserId)).token;
    await settle();
    const [expired] = await until('expired', async () => {
      const ds = await deliveriesOf(t.adminToken, id);
      return ds[0]?.status === 'failed' ? ds : null;
    });
    expect(expired).toMatchObject({ id: held.id, failure_reason: 'held_expired', attempt: 0 });
    const [row] = await service.db.query<{ due_at: Date | null }>(
      'select due_at from webhook_deliveries where id = $1',
      [held.id],
    );
    expect(row?.due_at).toBeNull();
    await until('the operational event', async () => ops.got.length === 1);
    expect(JSON.parse(ops.got[0]!.body)).toMatchObject({
      type: 'webhook.held_expired',
      data: {
        delivery_id: held.id,
        webhook_id: id,
        event_id: event.id,
        event_type: 'incident.created',
        held_since: held.created_at,
      },
    });
    // Resuming now sends nothing: what expired stays expired (a retry can still send it).
    await api('PUT', `/v1/webhooks/${id}`, t.adminToken, { paused: false });
    await settle();
    expect(r.got.length).toBe(0);
  });
});

describe('operational events', () => {
  test('webhook.failing when a webhook starts failing, webhook.recovered when it delivers again', async () => {
    const t = await newTenant(service);
    const ops = receivers.start();
    await webhook(t.adminToken, ops.url, ['webhook.failing', 'webhook.recovered']);
    const flaky = receivers.start((n) => (n === 0 ? 503 : 200));
    const id = await webhook(t.adminToken, flaky.url, ['case.updated']);
    await publish(t.adminToken, 'case.updated', { case_id: 'c1' });
    await until('webhook.failing', async () => ops.got.length === 1);
    const failing = JSON.parse(ops.got[0]!.body);
    expect(failing).toMatchObject({ type: 'webhook.failing', data: { webhook_id: id, consecutive_failures: 1 } });
    expect(Number.isNaN(Date.parse(failing.data.failing_since))).toBe(false);
    expect((await api('GET', `/v1/webhooks/${id}`, t.adminToken)).body.status).toBe('failing');
    const [d] = await deliveriesOf(t.adminToken, id);
    clock.advance(Date.parse(d!.next_attempt_at as string) - clock.now() + 1);
    await settle();
    await until('webhook.recovered', async () => ops.got.length === 2);
    expect(JSON.parse(ops.got[1]!.body)).toMatchObject({ type: 'webhook.recovered', data: { webhook_id: id } });
    expect((await api('GET', `/v1/webhooks/${id}`, t.adminToken)).body.status).toBe('active');
  });
});

describe('a saturated endpoint', () => {
  test('sending means in flight, and every timer fires on time, with a hanging receiver and 100 queued deliveries', async () => {
    // Real time here: a 1.5 s request timeout, 2 requests at once per endpoint, the default poll.
    await service.workers.stop();
    const real = await startTestService({
      env: { WEBHOOK_TIMEOUT_MS: '1500', LEASE_MS: '2500', WEBHOOK_ENDPOINT_CONCURRENCY: '2', WORKER_POLL_MS: '1000' },
    });
    let release!: () => void;
    const hang = new Promise<number>((resolve) => (release = () => resolve(200)));
    try {
      const t = await newTenant(real);
      const hanging = receivers.start(() => hang);
      const flaky = receivers.start((n) => (n === 0 ? 500 : 200));
      const call = (method: string, path: string, body?: unknown) =>
        callApi(real.url, method, path, t.adminToken, body);
      const hung = (await call('POST', '/v1/webhooks', { url: hanging.url, events: ['case.updated'] })).body
        .id as string;
      const other = (await call('POST', '/v1/webhooks', { url: flaky.url, events: ['incident.updated'] })).body
        .id as string;
      for (let i = 0; i < 100; i++)
        expect((await call('POST', '/v1/events', { type: 'case.updated', data: { i } })).status).toBe(202);
      await call('POST', '/v1/events', { type: 'incident.updated', data: { incident_id: 'i1' } });

      const count = async (status: string) =>
        (
          await real.db.query<{ n: number }>(
            `select count(*)::int as n from webhook_deliveries where subscription_id = $1 and status = $2`,
            [hung, status],
          )
        )[0]!.n;
      // While requests hang: at most the endpoint's 2 are sending, the rest say they wait.
      for (let i = 0; i < 10; i++) {
        expect(await count('sending')).toBeLessThanOrEqual(2);
        await Bun.sleep(200);
      }
      expect(await count('queued')).toBeGreaterThanOrEqual(90);
      const [view] = (await call('GET', `/v1/webhooks/${hung}/deliveries?status=queued&limit=1`)).body
        .deliveries as Json[];
      expect(view?.status).toBe('queued');

      // The other webhook's retry: its backoff ends on time and it is sent at once.
      const retrying = await until(
        'the other webhook retrying',
        async () =>
          ((await call('GET', `/v1/webhooks/${other}/deliveries`)).body.deliveries as Json[]).find(
            (d) => d.status === 'retrying',
          ),
        400,
      );
      expect(retrying.next_attempt_reason).toBe('schedule');
      await until('the retry of the other webhook', async () => flaky.got.length === 2, 400);
      expect(flaky.got[1]!.at - Date.parse(retrying.next_attempt_at as string)).toBeLessThanOrEqual(1000 + 250);

      // The hanging endpoint's own timers: each backoff that ended became queued within the
      // poll interval of its due time, though the endpoint had no room; no lease ran out.
      await until(
        'backoffs of the hanging endpoint ending',
        async () =>
          (
            await real.db.query<{ n: number }>(
              `select count(*)::int as n from machine_journal where machine = 'delivery' and from_state = 'backoff' and to_state = 'queued'
            and instance_id in (select id from webhook_deliveries where subscription_id = $1)`,
              [hung],
            )
          )[0]!.n >= 2,
        400,
      );
      const late = await real.db.query<{ late_ms: number }>(
        `select extract(epoch from (j.at - (a.attempted_at + d.next_delay_ms * interval '1 millisecond'))) * 1000 as late_ms
           from machine_journal j
           join webhook_deliveries d on d.id = j.instance_id
           join webhook_attempts a on a.delivery_id = d.id and a.attempt = 1
          where j.machine = 'delivery' and j.from_state = 'backoff' and j.to_state = 'queued' and d.subscription_id = $1 and d.attempt = 1`,
        [hung],
      );
      expect(late.length).toBeGreaterThanOrEqual(2);
      for (const l of late) expect(Number(l.late_ms)).toBeLessThanOrEqual(1000 + 250);
      const [lost] = await real.db.query<{ n: number }>(
        `select count(*)::int as n from webhook_attempts where subscription_id = $1 and ended_by <> 'RESULT'`,
        [hung],
      );
      expect(lost!.n).toBe(0);
      const timedOut = (await call('GET', `/v1/webhooks/${hung}/deliveries?status=retrying&limit=1`)).body
        .deliveries as Json[];
      if (timedOut[0]) expect(timedOut[0].next_attempt_reason).toBe('schedule');
      // Nothing left for the other tests' receivers.
      for (const id of [hung, other]) expect((await call('DELETE', `/v1/webhooks/${id}`)).status).toBe(204);
    } finally {
      release();
      await real.stop();
    }
  }, 60_000);
});
