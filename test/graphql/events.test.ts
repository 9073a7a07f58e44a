// Mutations publish their events through the delivery engine in the same transaction as the
// change: exactly one delivery per matching subscription, none for a rolled-back change. The
// subscriptions themselves are set up with the incident-webhooks bundle, in GraphQL.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { codesOf, documentOf, gql, graphqlApp, type GraphqlApp, type Json } from './support.ts';

let service: TestService;
let acme: Awaited<ReturnType<typeof newTenant>>;
let globex: Awaited<ReturnType<typeof newTenant>>;
let hooks: GraphqlApp; // incident-webhooks bundle
let sync: GraphqlApp; // incident-sync + case-sync
const servers: Array<ReturnType<typeof Bun.serve>> = [];

interface Receiver {
  url: string;
  got: Json[];
}
function receiver(): Receiver {
  const got: Json[] = [];
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (req) => {
      got.push(JSON.parse(await req.text()) as Json);
      return new Response('ok');
    },
  });
  servers.push(server);
  return { url: `http://127.0.0.1:${server.port}/hook`, got };
}

async function until<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  tries = 400,
): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await fn();
    if (v) return v;
    await Bun.sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const doc = (bundle: string, name: string) => documentOf(service, bundle, name);
async function run(app: GraphqlApp, bundle: string, name: string, variables: Json = {}) {
  const r = await gql(service, app, { query: doc(bundle, name), variables });
  expect(r.status).toBe(200);
  return r.body;
}
async function ok(app: GraphqlApp, bundle: string, name: string, variables: Json = {}) {
  const body = await run(app, bundle, name, variables);
  expect(body.errors).toBeUndefined();
  return body.data as Json;
}

/** Deliveries of one event, as rows (exactly what the engine will send). */
async function deliveriesOf(eventId: string) {
  return service.db.query<{ subscription_id: string }>(
    'select subscription_id from webhook_deliveries where event_id = $1 order by subscription_id',
    [eventId],
  );
}
async function eventsAbout(tenantId: string, type: string, id: string) {
  return service.db.query<{ id: string; deliveries: number }>(
    `select id, deliveries from events where tenant_id = $1 and type = $2 and data->>'id' = $3`,
    [tenantId, type, id],
  );
}

let all: Receiver, createdOnly: Receiver, cases: Receiver, paused: Receiver, elsewhere: Receiver;
/** Ids the tests below create, by name: each is set before it is read. */
const ids = {} as { all: string; createdOnly: string; paused: string; incident: string; [name: string]: string };

beforeAll(async () => {
  service = await startTestService();
  acme = await newTenant(service);
  globex = await newTenant(service);
  hooks = await graphqlApp(service, acme, {
    scopes: ['graphql', 'webhooks:read', 'webhooks:write'],
    bundles: ['incident-webhooks'],
  });
  sync = await graphqlApp(service, acme, {
    scopes: ['graphql', 'incidents:read', 'incidents:write', 'cases:read', 'cases:write'],
    bundles: ['incident-sync', 'case-sync'],
  });
  all = receiver();
  createdOnly = receiver();
  cases = receiver();
  paused = receiver();
  elsewhere = receiver();
}, 60_000);
afterAll(async () => {
  for (const s of servers) s.stop(true);
  await service.stop();
});

