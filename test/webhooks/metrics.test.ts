// /metrics as an operator alerts on it: delivery outcomes, attempt latency, backlog by state
// and the oldest due delivery's age, the endpoint gates, lease expiries, process figures;
// every family listed in the README, and the whole text accepted by promtool.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { usingPostgres } from '../support/db.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

/** Real time, which the test can move ahead (a lease running out without waiting for it). */
const clock = { ahead: 0, now: () => Date.now() + clock.ahead };
let service: TestService;
const servers: Array<ReturnType<typeof Bun.serve>> = [];
const hung: Array<() => void> = [];

beforeAll(async () => {
  service = await startTestService({ workers: false, clock, env: { LEASE_MS: '6000', WEBHOOK_TIMEOUT_MS: '5000' } });
}, 30_000);
afterAll(async () => {
  for (const release of hung) release();
  await service.stop();
  for (const s of servers) s.stop(true);
});

function receiver(answer: () => Response | Promise<Response>): string {
  const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => answer() });
  servers.push(server);
  return `http://127.0.0.1:${server.port}/h`;
}

async function scrape(): Promise<string> {
  const res = await fetch(`${service.url}/metrics`);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4');
  return res.text();
}

/** A sample's value, by its name and labels as rendered (labels sorted by name). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`no sample ${series} in:\n${text}`);
  return Number(line.slice(series.length + 1));
}

async function until(what: () => Promise<boolean>, ms = 10_000) {
  for (const deadline = Date.now() + ms; !(await what()); ) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await Bun.sleep(50);
  }
}

/** On a shared Postgres other files' rows may count too; on PGlite the database is this file's. */
const expectCount = (value: number, n: number) =>
  usingPostgres ? expect(value).toBeGreaterThanOrEqual(n) : expect(value).toBe(n);

describe('/metrics', () => {
  test('outcomes, latency, backlog and its age, in flight by tenant, bodies held, lease expiries, as they happen', async () => {
    const t = await newTenant(service);
    const auth = { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' };
    const hooks: Array<[string, string]> = [
      [
        receiver(async () => {
          await Bun.sleep(30);
          return new Response('ok');
        }),
        'case.created',
      ],
      [receiver(() => new Response('gone', { status: 410 })), 'case.updated'],
      [
        receiver(() => new Promise<Response>((resolve) => hung.push(() => resolve(new Response('late'))))),
        'incident.created',
      ],
    ];
    for (const [url, type] of hooks) {
      const res = await fetch(`${service.url}/v1/webhooks`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ url, events: [type] }),
      });
      expect(res.status).toBe(201);
    }
    for (const type of ['case.created', 'case.created', 'case.created', 'case.updated', 'incident.created']) {
      const res = await fetch(`${service.url}/v1/events`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ type, data: {} }),
      });
      expect(res.status).toBe(202);
    }

    // No worker yet: five deliveries due, the oldest due for the second we wait.
    await Bun.sleep(1100);
    let text = await scrape();
    expectCount(sample(text, 'argus_delivery_backlog{state="queued"}'), 5);
    // By rank, not by id: on a shared database another file's tenant may rank above this one.
    expectCount(sample(text, 'argus_tenant_deliveries_ready{rank="1"}'), 5);
    expectCount(sample(text, 'argus_tenants_with_work{work="ready"}'), 1);
    expect(text).not.toContain(t.tenantId);
    expect(sample(text, 'argus_delivery_oldest_due_age_seconds')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'argus_delivery_oldest_due_age_seconds')).toBeLessThan(60);

    // One claim: three succeed, the 410 fails at once, one hangs at its gate's slot.
    await service.workers.tick();
    await until(
      async () => /argus_deliveries_completed_total\{state="succeeded"\} 3\b/.test(await scrape()) || usingPostgres,
    );
    await until(async () => sample(await scrape(), 'argus_deliveries_in_flight') === 1);
    text = await scrape();
    expectCount(sample(text, 'argus_deliveries_completed_total{state="succeeded"}'), 3);
    expectCount(sample(text, 'argus_deliveries_completed_total{state="failed"}'), 1);
    expectCount(sample(text, 'argus_delivery_attempt_duration_seconds_count{outcome="success"}'), 3);
    expectCount(sample(text, 'argus_delivery_attempt_duration_seconds_count{outcome="gone"}'), 1);
    // The successes took their receiver's 30 ms at least, and are in the buckets above it.
    expect(sample(text, 'argus_delivery_attempt_duration_seconds_sum{outcome="success"}')).toBeGreaterThanOrEqual(0.09);
    expect(sample(text, 'argus_delivery_attempt_duration_seconds_bucket{outcome="success",le="0.025"}')).toBe(0);
    // In flight by tenant: this tenant's one hung request; its event's body is the one held.
    expect(sample(text, 'argus_tenant_deliveries_in_flight{rank="1"}')).toBe(1);
    expect(sample(text, 'argus_tenants_with_work{work="in_flight"}')).toBe(1);
    expect(sample(text, 'argus_delivery_event_bodies{measure="events"}')).toBe(1);
    expect(sample(text, 'argus_delivery_event_bodies{measure="characters"}')).toBeGreaterThan(10);
    expectCount(sample(text, 'argus_delivery_backlog{state="sending"}'), 1);
    // None is left queued. The gauge counts every tenant's: on a shared Postgres another file's
    // retry may fall due meanwhile, so there this tenant's are counted in the table instead.
    if (!usingPostgres) expect(sample(text, 'argus_delivery_backlog{state="queued"}')).toBe(0);
    else {
      const [left] = await service.db.query<{ n: number }>(
        `select count(*)::int as n from webhook_deliveries where tenant_id = $1 and state = 'queued' and due_at is not null`,
        [t.tenantId],
      );
      expect(left!.n).toBe(0);
    }
    expect(sample(text, 'argus_delivery_lease_expiries_total')).toBe(0);

    // Its lease runs out (the clock jumps past LEASE_MS): the next claim takes it again.
    clock.ahead = 7_000;
    await service.workers.tick();
    text = await scrape();
    expectCount(sample(text, 'argus_delivery_lease_expiries_total'), 1);
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(sample(text, 'process_start_time_seconds')).toBeLessThanOrEqual(Date.now() / 1000);
    for (const release of hung.splice(0)) release();
  }, 60_000);

  test('every family is listed in docs/operating.md, and it lists no other', async () => {
    const families = [...(await scrape()).matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => m[1]).sort();
    const readme = readFileSync(join(import.meta.dir, '../../docs/operating.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- metrics:start -->'), readme.indexOf('<!-- metrics:end -->'));
    const listed = [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]).sort();
    expect(listed.length).toBeGreaterThan(10);
    expect(families).toEqual(listed);
  });

  // CI installs promtool (Debian's prometheus package); elsewhere the check runs where it is.
  const promtool = Bun.which('promtool') !== null || process.env.CI !== undefined;
  if (!promtool)
    console.log(
      'promtool check: skipped, promtool is not installed (apt-get install prometheus, or run `bash .ci/run`, which installs it)',
    );
  test.skipIf(!promtool)('promtool check metrics accepts the text', async () => {
    const proc = Bun.spawn(['promtool', 'check', 'metrics'], {
      stdin: new TextEncoder().encode(await scrape()),
      stdout: 'pipe',
      stderr: 'pipe',
    });
    const [out, err, code] = await Promise.all([
      new Response(proc.stdout).text(),
      new Response(proc.stderr).text(),
      proc.exited,
    ]);
    expect({ code, out, err }).toEqual({ code: 0, out: '', err: '' });
  });
});
