// Events as history, through the public API: GET /v1/events by type and time, a page at a time;
// GET /v1/events/{id} with every delivery across the tenant's webhooks; the deliveries of one
// event on a webhook; who may read; and bad input answered in the envelope, never a 500.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { newId } from '../../src/ids.ts';
import { Partitions } from '../../src/housekeeping/partitions.ts';
import { silentLogger } from '../../src/log.ts';
import { client, expectEnvelope, receivers, scopedToken, until, type Json, type Tenant } from './support.ts';

let service: TestService;
let api: ReturnType<typeof client>;
let acme: Tenant;
let globex: Tenant;
const hooks = receivers();

beforeAll(async () => {
  service = await startTestService();
  api = client(service);
  acme = await newTenant(service);
  globex = await newTenant(service);
}, 60_000);
afterAll(async () => {
  hooks.stop();
  await service.stop();
});

const publish = async (t: Tenant, type: string, data: Json = {}) => {
  const r = await api('POST', '/v1/events', t.adminToken, { type, data });
  expect(r.status).toBe(202);
  await Bun.sleep(3); // distinct milliseconds, so that time filters can split them
  return r.body as { id: string; type: string; deliveries: number; created_at: string };
};
const ids = (r: { body: Json }) => (r.body.events as Json[]).map((e) => e.id);

