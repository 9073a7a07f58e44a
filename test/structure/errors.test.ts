// One catalogue of error codes (src/errors.ts): every refusal is made there, and every code
// in it is answered somewhere (a code nothing answers is documentation of nothing).
import { describe, expect, test } from 'bun:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ERRORS } from '../../src/errors.ts';

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
});
