// Sending as on the internet: receivers that behave like customers' (bench/setup/internet-
// receivers.ts, a process of their own): 200 endpoints, each a distinct origin reached by host
// name (localhost, through the same lookup and pinned address a real name takes), answering in
// a log-normal time around 50 ms; of each tenant's 50, four are flaky (500 half the time), one
// slow (2-5 s) and one never answers. Four tenants each publish 4 events a second to all of
// their endpoints (800 deliveries a second in all) for the window, over HTTPS, then over plain
// HTTP, then through the pg-boss baseline (one job per delivery, the same HTTP client, 1,000 in
// flight) over HTTPS. Per round: each tenant's publish-to-arrival p50/p99 at its healthy
// endpoints; requests answered per second; this process's and Postgres's CPU per request
// answered (the receivers' excluded; the timeouts of the hanging ones count in the CPU); connections (TLS handshakes) per healthy endpoint, against
// the endpoint's concurrency. The engine runs with the shipped defaults (WORKER_POLL_MS 1000,
// WORKER_BATCH_SIZE 200, WORKER_MAX_IN_FLIGHT 1000, WEBHOOK_ENDPOINT_CONCURRENCY 8) and a 10 s
// timeout.
// --quick: a 6 s window instead of 20 s.
import { loadavg } from 'node:os';
import { benchPki, figure, machine, postgresCpuUs, quick, startReceivers } from './support.ts';
import { webhookRig } from './setup/webhooks.ts';
import { mintAdminToken } from '../src/services.ts';
import type { Principal } from '../src/identity/principal.ts';

const TENANTS = 4;
const PER_TENANT = 50;
const EVENTS_PER_S = 4;
const WINDOW_S = quick ? 6 : 20;
const CONCURRENCY = 8;
const TYPE = 'incident.created';
const load = () => loadavg().map((l) => Math.round(l * 100) / 100);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** Endpoint n of a tenant: 0 never answers, 1 is slow, 2, 15, 28 and 41 are flaky, the rest healthy. */
const profileOf = (n: number) => (n === 0 ? 'hanging' : n === 1 ? 'slow' : n % 13 === 2 ? 'flaky' : 'healthy');
const HEALTHY = Array.from({ length: PER_TENANT }, (_, n) => profileOf(n)).filter((p) => p === 'healthy').length;

// ---- receivers, in their own process ------------------------------------------------------------
const receivers = await startReceivers<{ control: number; https: number[]; http: number[] }>(
  'setup/internet-receivers.ts',
  { ENDPOINTS: String(TENANTS * PER_TENANT), BENCH_PKI_DIR: benchPki.dir },
);
const ports = receivers.ports;
interface ReceiverStats {
  latencies: Record<string, number[]>;
  answered: Record<string, number>;
  connections: { https: number[]; http: number[] };
}
const control = `http://127.0.0.1:${ports.control}/`;
const stats = async () => (await (await fetch(control)).json()) as ReceiverStats;
const resetStats = () => fetch(control, { method: 'POST' }).then((r) => r.arrayBuffer());

const rig = await webhookRig(
  {
    WORKER_POLL_MS: '1000',
    WORKER_BATCH_SIZE: '200',
    WORKER_MAX_IN_FLIGHT: '1000',
    WEBHOOK_ENDPOINT_CONCURRENCY: String(CONCURRENCY),
    WEBHOOK_TIMEOUT_MS: '10000',
    WEBHOOK_CA_FILE: benchPki.caFile,
  },
  { batchSize: 250, loops: 4 },
);
const { service, boss } = rig;

