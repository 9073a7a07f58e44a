// Typed event schemas: the catalog serves each type's JSON Schema, POST /v1/events checks data
// against it (a 400 naming the field, nothing written), the OpenAPI document carries them, and
// everything this service and its documentation publish fits them.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { EVENT_TYPES, SYSTEM_EVENT_TYPES, type EventType } from '../../src/webhooks/catalog.ts';
import { EVENT_SCHEMAS, eventDataProblem, eventSchemaName } from '../../src/events/schemas.ts';
import { incidentData } from '../../src/graphql/incidents/service.ts';
import { caseData } from '../../src/graphql/cases/service.ts';
import { client, expectEnvelope, receivers, until, type Json, type Tenant } from './support.ts';

let service: TestService;
let api: ReturnType<typeof client>;
let acme: Tenant;
const hooks = receivers();

beforeAll(async () => {
  service = await startTestService();
  api = client(service);
  acme = await newTenant(service);
}, 60_000);
afterAll(async () => {
  hooks.stop();
  await service.stop();
});

describe('GET /v1/events/types', () => {
  test('every catalog type with its JSON Schema, publicly', async () => {
    const res = await fetch(`${service.url}/v1/events/types`);
    expect(res.status).toBe(200);
    const types = ((await res.json()) as { event_types: Json[] }).event_types;
    expect(types.map((t) => t.type)).toEqual(EVENT_TYPES.map((e) => e.type));
    for (const t of types) {
      expect(t.publishable).toBe(!SYSTEM_EVENT_TYPES.has(t.type as string));
      expect(t.schema).toMatchObject({ type: 'object' });
      expect(t.schema).toEqual(JSON.parse(JSON.stringify(EVENT_SCHEMAS[t.type as EventType])));
    }
    const held = types.find((t) => t.type === 'webhook.held_expired')!.schema as Json;
    expect(held.required).toEqual(['delivery_id', 'webhook_id', 'event_id', 'event_type', 'held_since']);
    expect((held.properties as Record<string, Json>).held_since).toMatchObject({ type: 'string', format: 'date-time' });
    const failing = types.find((t) => t.type === 'webhook.failing')!.schema as Json;
    expect(failing.required).toEqual(['webhook_id', 'failing_since', 'consecutive_failures']);
    expect((failing.properties as Record<string, Json>).consecutive_failures).toMatchObject({ type: 'integer' });
    expect(types.find((t) => t.type === 'webhook.recovered')!.schema).toMatchObject({ required: ['webhook_id'] });
  });

  test('the OpenAPI document carries each schema, and each type as a webhook request', async () => {
    const doc = (await (await fetch(`${service.url}/api/docs`)).json()) as {
      components: { schemas: Record<string, Json> };
      webhooks: Record<
        string,
        { post: { requestBody: { content: Record<string, { schema: { properties: Record<string, Json> } }> } } }
      >;
    };
    const publish = (
      doc as unknown as {
        paths: Record<
          string,
          {
            post: {
              requestBody: {
                content: Record<string, { schema: { oneOf: Array<{ properties: { type: Json; data: Json } }> } }>;
              };
            };
          }
        >;
      }
    ).paths['/v1/events']!.post.requestBody.content['application/json']!.schema;
    expect(publish.oneOf.map((o) => o.properties.type.const)).toEqual(
      EVENT_TYPES.filter((e) => !SYSTEM_EVENT_TYPES.has(e.type)).map((e) => e.type),
    );
    for (const o of publish.oneOf)
      expect(o.properties.data).toEqual({
        $ref: `#/components/schemas/${eventSchemaName(o.properties.type.const as string)}`,
      });
    for (const e of EVENT_TYPES) {
      expect(doc.components.schemas[eventSchemaName(e.type)]).toEqual(
        JSON.parse(JSON.stringify(EVENT_SCHEMAS[e.type])),
      );
      const body = doc.webhooks[e.type]!.post.requestBody.content['application/json']!.schema;
      expect(body.properties.type).toEqual({ const: e.type });
      expect(body.properties.data).toEqual({ $ref: `#/components/schemas/${eventSchemaName(e.type)}` });
    }
  });

  test("every schema's own examples fit it", () => {
    for (const e of EVENT_TYPES) {
      const examples = (EVENT_SCHEMAS[e.type] as unknown as { examples: unknown[] }).examples;
      expect(examples.length).toBeGreaterThan(0);
      for (const x of examples) expect(eventDataProblem(e.type, x)).toBeNull();
    }
  });
});

