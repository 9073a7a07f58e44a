// The Postgres connections dropped mid-burst: requests in flight get a 503 they can retry,
// the workers recover on their own, and every accepted event is delivered.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createPostgresDb } from '../../src/db/postgres.ts';
import { databaseUrl, usingPostgres } from '../support/db.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

let service: TestService;
let receiver: ReturnType<typeof Bun.serve>;
const seen = new Set<string>();

beforeAll(async () => {
  if (!usingPostgres) return;
  service = await startTestService({ env: { LEASE_MS: '3000', WEBHOOK_TIMEOUT_MS: '1000' } });
  receiver = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: (req) => {
      seen.add(req.headers.get('webhook-id')!);
      return new Response('ok');
    },
  });
}, 30_000);
afterAll(async () => {
  receiver?.stop(true);
  await service?.stop();
});

describe('database connection loss', () => {
  test.skipIf(!usingPostgres)(
    'every accepted event is delivered after the connections are killed mid-burst',
    async () => {
      const t = await newTenant(service);
      const auth = { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' };
      await fetch(`${service.url}/v1/webhooks`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ url: `http://127.0.0.1:${receiver.port}/h`, events: ['incident.updated'] }),
      });
      const admin = createPostgresDb(databaseUrl!, { max: 1 });
      const accepted: string[] = [];
      const statuses = new Set<number>();
      try {
        for (let i = 0; i < 150; i++) {
          if (i === 50)
            await admin.query(
              `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'argus' and pid <> pg_backend_pid() and datname = current_database()`,
            );
          // A client retries a 503 with the same Idempotency-Key: nothing is lost or doubled.
          for (let attempt = 0; attempt < 20; attempt++) {
            const res = await fetch(`${service.url}/v1/events`, {
              method: 'POST',
              headers: { ...auth, 'idempotency-key': `drop-${i}` },
              body: JSON.stringify({ type: 'incident.updated', data: { i } }),
            });
            statuses.add(res.status);
            if (res.status === 202 || res.status === 200) {
              accepted.push(((await res.json()) as { id: string }).id);
              break;
            }
            expect(res.status).toBe(503);
            await Bun.sleep(50);
          }
        }
      } finally {
        await admin.close();
      }
      expect(accepted).toHaveLength(150);
      expect([...statuses].every((s) => s === 202 || s === 200 || s === 503)).toBe(true);
      for (let i = 0; i < 400 && accepted.some((id) => !seen.has(id)); i++) await Bun.sleep(50);
      expect(accepted.filter((id) => !seen.has(id))).toEqual([]);
    },
    90_000,
  );
});
