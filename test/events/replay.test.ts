// POST /v1/events/{event_id}/replay against real receivers: fresh deliveries of the stored
// event, signed anew, with the same webhook-id (so a receiver that dedupes sees it once), in
// the event's partition; to every matching webhook or to one; and what is refused.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { Webhook } from 'standardwebhooks';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { idTime, newId, newTimedId } from '../../src/ids.ts';
import { Partitions } from '../../src/housekeeping/partitions.ts';
import { silentLogger } from '../../src/log.ts';
import { client, expectEnvelope, receivers, scopedToken, until, type Json, type Tenant } from './support.ts';

let service: TestService;
let api: ReturnType<typeof client>;
let globex: Tenant;
const hooks = receivers();
const SECRET = `whsec_${btoa('replay-signing-secret-of-32-byte')}`;

beforeAll(async () => {
  service = await startTestService();
  api = client(service);
  globex = await newTenant(service);
}, 60_000);
afterAll(async () => {
  hooks.stop();
  await service.stop();
});

async function webhook(t: Tenant, url: string, events: string[]) {
  const r = await api('POST', '/v1/webhooks', t.adminToken, { url, events, secret: SECRET });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

describe('replay', () => {
  test("fresh deliveries to every matching webhook, same webhook-id, verifiable signatures, in the event's partition", async () => {
    const t = await newTenant(service);
    const a = hooks.start();
    const b = hooks.start();
    const other = hooks.start();
    const ha = await webhook(t, a.url, ['incident.updated']);
    const hb = await webhook(t, b.url, ['incident.updated', 'incident.closed']);
    await webhook(t, other.url, ['case.updated']);
    const event = (
      await api('POST', '/v1/events', t.adminToken, {
        type: 'incident.updated',
        data: { incident_id: 'inc_r', status: 'open' },
      })
    ).body;
    await until('first deliveries', async () => a.got.length === 1 && b.got.length === 1);

    const replay = await api('POST', `/v1/events/${event.id as string}/replay`, t.adminToken);
    expect(replay.status).toBe(202);
    expect(replay.body.event_id).toBe(event.id);
    const fresh = replay.body.deliveries as Json[];
    expect(fresh.map((d) => d.webhook_id).sort()).toEqual([ha, hb].sort());
    expect(fresh.every((d) => d.status === 'queued')).toBe(true);
    // new ids that carry the event's time: they live in its partition, and lookups find them there
    for (const d of fresh) expect(idTime(d.id as string)).toBe(Date.parse(event.created_at as string));

    await until('replayed deliveries', async () => a.got.length === 2 && b.got.length === 2);
    expect(other.got.length).toBe(0);
    const verifier = new Webhook(SECRET);
    for (const r of [a, b]) {
      const [first, second] = r.got;
      if (!first || !second) throw new Error(`expected two deliveries, got ${r.got.length}`);
      expect(second.headers['webhook-id']).toBe(event.id as string);
      expect(first.headers['webhook-id']).toBe(second.headers['webhook-id']);
      expect(second.body).toBe(first.body); // the stored event, as published
      expect(JSON.parse(second.body)).toEqual({
        type: 'incident.updated',
        timestamp: event.created_at,
        data: { incident_id: 'inc_r', status: 'open' },
      });
      expect(() => verifier.verify(second.body, second.headers)).not.toThrow();
    }

    const detail = await until('the replay recorded', async () => {
      const r = await api('GET', `/v1/events/${event.id as string}`, t.adminToken);
      const ds = r.body.deliveries as Json[];
      return ds.length === 4 && ds.every((d) => d.status === 'succeeded') ? r : null;
    });
    expect((detail.body.event as Json).deliveries).toBe(2); // what the publish created
    for (const d of fresh) {
      const one = await api('GET', `/v1/webhooks/${d.webhook_id as string}/deliveries/${d.id as string}`, t.adminToken);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ event_id: event.id, status: 'succeeded', attempt: 1 });
      expect(((one.body.attempts as Json[])[0]!.request_headers as Json)['webhook-id']).toBe(event.id);
    }
    const onA = await api('GET', `/v1/webhooks/${ha}/deliveries?event_id=${event.id as string}`, t.adminToken);
    expect((onA.body.deliveries as Json[]).length).toBe(2);
  });

  test("to one webhook only; refused when it is not the tenant's, does not receive the type, or is paused", async () => {
    const t = await newTenant(service);
    const a = hooks.start();
    const b = hooks.start();
    const ha = await webhook(t, a.url, ['case.updated']);
    const hb = await webhook(t, b.url, ['case.updated']);
    const hc = await webhook(t, b.url, ['incident.closed']);
    const event = (await api('POST', '/v1/events', t.adminToken, { type: 'case.updated', data: { case_id: 'case_1' } }))
      .body;
    await until('first deliveries', async () => a.got.length === 1 && b.got.length === 1);

    const one = await api('POST', `/v1/events/${event.id as string}/replay`, t.adminToken, { webhook_id: hb });
    expect(one.status).toBe(202);
    expect((one.body.deliveries as Json[]).map((d) => d.webhook_id)).toEqual([hb]);
    await until('the replay to b', async () => b.got.length === 2);
    await Bun.sleep(100);
    expect(a.got.length).toBe(1);
    expect(b.got[1]!.headers['webhook-id']).toBe(event.id as string);

    const foreign = await webhook(globex, a.url, ['case.updated']);
    expectEnvelope(
      await api('POST', `/v1/events/${event.id as string}/replay`, t.adminToken, { webhook_id: foreign }),
      404,
      'not_found',
    );
    expectEnvelope(
      await api('POST', `/v1/events/${event.id as string}/replay`, t.adminToken, { webhook_id: 'wh_nope' }),
      404,
      'not_found',
    );
    const notSubscribed = expectEnvelope(
      await api('POST', `/v1/events/${event.id as string}/replay`, t.adminToken, { webhook_id: hc }),
      409,
      'not_subscribed',
    );
    expect(notSubscribed.error_description).toContain('does not receive case.updated');
    // a paused webhook holds the replay, and sends it on resume
    await api('PUT', `/v1/webhooks/${ha}`, t.adminToken, { paused: true });
    const held = await api('POST', `/v1/events/${event.id as string}/replay`, t.adminToken, { webhook_id: ha });
    expect(held.status).toBe(202);
    expect(held.body.deliveries).toEqual([{ id: expect.any(String), webhook_id: ha, status: 'held' }]);
    const all = await api('POST', `/v1/events/${event.id as string}/replay`, t.adminToken, {});
    expect((all.body.deliveries as Json[]).map((d) => [d.webhook_id, d.status]).sort()).toEqual(
      [
        [ha, 'held'],
        [hb, 'queued'],
      ].sort(),
    );
    await Bun.sleep(200);
    expect(a.got.length).toBe(1);
    await api('PUT', `/v1/webhooks/${ha}`, t.adminToken, { paused: false });
    await until('the held replays sent on resume', async () => a.got.length === 3);
    expect(a.got.slice(1).map((g) => g.headers['webhook-id'])).toEqual([event.id as string, event.id as string]);
    // a deleted webhook is gone
    await api('DELETE', `/v1/webhooks/${hb}`, t.adminToken);
    expectEnvelope(
      await api('POST', `/v1/events/${event.id as string}/replay`, t.adminToken, { webhook_id: hb }),
      404,
      'not_found',
    );
    expect(
      ((await api('POST', `/v1/events/${event.id as string}/replay`, t.adminToken)).body.deliveries as Json[]).map(
        (d) => d.webhook_id,
      ),
    ).toEqual([ha]);
  });

  test("another tenant's event, an unknown id, a retired day: 404; operational events: 409; bad bodies: 400", async () => {
    const t = await newTenant(service);
    const theirs = (await api('POST', '/v1/events', globex.adminToken, { type: 'case.created', data: {} })).body
      .id as string;
    expectEnvelope(await api('POST', `/v1/events/${theirs}/replay`, t.adminToken), 404, 'not_found');
    expectEnvelope(await api('POST', `/v1/events/${newId('evt')}/replay`, t.adminToken), 404, 'not_found');
    expectEnvelope(await api('POST', '/v1/events/evt_zzzzzzzzzzzzzzzzzzzzzzz/replay', t.adminToken), 404, 'not_found');

    // A day that retention dropped takes its events along: what is left of them is a 404.
    const oldAt = Date.now() - 40 * 86_400_000;
    const old = newTimedId('evt', oldAt);
    await service.db.query(
      `insert into events (id, tenant_id, type, data, deliveries, created_at) values ($1, $2, 'case.created', '{}', 0, $3)`,
      [old, t.tenantId, new Date(oldAt).toISOString()],
    );
    expect((await api('GET', `/v1/events/${old}`, t.adminToken)).status).toBe(200);
    const partitions = new Partitions(service.db, silentLogger);
    await partitions.ensure(Date.now());
    expect((await partitions.retire(Date.now(), 30)).dropped).toContain(
      new Date(oldAt).toISOString().slice(0, 10).replaceAll('-', ''),
    );
    expectEnvelope(await api('POST', `/v1/events/${old}/replay`, t.adminToken), 404, 'not_found');
    expectEnvelope(await api('GET', `/v1/events/${old}`, t.adminToken), 404, 'not_found');

    const hook = await webhook(t, hooks.start().url, ['webhook.test']);
    const test = await api('POST', `/v1/webhooks/${hook}/test`, t.adminToken);
    expect(test.status).toBe(202);
    const [sent] = (await api('GET', '/v1/events?type=webhook.test', t.adminToken)).body.events as Json[];
    const refused = expectEnvelope(
      await api('POST', `/v1/events/${sent!.id as string}/replay`, t.adminToken),
      409,
      'not_replayable',
    );
    expect(refused.error_description).toContain('webhook.test');

    const event = (await api('POST', '/v1/events', t.adminToken, { type: 'case.created', data: {} })).body.id as string;
    expectEnvelope(
      await api('POST', `/v1/events/${event}/replay`, t.adminToken, { webhook_id: 7 }),
      400,
      'invalid_request',
    );
    expectEnvelope(
      await api('POST', `/v1/events/${event}/replay`, t.adminToken, { extra: true }),
      400,
      'invalid_request',
    );
    expectEnvelope(await api('POST', `/v1/events/${event}/replay`, t.adminToken, '[]'), 400, 'invalid_request');
    expectEnvelope(
      await api('POST', `/v1/events/${event}/replay`, t.adminToken, { webhook_id: 'w'.repeat(101) }),
      400,
      'invalid_request',
    );
  });

  test('a disabled webhook refuses a replay named to it; a replay to all records it skipped, as a publish does', async () => {
    const t = await newTenant(service);
    const gone = hooks.start(() => 410);
    const hook = await webhook(t, gone.url, ['case.created']);
    const event = (await api('POST', '/v1/events', t.adminToken, { type: 'case.created', data: {} })).body.id as string;
    await until(
      'disabled by the 410',
      async () => (await api('GET', `/v1/webhooks/${hook}`, t.adminToken)).body.status === 'disabled',
    );
    const refused = expectEnvelope(
      await api('POST', `/v1/events/${event}/replay`, t.adminToken, { webhook_id: hook }),
      409,
      'webhook_disabled',
    );
    expect(refused.error_description).toContain('disabled (gone)');
    const all = await api('POST', `/v1/events/${event}/replay`, t.adminToken);
    expect(all.status).toBe(202);
    expect((all.body.deliveries as Json[]).map((d) => [d.webhook_id, d.status])).toEqual([[hook, 'skipped']]);
    expect(gone.got.length).toBe(1);
  });

  test('needs webhooks:write', async () => {
    const t = await newTenant(service);
    const event = (await api('POST', '/v1/events', t.adminToken, { type: 'case.created', data: {} })).body.id as string;
    for (const scope of ['webhooks:read', 'events:publish']) {
      expectEnvelope(
        await api('POST', `/v1/events/${event}/replay`, await scopedToken(service, t, [scope])),
        403,
        'insufficient_scope',
      );
    }
    expect(
      (await api('POST', `/v1/events/${event}/replay`, await scopedToken(service, t, ['webhooks:write']))).status,
    ).toBe(202);
  });

  test('an event from before time-carrying ids is replayed into its own day, and found there', async () => {
    const t = await newTenant(service);
    const r = hooks.start();
    const hook = await webhook(t, r.url, ['case.updated']);
    const id = newId('evt');
    await service.db.query(
      `insert into events (id, tenant_id, type, data, deliveries, created_at) values ($1, $2, 'case.updated', '{"case_id":"old"}', 0, now() - interval '1 hour')`,
      [id, t.tenantId],
    );
    const replay = await api('POST', `/v1/events/${id}/replay`, t.adminToken);
    expect(replay.status).toBe(202);
    const [d] = replay.body.deliveries as Json[];
    if (!d) throw new Error('the replay created no delivery');
    expect(idTime(d.id as string)).toBeNull();
    await until('the replay of the old event', async () => r.got.length === 1);
    expect(r.got[0]!.headers['webhook-id']).toBe(id);
    const one = await until('recorded', async () => {
      const x = await api('GET', `/v1/webhooks/${hook}/deliveries/${d.id as string}`, t.adminToken);
      return x.body.status === 'succeeded' ? x : null;
    });
    expect(one.body.event_id).toBe(id);
    expect(((await api('GET', `/v1/events/${id}`, t.adminToken)).body.deliveries as Json[]).map((x) => x.id)).toEqual([
      d.id,
    ]);
  });
});
