// History read from a standby (PostgreSQL pass only): a primary and a synchronous standby of the
// test's own, the service given the standby as READ_DATABASE_URL. The studio's pages read from
// the standby while it is fresh, the public API from the primary; a standby whose replay is
// paused serves the studio no longer than READ_MAX_LAG_MS, a studio change is read back from
// the primary at once, and a standby that goes away leaves the studio answering from the primary.
import { afterAll, describe, expect, test } from 'bun:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { loadConfig } from '../../src/config.ts';
import { startService, type Service } from '../../src/main.ts';
import { silentLogger } from '../../src/log.ts';
import type { ReadReplica } from '../../src/db/read-replica.ts';
import { usingPostgres } from '../support/db.ts';
import { freePort, newTenant } from '../support/service.ts';
import { postgresBin, throwawayPair } from '../support/throwaway-postgres.ts';
import { api, until } from '../support/webhooks.ts';

const runs = usingPostgres && postgresBin() !== null;
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const MAX_LAG_MS = 1500;

describe('reads from a standby', () => {
  test.skipIf(!runs)(
    'the studio reads from a fresh standby, the API from the primary; stale or gone, the primary answers',
    async () => {
      const pair = await throwawayPair();
      cleanups.push(() => pair.destroy());
      const primaryUrl = `postgres://postgres@127.0.0.1:${pair.primaryPort}/chaos`;
      const standbyUrl = `postgres://postgres@127.0.0.1:${pair.standbyPort}/chaos`;
      const port = freePort();
      const service: Service = await startService(
        loadConfig({
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: `http://127.0.0.1:${port}`,
          DATABASE_URL: primaryUrl,
          READ_DATABASE_URL: standbyUrl,
          READ_MAX_LAG_MS: String(MAX_LAG_MS),
          DATA_DIR: mkdtempSync(join(tmpdir(), 'argus-replica-')),
          ALLOW_PRIVATE_TARGETS: 'true',
          DB_POOL_MAX: '4',
        }),
        { http: true, workers: false, log: silentLogger },
      );
      cleanups.push(() => service.stop());
      const url = `http://127.0.0.1:${port}`;
      const replica = service.reads as ReadReplica;
      const standby = postgres(standbyUrl, { max: 1, onnotice: () => {} });
      const primary = postgres(primaryUrl, { max: 1, onnotice: () => {} });
      cleanups.push(async () => {
        await standby.end({ timeout: 1 });
        await primary.end({ timeout: 1 });
      });
      const t = await newTenant(service);
      const create = async (path: string) => {
        const res = await api(url, 'POST', '/v1/webhooks', t.adminToken, {
          url: `http://127.0.0.1:9/${path}`,
          events: ['case.updated'],
        });
        expect(res.status).toBe(201);
        return (res.body as { id: string }).id;
      };
      const studioIds = async () => {
        const res = await api(url, 'GET', '/v1/studio/webhooks', t.adminToken);
        expect(res.status).toBe(200);
        return (res.body as { webhooks: Array<{ id: string }> }).webhooks.map((w) => w.id).sort();
      };
      const apiIds = async () => {
        const res = await api(url, 'GET', '/v1/webhooks', t.adminToken);
        expect(res.status).toBe(200);
        return (res.body as { webhooks: Array<{ id: string }> }).webhooks.map((w) => w.id).sort();
      };
      const served = async () => {
        const text = await (await fetch(`${url}/metrics`)).text();
        const of = (by: string) =>
          Number(new RegExp(`argus_read_replica_reads_total\\{served_by="${by}"\\} (\\d+)`).exec(text)?.[1] ?? 'NaN');
        return { replica: of('replica'), primary: of('primary') };
      };

      // Fresh: the studio's reads are the standby's.
      const first = await create('a');
      await until('the standby caught up', async () => replica.fresh(), 400);
      expect(await studioIds()).toEqual([first]);
      const before = await served();
      await studioIds();
      expect((await served()).replica).toBeGreaterThan(before.replica);

      // Replay paused: the API sees a new webhook at once; the studio, reading the standby, does
      // not, until the bound runs out and its reads go to the primary.
      await standby`select pg_wal_replay_pause()`;
      const second = await create('b');
      const createdAt = Date.now();
      expect(await apiIds()).toEqual([first, second].sort());
      expect(await studioIds()).toEqual([first]);
      await until('the studio reading the primary', async () => (await studioIds()).length === 2, 400);
      const staleForMs = Date.now() - createdAt;
      expect(staleForMs).toBeLessThanOrEqual(MAX_LAG_MS + 1000);
      expect(replica.fresh()).toBe(false);

      // Caught up again: the standby serves again.
      await standby`select pg_wal_replay_resume()`;
      await until('the standby caught up', async () => replica.fresh(), 400);
      const resumed = await served();
      expect(await studioIds()).toEqual([first, second].sort());
      expect((await served()).replica).toBeGreaterThan(resumed.replica);

      // A studio change is read back at once, though the standby has not replayed it.
      await standby`select pg_wal_replay_pause()`;
      const paused = await api(url, 'POST', `/v1/studio/webhooks/${first}/pause`, t.adminToken);
      expect(paused.status).toBe(200);
      const page = await api(url, 'GET', `/v1/studio/webhooks/${first}`, t.adminToken);
      expect((page.body as { webhook: { status: string } }).webhook.status).toBe('paused');
      await standby`select pg_wal_replay_resume()`;
      await until('the standby caught up', async () => replica.fresh(), 400);
      await Bun.sleep(MAX_LAG_MS + 100);
      const again = await served();
      await studioIds();
      expect((await served()).replica).toBeGreaterThan(again.replica);

      // The standby goes away (and the primary stops waiting for it, as a failover manager does):
      // the studio answers from the primary, the first read included.
      await primary.unsafe(`alter system set synchronous_standby_names = ''`);
      await primary`select pg_reload_conf()`;
      await standby.end({ timeout: 1 });
      await pair.stopStandby();
      const gone = Date.now();
      for (let i = 0; i < 5; i++) expect(await studioIds()).toEqual([first, second].sort());
      expect(replica.fresh()).toBe(false);
      const third = await create('c');
      expect(await studioIds()).toEqual([first, second, third].sort());

      console.log(
        JSON.stringify({
          test: 'read-replica',
          max_lag_ms: MAX_LAG_MS,
          studio_stale_for_ms: staleForMs,
          studio_after_standby_gone_ms: Date.now() - gone,
          ...(await served()),
        }),
      );
    },
    120_000,
  );
});