describe('GET /v1/events', () => {
  test('newest first, filtered by type and by time, a page at a time', async () => {
    const t = await newTenant(service);
    const a = await publish(t, 'case.created', { case_id: 'case_1' });
    const b = await publish(t, 'incident.created', { incident_id: 'inc_1' });
    const c = await publish(t, 'case.updated', { case_id: 'case_1', changes: ['status'] });
    const d = await publish(t, 'incident.closed', { incident_id: 'inc_1' });

    const all = await api('GET', '/v1/events', t.adminToken);
    expect(all.status).toBe(200);
    expect(ids(all)).toEqual([d.id, c.id, b.id, a.id]);
    expect(all.body.next_cursor).toBeNull();
    expect((all.body.events as Json[])[1]).toEqual({
      id: c.id,
      type: 'case.updated',
      data: { case_id: 'case_1', changes: ['status'] },
      deliveries: 0,
      created_at: c.created_at,
    });

    expect(ids(await api('GET', '/v1/events?type=case.created', t.adminToken))).toEqual([a.id]);
    expect(ids(await api('GET', '/v1/events?type=incident.created,incident.closed', t.adminToken))).toEqual([
      d.id,
      b.id,
    ]);
    // since is inclusive, until exclusive
    expect(
      ids(
        await api(
          'GET',
          `/v1/events?since=${encodeURIComponent(b.created_at)}&until=${encodeURIComponent(d.created_at)}`,
          t.adminToken,
        ),
      ),
    ).toEqual([c.id, b.id]);
    expect(
      ids(
        await api(
          'GET',
          `/v1/events?since=${encodeURIComponent(c.created_at)}&type=case.updated,case.created`,
          t.adminToken,
        ),
      ),
    ).toEqual([c.id]);
    expect(ids(await api('GET', '/v1/events?since=2026-01-01&until=2026-01-02', t.adminToken))).toEqual([]);

    const seen: unknown[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { body: Json } = await api(
        'GET',
        `/v1/events?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        t.adminToken,
      );
      seen.push(...ids(page));
      cursor = page.body.next_cursor as string | null;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual([d.id, c.id, b.id, a.id]);
  });

  test('a tenant sees only its own events', async () => {
    const mine = await publish(acme, 'case.created', { case_id: 'acme-only' });
    const theirs = await publish(globex, 'case.created', { case_id: 'globex-only' });
    const list = await api('GET', '/v1/events?limit=200', acme.adminToken);
    expect(ids(list)).toContain(mine.id);
    expect(ids(list)).not.toContain(theirs.id);
    expect(JSON.stringify(list.body)).not.toContain('globex-only');
  });

  test('bad filters and cursors are a 400 naming the parameter', async () => {
    const cases: Array<[string, string]> = [
      ['/v1/events?type=nope.created', 'type: "nope.created" is not an event type'],
      ['/v1/events?type=case.created,', 'type: "" is not an event type'],
      ['/v1/events?since=2026-02-30T00:00:00Z', 'since: 2026-02 has no day 30'],
      ['/v1/events?until=yesterday', 'until: not an ISO 8601 time'],
      ['/v1/events?since=2026-03-02&until=2026-03-01', 'until: must be later than since'],
      ['/v1/events?cursor=not-a-cursor', 'cursor: not a cursor this service issued'],
      ['/v1/events?cursor=WyIyMDI0LTAyLTMwIiwieCJd', 'cursor: not a cursor this service issued'],
      ['/v1/events?limit=0', ''],
      ['/v1/events?limit=201', ''],
    ];
    for (const [path, message] of cases) {
      const body = expectEnvelope(await api('GET', path, acme.adminToken), 400, 'invalid_request');
      expect(body.error_description as string).toContain(message);
    }
  });

  test('readable with webhooks:read, webhooks:write or events:publish; nothing else', async () => {
    for (const scope of ['webhooks:read', 'webhooks:write', 'events:publish']) {
      const token = await scopedToken(service, acme, [scope]);
      expect((await api('GET', '/v1/events', token)).status).toBe(200);
    }
    const other = await scopedToken(service, acme, ['cases:read']);
    expectEnvelope(await api('GET', '/v1/events', other), 403, 'insufficient_scope');
    expectEnvelope(await api('GET', '/v1/events', 'not-a-token'), 401);
    expect((await fetch(`${service.url}/v1/events`)).status).toBe(401);
  });
});

describe('GET /v1/events/{event_id}', () => {
  test("the event with every delivery it produced across the tenant's webhooks", async () => {
    const t = await newTenant(service);
    const one = hooks.start();
    const two = hooks.start(() => 500);
    const h1 = (await api('POST', '/v1/webhooks', t.adminToken, { url: one.url, events: ['incident.updated'] })).body
      .id as string;
    const h2 = (
      await api('POST', '/v1/webhooks', t.adminToken, { url: two.url, events: ['incident.updated', 'case.updated'] })
    ).body.id as string;
    await api('POST', '/v1/webhooks', t.adminToken, { url: one.url, events: ['case.updated'] }); // not this type
    const e = await publish(t, 'incident.updated', { incident_id: 'inc_9', status: 'open' });
    expect(e.deliveries).toBe(2);
    await until('both attempted', async () => one.got.length >= 1 && two.got.length >= 1);

    const got = await until('the attempts recorded', async () => {
      const r = await api('GET', `/v1/events/${e.id}`, t.adminToken);
      const ds = r.body.deliveries as Json[];
      return ds.every((d) => d.attempt === 1 && d.attempted_at !== null) ? r : null;
    });
    expect(got.status).toBe(200);
    expect(got.body.event).toEqual({
      id: e.id,
      type: 'incident.updated',
      data: { incident_id: 'inc_9', status: 'open' },
      deliveries: 2,
      created_at: e.created_at,
    });
    expect(got.body.next_cursor).toBeNull();
    const byHook = new Map((got.body.deliveries as Json[]).map((d) => [d.webhook_id, d]));
    expect([...byHook.keys()].sort()).toEqual([h1, h2].sort());
    expect(byHook.get(h1)).toMatchObject({
      event_id: e.id,
      event_type: 'incident.updated',
      status: 'succeeded',
      attempt: 1,
      response_status: 200,
      created_at: e.created_at,
    });
    expect(byHook.get(h2)).toMatchObject({ status: 'retrying', response_status: 500 });
    expect(byHook.get(h2)!.next_attempt_at).not.toBeNull();

    // a page at a time
    const first = await api('GET', `/v1/events/${e.id}?limit=1`, t.adminToken);
    expect((first.body.deliveries as Json[]).length).toBe(1);
    const second = await api(
      'GET',
      `/v1/events/${e.id}?limit=1&cursor=${first.body.next_cursor as string}`,
      t.adminToken,
    );
    expect((second.body.deliveries as Json[]).length).toBe(1);
    expect(second.body.next_cursor).toBeNull();
    expect(
      new Set([...(first.body.deliveries as Json[]), ...(second.body.deliveries as Json[])].map((d) => d.id)).size,
    ).toBe(2);

    // and on each webhook, its own delivery of that event
    const onH1 = await api('GET', `/v1/webhooks/${h1}/deliveries?event_id=${e.id}`, t.adminToken);
    expect(onH1.status).toBe(200);
    expect((onH1.body.deliveries as Json[]).map((d) => d.id)).toEqual([byHook.get(h1)!.id]);
    const other = await publish(t, 'incident.updated', { incident_id: 'inc_10' });
    const onH2 = await api('GET', `/v1/webhooks/${h2}/deliveries?event_id=${other.id}`, t.adminToken);
    expect((onH2.body.deliveries as Json[]).map((d) => d.event_id)).toEqual([other.id]);
    expect(
      (await api('GET', `/v1/webhooks/${h2}/deliveries?event_id=${other.id}&status=failed`, t.adminToken)).body
        .deliveries as Json[],
    ).toEqual([]);
    expect(
      (await api('GET', `/v1/webhooks/${h2}/deliveries?event_id=evt_unknown`, t.adminToken)).body.deliveries as Json[],
    ).toEqual([]);
    expect(((await api('GET', `/v1/webhooks/${h2}/deliveries`, t.adminToken)).body.deliveries as Json[]).length).toBe(
      2,
    );
  });

  test("another tenant's event, an unknown or malformed id: 404 in the envelope", async () => {
    const theirs = await publish(globex, 'case.created', { case_id: 'globex-secret' });
    const r = expectEnvelope(await api('GET', `/v1/events/${theirs.id}`, acme.adminToken), 404, 'not_found');
    expect(JSON.stringify(r)).not.toContain('globex-secret');
    for (const id of [
      newId('evt'),
      'evt_',
      'evt_zzzzzzzzzzzzzzzzzzzzzzz',
      'evt_00000000000000000000000',
      encodeURIComponent('evt_%00'),
      'x'.repeat(100),
      encodeURIComponent('../types'),
    ]) {
      expectEnvelope(await api('GET', `/v1/events/${id}`, acme.adminToken), 404, 'not_found');
    }
    expectEnvelope(await api('GET', `/v1/events/${'x'.repeat(101)}`, acme.adminToken), 400, 'invalid_request');
    // the deliveries filter takes any id and finds nothing of another tenant
    const hook = (
      await api('POST', '/v1/webhooks', acme.adminToken, { url: 'http://127.0.0.1:9/h', events: ['case.created'] })
    ).body.id as string;
    expect(
      (await api('GET', `/v1/webhooks/${hook}/deliveries?event_id=${theirs.id}`, acme.adminToken)).body
        .deliveries as Json[],
    ).toEqual([]);
    expectEnvelope(
      await api('GET', `/v1/webhooks/${hook}/deliveries?event_id=${'e'.repeat(101)}`, acme.adminToken),
      400,
      'invalid_request',
    );
  });

  test('an event from before time-carrying ids is found, with its deliveries', async () => {
    const t = await newTenant(service);
    const hook = (
      await api('POST', '/v1/webhooks', t.adminToken, { url: 'http://127.0.0.1:9/h', events: ['case.updated'] })
    ).body.id as string;
    const id = newId('evt'); // 22 random characters: no time in it
    const at = '2026-03-01T10:00:00.123456+00';
    await service.db.query(
      `insert into events (id, tenant_id, type, data, deliveries, created_at) values ($1, $2, 'case.updated', '{"case_id":"old"}', 1, $3)`,
      [id, t.tenantId, at],
    );
    await service.db.query(
      `insert into webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, created_at, state, entered_at, attempt, max_attempts)
                            values ($1, $2, $3, $4, 'case.updated', $5, 'succeeded', $5, 1, 8)`,
      [newId('dlv'), t.tenantId, hook, id, at],
    );
    const r = await api('GET', `/v1/events/${id}`, t.adminToken);
    expect(r.status).toBe(200);
    expect(r.body.event).toMatchObject({ id, data: { case_id: 'old' }, created_at: '2026-03-01T10:00:00.123Z' });
    expect((r.body.deliveries as Json[]).map((d) => d.webhook_id)).toEqual([hook]);
    expect(
      ((await api('GET', `/v1/webhooks/${hook}/deliveries?event_id=${id}`, t.adminToken)).body.deliveries as Json[])
        .length,
    ).toBe(1);
  });

  test('a lookup by id reads the one day its id names, for the event and for its deliveries', async () => {
    await new Partitions(service.db, silentLogger).ensure(Date.now()); // several days, and the default partition
    const e = await publish(acme, 'case.created', { case_id: 'pruned' });
    const issued: Array<{ text: string; params: readonly unknown[] }> = [];
    const query = service.db.query.bind(service.db);
    service.db.query = ((text: string, params: readonly unknown[] = []) => {
      issued.push({ text, params });
      return query(text, params);
    }) as typeof service.db.query;
    try {
      expect((await api('GET', `/v1/events/${e.id}`, acme.adminToken)).status).toBe(200);
    } finally {
      service.db.query = query;
    }
    const reads = issued.filter((q) => /from (events|webhook_deliveries d)\b/.test(q.text) && q.params.includes(e.id));
    expect(reads.length).toBe(2);
    for (const q of reads) {
      const plan = JSON.stringify(await service.db.query(`explain ${q.text}`, q.params));
      const parts = new Set(plan.match(/(events|webhook_deliveries)_(p\d{8}|default)/g));
      expect({ sql: q.text.slice(0, 60), parts: parts.size }).toEqual({ sql: q.text.slice(0, 60), parts: 1 });
    }
  });
});
