// Versioned SQL migrations from src/db/migrations/NNN_name.sql. All of them run in one
// transaction behind an advisory lock, so several processes starting at once apply each
// migration exactly once; an applied migration whose file changed is refused.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { one, type Db } from './db.ts';
import { files } from '../platform.ts';
import { sha256Hex } from '../crypto/hash.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const LOCK_ID = 4_102_611_201; // any constant shared by every process of this service

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await files.list(dir)).filter((n) => n.endsWith('.sql')).sort();
  return Promise.all(
    names.map(async (name) => {
      const match = /^(\d+)_[\w-]+\.sql$/.exec(name);
      if (!match) throw new MigrationError(`migration file "${name}" must be named NNN_description.sql`);
      const sql = await files.readText(join(dir, name));
      return { version: match[1]!, name, sql, checksum: await sha256Hex(sql) };
    }),
  );
}

/** Applies pending migrations; returns the names applied by this call. */
export async function migrate(db: Db, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.exec(`create table if not exists schema_migrations (
      version text primary key, name text not null, checksum text not null,
      applied_at timestamptz not null default now())`);
    const applied = await tx.query<{ version: string; name: string; checksum: string }>(
      'select version, name, checksum from schema_migrations order by version',
    );
    const known = new Map(all.map((m) => [m.version, m]));
    for (const row of applied) {
      const m = known.get(row.version);
      if (!m)
        throw new MigrationError(`database has migration ${row.name} that this build does not know; run a newer build`);
      if (m.checksum !== row.checksum) {
        throw new MigrationError(
          `migration ${row.name} was edited after it was applied (checksum differs); add a new migration instead`,
        );
      }
    }
    const done = new Set(applied.map((r) => r.version));
    const ran: string[] = [];
    for (const m of all) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      ran.push(m.name);
    }
    return ran;
  });
}

/** True when every migration of this build is applied (for /readyz). */
export async function migrationsApplied(db: Db, migrations: Migration[]): Promise<boolean> {
  const table = await one<{ exists: boolean }>(db, `select to_regclass('schema_migrations') is not null as exists`);
  if (!table.exists) return migrations.length === 0;
  const rows = await db.query<{ version: string }>('select version from schema_migrations');
  const applied = new Set(rows.map((r) => r.version));
  return migrations.every((m) => applied.has(m.version));
}
