// The project's own TypeScript files, for the structure tests that read them as text.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dir, '../..');

/** Every .ts file under `dir`, recursively. */
export function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.isFile() && entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** A file's path from the repository's root, with forward slashes. */
export const rel = (file: string) => relative(ROOT, file).split('\\').join('/');
