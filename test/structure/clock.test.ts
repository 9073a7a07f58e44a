// One clock: the server reads the machine's time in one place, src/actors/clock.ts (its comment
// says which time is which); everything else takes the Clock or `realTime` from there.
import { expect, test } from 'bun:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dir, '../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
  });
}

test('Date.now() is read only in src/actors/clock.ts, on the server and in the machines', () => {
  const files = [...tsFiles(join(ROOT, 'src')), ...tsFiles(join(ROOT, 'machines'))];
  expect(files.length).toBeGreaterThan(100);
  const readers = files
    .filter((file) => /\bDate\.now\b/.test(readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '')))
    .map((file) => relative(ROOT, file).split('\\').join('/'));
  expect(readers).toEqual(['src/actors/clock.ts']);
});
