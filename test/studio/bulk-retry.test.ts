// Retrying what matches a filter, from the studio, against a real receiver: a preview says how
// many a retry would send (by status, event type, last answer and time) and changes nothing; the
// retry sends those again as single retries do, and only those; a delivery list filters by the
// last answer the same way; bad filters are 400s in the envelope; another tenant gets 404s.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { api, Receivers, until, type Json } from '../support/webhooks.ts';

let service: TestService;
const receivers = new Receivers();

beforeAll(async () => {
  // One attempt each: every delivery fails (or succeeds) at its first answer.
  service = await startTestService({
    env: { WEBHOOK_RETRY_SCHEDULE: '0', WEBHOOK_TIMEOUT_MS: '400' },
    isolated: true,
  });
}, 30_000);
afterAll(async () => {
  receivers.stop();
  await service.stop();
});

test('a preview counts what a retry would send; the retry sends exactly those again', async () => {
  const t = await newTenant(service);
  const other = await newTenant(service);
  let healthy = false;
  // What each case answers until the receiver is healthy: a 500, a 422, or nothing (a timeout).
  const receiver = receivers.start(async (n) => {
    const body = JSON.parse(receiver.got[n]!.body) as { data: { case_id: string } };
    if (healthy) return 200;
    if (body.data.case_id.startsWith('late')) return new Promise<number>((r) => setTimeout(() => r(200), 2000));
    return body.data.case_id.startsWith('bad') ? 422 : 500;
  });
  const created = await api(service.url, 'POST', '/v1/webhooks', t.adminToken, {
    url: receiver.url,
    events: ['case.created', 'case.updated'],
  });
  expect(created.status).toBe(201);
  const hook = String(created.body.id);
  const publish = async (type: string, caseId: string) =>
    expect(
      (await api(service.url, 'POST', '/v1/events', t.adminToken, { type, data: { case_id: caseId } })).status,
    ).toBe(202);
  for (const id of ['a', 'b', 'c']) await publish('case.created', `down-${id}`);
  for (const id of ['a', 'b']) await publish('case.updated', `bad-${id}`);
  for (const id of ['a', 'b']) await publish('case.created', `late-${id}`);
  const deliveries = `/v1/studio/webhooks/${hook}/deliveries`;
  await until('all seven failed', async () => {
    const list = (await api(service.url, 'GET', `${deliveries}?status=failed`, t.adminToken)).body.deliveries as Json[];
    return list.length === 7;
  });

  // The service's own delivery.exhausted events carry the last status as a number: a value
  // spelling a number finds it as that number (500.0 too), a text that is not one does not.
  const exhausted = async (q: string) =>
    api(service.url, 'GET', `/v1/studio/search?q=${encodeURIComponent(q)}`, t.adminToken);
  const byNumber = await until('the exhausted events', async () => {
    const found = await exhausted('last_status=500');
    return found.status === 200 && (found.body.events as Json[]).length === 3 && found;
  });
  expect((byNumber.body.events as Json[]).every((e) => e.type === 'delivery.exhausted')).toBe(true);
  expect(((await exhausted('last_status=500.0')).body.events as Json[]).length).toBe(3);
  expect((await exhausted('last_status=0500')).status).toBe(404);
  expect((await exhausted('last_status=99999999999999999999999')).status).toBe(404);
  // A range ending at the year 1 would start before it: a 400 naming the range, not a server error.
  const yearOne = await api(
    service.url,
    'GET',
    `/v1/studio/search?q=last_status%3D500&until=${encodeURIComponent('0001-01-01T00:00:00Z')}`,
    t.adminToken,
  );
  expect(yearOne).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  expect(String(yearOne.body.error_description)).toContain('until');

  const preview = async (query: string, token = t.adminToken) =>
    api(service.url, 'GET', `${deliveries}/retry-preview${query}`, token);
  const all = await preview('');
  expect(all.status).toBe(200);
  expect(all.body).toMatchObject({ matched: 7, more: false, webhook_status: 'failing' });
  expect(Date.parse(String(all.body.oldest_created_at))).toBeLessThanOrEqual(
    Date.parse(String(all.body.newest_created_at)),
  );
  const future = `?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`;
  const counts: Record<string, number> = {};
  for (const q of [
    '?response_status=5xx',
    '?response_status=500',
    '?response_status=422',
    '?response_status=4xx',
    '?response_status=none',
    '?event_type=case.updated',
    '?event_type=case.created&response_status=none',
    '?status=skipped',
    '?status=failed',
    future,
  ])
    counts[q] = Number((await preview(q)).body.matched);
  expect(counts).toEqual({
    '?response_status=5xx': 3,
    '?response_status=500': 3,
    '?response_status=422': 2,
    '?response_status=4xx': 2,
    '?response_status=none': 2,
    '?event_type=case.updated': 2,
    '?event_type=case.created&response_status=none': 2,
    '?status=skipped': 0,
    '?status=failed': 7,
    [future]: 0,
  });

  // The delivery list filters by the last answer the same way.
  const listed = (await api(service.url, 'GET', `${deliveries}?response_status=5xx`, t.adminToken)).body
    .deliveries as Json[];
  expect(listed.map((d) => d.response_status)).toEqual([500, 500, 500]);

  // Refusals: each a 400 in the envelope naming the field; nothing is sent.
  for (const [q, field] of [
    ['?response_status=600', 'response_status'],
    ['?response_status=5x', 'response_status'],
    ['?status=succeeded', 'status'],
    ['?event_type=case.nothing', 'event_type'],
    ['?since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z', 'until'],
  ]) {
    const refused = await preview(q!);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_request');
    expect(String(refused.body.error_description)).toContain(field!);
  }
  const unknownField = await api(service.url, 'POST', `${deliveries}/retry`, t.adminToken, { statuses: ['failed'] });
  expect(unknownField.status).toBe(400);
  // Another tenant's webhook is not found, to preview or to retry.
  expect((await preview('', other.adminToken)).status).toBe(404);
  expect((await api(service.url, 'POST', `${deliveries}/retry`, other.adminToken, {})).status).toBe(404);
  expect(receiver.got.length).toBe(7);

  // The retry: the three that answered 5xx, and only they, are sent again.
  healthy = true;
  const retried = await api(service.url, 'POST', `${deliveries}/retry`, t.adminToken, { response_status: '5xx' });
  expect(retried.status).toBe(202);
  expect(retried.body).toEqual({ matched: 3, requeued: 3, more: false });
  await until('the three sent again', async () => receiver.got.length === 10);
  const resent = receiver.got.slice(7).map((g) => (JSON.parse(g.body) as { data: { case_id: string } }).data.case_id);
  expect(resent.sort()).toEqual(['down-a', 'down-b', 'down-c']);
  await until('the three succeeded', async () => {
    const ok = (await api(service.url, 'GET', `${deliveries}?status=succeeded`, t.adminToken)).body
      .deliveries as Json[];
    return ok.length === 3;
  });
  expect((await preview('')).body.matched).toBe(4);
  expect((await preview('?response_status=5xx')).body.matched).toBe(0);

  // Replay: the events of the deliveries that succeeded, each once, as fresh deliveries with the
  // same webhook-id (a receiver that dedupes on it sees each once).
  const firstIds = new Map(
    receiver.got
      .slice(7)
      .map((g) => [(JSON.parse(g.body) as { data: { case_id: string } }).data.case_id, g.headers['webhook-id']]),
  );
  const replayPreview = await api(service.url, 'GET', `${deliveries}/replay-preview?status=succeeded`, t.adminToken);
  expect(replayPreview.status).toBe(200);
  expect(replayPreview.body).toMatchObject({ matched: 3, more: false, not_replayable: 0 });
  const replayed = await api(service.url, 'POST', `${deliveries}/replay`, t.adminToken, { status: 'succeeded' });
  expect(replayed.status).toBe(202);
  expect(replayed.body).toEqual({ matched: 3, replayed: 3, not_replayable: 0, gone: 0, more: false });
  await until('the three replayed', async () => receiver.got.length === 13);
  for (const g of receiver.got.slice(10)) {
    const caseId = (JSON.parse(g.body) as { data: { case_id: string } }).data.case_id;
    expect(g.headers['webhook-id']).toBe(firstIds.get(caseId)!);
  }
  // A type the webhook no longer receives is left out, and counted.
  expect(
    (await api(service.url, 'PUT', `/v1/webhooks/${hook}`, t.adminToken, { events: ['case.created'] })).status,
  ).toBe(200);
  const narrowed = await api(service.url, 'GET', `${deliveries}/replay-preview?status=failed`, t.adminToken);
  expect(narrowed.body).toMatchObject({ matched: 4, not_replayable: 2 });
  expect((await api(service.url, 'GET', `${deliveries}/replay-preview?status=nothing`, t.adminToken)).status).toBe(400);
  expect((await api(service.url, 'POST', `${deliveries}/replay`, other.adminToken, {})).status).toBe(404);
});
