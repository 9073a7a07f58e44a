// Every status symbol the studio draws has a glyph in DejaVu Sans, the font Debian installs with
// Chromium (fonts-dejavu-core): a symbol missing from it renders as an empty box.
import { expect, test } from 'bun:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dir, '../../src/studio/client');
const client = readdirSync(dir)
  .filter((n) => n.endsWith('.js'))
  .map((n) => readFileSync(join(dir, n), 'utf8'))
  .join('\n');

/** The values of the client's symbol tables (SYMBOL, SESSION_SYMBOL, SUB_SYMBOL). */
function symbols(): string[] {
  const tables = [...client.matchAll(/const \w*SYMBOL = \{([^}]*)\}/g)].map((m) => m[1]!);
  return [...new Set(tables.flatMap((t) => [...t.matchAll(/:\s*'([^']+)'/g)].map((m) => m[1]!)))];
}

test('each status symbol of the studio is in DejaVu Sans', () => {
  const found = symbols();
  expect(found.length).toBeGreaterThanOrEqual(10);
  const missing = found.filter((symbol) => {
    const codepoint = symbol.codePointAt(0)!.toString(16).padStart(4, '0');
    const fonts = Bun.spawnSync(['fc-list', `:family=DejaVu Sans:style=Book:charset=${codepoint}`]);
    expect(fonts.exitCode).toBe(0);
    return fonts.stdout.toString().trim() === '';
  });
  expect(missing).toEqual([]);
});
