// Shared by the harnesses: one JSON line per figure, a scratch database, the --quick flag.
import { scratchDatabase } from '../src/db/scratch.ts';
import { createPgliteDb } from '../src/db/pglite.ts';
import type { Db } from '../src/db/index.ts';
import { ensureProcessEnvironment } from '../src/process-env.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTestPki } from '../test/support/certs.ts';
import { cpus, totalmem } from 'node:os';

/**
 * A CA for the benches' HTTPS receivers and its receiver certificate (for localhost), made once
 * and kept for the process that the environment below restarts: the engine trusts the CA as a
 * deployment with WEBHOOK_CA_FILE does, process-wide (src/process-env.ts).
 */
export const benchPki = (() => {
  let dir = process.env.BENCH_PKI_DIR;
  if (!dir) {
    const made = makeTestPki();
    made.leaf('receiver');
    dir = made.dir;
  }
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return { dir, caFile: join(dir, 'ca.pem'), leaf: { cert: read('receiver.pem'), key: read('receiver.key') } };
})();

// The benches run the engine with up to 4,000 deliveries in flight (bench/setup/webhooks.ts):
// the process is started again, before anything runs, with Bun's outbound request limit raised
// for that and the benches' CA trusted (src/process-env.ts).
ensureProcessEnvironment({
  ...process.env,
  WORKER_MAX_IN_FLIGHT: '4000',
  WEBHOOK_CA_FILE: benchPki.caFile,
  BENCH_PKI_DIR: benchPki.dir,
});

export const quick = process.argv.includes('--quick');

export const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${'Bun' in globalThis ? `bun ${Bun.version}` : 'deno'}`;

export function figure(
  bench: string,
  name: string,
  value: number,
  unit: string,
  extra: Record<string, unknown> = {},
): void {
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
  console.log(JSON.stringify({ bench, figure: name, value: rounded, unit, ...extra }));
}

export const postgresUrl =
  process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database on the real server, dropped by the returned function. */
export function scratchPostgres(): Promise<{ db: Db; url: string; drop: () => Promise<void> }> {
  return scratchDatabase(postgresUrl, 'argus_bench', 16);
}

export async function scratchPglite(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const db = await createPgliteDb(null);
  return { db, drop: () => db.close() };
}

/** A receiver on loopback that reads each delivery and answers 200 at once: `url` is its hook. */
export function instantReceiver(): { url: string; stop: () => void } {
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (req) => {
      await req.arrayBuffer();
      return new Response('ok');
    },
  });
  return { url: `http://127.0.0.1:${server.port}/hook`, stop: () => server.stop(true) };
}

/** Runs `task` `total` times with at most `concurrency` at once; returns operations per second. */
export async function rate(total: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++);
    }),
  );
  return total / ((performance.now() - start) / 1000);
}

/**
 * CPU time of the Postgres server's processes, in µs (null where /proc is not there to read):
 * those running now, and those that ended (the postmaster reaps its backends, and their time
 * adds to its children's), so that a connection closed during a measurement is not subtracted.
 */
export function postgresCpuUs(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const procs = new Map<string, { ppid: string; own: number; reaped: number }>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // the process ended between the listing and the read
    }
    if (!stat.includes('(postgres)')) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    procs.set(pid, {
      ppid: fields[1]!,
      own: Number(fields[11]) + Number(fields[12]), // utime, stime
      reaped: Number(fields[13]) + Number(fields[14]), // cutime, cstime: its children that ended
    });
  }
  let ticks = 0;
  for (const p of procs.values()) ticks += p.own + (procs.has(p.ppid) ? 0 : p.reaped);
  return ticks * 10_000; // USER_HZ is 100 on Linux
}

/**
 * Starts a bench's receivers in a process of their own (`script`, under bench/), so that this
 * process's CPU and memory are the engine's; answers the ports they print as their first line.
 */
export async function startReceivers<Ports>(
  script: string,
  env: Record<string, string> = {},
): Promise<{ ports: Ports; stop: () => void }> {
  const child = Bun.spawn([process.execPath, join(import.meta.dir, script)], {
    env: { ...process.env, ...env },
    stdout: 'pipe',
    stderr: 'inherit',
  });
  const reader = child.stdout.getReader();
  let text = '';
  while (!text.includes('\n')) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`${script} exited before saying its ports`);
    text += new TextDecoder().decode(value);
  }
  reader.releaseLock();
  return { ports: JSON.parse(text.split('\n')[0]!) as Ports, stop: () => child.kill() };
}
