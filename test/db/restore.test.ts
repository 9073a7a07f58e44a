// Backup and restore (PostgreSQL pass): a dump of a running install (pg_dump, as the README's
// procedure for small installs says) restored into a fresh database serves and delivers with
// the same MASTER_KEY: tokens issued before verify, the same keys sign, and a delivery that was
// pending when the dump was taken is delivered once its receiver answers.
import { afterAll, describe, expect, test } from 'bun:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { startService, type Service } from '../../src/main.ts';
import { silentLogger } from '../../src/log.ts';
import { scratchDatabase } from '../../src/db/scratch.ts';
import { databaseUrl, usingPostgres } from '../support/db.ts';
import { freePort, newTenant } from '../support/service.ts';
import { postgresBin } from '../support/throwaway-postgres.ts';
import { api, until } from '../support/webhooks.ts';

const runs = usingPostgres && postgresBin() !== null;
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function run(cmd: string[]): Promise<void> {
  const p = Bun.spawn(cmd, { stdout: 'pipe', stderr: 'pipe' });
  if ((await p.exited) !== 0) throw new Error(`${cmd[0]} failed: ${await new Response(p.stderr).text()}`);
}

async function serveOn(url: string, masterKey = process.env.MASTER_KEY ?? ''): Promise<Service & { url: string }> {
  const port = freePort();
  const service = await startService(
    loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: 'https://argus.example',
      DATABASE_URL: url,
      MASTER_KEY: masterKey,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'argus-restore-')),
      ALLOW_PRIVATE_TARGETS: 'true',
      WORKER_POLL_MS: '50',
      WEBHOOK_RETRY_SCHEDULE: '0,1s,1s,1s,1s,1s,1s,1s',
    }),
    { http: true, workers: true, log: silentLogger },
  );
  return Object.assign(service, { url: `http://127.0.0.1:${port}` });
}

describe('backup and restore', () => {
  test.skipIf(!runs)(
    'a pg_dump of a running install, restored into a new database, serves and delivers',
    async () => {
      const original = await scratchDatabase(databaseUrl!, 'argus_backup');
      cleanups.push(() => original.drop());
      const before = await serveOn(original.url);
      let stopped = false;
      cleanups.push(async () => {
        if (!stopped) await before.stop();
      });
      const tenant = await newTenant(before);
      // A receiver that is down: the delivery stays pending, retried on the schedule.
      let up = false;
      const got: string[] = [];
      const receiver = Bun.serve({
        port: 0,
        hostname: '127.0.0.1',
        fetch: async (req) => {
          if (!up) return new Response('down', { status: 503 });
          got.push(await req.text());
          return new Response('ok');
        },
      });
      cleanups.push(async () => {
        receiver.stop(true);
      });
      const hook = await api(before.url, 'POST', '/v1/webhooks', tenant.adminToken, {
        url: `http://127.0.0.1:${receiver.port}/h`,
        events: ['case.updated'],
      });
      expect(hook.status).toBe(201);
      const published = await api(before.url, 'POST', '/v1/events', tenant.adminToken, {
        type: 'case.updated',
        data: { case_id: 'c-restore' },
      });
      expect(published.status).toBe(202);
      await until('a failed attempt', async () => {
        const rows = await original.db.query<{ n: number }>('select count(*)::int as n from webhook_attempts');
        return rows[0]!.n > 0;
      });
      const jwks = (await (await fetch(`${before.url}/.well-known/jwks.json`)).json()) as {
        keys: Array<{ kid: string }>;
      };

      const dumpFile = join(mkdtempSync(join(tmpdir(), 'argus-dump-')), 'argus.dump');
      const bin = postgresBin()!;
      await run([join(bin, 'pg_dump'), '--format=custom', `--file=${dumpFile}`, original.url]);
      await before.stop();
      stopped = true;

      const restored = await scratchDatabase(databaseUrl!, 'argus_restored');
      cleanups.push(() => restored.drop());
      await run([join(bin, 'pg_restore'), '--no-owner', `--dbname=${restored.url}`, dumpFile]);
      // Without the master key the restored install does not start (it would make a key of its own).
      await expect(serveOn(restored.url, '')).rejects.toThrow(
        /^MASTER_KEY: is not set, and this database holds secrets/,
      );
      const after = await serveOn(restored.url);
      cleanups.push(() => after.stop());

      // The token issued before the dump verifies; the same keys are published and sign.
      expect((await api(after.url, 'GET', '/v1/webhooks', tenant.adminToken)).status).toBe(200);
      const jwksAfter = (await (await fetch(`${after.url}/.well-known/jwks.json`)).json()) as {
        keys: Array<{ kid: string }>;
      };
      expect(jwksAfter.keys.map((k) => k.kid).sort()).toEqual(jwks.keys.map((k) => k.kid).sort());
      const fresh = await after.tokens.mint({
        tenantId: tenant.tenantId,
        subject: tenant.adminUserId,
        clientId: 'argus-admin',
        scopes: ['admin'],
        ttlSeconds: 60,
        kind: 'user',
      });
      const kid = JSON.parse(Buffer.from(fresh.token.split('.')[0]!, 'base64url').toString()) as { kid: string };
      expect(jwks.keys.map((k) => k.kid)).toContain(kid.kid);
      // The pending delivery goes out once the receiver answers.
      up = true;
      await until('the pending delivery', async () => got.length > 0, 400);
      expect(got[0]).toContain('c-restore');
    },
    120_000,
  );
});
