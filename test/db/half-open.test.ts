// A server that stops answering without closing its sockets (PostgreSQL pass only): a TCP proxy
// of the test's own stands between the pool and the server and, at a moment, drops every byte
// of the connections it has (as a partition or a power cut leaves them: open, silent) while new
// connections go through, as after a failover behind a moved address. TCP alone would keep a
// query on those connections waiting about 15 minutes; the pool's probe must notice within its
// bound, drop them (the query fails as unavailable, to be retried) and serve from new ones,
// LISTEN included.
import { afterAll, describe, expect, test } from 'bun:test';
import type { Socket } from 'bun';
import postgres from 'postgres';
import { createPostgresDb } from '../../src/db/postgres.ts';
import { isDatabaseUnavailable } from '../../src/db/db.ts';
import { databaseUrl, usingPostgres } from '../support/db.ts';

interface Pipe {
  peer: Socket<Pipe> | null;
  pending: Uint8Array[];
  cut: boolean;
}

/** Forwards TCP to `port`; partition() makes the connections open so far silent for good. */
function silencingProxy(host: string, port: number) {
  const pipes = new Set<Pipe>();
  const server = Bun.listen<Pipe>({
    hostname: '127.0.0.1',
    port: 0,
    socket: {
      async open(client) {
        const pipe: Pipe = { peer: null, pending: [], cut: false };
        client.data = pipe;
        pipes.add(pipe);
        const upstream = await Bun.connect<Pipe>({
          hostname: host,
          port,
          socket: {
            data(_s, bytes) {
              if (!pipe.cut) client.write(bytes);
            },
            close() {
              if (!pipe.cut) client.end();
            },
          },
        });
        upstream.data = pipe;
        pipe.peer = upstream;
        for (const bytes of pipe.pending.splice(0)) upstream.write(bytes);
      },
      data(client, bytes) {
        const pipe = client.data;
        if (pipe.cut) return;
        if (pipe.peer) pipe.peer.write(bytes);
        else pipe.pending.push(new Uint8Array(bytes));
      },
      close(client) {
        if (!client.data.cut) client.data.peer?.end();
      },
    },
  });
  return {
    port: server.port,
    partition: () => {
      for (const pipe of pipes) pipe.cut = true;
      pipes.clear();
    },
    stop: () => server.stop(true),
  };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('a server that goes silent', () => {
  test.skipIf(!usingPostgres)(
    "the pool's probe notices within its bound and serves from new connections, LISTEN included",
    async () => {
      const target = new URL(databaseUrl!);
      const proxy = silencingProxy(target.hostname, Number(target.port || 5432));
      cleanups.push(() => proxy.stop());
      const viaProxy = new URL(databaseUrl!);
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(proxy.port);
      let replaced = 0;
      const watch = { everyMs: 200, answerWithinMs: 1000 };
      const db = createPostgresDb(viaProxy.toString(), { max: 2, watch, onReplaced: () => replaced++ });
      cleanups.push(() => db.close());
      const heard: string[] = [];
      const channel = `half_open_${process.pid}`;
      await db.listen(channel, (payload) => heard.push(payload));
      expect(await db.query<{ n: number }>('select 1 as n')).toEqual([{ n: 1 }]);
      // Healthy for a while: the probe replaces nothing.
      await Bun.sleep(1500);
      expect(replaced).toBe(0);

      proxy.partition();
      const silentAt = Date.now();
      let outcome: string;
      try {
        await db.query('select pg_sleep(0)');
        outcome = 'answered';
      } catch (error) {
        expect(isDatabaseUnavailable(error)).toBe(true);
        outcome = 'unavailable';
      }
      const noticedMs = Date.now() - silentAt;
      expect(replaced).toBe(1);
      expect(noticedMs).toBeLessThan(watch.everyMs + watch.answerWithinMs + 2000);
      // Retried, as the service's callers do (a 503 to clients, a delivery retried): new connections answer.
      expect(await db.query<{ n: number }>('select 2 as n')).toEqual([{ n: 2 }]);

      // The LISTEN was made again on the new pool.
      const direct = postgres(databaseUrl!, { max: 1, onnotice: () => {} });
      cleanups.push(() => direct.end({ timeout: 1 }));
      for (let i = 0; i < 100 && heard.length === 0; i++) {
        await direct`select pg_notify(${channel}, 'after')`;
        await Bun.sleep(50);
      }
      expect(heard).toContain('after');
      console.log(JSON.stringify({ test: 'half-open', outcome, noticed_ms: noticedMs, ...watch }));
    },
    30_000,
  );
});
