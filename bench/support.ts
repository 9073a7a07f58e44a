// Shared by the harnesses: one JSON line per figure, a scratch database, the --quick flag.
import { scratchDatabase } from '../src/db/scratch.ts';
import { createPgliteDb } from '../src/db/pglite.ts';
import type { Db } from '../src/db/index.ts';
import { cpus, totalmem } from 'node:os';

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
