// Every machine of the product, found in machines/ at startup: a new machine file appears in
// the studio without being listed anywhere.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AnyStateMachine } from 'xstate';
import { files } from '../platform.ts';

const MACHINES_DIR = fileURLToPath(new URL('../../machines/', import.meta.url));

function isMachine(value: unknown): value is AnyStateMachine {
  return typeof value === 'object' && value !== null && 'root' in value && 'transition' in value && 'config' in value;
}

export async function loadMachines(dir = MACHINES_DIR): Promise<Map<string, AnyStateMachine>> {
  const out = new Map<string, AnyStateMachine>();
  for (const file of (await files.list(dir)).filter((f) => f.endsWith('.ts')).sort()) {
    const mod = (await import(join(dir, file))) as Record<string, unknown>;
    for (const value of Object.values(mod)) if (isMachine(value)) out.set(value.id, value);
  }
  return out;
}
