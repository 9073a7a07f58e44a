// The floor bench/drain.ts measures the engine against: the cheapest program that does the
// same durable work per delivery, with no state machine, no journal and no retries. A table
// of due rows; each round claims a batch with one UPDATE … FROM (SELECT … FOR UPDATE SKIP
// LOCKED) that sets a lease, POSTs each row's body signed with the same Standard Webhooks code
// to the same receiver, then in one transaction records the results with one
// UPDATE … FROM unnest(…) and the attempt rows with one INSERT … SELECT … FROM unnest(…).
import type { Db } from '../../src/db/index.ts';
import { generateSecret, signatureHeader } from '../../src/webhooks/signing.ts';
import { postWebhook } from '../../src/webhooks/http-client.ts';

export async function floorTables(db: Db, total: number): Promise<void> {
  await db.exec(`
    create table floor_deliveries (id text primary key, event_id text not null, due_at timestamptz, state text not null,
                                   attempt integer not null default 0, last_status integer);
    create index floor_deliveries_due on floor_deliveries (due_at) where due_at is not null;
    create table floor_attempts (delivery_id text not null, attempt integer not null, status integer, duration_ms integer not null,
                                 attempted_at timestamptz not null, primary key (delivery_id, attempt));`);
  await db.query(
    `insert into floor_deliveries (id, event_id, due_at, state) select 'f' || i, 'evt_' || (i % 300), now(), 'queued' from generate_series(1, $1) i`,
    [total],
  );
}

/** Drains floor_deliveries with `loops` concurrent claim loops of `batch` rows each. */
export async function floorDrain(
  db: Db,
  url: string,
  body: string,
  opts: { batch: number; loops: number; timeoutMs: number },
): Promise<void> {
  const secret = generateSecret();
  const loop = async () => {
    for (;;) {
      const rows = await db.query<{ id: string; event_id: string; attempt: number }>(
        `update floor_deliveries d set state = 'sending', attempt = d.attempt + 1, due_at = now() + interval '30 seconds'
           from (select id from floor_deliveries where due_at <= now() order by due_at limit $1 for update skip locked) c
          where d.id = c.id returning d.id, d.event_id, d.attempt`,
        [opts.batch],
      );
      if (rows.length === 0) return;
      const results = await Promise.all(
        rows.map(async (r) => {
          const ts = Math.floor(Date.now() / 1000);
          const headers = {
            'content-type': 'application/json',
            'webhook-id': r.event_id,
            'webhook-timestamp': String(ts),
            'webhook-signature': await signatureHeader([secret], r.event_id, ts, body),
          };
          return postWebhook(url, body, headers, opts.timeoutMs);
        }),
      );
      await db.transaction(async (tx) => {
        await tx.query(
          `update floor_deliveries d set state = case when v.status between 200 and 299 then 'succeeded' else 'backoff' end, last_status = v.status, due_at = null
             from unnest($1::text[], $2::integer[]) as v(id, status) where d.id = v.id`,
          [rows.map((r) => r.id), results.map((r) => r.status)],
        );
        await tx.query(
          `insert into floor_attempts (delivery_id, attempt, status, duration_ms, attempted_at)
           select v.id, v.attempt, v.status, v.duration_ms, now() from unnest($1::text[], $2::integer[], $3::integer[], $4::integer[]) as v(id, attempt, status, duration_ms)`,
          [
            rows.map((r) => r.id),
            rows.map((r) => r.attempt),
            results.map((r) => r.status),
            results.map((r) => r.durationMs),
          ],
        );
      });
    }
  };
  await Promise.all(Array.from({ length: opts.loops }, loop));
}
