// Webhook fan-out end to end on a real Postgres: events published, deliveries signed, POSTed
// to a loopback receiver and their attempts recorded; beside, in the same run and against the
// same receiver, (a) the bare loopback HTTP ceiling and (d) the same deliveries through a
// tuned pg-boss queue (bench/baselines/pgboss.ts) in its own database on the same server.
// Then (c) publish-to-receive latency at a fixed 1,000 deliveries/s and the worker's memory
// while it drains a 1,000,000-delivery backlog (100,000 with --quick), and (e) the cost of TLS
// per delivery: the same fan-out to the receiver over HTTPS and over plain HTTP; (h) one ordered
// line to a receiver that takes 10 ms, against that receiver's own pace; (i) each publish's time
// at a steady 1,000 publishes/s.
import { loadavg } from 'node:os';
import { benchPki, figure, machine, quick, rate } from './support.ts';
import { webhookRig } from './setup/webhooks.ts';
import { startTracing } from '../src/telemetry/tracing.ts';

const received = { count: 0, latencies: [] as number[], clientPorts: new Set<number>() };
const receive = async (req: Request, server: { requestIP(r: Request): { port: number } | null }) => {
  const body = (await req.json()) as { data?: { sent_at?: number } };
  received.count++;
  // One client port per connection: how many connections (TLS handshakes) a case opened.
  received.clientPorts.add(server.requestIP(req)?.port ?? 0);
  if (body.data?.sent_at) received.latencies.push(performance.timeOrigin + performance.now() - body.data.sent_at);
  return new Response('ok');
};
const receiver = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: receive });
const target = `http://127.0.0.1:${receiver.port}/hook`;
// The same receiver over HTTPS, with a certificate of a CA made for the run (WEBHOOK_CA_FILE).
const leaf = benchPki.leaf;
const tlsReceiver = Bun.serve({
  port: 0,
  hostname: '127.0.0.1',
  tls: { cert: leaf.cert, key: leaf.key },
  fetch: receive,
});

async function until(done: () => boolean | Promise<boolean>, limitMs: number) {
  const start = performance.now();
  while (!(await done())) {
    if (performance.now() - start > limitMs) throw new Error('bench timed out');
    // Each check counts rows in the database under test: checked too often, it takes the CPU
    // it is measuring (10 ms at 20 ms intervals over 60,000 rows).
    await Bun.sleep(100);
  }
}

const load = () => loadavg().map((l) => Math.round(l * 100) / 100);
const rssMb = () => Math.round(process.memoryUsage.rss() / 2 ** 20);

// (a) the ceiling: bare POSTs to the same receiver
const ceilingN = quick ? 3000 : 20000;
const ceiling = await rate(ceilingN, 64, () =>
  fetch(target, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }).then((r) =>
    r.arrayBuffer(),
  ),
);
figure('fanout', 'http_ceiling_per_s', ceiling, '1/s', { machine, load: load() });

