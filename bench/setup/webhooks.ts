// The engine and the pg-boss baseline as bench/fanout.ts and bench/drain.ts run them: each in
// a scratch database of its own on the same server, with the same in-flight budget, and a
// tenant with an admin principal on the engine's side.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { startService } from '../../src/main.ts';
import { silentLogger } from '../../src/log.ts';
import { mintAdminToken } from '../../src/services.ts';
import { scratchDatabase } from '../../src/db/scratch.ts';
import { postgresUrl, scratchPostgres } from '../support.ts';
import { PgBossBaseline } from '../baselines/pgboss.ts';

/**
 * `env` adds engine settings (e.g. WEBHOOK_CA_FILE) to the shared ones; `boss` sets the
 * baseline's fetch shape (by default 4 loops of 1,000: the engine's default budget here).
 */
export async function webhookRig(
  env: Record<string, string> = {},
  boss: { batchSize: number; loops: number } = { batchSize: 1000, loops: 4 },
) {
  const pg = await scratchPostgres();
  const bossDb = await scratchDatabase(postgresUrl, 'argus_bench_pgboss', 20);
  // The engine's settings, also for worker processes a bench starts on the same database.
  const workerEnv = {
    DATABASE_URL: pg.url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'argus-bench-')),
    ALLOW_PRIVATE_TARGETS: 'true',
    WORKER_POLL_MS: '20',
    WORKER_BATCH_SIZE: '1000',
    WORKER_MAX_IN_FLIGHT: '4000',
    WEBHOOK_ENDPOINT_CONCURRENCY: '64',
    DB_POOL_MAX: '20',
    // The fan-out cases put 10,000 webhooks in one tenant.
    MAX_WEBHOOKS_PER_TENANT: '20000',
    ...env,
  };
  const service = await startService(loadConfig({ PORT: '0', ...workerEnv }), {
    http: false,
    workers: true,
    log: silentLogger,
  });
  // One job per delivery, fetched 1,000 at a time by 4 loops: up to 4,000 in flight, the
  // engine's budget above (WORKER_MAX_IN_FLIGHT). Of the shapes tried draining 30,000 jobs
  // (100 × 8, 250 × 8, 500 × 4, 1,000 × 4), this one was fastest: 9,645/s against 4,137/s for
  // 100 × 8, which earlier runs of bench/fanout.ts used.
  const baseline = await PgBossBaseline.start(bossDb.url, bossDb.db, { ...boss, timeoutMs: 15_000 });
  const tenant = await service.tenants.createTenant({
    name: 'Bench',
    adminEmail: 'bench@example.com',
    adminPassword: 'correct horse battery staple',
  });
  const token = await mintAdminToken(service, tenant.tenantId, tenant.adminUserId);
  const principal = await service.tokens.verify(token.token);
  return {
    service,
    boss: baseline,
    tenant,
    principal,
    bossDb: bossDb.db,
    workerEnv,
    async close() {
      await service.stop();
      await baseline.close();
      await pg.drop();
      await bossDb.drop();
    },
  };
}
