// One tenant cannot hurt another, measured on PostgreSQL with receivers in a process of their
// own (bench/setup/receivers.ts). A quiet tenant publishes 10 events a second to one endpoint
// that answers in 20 ms, and its publish-to-arrival p50/p99 is taken:
//   alone;
//   beside a burst: another tenant drains a backlog of 200 endpoints that answer in 25-75 ms,
//     published before the window and larger than the window drains (90,000 deliveries);
//   beside 1,000 endpoints of another tenant that accept connections and never answer;
//   beside the same burst through the pg-boss baseline (one job per delivery, the same 1,000 in
//     flight), for what a plain queue does.
// With each, this process's and the Postgres server's CPU over the window. Then:
//   the memory this process grows by while one 1 MB event fans out to 1,000 hanging endpoints;
//   a single tenant's drain rate with the fair claim against the due-order claim it replaced
//     (bench/baselines/due-order-claimer.ts);
//   one claim's time with one tenant holding 1,000,000 ready deliveries, and with 10,000 tenants
//     holding three each, fair against due order on the same data.
// The engine runs with the shipped defaults (WORKER_BATCH_SIZE 200, WORKER_MAX_IN_FLIGHT 1000,
// WEBHOOK_ENDPOINT_CONCURRENCY 8, WEBHOOK_TIMEOUT_MS 15 s). --quick shortens every case.
import { loadavg } from 'node:os';
import { figure, machine, postgresCpuUs, quick, startReceivers } from './support.ts';
import { webhookRig } from './setup/webhooks.ts';
import { mintAdminToken } from '../src/services.ts';
import type { Principal } from '../src/identity/principal.ts';
import { Metrics } from '../src/metrics.ts';
import { silentLogger } from '../src/log.ts';
import { Dispatcher } from '../src/webhooks/dispatch/dispatcher.ts';
import { DeliveryWakeup } from '../src/webhooks/dispatch/wakeup.ts';
import { Claimer, type ClaimConfig } from '../src/webhooks/dispatch/claimer.ts';
import { EventBodies } from '../src/webhooks/dispatch/bodies.ts';
import { DUE_ORDER_INDEX, DueOrderClaimer } from './baselines/due-order-claimer.ts';

const WINDOW_S = quick ? 5 : 20;
const QUIET_PER_S = 10;
const BURST_ENDPOINTS = 200;
const HANGING_ENDPOINTS = 1000;
const load = () => loadavg().map((l) => Math.round(l * 100) / 100);
const rssMb = () => process.memoryUsage.rss() / 2 ** 20;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

// ---- receivers, in their own process ------------------------------------------------------------
const receivers = await startReceivers<{ http: number; hanging: number }>('setup/receivers.ts');
const ports = receivers.ports;
const receiverUrl = (path: string) => `http://127.0.0.1:${ports.http}${path}`;
const hangingUrl = (i: number) => `http://127.0.0.1:${ports.hanging}/h/${i}`;
const stats = async () => (await (await fetch(receiverUrl('/stats'))).json()) as { quiet: number[]; burst: number };
const resetStats = () => fetch(receiverUrl('/reset'), { method: 'POST' }).then((r) => r.arrayBuffer());

const ENGINE = {
  WORKER_BATCH_SIZE: '200',
  WORKER_MAX_IN_FLIGHT: '1000',
  WEBHOOK_ENDPOINT_CONCURRENCY: '8',
  WORKER_POLL_MS: '1000',
};
const rig = await webhookRig(ENGINE, { batchSize: 200, loops: 5 });
const { service, boss, close } = rig;

async function tenant(name: string): Promise<{ tenantId: string; principal: Principal }> {
  if (name === 'burst') return { tenantId: rig.tenant.tenantId, principal: rig.principal };
  const t = await service.tenants.createTenant({
    name: `Bench ${name}`,
    adminEmail: `${name}@example.com`,
    adminPassword: 'correct horse battery staple',
  });
  const token = await mintAdminToken(service, t.tenantId, t.adminUserId);
  return { tenantId: t.tenantId, principal: await service.tokens.verify(token.token) };
}

async function hooks(principal: Principal, urls: string[], type: string): Promise<string[]> {
  const ids: string[] = [];
  for (const url of urls) ids.push((await service.webhooks.create(principal, { url, events: [type] })).id);
  await service.db.query('analyze webhook_subscriptions');
  return ids;
}

async function removeHooks(principal: Principal, ids: string[]) {
  for (const id of ids) await service.webhooks.remove(principal, id);
}

