// A migration, once shipped, never changes: an install that applied it checks its checksum at
// every start and refuses to run a build whose file differs (even in a comment). This catches
// the edit before it ships: every migration's checksum is the one recorded when it was added.
import { describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMigrations } from '../../src/db/migrate.ts';

const MANIFEST = join(import.meta.dir, '../fixtures/migration-checksums.json');

describe('migrations', () => {
  test('a shipped migration is never edited; a new one is added to test/fixtures/migration-checksums.json', async () => {
    const recorded = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    const now = Object.fromEntries((await loadMigrations()).map((m) => [m.name, m.checksum]));
    const edited = Object.keys(recorded).filter((name) => now[name] !== undefined && now[name] !== recorded[name]);
    expect(edited, 'edited after shipping: add a new migration instead, and put this one back').toEqual([]);
    const removed = Object.keys(recorded).filter((name) => now[name] === undefined);
    expect(removed, 'a shipped migration was removed').toEqual([]);
    const unrecorded = Object.keys(now).filter((name) => recorded[name] === undefined);
    expect(unrecorded, 'a new migration: record its checksum in test/fixtures/migration-checksums.json').toEqual([]);
  });
});
