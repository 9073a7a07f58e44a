// What the database pays per unit of work, for the capacity model in the README: Postgres CPU
// (all the server's processes, from /proc) and WAL written, per published event (fan-out 1 and
// 10, 16 publishes in flight, the statement the API runs) and per delivery (drained by the
// engine to an instant loopback receiver), with this process's CPU per delivery and the
// database's growth per delivery beside them.
// The WAL is what a synchronous standby receives and what the disk writes before a commit.
import { figure, instantReceiver, machine, postgresCpuUs, quick, rate } from './support.ts';
import { webhookRig } from './setup/webhooks.ts';

const EVENTS = quick ? 400 : 3000;
const FANOUTS = [1, 10];

const receiver = instantReceiver();
const target = receiver.url;

const { service, tenant, principal, close } = await webhookRig();
const walBytes = async () =>
  Number(
    (await service.db.query<{ b: string }>(`select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text as b`))[0]!.b,
  );
const succeeded = async () =>
  (
    await service.db.query<{ n: number }>(
      `select count(*)::int as n from webhook_deliveries where status = 'succeeded'`,
    )
  )[0]!.n;

const databaseBytes = async () =>
  Number((await service.db.query<{ b: string }>(`select pg_database_size(current_database())::text as b`))[0]!.b);

/** Postgres CPU µs, WAL bytes and this process's CPU µs of `work`, each divided by `units`. */
async function cost(units: number, work: () => Promise<void>) {
  const [pg0, wal0, own0] = [postgresCpuUs(), await walBytes(), process.cpuUsage()];
  await work();
  const own = process.cpuUsage(own0);
  const [pg1, wal1] = [postgresCpuUs(), await walBytes()];
  return {
    pgUs: pg0 !== null && pg1 !== null ? (pg1 - pg0) / units : null,
    walBytes: (wal1 - wal0) / units,
    processUs: (own.user + own.system) / units,
  };
}

try {
  let webhooks = 0;
  let delivered = await succeeded();
  const data = (i: number) => ({ case_id: `case_${i}`, summary: 'x'.repeat(200) });
  for (const fanout of FANOUTS) {
    await service.workers.stop();
    while (webhooks < fanout) {
      await service.webhooks.create(principal, { url: target, events: ['case.updated'] });
      webhooks++;
    }
    await service.db.query('checkpoint');
    const size0 = await databaseBytes();
    const publish = await cost(EVENTS, async () => {
      await rate(EVENTS, 16, (i) =>
        service.publisher.publishNow({ tenantId: tenant.tenantId, type: 'case.updated', data: data(i) }),
      );
    });
    const deliveries = EVENTS * fanout;
    const drain = await cost(deliveries, async () => {
      await service.workers.start();
      const start = performance.now();
      while ((await succeeded()) < delivered + deliveries) {
        if (performance.now() - start > 600_000) throw new Error('bench timed out');
        await Bun.sleep(50);
      }
    });
    delivered += deliveries;
    // What a delivery leaves in the database (its row, its attempt, their indexes and its event's share), until retention drops it.
    const stored = ((await databaseBytes()) - size0) / deliveries;
    const label = `fanout_${fanout}`;
    const extra = { machine, events: EVENTS, fanout };
    if (publish.pgUs !== null) figure('capacity', `postgres_cpu_us_per_publish_${label}`, publish.pgUs, 'us', extra);
    figure('capacity', `wal_bytes_per_publish_${label}`, publish.walBytes, 'B', extra);
    if (drain.pgUs !== null) figure('capacity', `postgres_cpu_us_per_delivery_${label}`, drain.pgUs, 'us', extra);
    figure('capacity', `wal_bytes_per_delivery_${label}`, drain.walBytes, 'B', extra);
    figure('capacity', `process_cpu_us_per_delivery_${label}`, drain.processUs, 'us', extra);
    figure('capacity', `stored_bytes_per_delivery_${label}`, stored, 'B', extra);
    if (publish.pgUs !== null && drain.pgUs !== null) {
      // One delivery's whole share of the database: its own cost and its part of the publish.
      const perDelivery = drain.pgUs + publish.pgUs / fanout;
      figure('capacity', `postgres_cpu_us_per_delivered_${label}`, perDelivery, 'us', extra);
      figure('capacity', `deliveries_per_s_per_postgres_core_${label}`, 1e6 / perDelivery, '1/s', extra);
    }
  }
} finally {
  await close();
  receiver.stop();
}
