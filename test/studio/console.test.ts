// The studio's console routes over real HTTP: changes need a tenant admin, and with the session
// cookie also the studio's origin and the session's CSRF token (403 in the envelope otherwise);
// another tenant's webhook, delivery or event is a 404; filters, search, why and health answer
// what the service stored.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

let service: TestService;
let acme: Awaited<ReturnType<typeof newTenant>>;
let globex: Awaited<ReturnType<typeof newTenant>>;
let acmeEmail = '';
let origin = '';
let hook = '';
let deliveryId = '';
let eventId = '';

type Json = Record<string, unknown>;
async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Json };
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  service = await startTestService({ workers: false });
  acme = await newTenant(service);
  globex = await newTenant(service);
  acmeEmail = (
    await service.db.query<{ email: string }>('select email from users where id = $1', [acme.adminUserId])
  )[0]!.email;
  origin = new URL(service.config.publicUrl).origin;
  // A receiver that is never reached (no workers): deliveries stay queued.
  const created = await call('POST', '/v1/webhooks', bearer(acme.adminToken), {
    url: 'http://127.0.0.1:9/hooks',
    events: ['case.created', 'case.updated'],
  });
  expect(created.status).toBe(201);
  hook = String(created.body.id);
  const published = await call('POST', '/v1/events', bearer(acme.adminToken), {
    type: 'case.created',
    data: { case_id: 'c1' },
  });
  eventId = String(published.body.id);
  await call('POST', '/v1/events', bearer(acme.adminToken), { type: 'case.updated', data: { case_id: 'c1' } });
  const list = await call(
    'GET',
    `/v1/studio/webhooks/${hook}/deliveries?event_type=case.created`,
    bearer(acme.adminToken),
  );
  deliveryId = String((list.body.deliveries as Json[])[0]!.id);
}, 60_000);
afterAll(async () => {
  await service.stop();
});

