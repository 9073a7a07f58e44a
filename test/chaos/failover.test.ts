// Failover mid-burst (PostgreSQL pass only): a primary with a synchronous standby of the test's
// own, the service on the multi-host DATABASE_URL, a burst published with Idempotency-Keys
// (503s and refused connections retried with the same key, as the docs tell integrators). A
// third of the way into the publishing, the primary is stopped at once and the standby
// promoted a second later, as a failover manager does. Every acknowledged publish must reach the webhook; the figures (duplicates,
// publish retries, how soon the API answers and deliveries resume) print as a JSON line.
import { afterAll, describe, expect, test } from 'bun:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { startService, type Service } from '../../src/main.ts';
import { createLogger, silentLogger } from '../../src/log.ts';
import { usingPostgres } from '../support/db.ts';
import { freePort, newTenant } from '../support/service.ts';
import { postgresBin, throwawayPair } from '../support/throwaway-postgres.ts';
import { api, until } from '../support/webhooks.ts';

const runs = usingPostgres && postgresBin() !== null;
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('failover', () => {
  test.skipIf(!runs)(
    'the primary stopped mid-burst and the standby promoted: nothing acknowledged is lost',
    async () => {
      const pair = await throwawayPair();
      cleanups.push(() => pair.destroy());
      const port = freePort();
      const service: Service = await startService(
        loadConfig({
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: `http://127.0.0.1:${port}`,
          DATABASE_URL: pair.url,
          DATA_DIR: mkdtempSync(join(tmpdir(), 'argus-failover-')),
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
      let lastSeenAt = 0;
      const receiver = Bun.serve({
        port: 0,
        hostname: '127.0.0.1',
        fetch: (req) => {
          const id = req.headers.get('webhook-id')!;
          seen.set(id, (seen.get(id) ?? 0) + 1);
          lastSeenAt = Date.now();
          return new Response('ok');
        },
      });
      cleanups.push(async () => {
        receiver.stop(true);
      });
      const hook = await api(url, 'POST', '/v1/webhooks', t.adminToken, {
        url: `http://127.0.0.1:${receiver.port}/h`,
        events: ['case.updated'],
      });
      expect(hook.status).toBe(201);

      const TOTAL = 3000;
      const acknowledged = new Set<string>();
      let publishRetries = 0;
      let firstAckAfterPromotion = 0;
      let promotedAt = 0;
      const publish = async (i: number) => {
        for (;;) {
          try {
            const res = await api(
              url,
              'POST',
              '/v1/events',
              t.adminToken,
              { type: 'case.updated', data: { i } },
              { 'idempotency-key': `failover-${i}` },
            );
            if (res.status === 202 || res.status === 200) {
              acknowledged.add(res.body.id as string);
              if (promotedAt && !firstAckAfterPromotion) firstAckAfterPromotion = Date.now();
              return;
            }
            if (res.status !== 503) throw new Error(`publish answered ${res.status}: ${JSON.stringify(res.body)}`);
          } catch (error) {
            if (error instanceof Error && error.message.startsWith('publish answered')) throw error;
            // the connection was refused or reset: try again with the same key
          }
          publishRetries++;
          await Bun.sleep(100);
        }
      };
      const started = Date.now();
      const publishing = (async () => {
        for (let i = 0; i < TOTAL; i += 10) await Promise.all(Array.from({ length: 10 }, (_, k) => publish(i + k)));
      })();
      await until('a third acknowledged', async () => acknowledged.size >= TOTAL / 3, 2400);
      await pair.stopPrimary();
      const stoppedAt = Date.now();
      await Bun.sleep(1000); // what a failover manager takes to decide
      await pair.promote();
      promotedAt = Date.now();
      const seenAtPromotion = seen.size;
      await until('deliveries after the promotion', async () => seen.size > seenAtPromotion, 1200);
      const resumedAt = lastSeenAt;
      await publishing;
      await until('every acknowledged event', async () => [...acknowledged].every((id) => seen.has(id)), 2400);
      const done = Date.now();
      const duplicates = [...seen.values()].reduce((n, c) => n + c - 1, 0);
      const apiBackMs = (firstAckAfterPromotion || done) - promotedAt;
      const resumeMs = resumedAt - promotedAt;
      console.log(
        JSON.stringify({
          failover: 'primary_stopped_standby_promoted',
          acknowledged: acknowledged.size,
          delivered: [...acknowledged].filter((id) => seen.has(id)).length,
          duplicates,
          publish_retries: publishRetries,
          primary_down_to_promotion_ms: promotedAt - stoppedAt,
          api_back_after_promotion_ms: apiBackMs,
          deliveries_resumed_after_promotion_ms: resumeMs,
          burst_ms: done - started,
        }),
      );
      expect(acknowledged.size).toBe(TOTAL);
      expect([...acknowledged].every((id) => seen.has(id))).toBe(true);
      expect(apiBackMs).toBeLessThanOrEqual(10_000);
      expect(resumeMs).toBeLessThanOrEqual(apiBackMs + 10_000);
    },
    300_000,
  );
});