/** CPU over a window: this process's and the Postgres server's, in ms. */
function cpuWindow() {
  const own = process.cpuUsage();
  const pg = postgresCpuUs();
  return () => {
    const used = process.cpuUsage(own);
    const pgNow = postgresCpuUs();
    return {
      process_cpu_ms: Math.round((used.user + used.system) / 1000),
      postgres_cpu_ms: pg !== null && pgNow !== null ? Math.round((pgNow - pg) / 1000) : null,
    };
  };
}

/**
 * The quiet tenant's window: QUIET_PER_S events a second for WINDOW_S, each carrying its publish
 * time; answers the publish-to-arrival times, sorted. `publish` is the engine's or pg-boss's.
 */
async function quietWindow(publish: (data: Record<string, unknown>) => Promise<unknown>): Promise<number[]> {
  await resetStats();
  const n = WINDOW_S * QUIET_PER_S;
  const start = performance.now();
  const publishes: Promise<unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const wait = start + (i * 1000) / QUIET_PER_S - performance.now();
    if (wait > 0) await Bun.sleep(wait);
    publishes.push(publish({ case_id: `q${i}`, sent_at: Date.now(), i }));
  }
  await Promise.all(publishes);
  const deadline = performance.now() + 60_000;
  for (;;) {
    const { quiet } = await stats();
    if (quiet.length >= n) return [...quiet].sort((a, b) => a - b);
    if (performance.now() > deadline) throw new Error(`the quiet tenant got ${quiet.length} of ${n} in time`);
    await Bun.sleep(100);
  }
}

function report(label: string, latencies: number[], cpu: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  figure('isolation', `quiet_tenant_p99_ms_${label}`, percentile(latencies, 0.99), 'ms', {
    machine,
    p50_ms: Math.round(percentile(latencies, 0.5) * 10) / 10,
    max_ms: latencies.at(-1),
    samples: latencies.length,
    ...cpu,
    load: load(),
    ...extra,
  });
  return percentile(latencies, 0.99);
}

