// Each store owns its SQL, and reads machine state from columns: no module under src/ reads a
// snapshot's context by JSON path (the runtime mirrors what stores need into columns, through a
// definition's project()), the studio reaches other domains' data through their services, and
// no module imports another folder's SQL text.
import { expect, test } from 'bun:test';
import { ROOT, rel, tsFiles } from '../support/source-files.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const files = tsFiles(join(ROOT, 'src'));

test("no query reads a machine snapshot's context by JSON path", () => {
  expect(files.length).toBeGreaterThan(100);
  const readers = files.filter((file) => /snapshot\s*(#>>?|->>?)\s*'\{?context/.test(readFileSync(file, 'utf8')));
  expect(readers.map(rel)).toEqual([]);
});

/** The names a file imports as values (not `import type`, not `type X`) from each module. */
function valueImports(file: string): Array<{ from: string; names: string[] }> {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/g)].map((m) => ({
    from: m[3]!,
    names: m[1]
      ? []
      : m[2]!
          .split(',')
          .map((n) => n.trim())
          .filter((n) => n && !n.startsWith('type ')),
  }));
}

test("the studio imports no other domain's store, and no SQL fragment leaves its store's folder", () => {
  const studio = files.filter((file) => rel(file).startsWith('src/studio/'));
  expect(studio.length).toBeGreaterThan(5);
  const reaching = studio.flatMap((file) =>
    valueImports(file)
      .filter((i) => !i.from.startsWith('./') && /store\.ts$/.test(i.from) && i.names.length > 0)
      .map((i) => `${rel(file)} → ${i.from}`),
  );
  expect(reaching).toEqual([]);
  // SQL text (an UPPER_CASE constant of a store) is shared within a folder (the engine's stores
  // in src/webhooks/dispatch/), never imported from another.
  const fragments = files.flatMap((file) =>
    valueImports(file)
      .filter((i) => !i.from.startsWith('./') && /store\.ts$/.test(i.from))
      .flatMap((i) => i.names.filter((n) => /^[A-Z][A-Z0-9_]+$/.test(n)).map((n) => `${rel(file)} ← ${n} (${i.from})`)),
  );
  expect(fragments).toEqual([]);
});
