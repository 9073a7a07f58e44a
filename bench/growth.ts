// Does the engine stay flat as history grows? On PostgreSQL: the drain rate of a backlog
// (100 webhooks × 100 events) and the publish-to-receive p99 at 1,000 deliveries/s, first with
// empty history, then with 10,000,000 historical deliveries and as many attempts in the
// tables (1,000,000 with --quick; written with generate_series over 20 past days). Then the
// cost of retiring one day of that history: dropping its partitions against deleting the
// same number of rows of another day.
import { figure, machine, quick } from './support.ts';
import { webhookRig } from './setup/webhooks.ts';
import { dayOf } from '../src/housekeeping/partitions.ts';

const HISTORY = quick ? 1_000_000 : 10_000_000;
const DAYS = 20;
const DAY = 86_400_000;

const received = { count: 0, latencies: [] as number[] };
const receiver = Bun.serve({
  port: 0,
  hostname: '127.0.0.1',
  fetch: async (req) => {
    const body = (await req.json()) as { data: { sent_at?: number } };
    received.count++;
    if (body.data.sent_at) received.latencies.push(Date.now() - body.data.sent_at);
    return new Response('ok');
  },
});
const target = `http://127.0.0.1:${receiver.port}/hook`;

async function until(done: () => boolean | Promise<boolean>, limitMs = 600_000) {
  const start = performance.now();
  while (!(await done())) {
    if (performance.now() - start > limitMs) throw new Error('bench timed out');
    await Bun.sleep(50);
  }
}

const rig = await webhookRig();
const { service, tenant, principal } = rig;
const publish = (type: string, data: Record<string, unknown>) =>
  service.publisher.publishNow({ tenantId: tenant.tenantId, type, data });

/** Drain rate of 10,000 deliveries published with workers stopped. */
async function drainRate(): Promise<number> {
  await service.workers.stop();
  for (let i = 0; i < 100; i++) await publish('case.updated', { i });
  const before = received.count;
  const start = performance.now();
  await service.workers.start();
  await until(() => received.count - before >= 10_000);
  return 10_000 / ((performance.now() - start) / 1000);
}

/** p99 publish-to-receive at 1,000 deliveries/s: 100 events a second to 10 webhooks, for 10 s (3 s with --quick). */
async function p99At1000(): Promise<number> {
  received.latencies = [];
  const seconds = quick ? 3 : 10;
  const sends: Promise<unknown>[] = [];
  const start = performance.now();
  for (let i = 0; i < seconds * 100; i++) {
    const wait = start + i * 10 - performance.now();
    if (wait > 0) await Bun.sleep(wait);
    sends.push(publish('incident.updated', { sent_at: Date.now() }));
  }
  await Promise.all(sends);
  await until(() => received.latencies.length >= seconds * 1000, 120_000);
  const sorted = [...received.latencies].sort((a, b) => a - b);
  return sorted[Math.floor(0.99 * sorted.length)]!;
}

/** `HISTORY` succeeded deliveries with one attempt each, spread over the `DAYS` days before yesterday. */
async function writeHistory(): Promise<void> {
  const db = service.db;
  const now = service.actors.clock.now();
  // One row per day first, so housekeeping makes the days' partitions; then the bulk insert
  // is routed straight into them.
  const firstDay = dayOf(now) - (DAYS + 1) * DAY;
  await db.query(
    `insert into events (id, tenant_id, type, data, deliveries, created_at)
                  select 'evt_hist_seed' || d, $1, 'case.updated', '{}', 0, $2::timestamptz + d * interval '1 day' from generate_series(0, $3 - 1) d`,
    [tenant.tenantId, new Date(firstDay).toISOString(), DAYS],
  );
  await service.housekeeping.partitions.ensure(now);
  const perDay = HISTORY / DAYS;
  for (let d = 0; d < DAYS; d++) {
    const at = new Date(firstDay + d * DAY + 3_600_000).toISOString();
    await db.query(
      `insert into webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, created_at, state, prev_state, entered_at, attempt, max_attempts, last_status, last_attempt_at)
       select 'dlv_hist_' || $4 || '_' || i, $1, 'wh_history', 'evt_hist_' || $4 || '_' || (i / 100), 'case.updated', $2::timestamptz, 'succeeded', 'sending', $2::timestamptz, 1, 8, 200, $2::timestamptz
         from generate_series(1, $3) i`,
      [tenant.tenantId, at, perDay, d],
    );
    await db.query(
      `insert into webhook_attempts (delivery_id, delivery_created_at, tenant_id, subscription_id, attempt, from_state, to_state, started_at, attempted_at, duration_ms, response_status, response_body, request_timestamp)
       select 'dlv_hist_' || $4 || '_' || i, $2::timestamptz, $1, 'wh_history', 1, 'queued', 'succeeded', $2::timestamptz, $2::timestamptz, 3, 200, 'ok', extract(epoch from $2::timestamptz)::integer
         from generate_series(1, $3) i`,
      [tenant.tenantId, at, perDay, d],
    );
  }
  await db.query('vacuum analyze');
}