describe('the incident webhook configuration flow, in GraphQL', () => {
  test('event types, create (secret shown once), list, update and pause', async () => {
    const types = await ok(hooks, 'incident-webhooks', 'IncidentEventTypes');
    expect((types.eventTypes as Json[]).map((t) => t.type)).toContain('incident.closed');

    const create = async (url: string, events: string[], app = hooks) => {
      const data = await ok(app, 'incident-webhooks', 'CreateIncidentWebhook', { url, events });
      const created = data.createWebhook as {
        webhook: { id: string; status: string; events: string[] };
        secret: string | null;
      };
      expect(created.secret).toStartWith('whsec_');
      expect(created.webhook.status).toBe('active');
      return created.webhook.id;
    };
    ids.all = await create(all.url, ['incident.created', 'incident.updated', 'incident.closed']);
    ids.createdOnly = await create(createdOnly.url, ['incident.updated']);
    ids.cases = await create(cases.url, ['case.created', 'case.updated']);
    ids.paused = await create(paused.url, ['incident.created']);

    const updated = await ok(hooks, 'incident-webhooks', 'UpdateIncidentWebhook', {
      id: ids.createdOnly,
      events: ['incident.created'],
    });
    expect((updated.updateWebhook as Json).events).toEqual(['incident.created']);
    const pause = await ok(hooks, 'incident-webhooks', 'UpdateIncidentWebhook', { id: ids.paused, paused: true });
    expect((pause.updateWebhook as Json).status).toBe('paused');

    const listed = await ok(hooks, 'incident-webhooks', 'IncidentWebhooks', { first: 10 });
    expect(((listed.webhooks as Json).webhooks as Json[]).map((w) => w.id).sort()).toEqual(Object.values(ids).sort());

    const bad = await run(hooks, 'incident-webhooks', 'CreateIncidentWebhook', {
      url: 'https://x.example/h',
      events: ['incident.exploded'],
    });
    expect(codesOf(bad)).toEqual(['INVALID_REQUEST']);
    const foreign = await run(hooks, 'incident-webhooks', 'UpdateIncidentWebhook', { id: 'wh_nope', paused: true });
    expect(codesOf(foreign)).toEqual(['NOT_FOUND']);

    // Another tenant's subscription to the same type must never see acme's events.
    const rival = await graphqlApp(service, globex, {
      scopes: ['graphql', 'webhooks:write'],
      bundles: ['incident-webhooks'],
    });
    ids.elsewhere = await create(elsewhere.url, ['incident.created', 'case.created'], rival);
  });
});

