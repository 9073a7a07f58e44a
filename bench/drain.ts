// Steady state, without publishing in the window: a backlog of deliveries (300 events × 100
// webhooks; 50 events with --quick) is published with workers stopped, then drained, first by
// the engine, then by the tuned pg-boss baseline (bench/baselines/pgboss.ts) holding the same
// jobs, each to the same loopback receiver. Beside the rates, where the CPU went: this
// process's (workers and receiver) and the Postgres server's (all its processes, read from
// /proc), per delivery. Both sides get the same in-flight budget (4,000).
import { loadavg } from 'node:os';
import { figure, instantReceiver, machine, postgresCpuUs, quick } from './support.ts';
import { createRequire } from 'node:module';

const bossVersion = (createRequire(import.meta.url)('pg-boss/package.json') as { version: string }).version;
import { webhookRig } from './setup/webhooks.ts';
import { floorDrain, floorTables } from './baselines/floor.ts';

const SUBSCRIPTIONS = 100;
const EVENTS = quick ? 50 : 300;
const TOTAL = SUBSCRIPTIONS * EVENTS;

const receiver = instantReceiver();
const target = receiver.url;
const load = () => loadavg().map((l) => Math.round(l * 100) / 100);

/** Runs drain() and reports its rate and CPU cost per delivery (process + Postgres server). */
async function measure(label: string, drain: () => Promise<void>): Promise<{ perS: number; cpuUs: number }> {
  const server0 = postgresCpuUs();
  const own0 = process.cpuUsage();
  const start = performance.now();
  await drain();
  const seconds = (performance.now() - start) / 1000;
  const own = process.cpuUsage(own0);
  const server1 = postgresCpuUs();
  const perS = TOTAL / seconds;
  figure('drain', `${label}_drain_per_s`, perS, '1/s', { machine, deliveries: TOTAL, load: load() });
  figure('drain', `${label}_process_cpu_us_per_delivery`, (own.user + own.system) / TOTAL, 'us');
  const serverUs = server0 !== null && server1 !== null ? (server1 - server0) / TOTAL : 0;
  if (server0 !== null && server1 !== null) figure('drain', `${label}_postgres_cpu_us_per_delivery`, serverUs, 'us');
  figure('drain', `${label}_cpu_us_per_delivery`, (own.user + own.system) / TOTAL + serverUs, 'us');
  return { perS, cpuUs: (own.user + own.system) / TOTAL + serverUs };
}

async function until(done: () => Promise<boolean>) {
  const start = performance.now();
  while (!(await done())) {
    if (performance.now() - start > 600_000) throw new Error('bench timed out');
    await Bun.sleep(100);
  }
}

const { service, boss, bossDb, tenant, principal, close } = await webhookRig();
try {
  await service.workers.stop();
  for (let i = 0; i < SUBSCRIPTIONS; i++)
    await service.webhooks.create(principal, { url: target, events: ['case.updated'] });
  await boss.subscribe(SUBSCRIPTIONS, target, 'case.updated');
  const data = (i: number) => ({ case_id: `case_${i}`, summary: 'x'.repeat(200) });
  for (let i = 0; i < EVENTS; i++) {
    await service.publisher.publishNow({ tenantId: tenant.tenantId, type: 'case.updated', data: data(i) });
    await boss.publish('case.updated', data(i));
  }
  await service.db.query('vacuum analyze');
  await bossDb.query('vacuum analyze');

  const engine = await measure('engine', async () => {
    await service.workers.start();
    await until(
      async () =>
        (
          await service.db.query<{ n: number }>(
            `select count(*)::int as n from webhook_deliveries where status = 'succeeded'`,
          )
        )[0]!.n >= TOTAL,
    );
  });
  await service.workers.stop();
  const pgboss = await measure('pgboss', async () => {
    boss.startWorkers();
    await until(async () => (await boss.completed()) >= TOTAL);
  });
  figure('drain', 'engine_vs_pgboss_drain', engine.perS / pgboss.perS, 'x', { pgboss: bossVersion });
  // The same durable work at its cheapest (bench/baselines/floor.ts), on the engine's database
  // and to the same receiver, with the same in-flight budget (4 loops of 1,000).
  await floorTables(service.db, TOTAL);
  await service.db.query('vacuum analyze floor_deliveries');
  const body = JSON.stringify({ type: 'case.updated', timestamp: new Date().toISOString(), data: data(0) });
  const floor = await measure('floor', () =>
    floorDrain(service.db, target, body, { batch: 1000, loops: 4, timeoutMs: 15_000 }),
  );
  figure('drain', 'floor_cpu_us_per_delivery', floor.cpuUs, 'us');
  figure('drain', 'engine_vs_floor_cpu', engine.cpuUs / floor.cpuUs, 'x');
} finally {
  await close();
  receiver.stop();
}