try {
  for (let i = 0; i < 100; i++) await service.webhooks.create(principal, { url: target, events: ['case.updated'] });
  for (let i = 0; i < 10; i++) await service.webhooks.create(principal, { url: target, events: ['incident.updated'] });
  await service.db.query('vacuum analyze');

  const drainEmpty = await drainRate();
  const p99Empty = await p99At1000();
  const writeStart = performance.now();
  await writeHistory();
  const writeS = (performance.now() - writeStart) / 1000;
  const drainFull = await drainRate();
  const p99Full = await p99At1000();
  figure('growth', 'drain_per_s_empty', drainEmpty, '1/s', { machine });
  figure('growth', 'drain_per_s_with_history', drainFull, '1/s', {
    history_deliveries: HISTORY,
    history_attempts: HISTORY,
    written_in_s: Math.round(writeS),
  });
  figure('growth', 'p99_ms_at_1000_empty', p99Empty, 'ms');
  figure('growth', 'p99_ms_at_1000_with_history', p99Full, 'ms');
  figure('growth', 'growth_drain_ratio', drainFull / drainEmpty, 'x');
  // Latency ratio as "with over without" would be better the lower it is; reported as
  // without over with, so that like the drain ratio ≥ 1 means no worse.
  figure('growth', 'growth_p99_ratio', p99Empty / p99Full, 'x', { note: 'p99 empty / p99 with history' });

  // Retiring a day: delete the rows of one day, against dropping the partitions of another.
  const now = service.actors.clock.now();
  const firstDay = dayOf(now) - (DAYS + 1) * DAY;
  const dayRange = (d: number) => [
    new Date(firstDay + d * DAY).toISOString(),
    new Date(firstDay + (d + 1) * DAY).toISOString(),
  ];
  const delStart = performance.now();
  await service.db.transaction(async (tx) => {
    const [from, to] = dayRange(1);
    await tx.query(
      'delete from webhook_attempts where delivery_created_at >= $1::timestamptz and delivery_created_at < $2::timestamptz',
      [from, to],
    );
    await tx.query(
      'delete from webhook_deliveries where created_at >= $1::timestamptz and created_at < $2::timestamptz',
      [from, to],
    );
    await tx.query('delete from events where created_at >= $1::timestamptz and created_at < $2::timestamptz', [
      from,
      to,
    ]);
  });
  const deleteMs = performance.now() - delStart;
  const dropStart = performance.now();
  const retired = await service.housekeeping.partitions.retire(now, DAYS); // only the first day is older
  const dropMs = performance.now() - dropStart;
  figure('growth', 'retire_day_delete_ms', deleteMs, 'ms', { rows: (HISTORY / DAYS) * 2 });
  figure('growth', 'retire_day_drop_ms', dropMs, 'ms', { dropped: retired.dropped });
  figure('growth', 'retire_drop_vs_delete', deleteMs / dropMs, 'x');
} finally {
  await rig.close();
  receiver.stop(true);
}
