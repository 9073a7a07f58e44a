// Webhook fan-out end to end on a real Postgres: events published, deliveries signed, POSTed
// to a loopback receiver and their attempts recorded; beside the bare loopback HTTP ceiling
// measured in the same run against the same receiver.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { startService } from '../src/main.ts';
import { silentLogger } from '../src/log.ts';
import { mintAdminToken } from '../src/services.ts';
import { figure, machine, quick, rate, scratchPostgres } from './support.ts';

const received = { count: 0, latencies: [] as number[] };
const receiver = Bun.serve({
  port: 0, hostname: '127.0.0.1',
  fetch: async (req) => {
    const body = (await req.json()) as { data?: { sent_at?: number } };
    received.count++;
    if (body.data?.sent_at) received.latencies.push(performance.timeOrigin + performance.now() - body.data.sent_at);
    return new Response('ok');
  },
});
const target = `http://127.0.0.1:${receiver.port}/hook`;

async function until(done: () => boolean, limitMs: number) {
  const start = performance.now();
  while (!done()) {
    if (performance.now() - start > limitMs) throw new Error('bench timed out');
    await Bun.sleep(20);
  }
}

// (a) the ceiling: bare POSTs to the same receiver
const ceilingN = quick ? 3000 : 20000;
const ceiling = await rate(ceilingN, 64, () => fetch(target, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }).then((r) => r.arrayBuffer()));
figure('fanout', 'http_ceiling_per_s', ceiling, '1/s', { machine });

const pg = await scratchPostgres();
const service = await startService(
  loadConfig({ PORT: '0', DATABASE_URL: pg.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'argus-bench-')), ALLOW_PRIVATE_TARGETS: 'true', WORKER_POLL_MS: '20', WORKER_BATCH_SIZE: '500', WEBHOOK_ENDPOINT_CONCURRENCY: '64', DB_POOL_MAX: '20' }),
  { http: false, workers: true, log: silentLogger },
);
try {
  const tenant = await service.tenants.createTenant({ name: 'Bench', adminEmail: 'bench@example.com', adminPassword: 'correct horse battery staple' });
  const token = await mintAdminToken(service, tenant.tenantId, tenant.adminUserId);
  const principal = await service.tokens.verify(token.token);
  const subscribe = async (n: number, type: string) => {
    for (let i = 0; i < n; i++) await service.webhooks.create(principal, { url: target, events: [type] });
  };
  const publish = (type: string, data: Record<string, unknown>) =>
    service.actors.transaction((unit) => service.webhooks.publish(unit, { tenantId: tenant.tenantId, type, data }));

  // (b) sustained deliveries per second for fan-outs of 1, 100 and 10,000 (1,000 with --quick)
  const cases: Array<[string, string, number, number]> = [
    ['fanout_1', 'case.created', 1, quick ? 1000 : 5000],
    ['fanout_100', 'case.updated', 100, quick ? 10 : 50],
    [quick ? 'fanout_1000' : 'fanout_10000', 'incident.created', quick ? 1000 : 10000, 1],
  ];
  let best = 0;
  for (const [label, type, subs, events] of cases) {
    await subscribe(subs, type);
    const before = received.count;
    const total = subs * events;
    const start = performance.now();
    await rate(events, 16, (i) => publish(type, { i }));
    await until(() => received.count - before >= total, 600_000);
    // End to end means the attempt is recorded too, not only received.
    const recorded = async () => (await service.db.query<{ n: number }>(`select count(*)::int as n from webhook_deliveries where event_type = $1 and status = 'succeeded'`, [type]))[0].n;
    for (let n = await recorded(); n < total; n = await recorded()) await Bun.sleep(20);
    const perS = total / ((performance.now() - start) / 1000);
    best = Math.max(best, perS);
    figure('fanout', `engine_deliveries_per_s_${label}`, perS, '1/s', { machine, deliveries: total });
  }
  figure('fanout', 'engine_deliveries_per_s', best, '1/s', { machine });
  figure('fanout', 'engine_vs_http_ceiling', best / ceiling, 'x');

  // (c) publish-to-receive latency at a fixed 1,000 deliveries/s (fan-out 1), 5 s (2 s quick)
  await subscribe(1, 'incident.updated');
  received.latencies = [];
  const seconds = quick ? 2 : 5;
  const start = performance.now();
  for (let i = 0; i < seconds * 1000; i++) {
    const due = start + i;
    const wait = due - performance.now();
    if (wait > 1) await Bun.sleep(wait);
    void publish('incident.updated', { sent_at: performance.timeOrigin + performance.now() });
  }
  await until(() => received.latencies.length >= seconds * 1000, 120_000);
  const sorted = [...received.latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  figure('fanout', 'p50_ms_at_1000', pct(50), 'ms', { machine, achieved_per_s: (seconds * 1000) / ((performance.now() - start) / 1000) });
  figure('fanout', 'p99_ms_at_1000', pct(99), 'ms', { machine });
} finally {
  await service.stop();
  await pg.drop();
  receiver.stop(true);
}
