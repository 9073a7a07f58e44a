import { describe, expect, test } from 'bun:test';
import { loadMigrations, migrate, migrationsApplied, type Migration } from '../../src/db/migrate.ts';
import { createPostgresDb } from '../../src/db/postgres.ts';
import { isolatedDb } from '../support/db.ts';

const sample = (version: string, sql: string): Migration => ({
  version,
  name: `${version}_sample.sql`,
  sql,
  checksum: `sum-${sql}`,
});

describe('migrations', () => {
  test('the shipped migrations apply once and report ready', async () => {
    const { db, drop } = await isolatedDb();
    try {
      const all = await loadMigrations();
      expect(await migrationsApplied(db, all)).toBe(false);
      expect(await migrate(db)).toEqual(all.map((m) => m.name));
      expect(await migrate(db)).toEqual([]);
      expect(await migrationsApplied(db, all)).toBe(true);
    } finally {
      await drop();
    }
  });

  test('an applied migration that was edited is refused, and nothing after it runs', async () => {
    const { db, drop } = await isolatedDb();
    try {
      await migrate(db, [sample('001', 'create table a (x int);')]);
      await expect(
        migrate(db, [sample('001', 'create table a (x bigint);'), sample('002', 'create table b (y int);')]),
      ).rejects.toThrow(/001_sample.sql was edited/);
      const [b] = await db.query<{ exists: boolean }>(`select to_regclass('b') is not null as exists`);
      expect(b!.exists).toBe(false);
    } finally {
      await drop();
    }
  });

  test('a failing migration rolls back entirely', async () => {
    const { db, drop } = await isolatedDb();
    try {
      await expect(
        migrate(db, [sample('001', 'create table c (x int);'), sample('002', 'select * from missing_table;')]),
      ).rejects.toThrow();
      const [c] = await db.query<{ exists: boolean }>(`select to_regclass('c') is not null as exists`);
      expect(c!.exists).toBe(false);
    } finally {
      await drop();
    }
  });

  test('processes starting at once apply each migration exactly once', async () => {
    const { db, url, drop } = await isolatedDb();
    try {
      // On a real server: separate pools, i.e. separate processes as far as Postgres knows.
      const others = url ? [createPostgresDb(url, { max: 1 }), createPostgresDb(url, { max: 1 })] : [];
      const runners = [db, ...others];
      const all = await loadMigrations();
      const results = await Promise.all(runners.map((r) => migrate(r, all)));
      expect(results.flat()).toEqual(all.map((m) => m.name));
      const { n } = (await db.query<{ n: number }>('select count(*)::int as n from schema_migrations'))[0]!;
      expect(n).toBe(all.length);
      await Promise.all(others.map((o) => o.close()));
    } finally {
      await drop();
    }
  });
});
