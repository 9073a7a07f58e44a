// One catalogue of error codes (src/errors.ts): every refusal is made there, and every code
// in it is answered somewhere (a code nothing answers is documentation of nothing).
import { describe, expect, test } from 'bun:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ERRORS, GRAPHQL_ERRORS } from '../../src/errors.ts';

const ROOT = join(import.meta.dir, '../..');
const sources = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: relative(ROOT, join(ROOT, 'src', f)), text: readFileSync(join(ROOT, 'src', f), 'utf8') }));

describe('the error catalogue', () => {
  test('no refusal is made outside it: no `new ApiError(` but in src/errors.ts', () => {
    const outside = sources.filter(({ file, text }) => file !== 'src/errors.ts' && text.includes('new ApiError('));
    expect(outside.map((s) => s.file)).toEqual([]);
  });

  test('every code in it is answered by some module', () => {
    const elsewhere = sources
      .filter(({ file }) => file !== 'src/errors.ts')
      .map((s) => s.text)
      .join('\n');
    const named = readFileSync(join(ROOT, 'src/errors.ts'), 'utf8').split('// ---- the common ones, by name')[1]!;
    const unused = Object.keys(ERRORS).filter(
      (code) => !elsewhere.includes(`'${code}'`) && !named.includes(`'${code}'`),
    );
    expect(unused).toEqual([]);
  });

  test("the GraphQL transport's codes are the catalogue's, each answered, and documented", () => {
    const transport = readFileSync(join(ROOT, 'src/graphql/transport.ts'), 'utf8');
    const unanswered = Object.keys(GRAPHQL_ERRORS).filter((code) => !transport.includes(`'${code}'`));
    expect(unanswered).toEqual([]);
    // The integration guide's table: the transport's codes, and catalogue codes upper-cased.
    const guide = readFileSync(join(ROOT, 'docs/integrating.md'), 'utf8');
    const table = guide.slice(guide.indexOf('| `OPERATION_NOT_APPROVED`'));
    const rows = table.slice(0, table.search(/\n(?!\|)/));
    const documented = [...rows.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) =>
      [...m[1]!.matchAll(/`([A-Z_]+)`/g)].map((c) => c[1]!),
    );
    const known = new Set([...Object.keys(GRAPHQL_ERRORS), ...Object.keys(ERRORS).map((c) => c.toUpperCase())]);
    expect(documented.filter((c) => !known.has(c))).toEqual([]);
    expect(Object.keys(GRAPHQL_ERRORS).filter((c) => !documented.includes(c))).toEqual([]);
  });
});
