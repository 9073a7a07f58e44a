// One clock: the server reads the machine's time in one place, src/actors/clock.ts (its comment
// says which time is which); everything else takes the Clock or `realTime` from there.
import { expect, test } from 'bun:test';
import { ROOT, rel, tsFiles } from '../support/source-files.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

test('Date.now() is read only in src/actors/clock.ts, on the server and in the machines', () => {
  const files = [...tsFiles(join(ROOT, 'src')), ...tsFiles(join(ROOT, 'machines'))];
  expect(files.length).toBeGreaterThan(100);
  const readers = files
    .filter((file) => /\bDate\.now\b/.test(readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '')))
    .map(rel);
  expect(readers).toEqual(['src/actors/clock.ts']);
});
