// Chaos, bounded: the database killed mid-burst and restarted, and a receiver that flaps.
// These run in the PostgreSQL pass of the suite only; the database they kill is a throwaway
// cluster of their own, never the shared server. Their figures are printed as JSON lines.
// (A worker SIGKILLed during ordered delivery: test/webhooks/ordered.test.ts.)
import { afterAll, describe, expect, test } from 'bun:test';
import { loadConfig } from '../../src/config.ts';
import { startService, type Service } from '../../src/main.ts';
import { createLogger, silentLogger } from '../../src/log.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usingPostgres } from '../support/db.ts';
import { freePort, newTenant, startTestService } from '../support/service.ts';
import { postgresBin, throwawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.ts';
import { api, until } from '../support/webhooks.ts';

const chaos = usingPostgres && postgresBin() !== null;
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function figure(name: string, values: Record<string, number>) {
  console.log(JSON.stringify({ chaos: name, ...values }));
}

describe('chaos', () => {
  test.skipIf(!chaos)(
    'the database SIGKILLed mid-burst and restarted: every acknowledged event is delivered',
    async () => {
      const pg: ThrowawayPostgres = await throwawayPostgres();
      cleanups.push(() => pg.destroy());
      const port = freePort();
      const service: Service = await startService(
        loadConfig({
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: `http://127.0.0.1:${port}`,
          DATABASE_URL: pg.url,
          DATA_DIR: mkdtempSync(join(tmpdir(), 'argus-chaos-')),
          ALLOW_PRIVATE_TARGETS: 'true',
          WORKER_POLL_MS: '100',
          LEASE_MS: '20000',
          WEBHOOK_TIMEOUT_MS: '5000',
          DB_POOL_MAX: '10',
        }),
        { http: true, workers: true, log: process.env.CHAOS_DEBUG ? createLogger('warn') : silentLogger },
      );
      cleanups.push(() => service.stop());
      const url = `http://127.0.0.1:${port}`;
      const t = await newTenant(service);
      const seen = new Map<string, number>();
      const receiver = Bun.serve({
        port: 0,
        hostname: '127.0.0.1',
        fetch: (req) => {
          const id = req.headers.get('webhook-id')!;
          seen.set(id, (seen.get(id) ?? 0) + 1);
          return new Response('ok');
        },
      });
      cleanups.push(async () => {
        receiver.stop(true);
      });
      expect(
        (
          await api(url, 'POST', '/v1/webhooks', t.adminToken, {
            url: `http://127.0.0.1:${receiver.port}/h`,
            events: ['case.updated'],
          })
        ).status,
      ).toBe(201);

      const TOTAL = 3000;
      const acknowledged = new Set<string>();
      let publishRetries = 0;
      let killedAt = 0;
      let restartedAt = 0;
      let lastAckAt = 0;
      const publish = async (i: number) => {
        // The integrator's loop: the same Idempotency-Key until the API acknowledges.
        for (;;) {
          try {
            const res = await api(
              url,
              'POST',
              '/v1/events',
              t.adminToken,
              { type: 'case.updated', data: { i } },
              { 'idempotency-key': `chaos-${i}` },
            );
            if (res.status === 202 || res.status === 200) {
              acknowledged.add(res.body.id as string);
              lastAckAt = Date.now();
              return;
            }
          } catch {
            // connection refused or reset while the database restarts: try again
          }
          publishRetries++;
          await Bun.sleep(100);
        }
      };
      const started = Date.now();
      const progress = process.env.CHAOS_DEBUG
        ? setInterval(
            () => console.log('progress', Date.now() - started, acknowledged.size, seen.size, publishRetries),
            2000,
          )
        : null;
      cleanups.push(async () => {
        if (progress) clearInterval(progress);
      });
      const publishing = (async () => {
        for (let i = 0; i < TOTAL; i += 10) await Promise.all(Array.from({ length: 10 }, (_, k) => publish(i + k)));
      })();
      await until('a third delivered', async () => seen.size >= TOTAL / 3, 2400);
      pg.kill();
      killedAt = Date.now();
      await Bun.sleep(1000);
      await pg.start();
      restartedAt = Date.now();
      await publishing;
      const apiBack = await until('the API answering', async () => (await fetch(`${url}/readyz`)).ok, 400);
      expect(apiBack).toBe(true);
      await until('every acknowledged event', async () => [...acknowledged].every((id) => seen.has(id)), 2400);
      const done = Date.now();
      const duplicates = [...seen.values()].reduce((n, c) => n + c - 1, 0);
      figure('postgres_sigkill', {
        acknowledged: acknowledged.size,
        delivered: [...acknowledged].filter((id) => seen.has(id)).length,
        duplicates,
        publish_retries: publishRetries,
        burst_ms: done - started,
        restart_to_all_delivered_ms: done - restartedAt,
        last_publish_to_all_delivered_ms: done - lastAckAt,
        down_ms: restartedAt - killedAt,
      });
      expect(acknowledged.size).toBe(TOTAL);
      // Duplicates: results that were in flight when the database died, at most a claimed batch's worth.
      expect(duplicates).toBeLessThanOrEqual(1000);
      // No long tail: nothing waited out its 20 s lease once publishing was over.
      expect(done - lastAckAt).toBeLessThan(20_000);
    },
    120_000,
  );

  test.skipIf(!usingPostgres)(
    'a receiver flapping every second for 30 s: every delivery arrives, retries on the schedule',
    async () => {
      const schedule = '0,1s,1s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s,2s';
      const delays = schedule.split(',').map((d) => (d === '0' ? 0 : Number(d.replace('s', '')) * 1000));
      const service = await startTestService({
        env: { WEBHOOK_RETRY_SCHEDULE: schedule, WORKER_POLL_MS: '200', WEBHOOK_TIMEOUT_MS: '500', LEASE_MS: '2000' },
      });
      cleanups.push(() => service.stop());
      const t = await newTenant(service);
      const port = freePort();
      const seen = new Set<string>();
      let server: ReturnType<typeof Bun.serve> | null = null;
      const up = () => {
        server = Bun.serve({
          port,
          hostname: '127.0.0.1',
          fetch: (req) => {
            seen.add(req.headers.get('webhook-id')!);
            return new Response('ok');
          },
        });
      };
      up();
      const hook = await api(service.url, 'POST', '/v1/webhooks', t.adminToken, {
        url: `http://127.0.0.1:${port}/h`,
        events: ['case.updated'],
      });
      expect(hook.status).toBe(201);
      const published: string[] = [];
      const start = Date.now();
      let flips = 0;
      while (Date.now() - start < 30_000) {
        for (let k = 0; k < 5; k++)
          published.push(
            (await api(service.url, 'POST', '/v1/events', t.adminToken, { type: 'case.updated', data: { k } })).body
              .id as string,
          );
        await Bun.sleep(1000 - ((Date.now() - start) % 1000));
        if (server) {
          (server as ReturnType<typeof Bun.serve>).stop(true);
          server = null;
        } else up();
        flips++;
      }
      if (!server) up();
      cleanups.push(async () => {
        (server as ReturnType<typeof Bun.serve> | null)?.stop(true);
      });
      await until('every delivery', async () => published.every((id) => seen.has(id)), 1200);
      // Each retry came after its delay on the schedule (±20 % jitter), and no later than the poll interval after it.
      const gaps = await service.db.query<{ attempt: number; gap_ms: number }>(
        `select b.attempt, extract(epoch from (b.started_at - a.attempted_at)) * 1000 as gap_ms
         from webhook_attempts a join webhook_attempts b on b.delivery_id = a.delivery_id and b.delivery_created_at = a.delivery_created_at and b.attempt = a.attempt + 1
        where a.subscription_id = $1`,
        [hook.body.id],
      );
      let worstLateMs = 0;
      for (const g of gaps) {
        const delay = delays[g.attempt - 1]!;
        expect(Number(g.gap_ms)).toBeGreaterThanOrEqual(delay * 0.8 - 20);
        worstLateMs = Math.max(worstLateMs, Number(g.gap_ms) - delay * 1.2);
      }
      expect(worstLateMs).toBeLessThanOrEqual(1000);
      const [failed] = await service.db.query<{ n: number }>(
        `select count(*)::int as n from webhook_deliveries where subscription_id = $1 and state = 'failed'`,
        [hook.body.id],
      );
      expect(failed!.n).toBe(0);
      figure('receiver_flapping', {
        published: published.length,
        delivered: published.filter((id) => seen.has(id)).length,
        flips,
        retries: gaps.length,
        worst_late_ms: Math.round(worstLateMs),
      });
      expect(gaps.length).toBeGreaterThan(0);
    },
    120_000,
  );
});
