// A throwaway database on a real server (tests, benchmarks): created empty, dropped after.
import { randomToken } from '../ids.ts';
import type { Db } from './db.ts';
import { createPostgresDb } from './postgres.ts';

export async function scratchDatabase(
  serverUrl: string,
  prefix: string,
  poolMax = 10,
): Promise<{ db: Db; url: string; drop: () => Promise<void> }> {
  const admin = createPostgresDb(serverUrl, { max: 1 });
  const name = `${prefix}_${randomToken(10).toLowerCase()}`;
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createPostgresDb(url.toString(), { max: poolMax });
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}
