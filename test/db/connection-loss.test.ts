// postgres.js 3.4.9 writes to a connection after it closed when a transaction goes on using it
// (porsager/postgres#1066): src/db/postgres.ts keeps a transaction whose connection is lost
// away from the driver. Run against the installed driver as it is, unmodified.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Db } from '../../src/db/index.ts';
import { createPostgresDb } from '../../src/db/postgres.ts';
import { isDatabaseUnavailable } from '../../src/db/db.ts';
import { usingPostgres, isolatedDb } from '../support/db.ts';
import packageJson from '../../package.json' with { type: 'json' };

let db: Db;
let admin: Db;
let drop: () => Promise<void>;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => void uncaught.push(error);

beforeAll(async () => {
  if (!usingPostgres) return;
  const iso = await isolatedDb();
  drop = iso.drop;
  db = createPostgresDb(iso.url!, { max: 2 });
  admin = iso.db;
  await admin.exec(`create table written (tx text not null, step int not null)`);
  process.on('uncaughtException', onUncaught);
});
afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await db?.close();
  await drop?.();
});

/** Ends the session of the transaction tagged `tag` from another connection. */
async function terminate(where: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await admin.query<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where pid <> pg_backend_pid() and datname = current_database() and ${where}`,
    );
    if (row!.n > 0) return;
    await Bun.sleep(10);
  }
  throw new Error(`no session matched ${where}`);
}

/** The next query on the pool: a reconnected session may first report the loss once more. */
async function poolAnswers(): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await db.query<{ x: number }>('select 1 as x'))[0]!.x;
    } catch (error) {
      if (!isDatabaseUnavailable(error) || attempt >= 3) throw error;
    }
  }
}

describe('a transaction whose connection is lost', () => {
  test('the driver is pinned to the exact version the guard was written against', () => {
    expect(packageJson.dependencies.postgres).toBe('3.4.9');
  });

  test.skipIf(!usingPostgres)(
    'while a query runs, and while the body awaits something else: the caller is told, nothing of it commits, the process and the pool go on',
    async () => {
      for (let round = 0; round < 4; round++) {
        const during = `during-${round}`;
        const inFlight = db.transaction(async (tx) => {
          await tx.query(`insert into written values ($1, 1)`, [during]);
          await tx.query(`select pg_sleep(5) /* ${during} */`);
          await tx.query(`insert into written values ($1, 2)`, [during]);
        });
        await terminate(`query like '%${during}%' and state = 'active'`);
        const first = await inFlight.then(
          () => 'committed',
          (error: unknown) => error,
        );
        expect(isDatabaseUnavailable(first)).toBe(true);

        const between = `between-${round}`;
        const idle = db.transaction(async (tx) => {
          await tx.query(`insert into written values ($1, 1)`, [between]);
          await Bun.sleep(400);
          await tx.query(`insert into written values ($1, 2)`, [between]);
        });
        await terminate(`state like 'idle in transaction%' and query like '%written%'`);
        const second = await idle.then(
          () => 'committed',
          (error: unknown) => error,
        );
        expect(isDatabaseUnavailable(second)).toBe(true);

        expect(await poolAnswers()).toBe(1);
      }
      // The bodies left between queries wake after their 400 ms and try their second insert.
      await Bun.sleep(600);
      expect(uncaught).toEqual([]);
      expect(await admin.query(`select tx, step from written`)).toEqual([]);
    },
    60_000,
  );

  test.skipIf(!usingPostgres)(
    'an error that is not a lost connection still rolls back and reaches the caller',
    async () => {
      const failed = await db
        .transaction(async (tx) => {
          await tx.query(`insert into written values ('bad', 1)`);
          await tx.query(`select 1/0`);
        })
        .then(
          () => null,
          (error: unknown) => error as { code?: string },
        );
      expect(failed?.code).toBe('22012');
      expect(await admin.query(`select tx from written where tx = 'bad'`)).toEqual([]);
      expect(await db.transaction(async (tx) => (await tx.query<{ x: number }>('select 2 as x'))[0]!.x)).toBe(2);
    },
  );
});
