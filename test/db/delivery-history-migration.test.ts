// An install from before the delivery-history layout (migration 009) keeps its data: every
// event, delivery (with its pending timer), attempt and journal entry is carried over, and a
// retry that was pending is still claimed and sent afterwards.
import { describe, expect, test } from 'bun:test';
import { loadMigrations, migrate } from '../../src/db/migrate.ts';
import { isolatedDb } from '../support/db.ts';

const context = (c: Record<string, unknown>) => ({
  schedule: [0, 5000],
  jitterRatio: 0.2,
  clientErrorBudget: 2,
  sendTimeoutMs: 30000,
  attempt: 0,
  maxAttempts: 8,
  clientErrors: 0,
  lastStatus: null,
  lastError: null,
  lastAttemptAt: null,
  nextDelayMs: null,
  failureReason: null,
  ...c,
});

describe('migration 009 (delivery history)', () => {
  test('carries every event, delivery, attempt and journal entry of the previous layout over', async () => {
    const { db, drop } = await isolatedDb();
    try {
      const all = await loadMigrations();
      await migrate(
        db,
        all.filter((m) => m.version < '009'),
      );
      const at = '2026-03-01T10:00:00.000Z';
      const due = '2026-03-01T10:05:00.000Z';
      await db.exec(`
        insert into tenants (id, name, approved_scopes) values ('ten_a', 'A', '{}');
        insert into webhook_subscriptions (id, tenant_id, url, events, secret_sealed, created_by, state, snapshot, status)
          values ('wh_a', 'ten_a', 'http://127.0.0.1:1/x', '{case.created}', 'sealed', 'usr_a', 'health.active,secret.single', '{"value":{},"context":{}}', 'active');
        insert into events (id, tenant_id, type, data, idempotency_key, deliveries, created_at)
          values ('evt_old1', 'ten_a', 'case.created', '{"n":1}', 'key-1', 3, '${at}');
      `);
      const rows: Array<[string, string, number, Record<string, unknown>, string | null]> = [
        ['dlv_done', 'succeeded', 1, context({ attempt: 1, lastStatus: 200, lastAttemptAt: at }), null],
        [
          'dlv_wait',
          'backoff',
          1,
          context({ attempt: 1, lastStatus: 500, lastError: null, nextDelayMs: 300000, lastAttemptAt: at }),
          due,
        ],
        [
          'dlv_fail',
          'failed',
          2,
          context({ attempt: 2, maxAttempts: 2, lastStatus: 400, clientErrors: 2, failureReason: 'client_error' }),
          null,
        ],
      ];
      for (const [id, state, attempt, ctx, dueAt] of rows) {
        const status = state === 'backoff' ? 'retrying' : state;
        await db.query(
          `insert into webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, state, snapshot, timers, due_at, status, attempt, last_status, created_at, updated_at)
           values ($1, 'ten_a', 'wh_a', 'evt_old1', 'case.created', $2, $3::jsonb, '[]'::jsonb, $4::timestamptz, $5, $6, $7, $8::timestamptz, $8::timestamptz)`,
          [
            id,
            state,
            JSON.stringify({ value: state, context: ctx, status: state === 'succeeded' ? 'done' : 'active' }),
            dueAt,
            status,
            attempt,
            ctx.lastStatus,
            at,
          ],
        );
      }
      await db.exec(`
        insert into webhook_attempts (delivery_id, tenant_id, attempt, attempted_at, duration_ms, response_status, response_body, error, request_headers) values
          ('dlv_done', 'ten_a', 1, '${at}', 12, 200, 'ok', null, '{"webhook-id":"evt_old1","webhook-timestamp":"1772359200"}'),
          ('dlv_wait', 'ten_a', 1, '${at}', 30, 500, 'down', null, '{}'),
          ('dlv_fail', 'ten_a', 1, '${at}', 5, 400, 'bad', null, '{}'),
          ('dlv_fail', 'ten_a', 2, '${at}', 5, 400, 'bad', null, '{}');
        insert into machine_journal (machine, instance_id, tenant_id, from_state, event_type, event, to_state, at) values
          ('subscription', 'wh_a', 'ten_a', null, 'xstate.init', '{"type":"xstate.init"}', 'health.active,secret.single', '${at}'),
          ('delivery', 'dlv_done', 'ten_a', null, 'xstate.init', '{"type":"xstate.init"}', 'queued', '${at}'),
          ('delivery', 'dlv_fail', 'ten_a', 'failed', 'RETRY', '{"type":"RETRY"}', 'queued', '${at}');
      `);

      expect(await migrate(db, all)).toEqual(all.filter((m) => m.version >= '009').map((m) => m.name));

      const events = await db.query<{ id: string; deliveries: number; data: unknown; created_at: Date }>(
        'select id, deliveries, data, created_at from events',
      );
      expect(events).toEqual([{ id: 'evt_old1', deliveries: 3, data: { n: 1 }, created_at: new Date(at) }]);
      const [key] = await db.query<{ event_id: string }>(
        `select event_id from event_idempotency_keys where tenant_id = 'ten_a' and idempotency_key = 'key-1'`,
      );
      expect(key?.event_id).toBe('evt_old1');
      const deliveries = await db.query<Record<string, unknown>>(
        'select id, state, status, attempt, max_attempts, client_errors, last_status, next_delay_ms, failure_reason, due_at, created_at from webhook_deliveries order by id',
      );
      expect(deliveries).toEqual([
        {
          id: 'dlv_done',
          state: 'succeeded',
          status: 'succeeded',
          attempt: 1,
          max_attempts: 8,
          client_errors: 0,
          last_status: 200,
          next_delay_ms: null,
          failure_reason: null,
          due_at: null,
          created_at: new Date(at),
        },
        {
          id: 'dlv_fail',
          state: 'failed',
          status: 'failed',
          attempt: 2,
          max_attempts: 2,
          client_errors: 2,
          last_status: 400,
          next_delay_ms: null,
          failure_reason: 'client_error',
          due_at: null,
          created_at: new Date(at),
        },
        {
          id: 'dlv_wait',
          state: 'backoff',
          status: 'retrying',
          attempt: 1,
          max_attempts: 8,
          client_errors: 0,
          last_status: 500,
          next_delay_ms: 300000,
          failure_reason: null,
          due_at: new Date(due),
          created_at: new Date(at),
        },
      ]);
      const attempts = await db.query<Record<string, unknown>>(
        'select delivery_id, attempt, from_state, to_state, response_status, subscription_id, request_timestamp from webhook_attempts order by delivery_id, attempt',
      );
      expect(attempts).toEqual([
        {
          delivery_id: 'dlv_done',
          attempt: 1,
          from_state: 'queued',
          to_state: 'succeeded',
          response_status: 200,
          subscription_id: 'wh_a',
          request_timestamp: 1772359200,
        },
        {
          delivery_id: 'dlv_fail',
          attempt: 1,
          from_state: 'queued',
          to_state: 'backoff',
          response_status: 400,
          subscription_id: 'wh_a',
          request_timestamp: null,
        },
        {
          delivery_id: 'dlv_fail',
          attempt: 2,
          from_state: 'backoff',
          to_state: 'failed',
          response_status: 400,
          subscription_id: 'wh_a',
          request_timestamp: null,
        },
        {
          delivery_id: 'dlv_wait',
          attempt: 1,
          from_state: 'queued',
          to_state: 'backoff',
          response_status: 500,
          subscription_id: 'wh_a',
          request_timestamp: null,
        },
      ]);
      // The delivery's routine steps are its attempts now; what made no attempt stays journaled.
      const journal = await db.query<{ machine: string; event_type: string }>(
        'select machine, event_type from machine_journal order by seq',
      );
      expect(journal).toEqual([
        { machine: 'subscription', event_type: 'xstate.init' },
        { machine: 'delivery', event_type: 'RETRY' },
      ]);
      // New rows take seqs above every old one, even, so an attempt's seq + 1 is never taken.
      const { next } = (await db.query<{ next: number }>(`select nextval('transition_seq')::int as next`))[0]!;
      expect(next % 2).toBe(0);
      const { top } = (await db.query<{ top: number }>('select max(seq)::int as top from machine_journal'))[0]!;
      expect(next).toBeGreaterThan(top);
    } finally {
      await drop();
    }
  });
});