async function session() {
  const res = await fetch(`${service.url}/v1/studio/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ tenant: acme.name, email: acmeEmail, password: 'correct horse battery staple' }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const who = await call('GET', '/v1/studio/session', { cookie });
  return { cookie, csrf: String(who.body.csrf_token) };
}

describe('studio console: CSRF and permissions', () => {
  test('a cookie session without the CSRF token, or from another origin, is refused with 403 in the envelope', async () => {
    const { cookie, csrf } = await session();
    expect(csrf.length).toBeGreaterThan(20);
    const none = await call('POST', `/v1/studio/webhooks/${hook}/pause`, { cookie, origin });
    expect(none).toMatchObject({ status: 403, body: { error: 'invalid_csrf_token' } });
    const wrong = await call('POST', `/v1/studio/webhooks/${hook}/pause`, {
      cookie,
      origin,
      'x-studio-csrf': `${csrf.slice(1)}x`,
    });
    expect(wrong).toMatchObject({ status: 403, body: { error: 'invalid_csrf_token' } });
    const crossSite = await call('POST', `/v1/studio/webhooks/${hook}/pause`, {
      cookie,
      origin: 'https://evil.example',
      'x-studio-csrf': csrf,
    });
    expect(crossSite).toMatchObject({ status: 403, body: { error: 'invalid_origin' } });
    const noOrigin = await call('POST', `/v1/studio/webhooks/${hook}/pause`, { cookie, 'x-studio-csrf': csrf });
    expect(noOrigin).toMatchObject({ status: 403, body: { error: 'invalid_origin' } });
    expect((await call('GET', `/v1/webhooks/${hook}`, bearer(acme.adminToken))).body.status).toBe('active');

    const paused = await call('POST', `/v1/studio/webhooks/${hook}/pause`, { cookie, origin, 'x-studio-csrf': csrf });
    expect(paused).toMatchObject({ status: 200, body: { id: hook, status: 'paused' } });
    const resumed = await call('POST', `/v1/studio/webhooks/${hook}/resume`, { cookie, origin, 'x-studio-csrf': csrf });
    expect(resumed).toMatchObject({ status: 200, body: { status: 'active' } });
  });

  test('without a sign-in: 401; a Bearer admin token needs no CSRF token; the session endpoint gives none for it', async () => {
    expect((await call('POST', `/v1/studio/webhooks/${hook}/test`, {})).status).toBe(401);
    const who = await call('GET', '/v1/studio/session', bearer(acme.adminToken));
    expect(who.body.csrf_token).toBeNull();
    const tested = await call('POST', `/v1/studio/webhooks/${hook}/test`, bearer(acme.adminToken));
    expect(tested).toMatchObject({ status: 202, body: { status: 'queued' } });
    expect(String(tested.body.delivery_id)).toStartWith('dlv_');
  });

  test("another tenant's webhook, delivery and event are 404s, for every action and read", async () => {
    const theirs = bearer(globex.adminToken);
    for (const [method, path, body] of [
      ['POST', `/v1/studio/webhooks/${hook}/deliveries/${deliveryId}/retry`],
      ['POST', `/v1/studio/webhooks/${hook}/recover`, { since: '2020-01-01T00:00:00Z' }],
      ['POST', `/v1/studio/webhooks/${hook}/pause`],
      ['POST', `/v1/studio/webhooks/${hook}/resume`],
      ['POST', `/v1/studio/webhooks/${hook}/enable`],
      ['POST', `/v1/studio/webhooks/${hook}/test`],
      ['GET', `/v1/studio/search?q=${deliveryId}`],
      ['GET', `/v1/studio/search?q=${eventId}`],
      ['GET', `/v1/studio/events/${eventId}`],
      ['GET', `/v1/studio/webhooks/${hook}/deliveries/${deliveryId}/why`],
      ['GET', `/v1/studio/webhooks/${hook}/why`],
      ['GET', `/v1/studio/webhooks/${hook}/deliveries`],
    ] as Array<[string, string, unknown?]>) {
      const res = await call(method, path, theirs, body);
      expect({ path, method, status: res.status, error: res.body?.error }).toEqual({
        path,
        method,
        status: 404,
        error: 'not_found',
      });
    }
    const events = await call('GET', '/v1/studio/events', theirs);
    expect(events.body.events).toEqual([]);
    const health = await call('GET', '/v1/studio/health', theirs);
    expect(health.body.webhooks).toEqual({});
  });
});

describe('studio console: finding and why', () => {
  test('search finds a delivery (with its webhook) and an event; anything else is a 400 or a 404', async () => {
    const me = bearer(acme.adminToken);
    expect((await call('GET', `/v1/studio/search?q=${deliveryId}`, me)).body).toEqual({
      kind: 'delivery',
      delivery_id: deliveryId,
      webhook_id: hook,
    });
    expect((await call('GET', `/v1/studio/search?q=${eventId}`, me)).body).toEqual({
      kind: 'event',
      event_id: eventId,
    });
    expect((await call('GET', '/v1/studio/search?q=dlv_nothing', me)).status).toBe(404);
    expect(await call('GET', '/v1/studio/search?q=hello', me)).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    });
  });

  test('search finds events by a value in their data within a time range, and says what it searched', async () => {
    const me = bearer(acme.adminToken);
    const search = (q: string, extra = '', who = me) =>
      call('GET', `/v1/studio/search?q=${encodeURIComponent(q)}${extra}`, who);
    // By key: both events of beforeAll hold case_id "c1".
    const byKey = await search('case_id=c1');
    expect(byKey.status).toBe(200);
    expect(byKey.body).toMatchObject({ kind: 'events', field: 'case_id', value: 'c1', complete: true });
    const found = byKey.body.events as Json[];
    expect(found.map((e) => e.type).sort()).toEqual(['case.created', 'case.updated']);
    expect(found.map((e) => e.id)).toContain(eventId);
    expect(Number(byKey.body.searched)).toBeGreaterThanOrEqual(2);
    // The last day by default.
    expect(Date.parse(String(byKey.body.until)) - Date.parse(String(byKey.body.since))).toBe(86_400_000);
    // The value alone: no webhook URL holds it, so the events whose data does anywhere.
    const anywhere = await search('c1');
    expect(anywhere.body).toMatchObject({ kind: 'events', field: null, value: 'c1' });
    expect((anywhere.body.events as Json[]).length).toBe(2);
    // Another key, or a value no event holds: a 404 saying what was searched.
    const missing = await search('case_id=c2');
    expect(missing).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(String(missing.body.error_description)).toContain('case_id = c2');
    expect((await search('incident_id=c1')).status).toBe(404);
    // A range before the events: nothing there.
    const before = `&until=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`;
    expect((await search('case_id=c1', before)).status).toBe(404);
    // A range that ends before it starts is a 400 naming until.
    const backwards = await search(
      'case_id=c1',
      `&since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    expect(backwards).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(String(backwards.body.error_description)).toContain('until');
    // Keys are plain names: anything else is searched as text, never as a path (no 500).
    for (const q of ['case_id"=c1', 'case_id=c1" || true', '$.**=c1', 'a..b=c1'])
      expect([200, 404]).toContain((await search(q)).status);
    // Another tenant's events are not searched.
    expect((await search('case_id=c1', '', bearer(globex.adminToken))).status).toBe(404);
  });

  test('the webhook list takes a status filter (the studio lists failing and disabled ones first); a bad one is a 400', async () => {
    const me = bearer(acme.adminToken);
    const paused = await call('POST', '/v1/webhooks', me, {
      url: 'http://127.0.0.1:9/paused',
      events: ['case.created'],
    });
    expect((await call('PUT', `/v1/webhooks/${paused.body.id}`, me, { paused: true })).status).toBe(200);
    const only = await call('GET', '/v1/studio/webhooks?status=paused,disabled', me);
    expect(only.status).toBe(200);
    expect((only.body.webhooks as Json[]).map((w) => [w.id, w.status])).toEqual([[paused.body.id, 'paused']]);
    const all = await call('GET', '/v1/studio/webhooks', me);
    expect((all.body.webhooks as Json[]).map((w) => w.id)).toEqual(expect.arrayContaining([paused.body.id, hook]));
    expect(await call('GET', '/v1/studio/webhooks?status=paused,broken', me)).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
    expect((await call('DELETE', `/v1/webhooks/${paused.body.id}`, me)).status).toBe(204);
  });

  test("search finds webhooks by the URL the studio shows, never by its hidden parts, nor another tenant's", async () => {
    const me = bearer(acme.adminToken);
    const orders = await call('POST', '/v1/webhooks', me, {
      url: 'https://orders.globex.example/hooks/argus?token=s3cr3tvalue',
      events: ['case.created'],
    });
    expect(orders.status).toBe(201);
    const theirs = await call('POST', '/v1/webhooks', bearer(globex.adminToken), {
      url: 'https://orders.globex.example/theirs',
      events: ['case.created'],
    });
    expect(theirs.status).toBe(201);
    for (const q of ['GLOBEX', 'orders.globex', '/hooks/argus'])
      expect((await call('GET', `/v1/studio/search?q=${encodeURIComponent(q)}`, me)).body).toEqual({
        kind: 'webhooks',
        webhooks: [{ id: orders.body.id, url: 'https://orders.globex.example/hooks/argus?token=…', status: 'active' }],
      });
    // The query's value is not shown, so it does not match: a search must not tell what the page hides.
    expect((await call('GET', '/v1/studio/search?q=s3cr3t', me)).status).toBe(404);
    // Several matches: each of this tenant's webhooks on loopback, newest first.
    const loopback = (await call('GET', '/v1/studio/search?q=127.0.0.1', me)).body;
    expect(loopback.kind).toBe('webhooks');
    expect((loopback.webhooks as Json[]).map((w) => w.id)).toContain(hook);
    expect(await call('DELETE', `/v1/webhooks/${orders.body.id}`, me)).toMatchObject({ status: 204 });
    expect((await call('GET', '/v1/studio/search?q=globex', me)).status).toBe(404);
  });

  test('deliveries filter by event type, status and time range; bad filters are 400s', async () => {
    const me = bearer(acme.adminToken);
    const types = async (q: string) =>
      ((await call('GET', `/v1/studio/webhooks/${hook}/deliveries?${q}`, me)).body.deliveries as Json[]).map(
        (d) => d.event_type,
      );
    expect(await types('event_type=case.updated')).toEqual(['case.updated']);
    expect((await types('status=queued')).length).toBeGreaterThanOrEqual(2);
    expect(await types('status=failed')).toEqual([]);
    expect(await types('until=2000-01-01T00:00:00Z')).toEqual([]);
    expect((await types('since=2000-01-01T00:00:00Z')).length).toBeGreaterThanOrEqual(2);
    for (const q of [
      'event_type=nope',
      'since=yesterday',
      'since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z',
      'status=bogus',
    ]) {
      const res = await call('GET', `/v1/studio/webhooks/${hook}/deliveries?${q}`, me);
      expect({ q, status: res.status, error: res.body.error }).toEqual({ q, status: 400, error: 'invalid_request' });
    }
  });

  test('the events view lists events and one event with its deliveries across webhooks', async () => {
    const me = bearer(acme.adminToken);
    const list = await call('GET', '/v1/studio/events?type=case.created', me);
    expect((list.body.events as Json[]).map((e) => e.id)).toContain(eventId);
    const one = await call('GET', `/v1/studio/events/${eventId}`, me);
    expect((one.body.deliveries as Json[]).map((d) => [d.id, d.webhook_id])).toEqual([[deliveryId, hook]]);
  });

  test('why: a queued delivery waits for a claim, first in its queue; the body it will send is the one built from the event', async () => {
    const why = await call('GET', `/v1/studio/webhooks/${hook}/deliveries/${deliveryId}/why`, bearer(acme.adminToken));
    expect(why.status).toBe(200);
    expect(why.body.delivery).toEqual([
      {
        kind: 'claim',
        at: null,
        does: `due now, first in its queue: a worker claims it in its next round (0 of ${service.config.webhookEndpointConcurrency} slots in use); a tenant with more due work than its share of WORKER_MAX_IN_FLIGHT waits its turn`,
      },
    ]);
    expect(JSON.parse(String(why.body.payload))).toMatchObject({ type: 'case.created', data: { case_id: 'c1' } });
    expect(why.body.webhook).toEqual([]);
  });

  test('why: the waits are told apart: a rate limit with the deliveries ahead and an estimate, a place in an ordered line', async () => {
    const me = bearer(acme.adminToken);
    const limited = await call('POST', '/v1/webhooks', me, {
      url: 'http://127.0.0.1:9/limited',
      events: ['incident.created'],
      rate_limit: { per_second: 2 },
    });
    const ordered = await call('POST', '/v1/webhooks', me, {
      url: 'http://127.0.0.1:9/ordered',
      events: ['incident.created'],
      ordering: 'fifo',
    });
    expect([limited.status, ordered.status]).toEqual([201, 201]);
    for (const n of [1, 2, 3, 4, 5])
      expect(
        (await call('POST', '/v1/events', me, { type: 'incident.created', data: { incident_id: `i${n}` } })).status,
      ).toBe(202);
    const last = async (webhook: unknown) =>
      String(
        (
          (await call('GET', `/v1/studio/webhooks/${webhook}/deliveries?event_type=incident.created`, me)).body
            .deliveries as Json[]
        )[0]!.id,
      );
    const rate = await call(
      'GET',
      `/v1/studio/webhooks/${limited.body.id}/deliveries/${await last(limited.body.id)}/why`,
      me,
    );
    expect(rate.status).toBe(200);
    const [wait] = rate.body.delivery as Json[];
    expect(wait).toMatchObject({
      kind: 'rate_limit',
      does: "the webhook's rate limit (2/s): 4 due deliveries ahead of it, about 2 s at that rate",
    });
    expect(Date.parse(String(wait!.at)) - Date.parse(String(rate.body.now))).toBe(2000);
    const line = await call(
      'GET',
      `/v1/studio/webhooks/${ordered.body.id}/deliveries/${await last(ordered.body.id)}/why`,
      me,
    );
    expect(line.body.delivery).toEqual([
      {
        kind: 'previous_delivery',
        at: null,
        does: "position 5 in this ordered webhook's line: waits for the 4 ahead of it, one at a time, each to succeed or fail for good",
      },
    ]);
  });

  test("why: a held delivery names when its hold ends; a rotated secret's grace window is the webhook's clock", async () => {
    const me = bearer(acme.adminToken);
    const created = await call('POST', '/v1/webhooks', me, {
      url: 'http://127.0.0.1:9/other',
      events: ['case.created'],
    });
    const id = String(created.body.id);
    await call('POST', `/v1/studio/webhooks/${id}/pause`, me);
    const tested = await call('POST', `/v1/studio/webhooks/${id}/test`, me);
    expect(tested.body.status).toBe('held');
    const why = await call('GET', `/v1/studio/webhooks/${id}/deliveries/${tested.body.delivery_id}/why`, me);
    const [held] = why.body.delivery as Array<{ kind: string; at: string; does: string }>;
    if (!held) throw new Error('the held delivery names no timer');
    expect(held.kind).toBe('hold_expiry');
    expect(Date.parse(held.at)).toBeGreaterThan(Date.now());
    expect(held.does).toContain('held while the webhook is paused');
    await call('PUT', `/v1/webhooks/${id}`, me, {
      secret: `whsec_${Buffer.from('a'.repeat(32)).toString('base64')}`,
      secret_grace_period_seconds: 3600,
    });
    const clocks = await call('GET', `/v1/studio/webhooks/${id}/why`, me);
    expect(clocks.body.webhook).toEqual([
      {
        kind: 'secret_grace',
        at: expect.any(String),
        does: 'the previous signing secret stops signing (end of the grace window)',
      },
    ]);
  });

  test('health answers every webhook with attempts in the last hour (none here) and no 500 for an empty window', async () => {
    const health = await call('GET', '/v1/studio/health', bearer(acme.adminToken));
    expect(health.status).toBe(200);
    expect(health.body.bucket_ms).toBe(300_000);
  });

  test('/favicon.ico is served', async () => {
    const res = await fetch(`${service.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
  });
});
