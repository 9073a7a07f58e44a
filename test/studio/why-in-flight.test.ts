// The studio's "why" for a request in flight and for a retry, against a real receiver that
// never answers: the receiver's timeout (WEBHOOK_TIMEOUT_MS) counts from the request's start,
// the worker's lease (LEASE_MS) is told apart from it, and each says which attempt of how many
// it is and what comes after.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { api, Receivers, until, type Json } from '../support/webhooks.ts';

let service: TestService;
const receivers = new Receivers();

beforeAll(async () => {
  service = await startTestService({
    env: { WEBHOOK_TIMEOUT_MS: '1500', LEASE_MS: '20000', WEBHOOK_RETRY_SCHEDULE: '0,1h' },
    isolated: true,
  });
}, 30_000);
afterAll(async () => {
  receivers.stop();
  await service.stop();
});

test('a request in flight names the receiver timeout and the lease; a retry names its attempt and what follows', async () => {
  const t = await newTenant(service);
  const hanging = receivers.start(() => new Promise<number>(() => {}));
  const hook = await api(service.url, 'POST', '/v1/webhooks', t.adminToken, {
    url: hanging.url,
    events: ['case.created'],
  });
  expect(hook.status).toBe(201);
  await api(service.url, 'POST', '/v1/events', t.adminToken, { type: 'case.created', data: { case_id: 'c1' } });
  const deliveries = `/v1/webhooks/${hook.body.id}/deliveries`;
  const delivery = await until('the delivery in flight', async () => {
    const list = (await api(service.url, 'GET', deliveries, t.adminToken)).body.deliveries as Json[];
    return list[0]?.status === 'sending' && list[0];
  });
  const why = `/v1/studio/webhooks/${hook.body.id}/deliveries/${delivery.id}/why`;
  const sending = await api(service.url, 'GET', why, t.adminToken);
  expect(sending.status).toBe(200);
  const [timeout, lease] = sending.body.delivery as Json[];
  expect(timeout).toMatchObject({
    kind: 'send_timeout',
    does: 'attempt 1 of 2 is in flight: the receiver must answer within 1500 ms (WEBHOOK_TIMEOUT_MS) of the request starting, or the attempt counts as failed; 1 more attempt after it',
  });
  expect(lease).toMatchObject({
    kind: 'lease_expiry',
    does: 'if the worker sending it stops, another worker takes it over then (20 s, LEASE_MS, after sending began)',
  });
  // Both count from when sending began: the lease ends LEASE_MS − WEBHOOK_TIMEOUT_MS after the timeout.
  expect(Date.parse(String(lease!.at)) - Date.parse(String(timeout!.at))).toBeGreaterThanOrEqual(18_500 - 50);
  expect(Date.parse(String(lease!.at)) - Date.parse(String(timeout!.at))).toBeLessThanOrEqual(18_500 + 50);
  const now = Date.parse(String(sending.body.now));
  expect(Date.parse(String(timeout!.at))).toBeGreaterThan(now - 1500);
  expect(Date.parse(String(timeout!.at))).toBeLessThanOrEqual(now + 1500);

  await until('the retry after the timeout', async () => {
    const list = (await api(service.url, 'GET', deliveries, t.adminToken)).body.deliveries as Json[];
    return list[0]?.status === 'retrying';
  });
  const retrying = await api(service.url, 'GET', why, t.adminToken);
  const [next] = retrying.body.delivery as Json[];
  expect(next).toMatchObject({ kind: 'next_attempt' });
  expect(String(next!.does)).toStartWith('attempt 2 of 2, backoff 1 h ± 20 %; then it fails for good');
});