try {
  const quiet = await tenant('quiet');
  const burst = await tenant('burst');
  const hanging = await tenant('hanging');
  await hooks(quiet.principal, [receiverUrl('/quiet')], 'incident.created');
  const quietPublish = (data: Record<string, unknown>) =>
    service.publisher.publishNow({ tenantId: quiet.tenantId, type: 'incident.created', data });

  // ---- alone --------------------------------------------------------------------------------
  let cpu = cpuWindow();
  const alone = report('alone', await quietWindow(quietPublish), cpu());

  // ---- beside a burst -----------------------------------------------------------------------
  const burstHooks = await hooks(
    burst.principal,
    Array.from({ length: BURST_ENDPOINTS }, (_, i) => receiverUrl(`/burst/${i}`)),
    'case.updated',
  );
  let burstPublished = 0;
  const publishBurst = async (events: number) => {
    const publishers = Array.from({ length: 8 }, async (_, p) => {
      for (let i = p; i < events; i += 8) {
        const published = await service.publisher.publishNow({
          tenantId: burst.tenantId,
          type: 'case.updated',
          data: { case_id: `b${i}` },
        });
        burstPublished += published.deliveries;
      }
    });
    await Promise.all(publishers);
  };
  // The whole backlog is published first (the drain then outlasts the window: 4,500 a second at
  // most on this machine), so that the window measures the drain, not the burst's publishing.
  await publishBurst(Math.max(100, (WINDOW_S * 4500) / BURST_ENDPOINTS));
  cpu = cpuWindow();
  const beside = await quietWindow(quietPublish);
  const burstCpu = cpu();
  const drainedInWindow = (await stats()).burst;
  const besideBurst = report('beside_burst', beside, burstCpu, {
    burst_delivered_in_window: drainedInWindow,
    burst_left_after_window: burstPublished - drainedInWindow,
  });
  figure('isolation', 'beside_burst_vs_alone_p99', besideBurst / Math.max(1, alone), 'x');
  // What is left of the burst is dropped (deleting its webhooks cancels it), not waited for.
  await removeHooks(burst.principal, burstHooks);

  // ---- memory: one 1 MB event to 1,000 endpoints that never answer --------------------------------
  const hangingHooks = await hooks(
    hanging.principal,
    Array.from({ length: HANGING_ENDPOINTS }, (_, i) => hangingUrl(i)),
    'case.created',
  );
  await Bun.sleep(500);
  Bun.gc(true);
  const rssBefore = rssMb();
  let rssPeak = rssBefore;
  await service.publisher.publishNow({
    tenantId: hanging.tenantId,
    type: 'case.created',
    data: { case_id: 'big', blob: 'x'.repeat(1_000_000) },
  });
  const sampleUntil = performance.now() + (quick ? 4000 : 8000);
  while (performance.now() < sampleUntil) {
    rssPeak = Math.max(rssPeak, rssMb());
    await Bun.sleep(100);
  }
  const [inFlight] = await service.db.query<{ n: number }>(
    `select count(*)::int as n from webhook_deliveries where tenant_id = $1 and state = 'sending'`,
    [hanging.tenantId],
  );
  figure('isolation', 'rss_mb_growth_1mb_event_1000_hanging', rssPeak - rssBefore, 'MB', {
    rss_mb_before: Math.round(rssBefore),
    rss_mb_peak: Math.round(rssPeak),
    requests_hanging: inFlight?.n,
  });

  // ---- beside 1,000 hanging endpoints --------------------------------------------------------
  for (let i = 0; i < 5; i++)
    await service.publisher.publishNow({
      tenantId: hanging.tenantId,
      type: 'case.created',
      data: { case_id: `h${i}` },
    });
  await Bun.sleep(500);
  cpu = cpuWindow();
  const besideHanging = report('beside_hanging', await quietWindow(quietPublish), cpu());
  figure('isolation', 'beside_hanging_vs_alone_p99', besideHanging / Math.max(1, alone), 'x');
  await removeHooks(hanging.principal, hangingHooks);

  // ---- the burst through pg-boss ---------------------------------------------------------------
  await service.workers.stop();
  await boss.subscribe(BURST_ENDPOINTS, receiverUrl('/burst/boss'), 'case.updated');
  await boss.subscribe(1, receiverUrl('/quiet/boss'), 'incident.created');
  boss.startWorkers();
  await resetStats();
  const bossBurst = async (events: number) => {
    for (let i = 0; i < events; i++) await boss.publish('case.updated', { case_id: `b${i}` });
    boss.wake();
  };
  await bossBurst(Math.max(100, (WINDOW_S * 4500) / BURST_ENDPOINTS));
  cpu = cpuWindow();
  const bossLatencies = await quietWindow(async (data) => {
    await boss.publish('incident.created', data);
    boss.wake();
  });
  const bossCpu = cpu();
  const bossBeside = report('beside_burst_pgboss', bossLatencies, bossCpu, {
    burst_delivered_in_window: (await stats()).burst,
  });
  figure('isolation', 'engine_vs_pgboss_beside_burst_p99', besideBurst / Math.max(1, bossBeside), 'x');
  await boss.stopWorkers();

  // ---- a single tenant's drain: fair claim against due order -----------------------------------------
  await service.db.query(DUE_ORDER_INDEX);
  const drainer = await tenant('drain');
  const drainHooks = await hooks(
    drainer.principal,
    Array.from({ length: 100 }, (_, i) => receiverUrl(`/burst/drain${i}`)),
    'incident.updated',
  );
  const events = quick ? 50 : 300;
  const drain = async (label: string, claimer?: typeof Claimer) => {
    const since = new Date(service.actors.clock.now()).toISOString();
    for (let i = 0; i < events; i++)
      await service.publisher.publishNow({ tenantId: drainer.tenantId, type: 'incident.updated', data: { i } });
    await service.db.query('vacuum analyze webhook_deliveries');
    const dispatcher = new Dispatcher({
      db: service.db,
      actors: service.actors,
      steps: service.webhooks.dispatcher.steps,
      subscriptions: service.webhooks.subscriptions,
      box: service.box,
      config: service.config,
      wakeup: new DeliveryWakeup(service.db),
      announce: async () => {},
      log: silentLogger,
      metrics: new Metrics(),
      claimer: claimer ? (...args) => new claimer(...args) : undefined,
    });
    const total = events * drainHooks.length;
    const own = cpuWindow();
    const start = performance.now();
    await dispatcher.start();
    for (;;) {
      const [done] = await service.db.query<{ n: number }>(
        `select count(*)::int as n from webhook_deliveries where tenant_id = $1 and state = 'succeeded' and created_at >= $2::timestamptz`,
        [drainer.tenantId, since],
      );
      if ((done?.n ?? 0) >= total) break;
      await Bun.sleep(100);
    }
    const perS = total / ((performance.now() - start) / 1000);
    await dispatcher.stop();
    figure('isolation', `drain_per_s_${label}`, perS, '1/s', { deliveries: total, ...own(), load: load() });
    return perS;
  };
  const fairRate = await drain('fair');
  const dueRate = await drain('due_order', DueOrderClaimer);
  figure('isolation', 'drain_fair_vs_due_order', fairRate / dueRate, 'x');
  await removeHooks(drainer.principal, drainHooks);

  // ---- one claim's time, fair against due order, on the same data ------------------------------------
  const claimConfig: ClaimConfig = {
    webhookEndpointConcurrency: 8,
    leaseMs: 30_000,
    workerBatchSize: 200,
    workerPollMs: 1000,
    workerMaxInFlight: 1000,
    deliveryRetentionDays: 30,
  };
  /** A claimer as a fresh worker process has it (no cursors, no endpoints known to be full). */
  const fresh = (kind: typeof Claimer) => () =>
    new kind(
      service.db,
      service.actors,
      service.webhooks.dispatcher.steps,
      new EventBodies(),
      claimConfig,
      async () => {},
      { recorded: () => {}, leasesExpired: () => {} },
      silentLogger,
    );
  const claimers = { fair: fresh(Claimer), due_order: fresh(DueOrderClaimer) };
  /** Median ms of `rounds` claims by each claimer; what a claim moved into sending is put back before the next. */
  const timeClaims = async (shape: string, rounds: number) => {
    const out: Record<string, { ms: number; rows: number }> = {};
    for (const [name, make] of Object.entries(claimers)) {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < rounds; i++) {
        const c = make();
        const t0 = performance.now();
        const r = await c.claim({ inFlight: 0, inFlightByTenant: new Map(), inFlightByEndpoint: new Map() });
        times.push(performance.now() - t0);
        rows = r.sending.length;
        await service.db.query(
          `update webhook_deliveries set state = 'queued', prev_state = null, attempt = 0, due_at = created_at where state = 'sending' and tenant_id like 'ten_bench_%'`,
        );
      }
      times.sort((a, b) => a - b);
      out[name] = { ms: percentile(times, 0.5), rows };
    }
    figure('isolation', `claim_ms_${shape}`, out.fair!.ms, 'ms', {
      rows: out.fair!.rows,
      due_order_ms: Math.round(out.due_order!.ms * 100) / 100,
      due_order_rows: out.due_order!.rows,
    });
    figure('isolation', `claim_fair_vs_due_order_${shape}`, out.fair!.ms / out.due_order!.ms, 'x');
  };
  // Nothing but the synthetic data is due: what the cases above left (hanging requests whose
  // webhooks were deleted) would fire its timers inside the claims timed here.
  await service.db.query(`delete from webhook_deliveries where due_at is not null`);
  const [template] = await service.db.query<{ id: string }>(
    `select id from webhook_subscriptions where tenant_id = $1 limit 1`,
    [quiet.tenantId],
  );
  /** Synthetic tenants with `hooksEach` webhooks (copies of one real webhook) and `ready` queued deliveries spread over them. */
  const synthetic = async (prefix: string, tenants: number, hooksEach: number, ready: number) => {
    await service.db.query(
      `insert into tenants (id, name, approved_scopes) select 'ten_bench_${prefix}' || i, 'Bench ${prefix} ' || i, '{}' from generate_series(1, $1) i`,
      [tenants],
    );
    await service.db.query(
      `insert into webhook_subscriptions (id, tenant_id, url, events, secret_sealed, created_by, state, snapshot, status)
       select 'wh_bench_${prefix}' || t || '_' || h, 'ten_bench_${prefix}' || t, s.url, s.events, s.secret_sealed, s.created_by, s.state, s.snapshot, s.status
         from webhook_subscriptions s, generate_series(1, $2) t, generate_series(1, $3) h where s.id = $1`,
      [template!.id, tenants, hooksEach],
    );
    const [event] = await service.db.query<{ id: string; created_at: string }>(
      `select id, created_at::text from events where tenant_id = $1 order by created_at desc limit 1`,
      [quiet.tenantId],
    );
    await service.db.query(
      `insert into webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, created_at, state, entered_at, max_attempts, due_at)
       select 'dlv_bench_${prefix}' || i, 'ten_bench_${prefix}' || (1 + i % $1), 'wh_bench_${prefix}' || (1 + i % $1) || '_' || (1 + (i / $1) % $2),
              $4, 'incident.created', $5::timestamptz, 'queued', now(), 8, now() - interval '1 hour' + i * interval '1 microsecond'
         from generate_series(1, $3) i`,
      [tenants, hooksEach, ready, event!.id, event!.created_at],
    );
    await service.db.query('vacuum analyze webhook_deliveries');
    await service.db.query('analyze webhook_subscriptions');
  };
  const clearSynthetic = async (prefix: string) => {
    await service.db.query(`delete from webhook_deliveries where id like 'dlv_bench_${prefix}%'`);
    await service.db.query(`delete from webhook_subscriptions where id like 'wh_bench_${prefix}%'`);
    await service.db.query(`delete from tenants where id like 'ten_bench_${prefix}%'`);
  };
  await synthetic('one', 1, 200, quick ? 100_000 : 1_000_000);
  await timeClaims(quick ? '100k_one_tenant' : '1m_one_tenant', quick ? 5 : 15);
  await clearSynthetic('one');
  await synthetic('many', 10_000, 1, 30_000);
  await timeClaims('10k_tenants', quick ? 5 : 15);
  await clearSynthetic('many');
} finally {
  receivers.stop();
  await close();
}