describe('POST /v1/events checks data against its type', () => {
  const refused: Array<[string, Json, string]> = [
    ['case.created', { case_id: 7 }, 'data.case_id: must be a string'],
    ['case.updated', { incident_ids: ['inc_1', 2] }, 'data.incident_ids.1: must be a string'],
    ['case.updated', { changes: 'status' }, 'data.changes: must be an array'],
    ['case.updated', { status: 'done' }, 'data.status: must be one of "open", "in_progress", "closed"'],
    ['incident.updated', { severity: 'urgent' }, 'data.severity: must be one of "low", "medium", "high", "critical"'],
    ['incident.created', { created_at: '2026-03-23' }, 'data.created_at: must be an ISO 8601 date-time'],
    [
      'incident.closed',
      { closed_at: '2026-02-30T12:00:00Z' },
      'data.closed_at: must be an ISO 8601 date-time with a time zone (e.g. 2026-03-23T12:00:00Z) or null',
    ],
    ['incident.created', { title: { text: 'x' } }, 'data.title: must be a string'],
  ];
  for (const [type, data, message] of refused) {
    test(`${type} ${JSON.stringify(data)} → 400 "${message}"`, async () => {
      const t = await newTenant(service);
      const body = expectEnvelope(
        await api('POST', '/v1/events', t.adminToken, { type, data }),
        400,
        'invalid_request',
      );
      expect(body.error_description as string).toStartWith(message);
      // nothing was written
      expect((await api('GET', '/v1/events', t.adminToken)).body.events).toEqual([]);
    });
  }

  test('a refused payload does not take its Idempotency-Key', async () => {
    const key = `k-${Date.now()}`;
    expectEnvelope(
      await api(
        'POST',
        '/v1/events',
        acme.adminToken,
        { type: 'case.created', data: { case_id: 1 } },
        { 'idempotency-key': key },
      ),
      400,
    );
    const ok = await api(
      'POST',
      '/v1/events',
      acme.adminToken,
      { type: 'case.created', data: { case_id: '1' } },
      { 'idempotency-key': key },
    );
    expect(ok.status).toBe(202);
  });

  test("the payloads the README, the guide's flows and the other tests publish are accepted", async () => {
    const published: Array<[string, Json]> = [
      ['incident.updated', { incident_id: 'inc_1', status: 'open' }],
      ['case.created', { case_id: 'case_9' }],
      ['incident.closed', { incident_id: 'inc_2' }],
      ['incident.closed', {}],
      ['case.updated', { n: 1 }],
      ['case.updated', { marker: 'Alpha-private-marker' }],
      ['case.updated', { nested: [{ k: 1 }], path: 'C:\\' }],
      ['case.updated', { n: [1.5, 1e300, -0.001, 12.5] }],
      ['case.created', { on: 'deno' }],
      ['incident.created', {}],
      ['case.created', { case_id: 'case_live' }],
      ['incident.updated', { i: 3 }],
    ];
    for (const [type, data] of published) {
      const r = await api('POST', '/v1/events', acme.adminToken, { type, data });
      expect(r.status, `${type} ${JSON.stringify(data)}: ${JSON.stringify(r.body)}`).toBe(202);
    }
  });

  test('unknown fields are allowed beside the typed ones, and are stored as sent', async () => {
    const t = await newTenant(service);
    const data = { case_id: 'case_1', status: 'in_progress', priority: 3, custom: { a: [true, null] } };
    const r = await api('POST', '/v1/events', t.adminToken, { type: 'case.updated', data });
    expect(r.status).toBe(202);
    expect((await api('GET', `/v1/events/${r.body.id as string}`, t.adminToken)).body.event).toMatchObject({ data });
  });
});

