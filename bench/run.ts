// npm run bench [-- <name> …] [--quick]: runs bench/<name>.ts harnesses, each in its own process.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dir;
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'support.ts'].includes(f))
  .map((f) => f.slice(0, -3))
  .sort();
const unknown = named.filter((n) => !all.includes(n));
if (unknown.length) {
  console.error(`unknown bench ${unknown.join(', ')}; have ${all.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const name of named.length ? named : all) {
  const child = Bun.spawn([process.execPath, join(dir, `${name}.ts`), ...flags], {
    stdout: 'inherit',
    stderr: 'inherit',
  });
  if ((await child.exited) !== 0) {
    failed++;
    console.error(`bench ${name} failed`);
  }
}
process.exit(failed ? 1 : 0);
