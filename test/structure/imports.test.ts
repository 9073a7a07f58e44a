// No import cycles in src/ or machines/, type-only imports included: a module may not reach back
// to one that imports it (e.g. a route or grant importing the composition root, src/services.ts,
// whose services import them). Give a module the narrow dependencies it uses instead.
import { describe, expect, test } from 'bun:test';
import { join } from 'node:path';
import madge from 'madge';

const root = join(import.meta.dir, '..', '..');

describe('imports', () => {
  test('src/ and machines/ have no import cycle', async () => {
    const graph = await madge([join(root, 'src'), join(root, 'machines')], {
      baseDir: root,
      fileExtensions: ['ts'],
      tsConfig: join(root, 'tsconfig.json'),
    });
    // The graph really is read: without its modules, no cycle would mean nothing.
    expect(Object.keys(graph.obj())).toContain('src/services.ts');
    expect(graph.obj()['src/services.ts']).toContain('src/oauth/authorize/service.ts');
    // Every import was followed: a cycle cannot hide behind one madge could not resolve.
    expect(graph.warnings().skipped).toEqual([]);
    expect(graph.circular()).toEqual([]);
  }, 60_000);
});