describe('what this service publishes fits its schemas', () => {
  test('incident.* and case.* as the GraphQL mutations write them', () => {
    const at = new Date('2026-03-23T12:00:00.000Z');
    const incident = {
      id: 'inc_1',
      tenant_id: 'ten_1',
      title: 'Down',
      severity: 'critical' as const,
      status: 'open' as const,
      created_at: at,
      updated_at: at,
      closed_at: null,
      cursor_at: '',
    };
    const kase = {
      id: 'case_1',
      tenant_id: 'ten_1',
      title: 'Dispute',
      status: 'in_progress' as const,
      created_at: at,
      updated_at: at,
      closed_at: at,
      cursor_at: '',
    };
    expect(eventDataProblem('incident.created', incidentData(incident))).toBeNull();
    expect(
      eventDataProblem('incident.updated', { ...incidentData(incident), changes: ['title', 'severity'] }),
    ).toBeNull();
    expect(
      eventDataProblem('incident.closed', incidentData({ ...incident, status: 'closed', closed_at: at })),
    ).toBeNull();
    expect(eventDataProblem('case.created', caseData(kase, []))).toBeNull();
    expect(
      eventDataProblem('case.updated', {
        ...caseData({ ...kase, status: 'closed' }, ['inc_1', 'inc_2']),
        changes: ['status'],
      }),
    ).toBeNull();
  });

  test('the operational events the engine sends: webhook.test, delivery.exhausted, webhook.disabled', async () => {
    const t = await newTenant(service);
    const ops = hooks.start();
    const gone = hooks.start(() => 410);
    const opsHook = (
      await api('POST', '/v1/webhooks', t.adminToken, {
        url: ops.url,
        events: ['delivery.exhausted', 'webhook.disabled'],
      })
    ).body.id as string;
    const refusing = hooks.start(() => 400); // a client error: two attempts, 5 s apart, then exhausted
    await api('POST', '/v1/webhooks', t.adminToken, { url: gone.url, events: ['case.updated'] });
    await api('POST', '/v1/webhooks', t.adminToken, { url: refusing.url, events: ['case.updated'] });
    await api('POST', '/v1/events', t.adminToken, { type: 'case.updated', data: { case_id: 'c' } });
    await until(
      'both operational events',
      async () => {
        const types = (
          (await api('GET', '/v1/events?type=delivery.exhausted,webhook.disabled', t.adminToken)).body.events as Json[]
        ).map((e) => e.type);
        return types.includes('delivery.exhausted') && types.includes('webhook.disabled');
      },
      600,
    );
    expect((await api('POST', `/v1/webhooks/${opsHook}/test`, t.adminToken)).status).toBe(202);
    const events = (await api('GET', '/v1/events?type=webhook.test,delivery.exhausted,webhook.disabled', t.adminToken))
      .body.events as Json[];
    for (const e of events)
      expect(eventDataProblem(e.type as EventType, e.data), `${e.type as string} ${JSON.stringify(e.data)}`).toBeNull();
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set(['webhook.test', 'delivery.exhausted', 'webhook.disabled']),
    );
    // and what receivers got is the same data
    await until('delivered to the operations webhook', async () => ops.got.length >= 3);
    for (const got of ops.got) {
      const body = JSON.parse(got.body) as { type: EventType; data: unknown };
      expect(eventDataProblem(body.type, body.data)).toBeNull();
    }
  });

  test('webhook.failing and webhook.recovered as the engine sends them', async () => {
    const t = await newTenant(service);
    const flaky = hooks.start((n) => (n === 0 ? 500 : 200)); // fails once, then the retry (5 s later) succeeds
    await api('POST', '/v1/webhooks', t.adminToken, { url: flaky.url, events: ['case.updated'] });
    await api('POST', '/v1/events', t.adminToken, { type: 'case.updated', data: { case_id: 'c' } });
    const events = await until(
      'failing, then recovered',
      async () => {
        const list = (await api('GET', '/v1/events?type=webhook.failing,webhook.recovered', t.adminToken)).body
          .events as Json[];
        return list.length === 2 ? list : null;
      },
      600,
    );
    expect(events.map((e) => e.type)).toEqual(['webhook.recovered', 'webhook.failing']);
    for (const e of events) expect(eventDataProblem(e.type as EventType, e.data), JSON.stringify(e.data)).toBeNull();
  });

  test("the operational types' schemas: what they take and what they refuse", () => {
    expect(
      eventDataProblem('webhook.failing', {
        webhook_id: 'wh_1',
        failing_since: '2026-03-23T12:00:00.000Z',
        consecutive_failures: 4,
      }),
    ).toBeNull();
    expect(
      eventDataProblem('webhook.failing', {
        webhook_id: 'wh_1',
        failing_since: '2026-03-23T12:00:00.000Z',
        consecutive_failures: 1.5,
      }),
    ).toBe('data.consecutive_failures: must be an integer');
    expect(eventDataProblem('webhook.failing', { webhook_id: 'wh_1', consecutive_failures: 4 })).toBe(
      'data.failing_since: is required',
    );
    expect(eventDataProblem('webhook.recovered', { webhook_id: 'wh_1' })).toBeNull();
    expect(eventDataProblem('webhook.recovered', {})).toBe('data.webhook_id: is required');
    const held = {
      delivery_id: 'dlv_1',
      webhook_id: 'wh_1',
      event_id: 'evt_1',
      event_type: 'case.updated',
      held_since: '2026-02-21T12:00:00.000Z',
    };
    expect(eventDataProblem('webhook.held_expired', held)).toBeNull();
    expect(eventDataProblem('webhook.held_expired', { ...held, held_since: 'last week' })).toStartWith(
      'data.held_since: must be an ISO 8601 date-time',
    );
    expect(
      eventDataProblem('delivery.exhausted', {
        delivery_id: 'dlv_1',
        webhook_id: 'wh_1',
        event_id: 'evt_1',
        event_type: 'x',
        attempts: 8,
        last_status: null,
      }),
    ).toBeNull();
    expect(
      eventDataProblem('delivery.exhausted', {
        delivery_id: 'dlv_1',
        webhook_id: 'wh_1',
        event_id: 'evt_1',
        event_type: 'x',
        attempts: 0,
        last_status: 500,
      }),
    ).toBe('data.attempts: must be at least 1');
    expect(eventDataProblem('webhook.disabled', { webhook_id: 'wh_1', reason: 'bored' })).toBe(
      'data.reason: must be one of "failing", "gone"',
    );
  });

  test('operational types cannot be published by a tenant', async () => {
    for (const type of SYSTEM_EVENT_TYPES) {
      const body = expectEnvelope(
        await api('POST', '/v1/events', acme.adminToken, { type, data: {} }),
        400,
        'invalid_request',
      );
      expect(body.error_description).toContain(`type: "${type}" cannot be published`);
    }
  });
});
