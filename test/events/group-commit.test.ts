// Group commit: publishes that arrive together are written in one statement and one commit,
// each answered with its own event, each as if it were alone: tenants kept apart, places in an
// ordered webhook's line in arrival order, an Idempotency-Key taken once, and one publish the
// database refuses failing alone while the rest of its group is written.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { EventPublisher, IdempotencyConflict } from '../../src/events/publisher.ts';
import { DeliverySteps } from '../../src/webhooks/dispatch/steps.ts';
import { DeliveryWakeup } from '../../src/webhooks/dispatch/wakeup.ts';
import { systemClock } from '../../src/actors/clock.ts';
import { silentLogger } from '../../src/log.ts';
import type { Db } from '../../src/db/index.ts';
import { client, type Tenant } from './support.ts';

let service: TestService;
let api: ReturnType<typeof client>;
let acme: Tenant;
let globex: Tenant;
let acmeHooks: string[];
let globexHooks: string[];
/** Statements the publisher under test sent. */
let statements = 0;
let publisher: EventPublisher;

beforeAll(async () => {
  // No workers: what is checked is what the publish wrote.
  service = await startTestService({ workers: false });
  api = client(service);
  acme = await newTenant(service);
  globex = await newTenant(service);
  const hook = async (t: Tenant, ordering?: 'fifo') => {
    const r = await api('POST', '/v1/webhooks', t.adminToken, {
      url: 'https://receiver.example/hook',
      events: ['case.created'],
      ...(ordering ? { ordering } : {}),
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  acmeHooks = [await hook(acme), await hook(acme)];
  globexHooks = [await hook(globex), await hook(globex, 'fifo')];
  const db = service.db;
  const counting: Db = {
    kind: db.kind,
    query: (text, params) => {
      statements++;
      return db.query(text, params);
    },
    exec: (script) => db.exec(script),
    transaction: (fn) => db.transaction(fn),
    listen: (channel, onMessage) => db.listen(channel, onMessage),
    close: async () => {},
  };
  const steps = new DeliverySteps({ sendTimeoutMs: 15_000, schedule: [1000] }, () => systemClock.now());
  publisher = new EventPublisher(counting, steps, new DeliveryWakeup(db), systemClock, silentLogger, 86_400_000);
}, 60_000);
afterAll(() => service.stop());

const deliveriesOf = (eventId: string) =>
  service.db.query<{ subscription_id: string; tenant_id: string; order_seq: string | null; state: string }>(
    'select subscription_id, tenant_id, order_seq::text as order_seq, state from webhook_deliveries where event_id = $1',
    [eventId],
  );

describe('group commit', () => {
  test('publishes that arrive together share one statement; each gets its own event, its own tenant, its own place in line', async () => {
    statements = 0;
    const published = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        publisher.publishNow({ tenantId: (i % 2 ? globex : acme).tenantId, type: 'case.created', data: { i } }),
      ),
    );
    expect(statements).toBe(1);
    expect(new Set(published.map((p) => p.id)).size).toBe(30);
    const globexPlaces: number[] = [];
    for (const [i, p] of published.entries()) {
      const t = i % 2 ? globex : acme;
      const own = i % 2 ? globexHooks : acmeHooks;
      expect(p.deliveries).toBe(2);
      const rows = await deliveriesOf(p.id);
      expect(rows.map((r) => r.subscription_id).sort()).toEqual([...own].sort());
      expect(rows.every((r) => r.tenant_id === t.tenantId)).toBe(true);
      const [event] = await service.db.query<{ data: { i: number }; deliveries: number }>(
        'select data, deliveries from events where id = $1',
        [p.id],
      );
      expect(event).toEqual({ data: { i }, deliveries: 2 });
      const inLine = rows.find((r) => r.subscription_id === globexHooks[1]);
      if (inLine) globexPlaces.push(Number(inLine.order_seq));
    }
    // The ordered webhook's places follow the order the publishes arrived in, with no gap.
    expect(globexPlaces).toEqual(Array.from({ length: 15 }, (_, i) => globexPlaces[0]! + i));
    const due = await service.db.query<{ n: number }>(
      `select count(*)::int as n from webhook_deliveries where subscription_id = $1 and due_at is not null`,
      [globexHooks[1]],
    );
    expect(due[0]!.n).toBe(1); // only the head of the line is due
  });

  test('a publish the database refuses fails alone, with its own error; the rest of its group is written', async () => {
    statements = 0;
    const answers = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        publisher.publishNow({
          tenantId: acme.tenantId,
          type: 'case.created',
          // A NUL in a JSON string: Postgres' jsonb refuses it (the HTTP layer refuses it before).
          data: i === 7 ? { note: 'a\u0000b' } : { i },
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 'rejected')).toHaveLength(1);
    const refused = answers[7]!;
    expect(refused.status).toBe('rejected');
    expect(String((refused as PromiseRejectedResult).reason)).toMatch(/unicode|\\u0000|escape/i);
    expect(statements).toBeGreaterThan(1); // the group was split to find it
    for (const a of answers) if (a.status === 'fulfilled') expect((await deliveriesOf(a.value.id)).length).toBe(2);
    const written = await service.db.query<{ n: number }>(
      `select count(*)::int as n from events where tenant_id = $1 and data ? 'note'`,
      [acme.tenantId],
    );
    expect(written[0]!.n).toBe(0);
  });

  test('the same Idempotency-Key twice in one burst is taken once; the other publish, whichever it is, is told it is taken', async () => {
    const key = `burst-${Date.now()}`;
    const answers = await Promise.allSettled(
      [1, 2].map((n) =>
        publisher.publishNow({
          tenantId: acme.tenantId,
          type: 'case.created',
          data: { n },
          idempotencyKey: key,
          requestSha256: `sha-${n}`,
        }),
      ),
    );
    // Which of the two is taken first is not promised (the second waits for the next group,
    // and two groups may be written at once): one is, the other is told the key is taken.
    const taken = answers.filter((a) => a.status === 'fulfilled');
    const refused = answers.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(taken).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(IdempotencyConflict);
    const rows = await service.db.query<{ n: number }>(
      'select count(*)::int as n from events where tenant_id = $1 and idempotency_key = $2',
      [acme.tenantId, key],
    );
    expect(rows[0]!.n).toBe(1);
  });
});
