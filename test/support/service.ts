// Starts the whole service in-process against the test database, on a free loopback port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.ts';
import { startService, type Service } from '../../src/main.ts';
import { createLogger, silentLogger } from '../../src/log.ts';
import type { Clock } from '../../src/actors/clock.ts';
import { mintAdminToken } from '../../src/services.ts';
import { randomToken } from '../../src/ids.ts';
import { isolatedDb, testDb } from './db.ts';
import { OpenApiCheck } from './openapi-check.ts';

export interface TestService extends Service {
  url: string;
  config: Config;
}

/**
 * `isolated`: a database of its own (fresh, dropped when the service stops) instead of the
 * shared test database, for tests whose claims must see no other file's deliveries.
 */
export async function startTestService(
  options: { env?: Record<string, string>; clock?: Clock; workers?: boolean; isolated?: boolean } = {},
): Promise<TestService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'argus-test-'));
  const port = freePort();
  const config = loadConfig({
    PORT: String(port),
    PUBLIC_URL: `${options.env?.TLS_CERT_FILE ? 'https' : 'http'}://127.0.0.1:${port}`,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ALLOW_PRIVATE_TARGETS: 'true',
    MASTER_KEY: process.env.MASTER_KEY ?? '',
    WORKER_POLL_MS: '50',
    ...options.env,
  });
  const own = options.isolated ? await isolatedDb() : null;
  const db = own ? own.db : await testDb();
  const answers = new OpenApiCheck();
  const service = await startService(config, {
    http: true,
    workers: options.workers ?? true,
    db,
    log: process.env.TEST_LOG ? createLogger('debug') : silentLogger,
    clock: options.clock,
    wrapHandler: answers.wrap,
  });
  const stop = async () => {
    await service.stop(); // closes the database
    if (own?.url) await own.drop(); // a scratch database on the real server: dropped too
    rmSync(dataDir, { recursive: true, force: true });
    answers.assertClean();
  };
  return { ...service, url: service.url!, stop } as TestService;
}

export function freePort(): number {
  const probe = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response() });
  const port = probe.port!;
  probe.stop(true);
  return port;
}

/**
 * Waits until a server process at `url` answers /readyz. Throws with `why()` (its output, say)
 * if the process exits first or `limitMs` pass.
 */
export async function untilReady(
  url: string,
  proc: { exitCode: number | null },
  limitMs: number,
  why: () => string | Promise<string> = () => '',
): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (
    !(await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline || proc.exitCode !== null)
      throw new Error(`${url} did not become ready:\n${await why()}`);
    await Bun.sleep(100);
  }
}

/** A new tenant with an admin and that admin's access token. */
export async function newTenant(service: Service, name = `Tenant ${randomToken(8)}`) {
  const created = await service.tenants.createTenant({
    name,
    adminEmail: `admin-${randomToken(6).toLowerCase()}@example.com`,
    adminPassword: 'correct horse battery staple',
  });
  const token = await mintAdminToken(service, created.tenantId, created.adminUserId);
  return { tenantId: created.tenantId, adminUserId: created.adminUserId, adminToken: token.token, name };
}

/**
 * A confidential app of the tenant (client credentials, `scopes` requested) and an access token
 * of it with those scopes, through the public API.
 */
export async function appWithToken(service: TestService, adminToken: string, name: string, scopes: string[]) {
  const created = await fetch(`${service.url}/v1/platform/apps`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name, grant_types: ['client_credentials'], requested_scopes: scopes }),
  });
  if (created.status !== 201) throw new Error(`creating app ${name}: ${created.status} ${await created.text()}`);
  const app = (await created.json()) as { client_id: string; client_secret: string };
  const res = await fetch(`${service.url}/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: app.client_id,
      client_secret: app.client_secret,
      scope: scopes.join(' '),
    }),
  });
  if (res.status !== 200) throw new Error(`a token of ${name}: ${res.status} ${await res.text()}`);
  return {
    id: app.client_id,
    secret: app.client_secret,
    token: ((await res.json()) as { access_token: string }).access_token,
  };
}
