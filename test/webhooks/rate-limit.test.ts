// A per-webhook rate limit ("rate_limit": {"per_second": N}): a token bucket in the database,
// shared by every worker process; what is over the limit waits queued in the database.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import type { Subprocess } from 'bun';
import { databaseUrl, usingPostgres } from '../support/db.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { api as callApi, Receivers, until } from '../support/webhooks.ts';

let service: TestService;
const receivers = new Receivers();

beforeAll(async () => {
  service = await startTestService();
}, 30_000);
afterAll(async () => {
  receivers.stop();
  await service.stop();
});

/**
 * The most requests seen in any window of `seconds`, against what a bucket of `rate` tokens
 * refilled at `rate` a second allows in it (a full bucket, then the refill).
 */
function worstWindow(times: number[], rate: number, seconds: number) {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i++) {
    let n = 0;
    while (i + n < sorted.length && sorted[i + n]! - sorted[i]! <= seconds * 1000) n++;
    most = Math.max(most, n);
  }
  return { most, allowed: rate + rate * seconds + 1 };
}

async function burst(baseUrl: string, token: string, n: number) {
  for (let i = 0; i < n; i++) {
    const res = await callApi(baseUrl, 'POST', '/v1/events', token, { type: 'case.updated', data: { i } });
    expect(res.status).toBe(202);
  }
}

describe('rate limits', () => {
  test('are set, shown, removed and checked on the webhook', async () => {
    const t = await newTenant(service);
    const api = (method: string, path: string, body?: unknown) =>
      callApi(service.url, method, path, t.adminToken, body);
    const r = receivers.start();
    const created = await api('POST', '/v1/webhooks', {
      url: r.url,
      events: ['case.updated'],
      rate_limit: { per_second: 5 },
    });
    expect(created).toMatchObject({ status: 201, body: { rate_limit: { per_second: 5 } } });
    const id = created.body.id as string;
    for (const bad of [
      { per_second: 0 },
      { per_second: 10_001 },
      { per_second: 1.5 },
      { per_second: '5' },
      { every: 5 },
      5,
    ]) {
      const res = await api('PUT', `/v1/webhooks/${id}`, { rate_limit: bad });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid_request');
    }
    expect((await api('GET', `/v1/webhooks/${id}`)).body.rate_limit).toEqual({ per_second: 5 });
    expect((await api('PUT', `/v1/webhooks/${id}`, { rate_limit: null })).body.rate_limit).toBeNull();
    expect((await api('DELETE', `/v1/webhooks/${id}`)).status).toBe(204);
  });

  test('hold a burst to the limit; the rest waits queued and is sent as tokens come', async () => {
    const t = await newTenant(service);
    const r = receivers.start();
    const id = (
      await callApi(service.url, 'POST', '/v1/webhooks', t.adminToken, {
        url: r.url,
        events: ['case.updated'],
        rate_limit: { per_second: 5 },
      })
    ).body.id as string;
    await burst(service.url, t.adminToken, 20);
    await until('a first bucket', async () => r.got.length >= 5);
    const { queued } = (
      await service.db.query<{ queued: number }>(
        `select count(*)::int as queued from webhook_deliveries where subscription_id = $1 and state = 'queued'`,
        [id],
      )
    )[0]!;
    expect(queued).toBeGreaterThan(5);
    await until('every delivery', async () => r.got.length === 20, 600);
    const times = r.got.map((g) => g.at);
    for (const seconds of [0.5, 1, 2]) {
      const w = worstWindow(times, 5, seconds);
      expect(w.most).toBeLessThanOrEqual(w.allowed);
    }
    // 20 requests at 5 a second after a bucket of 5: three seconds at least.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(2_800);
    expect((await callApi(service.url, 'DELETE', `/v1/webhooks/${id}`, t.adminToken)).status).toBe(204);
  }, 30_000);

  test.skipIf(!usingPostgres)(
    'hold across two worker processes',
    async () => {
      await service.workers.stop();
      const root = join(import.meta.dir, '../..');
      const env = {
        ...process.env,
        DATABASE_URL: databaseUrl ?? '',
        WORKER_POLL_MS: '50',
        ALLOW_PRIVATE_TARGETS: 'true',
        LOG_LEVEL: 'error',
      };
      const workers: Subprocess[] = [];
      try {
        const t = await newTenant(service);
        const r = receivers.start();
        const id = (
          await callApi(service.url, 'POST', '/v1/webhooks', t.adminToken, {
            url: r.url,
            events: ['case.updated'],
            rate_limit: { per_second: 4 },
          })
        ).body.id as string;
        for (let i = 0; i < 2; i++)
          workers.push(
            Bun.spawn([process.execPath, 'src/cli.ts', 'worker'], {
              cwd: root,
              env,
              stdout: 'ignore',
              stderr: 'inherit',
            }),
          );
        await burst(service.url, t.adminToken, 16);
        await until('every delivery', async () => r.got.length >= 16, 800);
        const w = worstWindow(
          r.got.map((g) => g.at),
          4,
          1,
        );
        expect(w.most).toBeLessThanOrEqual(w.allowed);
        expect(new Set(r.got.map((g) => g.headers['webhook-id'])).size).toBe(16);
        expect((await callApi(service.url, 'DELETE', `/v1/webhooks/${id}`, t.adminToken)).status).toBe(204);
      } finally {
        for (const w of workers) w.kill('SIGTERM');
        for (const w of workers) await w.exited;
      }
    },
    60_000,
  );
});