try {
  const tenants: Array<{ tenantId: string; principal: Principal }> = [
    { tenantId: rig.tenant.tenantId, principal: rig.principal as Principal },
  ];
  for (let t = 1; t < TENANTS; t++) {
    const made = await service.tenants.createTenant({
      name: `Tenant ${t}`,
      adminEmail: `bench${t}@example.com`,
      adminPassword: 'correct horse battery staple',
    });
    const token = await mintAdminToken(service, made.tenantId, made.adminUserId);
    tenants.push({ tenantId: made.tenantId, principal: (await service.tokens.verify(token.token)) as Principal });
  }
  const urlOf = (scheme: 'https' | 'http', t: number, n: number) =>
    `${scheme}://localhost:${ports[scheme][t * PER_TENANT + n]}/${t}/${profileOf(n)}/${n}`;
  const healthyIndexes = (t: number) =>
    Array.from({ length: PER_TENANT }, (_, n) => n)
      .filter((n) => profileOf(n) === 'healthy')
      .map((n) => t * PER_TENANT + n);

  /** Every tenant publishes EVENTS_PER_S a second for the window, on a schedule (no drift). */
  async function publishWindow(publish: (t: number, data: Record<string, unknown>) => Promise<unknown>) {
    const start = performance.now();
    const sends: Promise<unknown>[] = [];
    let published = 0;
    for (let k = 0; k < WINDOW_S * EVENTS_PER_S; k++) {
      const due = start + (k * 1000) / EVENTS_PER_S;
      const wait = due - performance.now();
      if (wait > 0) await Bun.sleep(wait);
      for (let t = 0; t < TENANTS; t++) sends.push(publish(t, { sent_at: Date.now(), tenant: t, k }));
      published++;
    }
    await Promise.all(sends);
    return published;
  }

  /** Waits until every tenant's healthy endpoints have every event, or 15 s. */
  async function untilHealthyArrived(events: number) {
    const deadline = performance.now() + 15_000;
    for (;;) {
      const arrived = (await (await fetch(`${control}arrived`)).json()) as number;
      if (arrived >= TENANTS * HEALTHY * events || performance.now() > deadline) return stats();
      await Bun.sleep(200);
    }
  }

  interface Round {
    label: string;
    cpuUs: number;
    pgUs: number;
    /** Requests the receivers answered (the hanging ones' timeouts cost CPU too, and count in it). */
    answered: number;
    seconds: number;
    stats: ReceiverStats;
    scheme: 'https' | 'http';
  }

  function report(r: Round) {
    const extra = { machine, load: load() };
    const p99s: number[] = [];
    for (let t = 0; t < TENANTS; t++) {
      const sorted = [...(r.stats.latencies[String(t)] ?? [])].sort((a, b) => a - b);
      p99s.push(percentile(sorted, 0.99));
      figure('internet', `${r.label}_p99_ms_tenant_${t + 1}`, percentile(sorted, 0.99), 'ms', {
        p50_ms: percentile(sorted, 0.5),
        arrived: sorted.length,
      });
    }
    figure('internet', `${r.label}_answered_per_s`, r.answered / r.seconds, '1/s', { ...extra, answered: r.answered });
    figure('internet', `${r.label}_process_cpu_us_per_answer`, r.cpuUs / r.answered, 'us');
    figure('internet', `${r.label}_postgres_cpu_us_per_answer`, r.pgUs / r.answered, 'us');
    const healthy = Array.from({ length: TENANTS }, (_, t) => healthyIndexes(t)).flat();
    const conns = healthy.reduce((n, i) => n + (r.stats.connections[r.scheme][i] ?? 0), 0) / healthy.length;
    figure('internet', `${r.label}_connections_per_healthy_endpoint`, conns, '1', {
      bound: 1.2 * CONCURRENCY,
    });
    return { worstP99: Math.max(...p99s), cpuPerAnswer: (r.cpuUs + r.pgUs) / r.answered };
  }

  const answeredOf = (s: ReceiverStats) => Object.values(s.answered).reduce((n, c) => n + c, 0);

  async function engineRound(scheme: 'https' | 'http'): Promise<Round> {
    const hooks: Array<{ t: number; id: string }> = [];
    for (let t = 0; t < TENANTS; t++)
      for (let n = 0; n < PER_TENANT; n++)
        hooks.push({
          t,
          id: (await service.webhooks.create(tenants[t]!.principal, { url: urlOf(scheme, t, n), events: [TYPE] })).id,
        });
    await service.db.query('analyze webhook_subscriptions');
    await resetStats();
    const cpu = process.cpuUsage();
    const pg = postgresCpuUs() ?? 0;
    const start = performance.now();
    const events = await publishWindow((t, data) =>
      service.publisher.publishNow({ tenantId: tenants[t]!.tenantId, type: TYPE, data }),
    );
    const s = await untilHealthyArrived(events);
    const seconds = (performance.now() - start) / 1000;
    const spent = process.cpuUsage(cpu);
    const round = {
      label: `internet_${scheme}`,
      cpuUs: spent.user + spent.system,
      pgUs: (postgresCpuUs() ?? 0) - pg,
      answered: answeredOf(s),
      seconds,
      stats: s,
      scheme,
    };
    // Deleting a webhook cancels what it still has waiting: the next round starts empty.
    for (const h of hooks) await service.webhooks.remove(tenants[h.t]!.principal, h.id);
    return round;
  }

  const https = report(await engineRound('https'));
  const http = report(await engineRound('http'));
  figure('internet', 'internet_https_vs_http_cpu', https.cpuPerAnswer / http.cpuPerAnswer, 'x', {
    https_us: Math.round(https.cpuPerAnswer),
    http_us: Math.round(http.cpuPerAnswer),
  });

  // The pg-boss baseline: the same endpoints and publishes over HTTPS, the engine's workers off.
  await service.workers.stop();
  const bossType = 'internet';
  for (let t = 0; t < TENANTS; t++)
    for (let n = 0; n < PER_TENANT; n++) await boss.subscribe(1, urlOf('https', t, n), `${bossType}.${t}`);
  await resetStats();
  const cpu = process.cpuUsage();
  const pg = postgresCpuUs() ?? 0;
  const start = performance.now();
  boss.startWorkers();
  const events = await publishWindow(async (t, data) => {
    await boss.publish(`${bossType}.${t}`, data);
    boss.wake();
  });
  const s = await untilHealthyArrived(events);
  const seconds = (performance.now() - start) / 1000;
  const spent = process.cpuUsage(cpu);
  const pgUs = (postgresCpuUs() ?? 0) - pg;
  const baseline = report({
    label: 'internet_pgboss_https',
    cpuUs: spent.user + spent.system,
    pgUs,
    answered: answeredOf(s),
    seconds,
    stats: s,
    scheme: 'https',
  });
  figure('internet', 'engine_vs_pgboss_internet_worst_p99', https.worstP99 / baseline.worstP99, 'x', {
    engine_ms: https.worstP99,
    pgboss_ms: baseline.worstP99,
  });
  await boss.stopWorkers();
} finally {
  receivers.stop();
  await rig.close();
}
