// History partitions: made ahead, rows of a day without one moved into it, and days past
// retention dropped whole unless one of their deliveries still waits.
import { describe, expect, test } from 'bun:test';
import { migrate } from '../../src/db/migrate.ts';
import { silentLogger } from '../../src/log.ts';
import { DAYS_AHEAD, dayOf, HISTORY_TABLES, Partitions } from '../../src/housekeeping/partitions.ts';
import { newTimedId } from '../../src/ids.ts';
import { isolatedDb } from '../support/db.ts';
import type { Queryable } from '../../src/db/index.ts';

const DAY = 86_400_000;
const now = Date.parse('2026-06-15T12:00:00Z');

async function partitionsOf(db: Queryable, table: string): Promise<string[]> {
  return (
    await db.query<{ name: string }>(
      `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = $1::regclass order by 1`,
      [table],
    )
  ).map((r) => r.name);
}

/** An event with one delivery and one attempt, on the day of `atMs`; `pending` leaves the delivery due. */
async function history(db: Queryable, atMs: number, pending: boolean) {
  const at = new Date(atMs).toISOString();
  const evt = newTimedId('evt', atMs);
  const dlv = newTimedId('dlv', atMs);
  await db.query(`insert into tenants (id, name, approved_scopes) values ('ten_p', 'P', '{}') on conflict do nothing`);
  await db.query(
    `insert into events (id, tenant_id, type, data, deliveries, created_at) values ($1, 'ten_p', 'case.created', '{}', 1, $2)`,
    [evt, at],
  );
  await db.query(
    `insert into webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, created_at, state, entered_at, attempt, max_attempts, due_at)
     values ($1, 'ten_p', 'wh_p', $2, 'case.created', $3, $4, $3, 1, 8, $5)`,
    [dlv, evt, at, pending ? 'backoff' : 'succeeded', pending ? at : null],
  );
  await db.query(
    `insert into webhook_attempts (delivery_id, delivery_created_at, tenant_id, subscription_id, attempt, from_state, to_state, started_at, attempted_at, duration_ms, request_timestamp)
     values ($1, $2, 'ten_p', 'wh_p', 1, 'queued', $3, $2, $2, 1, 1781000000)`,
    [dlv, at, pending ? 'backoff' : 'succeeded'],
  );
  return dlv;
}

describe('history partitions', () => {
  test('days are made ahead, rows of a day without one are moved in, nothing is lost', async () => {
    const { db, drop } = await isolatedDb();
    try {
      await migrate(db);
      const old = await history(db, now - 10 * DAY, false); // no partition for that day yet: the default one holds it
      const parts = new Partitions(db, silentLogger);
      await parts.ensure(now);
      const days = await parts.days();
      expect(days).toEqual(
        [now - 10 * DAY, ...Array.from({ length: DAYS_AHEAD + 2 }, (_, i) => now + (i - 1) * DAY)].map(dayOf),
      );
      for (const t of HISTORY_TABLES) {
        const names = await partitionsOf(db, t.table);
        expect(names).toContain(`${t.table}_default`);
        expect(names).toContain(`${t.table}_p20260605`);
        const { n } = (await db.query<{ n: number }>(`select count(*)::int as n from ${t.table}_default`))[0]!;
        expect({ table: t.table, inDefault: n }).toEqual({ table: t.table, inDefault: 0 });
      }
      const [moved] = await db.query<{ id: string; part: string }>(
        `select id, tableoid::regclass::text as part from webhook_deliveries where id = $1`,
        [old],
      );
      expect(moved).toEqual({ id: old, part: 'webhook_deliveries_p20260605' });
      // Idempotent: a second pass makes nothing.
      expect(await parts.ensure(now)).toEqual([]);
    } finally {
      await drop();
    }
  });

  test('a day past retention is dropped whole, unless a delivery of its still waits', async () => {
    const { db, drop } = await isolatedDb();
    try {
      await migrate(db);
      const parts = new Partitions(db, silentLogger);
      await history(db, now - 40 * DAY, false);
      const waiting = await history(db, now - 39 * DAY, true);
      await history(db, now - 2 * DAY, false);
      await parts.ensure(now);
      const result = await parts.retire(now, 30);
      expect(result).toEqual({ dropped: ['20260506'], kept: ['20260507'] });
      for (const t of HISTORY_TABLES) {
        const names = await partitionsOf(db, t.table);
        expect(names).not.toContain(`${t.table}_p20260506`);
        expect(names).toContain(`${t.table}_p20260507`);
      }
      const left = await db.query<{ id: string }>('select id from webhook_deliveries order by created_at');
      expect(left.map((r) => r.id)).toEqual([waiting, expect.any(String)]);
      const { events, attempts } = (
        await db.query<{ events: number; attempts: number }>(
          'select (select count(*)::int from events) as events, (select count(*)::int from webhook_attempts) as attempts',
        )
      )[0]!;
      expect({ events, attempts }).toEqual({ events: 2, attempts: 2 });
      // Once it has been sent, the kept day goes too.
      await db.query(`update webhook_deliveries set state = 'succeeded', due_at = null where id = $1`, [waiting]);
      expect(await parts.retire(now, 30)).toEqual({ dropped: ['20260507'], kept: [] });
    } finally {
      await drop();
    }
  });
});
