// Several workers share a drain: a backlog (100 webhooks × 300 events; 50 events with
// --quick) drained by one `argus worker` process, then another as large by two, each its own
// process on the same Postgres, to the same loopback receiver. On 2 cores this measures
// contention, not scale: the figure is drain_2_workers_vs_1, with each worker's share of the
// deliveries (from the count each logs when it stops).
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { figure, instantReceiver, machine, quick } from './support.ts';
import { webhookRig } from './setup/webhooks.ts';

const SUBSCRIPTIONS = 100;
const EVENTS = quick ? 50 : 300;
const TOTAL = SUBSCRIPTIONS * EVENTS;
const root = join(import.meta.dir, '..');

const receiver = instantReceiver();
const target = receiver.url;

const rig = await webhookRig();
const { service, tenant, principal } = rig;

async function succeeded(): Promise<number> {
  return (
    await service.db.query<{ n: number }>(`select count(*)::int as n from webhook_deliveries where state = 'succeeded'`)
  )[0]!.n;
}

/** Spawns `n` worker processes, waits for `goal` succeeded deliveries, stops them; answers the rate and each one's claims. */
async function drainWith(n: number, goal: number): Promise<{ perS: number; shares: number[] }> {
  const env = { ...process.env, ...rig.workerEnv, LOG_LEVEL: 'info' };
  const start = performance.now();
  const procs = Array.from({ length: n }, () =>
    Bun.spawn([process.execPath, 'src/cli.ts', 'worker'], { cwd: root, env, stdout: 'pipe', stderr: 'inherit' }),
  );
  while ((await succeeded()) < goal) {
    if (performance.now() - start > 600_000) throw new Error('bench timed out');
    if (procs.some((p) => p.exitCode !== null)) throw new Error('a worker exited early');
    await Bun.sleep(100);
  }
  const perS = TOTAL / ((performance.now() - start) / 1000);
  const shares: number[] = [];
  for (const p of procs) {
    p.kill('SIGTERM');
    const out = await new Response(p.stdout).text();
    await p.exited;
    const line = out.split('\n').find((l) => l.includes('"delivery worker stopped"'));
    if (!line) throw new Error(`a worker did not report its claims:\n${out.slice(-2000)}`);
    shares.push((JSON.parse(line) as { deliveries_claimed: number }).deliveries_claimed);
  }
  return { perS, shares };
}

async function backlog() {
  for (let i = 0; i < EVENTS; i++) {
    await service.publisher.publishNow({
      tenantId: tenant.tenantId,
      type: 'case.updated',
      data: { case_id: `case_${i}`, summary: 'x'.repeat(200) },
    });
  }
  await service.db.query('vacuum analyze');
}

try {
  await service.workers.stop();
  for (let i = 0; i < SUBSCRIPTIONS; i++)
    await service.webhooks.create(principal, { url: target, events: ['case.updated'] });
  await backlog();
  // Worker processes start (migrations checked, partitions ensured) inside the measured time:
  // both rounds pay it the same.
  const one = await drainWith(1, TOTAL);
  figure('workers', 'drain_1_worker_per_s', one.perS, '1/s', {
    machine,
    deliveries: TOTAL,
    load: loadavg().map((l) => Math.round(l * 100) / 100),
  });
  await backlog();
  const two = await drainWith(2, 2 * TOTAL);
  figure('workers', 'drain_2_workers_per_s', two.perS, '1/s');
  figure('workers', 'drain_2_workers_vs_1', two.perS / one.perS, 'x');
  two.shares.forEach((claimed, i) => {
    figure('workers', `worker_${i + 1}_share`, claimed / TOTAL, 'ratio', { claimed });
  });
} finally {
  await rig.close();
  receiver.stop();
}