describe('mutations publish their events', () => {
  test('createIncident: one event, exactly one delivery per matching subscription, each received once', async () => {
    const incident = (await ok(sync, 'incident-sync', 'CreateIncident', { title: 'API latency', severity: 'CRITICAL' }))
      .createIncident as Json;
    ids.incident = incident.id as string;
    const events = await eventsAbout(acme.tenantId, 'incident.created', ids.incident);
    expect(events.length).toBe(1);
    const rows = await deliveriesOf(events[0]!.id);
    // all and createdOnly match; a paused subscription's delivery is held while it is paused.
    expect(rows.map((r) => r.subscription_id).sort()).toEqual([ids.all, ids.createdOnly, ids.paused].sort());
    expect(
      await service.db.query('select state from webhook_deliveries where event_id = $1 and subscription_id = $2', [
        events[0]!.id,
        ids.paused,
      ]),
    ).toEqual([{ state: 'held' }]);
    expect(events[0]!.deliveries).toBe(3);
    await until('both active receivers', () => all.got.length >= 1 && createdOnly.got.length >= 1);
    await Bun.sleep(300);
    for (const r of [all, createdOnly]) {
      expect(r.got.length).toBe(1);
      expect(r.got[0]).toMatchObject({
        type: 'incident.created',
        data: { id: ids.incident, title: 'API latency', severity: 'critical', status: 'open' },
      });
    }
    expect(paused.got.length).toBe(0);
    expect(cases.got.length).toBe(0);
    expect(elsewhere.got.length).toBe(0);
  });

  test('updateIncident publishes incident.updated with what changed; an update that changes nothing publishes nothing', async () => {
    await ok(sync, 'incident-sync', 'UpdateIncident', { id: ids.incident, severity: 'HIGH' });
    await until('incident.updated', () => all.got.length >= 2);
    expect(all.got[1]).toMatchObject({
      type: 'incident.updated',
      data: { id: ids.incident, severity: 'high', changes: ['severity'] },
    });
    await ok(sync, 'incident-sync', 'UpdateIncident', { id: ids.incident, severity: 'HIGH' });
    expect((await eventsAbout(acme.tenantId, 'incident.updated', ids.incident)).length).toBe(1);
    const empty = await run(sync, 'incident-sync', 'UpdateIncident', { id: ids.incident });
    expect(codesOf(empty)).toEqual(['INVALID_REQUEST']);
  });

  test('closeIncident publishes incident.closed once; closing again is a conflict and publishes nothing', async () => {
    const closed = (await ok(sync, 'incident-sync', 'CloseIncident', { id: ids.incident })).closeIncident as Json;
    expect(closed.status).toBe('CLOSED');
    expect(closed.closedAt).toBeString();
    await until('incident.closed', () => all.got.length >= 3);
    expect(all.got[2]).toMatchObject({ type: 'incident.closed', data: { id: ids.incident, status: 'closed' } });
    const again = await run(sync, 'incident-sync', 'CloseIncident', { id: ids.incident });
    expect(codesOf(again)).toEqual(['CONFLICT']);
    const change = await run(sync, 'incident-sync', 'UpdateIncident', { id: ids.incident, title: 'too late' });
    expect(codesOf(change)).toEqual(['CONFLICT']);
    expect((await eventsAbout(acme.tenantId, 'incident.closed', ids.incident)).length).toBe(1);
  });

  test('cases: case.created with linked incidents, case.updated on change and on close', async () => {
    const other = (await ok(sync, 'incident-sync', 'CreateIncident', { title: 'Queue backlog', severity: 'MEDIUM' }))
      .createIncident as Json;
    const created = (
      await ok(sync, 'case-sync', 'CreateCase', { title: 'Checkout outage', incidentIds: [ids.incident] })
    ).createCase as Json;
    expect(created.status).toBe('OPEN');
    expect(created.incidents).toEqual([{ id: ids.incident }]);
    await until('case.created', () => cases.got.length >= 1);
    expect(cases.got[0]).toMatchObject({
      type: 'case.created',
      data: { id: created.id, status: 'open', incident_ids: [ids.incident] },
    });

    const updated = (
      await ok(sync, 'case-sync', 'UpdateCase', {
        id: created.id,
        status: 'IN_PROGRESS',
        incidentIds: [ids.incident, other.id],
      })
    ).updateCase as Json;
    expect(updated.status).toBe('IN_PROGRESS');
    expect((updated.incidents as Json[]).map((i) => i.id).sort()).toEqual([ids.incident, other.id].sort());
    await until('case.updated', () => cases.got.length >= 2);
    expect(cases.got[1]).toMatchObject({
      type: 'case.updated',
      data: { status: 'in_progress', changes: ['status', 'incident_ids'] },
    });

    const read = (await ok(sync, 'case-sync', 'CaseById', { id: created.id })).case as Json;
    expect((read.incidents as Json[]).length).toBe(2);

    await ok(sync, 'case-sync', 'CloseCase', { id: created.id });
    await until('case.updated (closed)', () => cases.got.length >= 3);
    expect(cases.got[2]).toMatchObject({ type: 'case.updated', data: { status: 'closed', changes: ['status'] } });
    await Bun.sleep(200);
    expect(cases.got.length).toBe(3);
    expect(elsewhere.got.length).toBe(0);
  });
});

describe('atomicity', () => {
  test('a change that rolls back after publishing leaves neither the row nor the event', async () => {
    const publisher = service.publisher;
    const original = publisher.publish.bind(publisher);
    let published = 0;
    publisher.publish = async (unit, e) => {
      await original(unit, e);
      published++;
      throw new Error('the database refused the commit');
    };
    try {
      const r = await run(sync, 'incident-sync', 'CreateIncident', { title: 'Never committed', severity: 'LOW' });
      expect(codesOf(r)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(r.errors[0].message).toContain('quote request id');
      expect(r.errors[0].message).not.toContain('refused');
    } finally {
      publisher.publish = original;
    }
    expect(published).toBe(1);
    expect(await service.db.query(`select id from incidents where title = 'Never committed'`)).toEqual([]);
    expect(await service.db.query(`select id from events where data->>'title' = 'Never committed'`)).toEqual([]);
  });

  test('a case linking an unknown incident is refused whole: no case, no case.created', async () => {
    const before = cases.got.length;
    const r = await run(sync, 'case-sync', 'CreateCase', {
      title: 'Half made',
      incidentIds: [ids.incident, 'inc_missing'],
    });
    expect(codesOf(r)).toEqual(['NOT_FOUND']);
    expect(r.errors[0].message).toBe('incident inc_missing was not found');
    expect(await service.db.query(`select id from cases where title = 'Half made'`)).toEqual([]);
    await Bun.sleep(200);
    expect(cases.got.length).toBe(before);
  });
});
