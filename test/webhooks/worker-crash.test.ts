// Scale-out and crash safety on a real Postgres: two `argus worker` processes share the
// deliveries; one is SIGKILLed mid-burst; its leases expire and the other finishes the work.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import type { Subprocess } from 'bun';
import { databaseUrl, usingPostgres } from '../support/db.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

const root = join(import.meta.dir, '../..');
const BURST = 300;
const BATCH = 20;
let service: TestService;
const workers: Subprocess[] = [];
let receiver: ReturnType<typeof Bun.serve>;
const seen = new Map<string, number>();

const workerEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl ?? '',
  LEASE_MS: '3000',
  WEBHOOK_TIMEOUT_MS: '1000',
  WORKER_POLL_MS: '100',
  WORKER_BATCH_SIZE: String(BATCH),
  ALLOW_PRIVATE_TARGETS: 'true',
  LOG_LEVEL: 'error',
};

beforeAll(async () => {
  if (!usingPostgres) return;
  service = await startTestService({ workers: false, env: { LEASE_MS: '3000', WEBHOOK_TIMEOUT_MS: '1000' } });
  receiver = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (req) => {
      const id = req.headers.get('webhook-id')!;
      seen.set(id, (seen.get(id) ?? 0) + 1);
      await Bun.sleep(5);
      return new Response('ok');
    },
  });
}, 30_000);

afterAll(async () => {
  for (const w of workers) w.kill('SIGKILL');
  receiver?.stop(true);
  await service?.stop();
});

describe('workers', () => {
  test.skipIf(!usingPostgres)(
    'a worker SIGKILLed mid-burst loses nothing; duplicates stay within one claimed batch',
    async () => {
      const t = await newTenant(service);
      const auth = { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' };
      const hook = await fetch(`${service.url}/v1/webhooks`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ url: `http://127.0.0.1:${receiver.port}/h`, events: ['case.updated'] }),
      });
      expect(hook.status).toBe(201);
      for (let i = 0; i < 2; i++) {
        workers.push(
          Bun.spawn([process.execPath, 'src/cli.ts', 'worker'], {
            cwd: root,
            env: workerEnv,
            stdout: 'ignore',
            stderr: 'inherit',
          }),
        );
      }
      const published: string[] = [];
      for (let i = 0; i < BURST; i++) {
        const res = await fetch(`${service.url}/v1/events`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ type: 'case.updated', data: { i } }),
        });
        published.push(((await res.json()) as { id: string }).id);
        if (i === BURST / 3) workers[0]!.kill('SIGKILL');
      }
      expect(await workers[0]!.exited).not.toBe(0);
      for (let i = 0; i < 600 && published.some((id) => !seen.has(id)); i++) await Bun.sleep(50);
      expect(published.filter((id) => !seen.has(id))).toEqual([]);
      const duplicates = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
      expect(duplicates).toBeLessThanOrEqual(BATCH);
      workers[1]!.kill('SIGTERM');
      expect(await workers[1]!.exited).toBe(0);
    },
    90_000,
  );
});