const { service, boss, tenant, principal, close } = await webhookRig({ WEBHOOK_CA_FILE: benchPki.caFile });
try {
  // Subscriptions are created seconds before they are used; autovacuum would analyze the table
  // within a minute in a running system. Without statistics the planner scans the tenant's
  // subscriptions on every publish, so both sides analyze after creating them.
  const subscribe = async (n: number, type: string) => {
    for (let i = 0; i < n; i++) await service.webhooks.create(principal, { url: target, events: [type] });
    await service.db.query('analyze webhook_subscriptions');
  };
  /** Removes every webhook subscribed to `type` (a case's own, when it is done). */
  const unsubscribe = async (type: string) => {
    const rows = await service.db.query<{ id: string }>(
      `select id from webhook_subscriptions where tenant_id = $1 and deleted_at is null and $2 = any(events)`,
      [tenant.tenantId, type],
    );
    for (const { id } of rows) await service.webhooks.remove(principal, id);
  };
  const publish = (type: string, data: Record<string, unknown>) =>
    service.publisher.publishNow({ tenantId: tenant.tenantId, type, data });
  const succeeded = async (type: string) =>
    (
      await service.db.query<{ n: number }>(
        `select count(*)::int as n from webhook_deliveries where event_type = $1 and status = 'succeeded'`,
        [type],
      )
    )[0]!.n;

  // (b) and (d): sustained deliveries per second for fan-outs of 1, 100 and 10,000 (1,000
  // with --quick), the engine then pg-boss for each, so both see the same machine state.
  const cases: Array<[string, string, number, number]> = [
    ['fanout_1', 'case.created', 1, quick ? 1000 : 5000],
    ['fanout_100', 'case.updated', 100, quick ? 10 : 300],
    [quick ? 'fanout_1000' : 'fanout_10000', 'incident.created', quick ? 1000 : 10000, quick ? 1 : 3],
  ];
  let best = 0;
  let bestBoss = 0;
  const engineByLabel = new Map<string, number>();
  for (const [label, type, subs, events] of cases) {
    const total = subs * events;
    await subscribe(subs, type);
    let start = performance.now();
    await rate(events, 16, (i) => publish(type, { i }));
    // End to end means the attempt is recorded too, not only received.
    await until(async () => (await succeeded(type)) >= total, 600_000);
    const perS = total / ((performance.now() - start) / 1000);
    best = Math.max(best, perS);
    engineByLabel.set(label, perS);
    figure('fanout', `engine_deliveries_per_s_${label}`, perS, '1/s', { machine, deliveries: total, load: load() });

    await service.workers.stop();
    await boss.subscribe(subs, target, type);
    const before = await boss.completed();
    boss.startWorkers();
    start = performance.now();
    await rate(events, 16, async (i) => {
      await boss.publish(type, { i });
      boss.wake();
    });
    await until(async () => (await boss.completed()) - before >= total, 600_000);
    const bossPerS = total / ((performance.now() - start) / 1000);
    bestBoss = Math.max(bestBoss, bossPerS);
    await boss.stopWorkers();
    await service.workers.start();
    figure('fanout', `pgboss_deliveries_per_s_${label}`, bossPerS, '1/s', { machine, deliveries: total, load: load() });
    figure('fanout', `engine_vs_pgboss_${label}`, perS / bossPerS, 'x');
  }
  // (f) What tracing costs: fan-out 100 with tracing off, then on (a publish span per event and
  // a span per attempt, exported over OTLP/HTTP in batches to a loopback collector that reads
  // them), alternated for a few rounds so that both see the same machine.
  const tracedEvents = quick ? 20 : 300;
  const rounds = quick ? 2 : 3;
  let spans = 0;
  const collector = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (req) => {
      spans += ((await req.text()).match(/"kind"/g) ?? []).length;
      return Response.json({});
    },
  });
  const tracedMs = { off: 0, on: 0 };
  // One type no other case of this bench publishes, the same 100 subscriptions for every run.
  const tracedType = 'incident.closed';
  await subscribe(100, tracedType);
  for (let round = 0; round < rounds; round++) {
    for (const mode of ['off', 'on'] as const) {
      const tracing =
        mode === 'on'
          ? startTracing({
              url: `http://127.0.0.1:${collector.port}/v1/traces`,
              serviceName: 'argus-bench',
              headers: {},
            })
          : null;
      const before = await succeeded(tracedType);
      const start = performance.now();
      await rate(tracedEvents, 16, (i) => publish(tracedType, { i }));
      await until(async () => (await succeeded(tracedType)) - before >= 100 * tracedEvents, 600_000);
      tracedMs[mode] += performance.now() - start;
      await tracing?.shutdown();
    }
  }
  collector.stop(true);
  const tracedTotal = rounds * 100 * tracedEvents;
  const perSOff = tracedTotal / (tracedMs.off / 1000);
  const perSOn = tracedTotal / (tracedMs.on / 1000);
  figure('fanout', 'engine_deliveries_per_s_fanout_100_tracing_off', perSOff, '1/s', {
    machine,
    deliveries: tracedTotal,
    load: load(),
  });
  figure('fanout', 'engine_deliveries_per_s_fanout_100_tracing_on', perSOn, '1/s', {
    machine,
    deliveries: tracedTotal,
    spans_exported: spans,
    load: load(),
  });
  figure('fanout', 'tracing_on_vs_off', perSOn / perSOff, 'x');
  // (g) Ordered delivery's cost: fan-out 100 again, to webhooks with "ordering": "fifo" (each
  // sends one at a time, in publish order: a claim, a request and a recorded result per
  // delivery, in turn), against the unordered fan-out 100 above. The type is tracing's, whose
  // unordered subscriptions go first.
  {
    const subs = 100;
    const events = quick ? 10 : 100;
    await unsubscribe('incident.closed');
    const before = await succeeded('incident.closed');
    for (let i = 0; i < subs; i++)
      await service.webhooks.create(principal, { url: target, events: ['incident.closed'], ordering: 'fifo' });
    await service.db.query('analyze webhook_subscriptions');
    const start = performance.now();
    await rate(events, 16, (i) => publish('incident.closed', { i }));
    await until(async () => (await succeeded('incident.closed')) - before >= subs * events, 600_000);
    const perS = (subs * events) / ((performance.now() - start) / 1000);
    figure('fanout', 'engine_deliveries_per_s_fanout_100_fifo', perS, '1/s', {
      machine,
      deliveries: subs * events,
      load: load(),
    });
    figure('fanout', 'fifo_vs_unordered_fanout_100', perS / engineByLabel.get('fanout_100')!, 'x');
    // The cases below publish this type too: left subscribed, these 100 one-at-a-time webhooks
    // would take every such publish as well and leave a backlog under the latency case.
    await unsubscribe('incident.closed');
  }

  // (h) One ordered line at its receiver's pace: a fifo webhook whose receiver takes 10 ms to
  // answer, its events published at once; the line's rate against the receiver's own pace (one
  // request at a time, back to back, with nothing between: 1,000 / its time per request).
  {
    const lineEvents = quick ? 100 : 300;
    let answered = 0;
    let answering = 0;
    const slow = Bun.serve({
      port: 0,
      hostname: '127.0.0.1',
      fetch: async () => {
        const t = performance.now();
        await Bun.sleep(10);
        answering += performance.now() - t;
        answered++;
        return new Response('ok');
      },
    });
    const line = await service.webhooks.create(principal, {
      url: `http://127.0.0.1:${slow.port}/hook`,
      events: ['incident.updated'],
      ordering: 'fifo',
    });
    const lineDone = async () =>
      (
        await service.db.query<{ n: number }>(
          `select count(*)::int as n from webhook_deliveries where subscription_id = $1 and status = 'succeeded'`,
          [line.id],
        )
      )[0]!.n >= lineEvents;
    const start = performance.now();
    await rate(lineEvents, 16, (i) => publish('incident.updated', { i }));
    await until(lineDone, 600_000);
    const perS = lineEvents / ((performance.now() - start) / 1000);
    const pace = 1000 / (answering / answered);
    figure('fanout', 'ordered_line_per_s_10ms_receiver', perS, '1/s', {
      machine,
      deliveries: lineEvents,
      receiver_pace_per_s: Math.round(pace),
      load: load(),
    });
    figure('fanout', 'ordered_line_vs_receiver_pace', perS / pace, 'x');
    await service.webhooks.remove(principal, line.id);
    slow.stop(true);
  }

  figure('fanout', 'engine_deliveries_per_s', best, '1/s', { machine });
  figure('fanout', 'pgboss_deliveries_per_s', bestBoss, '1/s', { machine });
  figure('fanout', 'engine_vs_pgboss', best / bestBoss, 'x');
  figure('fanout', 'engine_vs_http_ceiling', best / ceiling, 'x');

  // (e) the cost of TLS per delivery: 100 webhooks to the receiver by name (localhost, so both
  // resolve and pin alike), over plain HTTP and over HTTPS, in alternating rounds so that both
  // see the same machine load; the rate, and the CPU this process spends per delivery (workers,
  // publishers and the receiver, which decrypts what the workers encrypt). Connections are
  // pooled, so the handshakes are a few per round, not one per delivery.
  const TLS_FANOUT = 100;
  const tlsEvents = quick ? 30 : 100;
  const tlsRounds = quick ? 1 : 3;
  const tlsType = 'incident.closed';
  const perScheme = {
    http: { deliveries: 0, ms: 0, cpuUs: 0, connections: 0 },
    https: { deliveries: 0, ms: 0, cpuUs: 0, connections: 0 },
  };
  for (let round = 0; round < tlsRounds * 2; round++) {
    const scheme = round % 2 === 0 ? 'http' : 'https';
    const url =
      scheme === 'http' ? `http://localhost:${receiver.port}/hook` : `https://localhost:${tlsReceiver.port}/hook`;
    const ids: string[] = [];
    for (let i = 0; i < TLS_FANOUT; i++)
      ids.push((await service.webhooks.create(principal, { url, events: [tlsType] })).id);
    await service.db.query('analyze webhook_subscriptions');
    const total = TLS_FANOUT * tlsEvents;
    const done = async () =>
      (
        await service.db.query<{ n: number }>(
          `select count(*)::int as n from webhook_deliveries where subscription_id = any($1) and status = 'succeeded'`,
          [ids],
        )
      )[0]!.n >= total;
    received.clientPorts.clear();
    const cpu = process.cpuUsage();
    const start = performance.now();
    await rate(tlsEvents, 16, (i) => publish(tlsType, { i }));
    await until(done, 600_000);
    const spent = process.cpuUsage(cpu);
    Object.assign(perScheme[scheme], {
      deliveries: perScheme[scheme].deliveries + total,
      ms: perScheme[scheme].ms + performance.now() - start,
      cpuUs: perScheme[scheme].cpuUs + spent.user + spent.system,
      connections: perScheme[scheme].connections + received.clientPorts.size,
    });
    for (const id of ids) await service.webhooks.remove(principal, id);
  }
  const tlsRate = (s: 'http' | 'https') => perScheme[s].deliveries / (perScheme[s].ms / 1000);
  const tlsCpu = (s: 'http' | 'https') => perScheme[s].cpuUs / perScheme[s].deliveries;
  figure('fanout', 'engine_deliveries_per_s_http_by_name', tlsRate('http'), '1/s', {
    machine,
    deliveries: perScheme.http.deliveries,
    connections: perScheme.http.connections,
    rounds: tlsRounds,
    load: load(),
  });
  figure('fanout', 'engine_deliveries_per_s_https', tlsRate('https'), '1/s', {
    machine,
    deliveries: perScheme.https.deliveries,
    connections: perScheme.https.connections,
    rounds: tlsRounds,
  });
  figure('fanout', 'https_vs_http_rate', tlsRate('https') / tlsRate('http'), 'x');
  figure('fanout', 'process_cpu_us_per_delivery_http', tlsCpu('http'), 'us');
  figure('fanout', 'process_cpu_us_per_delivery_https', tlsCpu('https'), 'us');
  figure('fanout', 'https_vs_http_cpu', tlsCpu('https') / tlsCpu('http'), 'x');

  // (c) publish-to-receive latency at a fixed 1,000 deliveries/s: 100 events a second to 10
  // subscriptions each, for 10 s (3 s with --quick). It starts with nothing left to send by
  // the cases before it, so it measures latency, not a backlog draining.
  const unsent = async () =>
    (
      await service.db.query<{ n: number }>(
        `select count(*)::int as n from webhook_deliveries where status not in ('succeeded', 'failed', 'skipped')`,
      )
    )[0]!.n;
  const leftBefore = await unsent();
  await until(async () => (await unsent()) === 0, 600_000);
  const LAT_FANOUT = 10;
  await subscribe(LAT_FANOUT, 'incident.updated');
  received.latencies = [];
  const seconds = quick ? 3 : 10;
  const eventsPerS = 1000 / LAT_FANOUT;
  const sends: Promise<unknown>[] = [];
  const latStart = performance.now();
  for (let i = 0; i < seconds * eventsPerS; i++) {
    const wait = latStart + (i * 1000) / eventsPerS - performance.now();
    if (wait > 0) await Bun.sleep(wait);
    sends.push(publish('incident.updated', { sent_at: performance.timeOrigin + performance.now() }));
  }
  const achieved = (seconds * 1000) / ((performance.now() - latStart) / 1000);
  await Promise.all(sends);
  await until(() => received.latencies.length >= seconds * 1000, 120_000);
  const sorted = [...received.latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  figure('fanout', 'p50_ms_at_1000', pct(50), 'ms', {
    machine,
    fanout: LAT_FANOUT,
    offered_per_s: Math.round(achieved),
    unsent_before: leftBefore,
    load: load(),
  });
  figure('fanout', 'p99_ms_at_1000', pct(99), 'ms', { machine, fanout: LAT_FANOUT });

  // (i) Publishing at a steady 1,000 publishes/s (to the fan-out-1 webhook, delivered as it goes):
  // each publish's time from call to answer (its group's commit included), as the API's handler
  // sees it.
  {
    const publishSeconds = quick ? 3 : 10;
    const publishTimes: number[] = [];
    const pending: Promise<unknown>[] = [];
    const pubStart = performance.now();
    let issued = 0;
    while (issued < publishSeconds * 1000) {
      const due = Math.min(publishSeconds * 1000, Math.floor(performance.now() - pubStart) + 1);
      for (; issued < due; issued++) {
        const t = performance.now();
        pending.push(publish('case.created', { i: issued }).then(() => publishTimes.push(performance.now() - t)));
      }
      await Bun.sleep(1);
    }
    await Promise.all(pending);
    const offered = issued / ((performance.now() - pubStart) / 1000);
    publishTimes.sort((a, b) => a - b);
    const at = (q: number) => publishTimes[Math.min(publishTimes.length - 1, Math.floor(q * publishTimes.length))]!;
    figure('fanout', 'publish_p99_ms_at_1000', at(0.99), 'ms', {
      machine,
      p50_ms: Math.round(at(0.5) * 100) / 100,
      offered_per_s: Math.round(offered),
      load: load(),
    });
  }

  // The worker's memory under a backlog: workers stopped, 1,000,000 deliveries published (100
  // events to the 10,000 subscriptions of the fan-out case), then workers started and the
  // process's RSS sampled while they drain a bounded part of it. Claims are batched and capped
  // by WORKER_MAX_IN_FLIGHT, so memory should not follow the backlog.
  const backlog = quick ? 100_000 : 1_000_000;
  const backlogSubs = quick ? 1000 : 10000;
  await service.workers.stop();
  const backlogStart = performance.now();
  for (let i = 0; i < backlog / backlogSubs; i++) await publish('incident.created', { backlog: i });
  const publishPerS = backlog / ((performance.now() - backlogStart) / 1000);
  Bun.gc(true);
  const rssBefore = rssMb();
  const samples: number[] = [];
  const drainedBefore = received.count;
  await service.workers.start();
  const drainMs = quick ? 10_000 : 30_000;
  const drainStart = performance.now();
  while (performance.now() - drainStart < drainMs) {
    await Bun.sleep(250);
    samples.push(rssMb());
  }
  const drained = received.count - drainedBefore;
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const avg = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
  figure('fanout', quick ? 'rss_mb_backlog_100k' : 'rss_mb_backlog_1m', Math.max(...samples), 'MB', {
    machine,
    backlog,
    rss_before_mb: rssBefore,
    rss_first_quarter_mb: avg(samples.slice(0, quarter)),
    rss_last_quarter_mb: avg(samples.slice(-quarter)),
    drained,
    drain_s: drainMs / 1000,
    drain_per_s: Math.round(drained / (drainMs / 1000)),
    backlog_publish_per_s: Math.round(publishPerS),
    load: load(),
  });
} finally {
  await close();
  receiver.stop(true);
  tlsReceiver.stop(true);
}
