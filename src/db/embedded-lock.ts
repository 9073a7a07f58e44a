// One process at a time on the embedded database: PGlite does no locking of its own, and two
// processes writing one data directory corrupt it. The owner's pid sits in DATA_DIR/argus.lock,
// created atomically; a lock whose process is gone is stale and taken over.
import { realTime } from '../actors/clock.ts';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class EmbeddedDatabaseInUse extends Error {
  constructor(
    readonly pid: number,
    dataDir: string,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid} (argus serve?); stop it, or run admin commands while it serves so they go through its control socket`,
    );
  }
}

const LOCK_FILE = 'argus.lock';

const code = (error: unknown) => (error as { code?: string }).code;

/** A holder that is still running. Our own pid is stale: a process opens the database once,
 * so a lock naming it was left by an earlier life under the same pid (pid 1 in a container). */
function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return code(error) === 'EPERM'; // exists, owned by someone else
  }
}

async function owner(path: string): Promise<number | null> {
  const text = await readFile(path, 'utf8').catch((error) => (code(error) === 'ENOENT' ? '' : Promise.reject(error)));
  const pid = Number(text);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** The live process holding the embedded database in `dataDir`, or null. */
export async function embeddedDatabaseHolder(dataDir: string): Promise<number | null> {
  const pid = await owner(join(dataDir, LOCK_FILE));
  return pid !== null && alive(pid) ? pid : null;
}

/**
 * Takes the lock, waiting up to `waitMs` for a holder to let go (a one-shot admin command is
 * done in a second or two); then throws EmbeddedDatabaseInUse. Resolves to the release.
 */
export async function lockEmbeddedDatabase(dataDir: string, waitMs = 5_000): Promise<() => Promise<void>> {
  const deadline = realTime() + waitMs;
  for (;;) {
    try {
      return await tryLock(dataDir);
    } catch (error) {
      if (!(error instanceof EmbeddedDatabaseInUse) || realTime() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function tryLock(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, LOCK_FILE);
  const mine = String(process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, mine, { flag: 'wx', mode: 0o600 });
      return async () => {
        if ((await owner(path)) === process.pid) await unlink(path);
      };
    } catch (error) {
      if (code(error) !== 'EEXIST') throw error;
      const holder = await owner(path);
      if (holder !== null && alive(holder)) throw new EmbeddedDatabaseInUse(holder, dataDir);
      await unlink(path).catch((e) => (code(e) === 'ENOENT' ? undefined : Promise.reject(e)));
    }
  }
  throw new Error(`could not take the lock ${path}: another process keeps replacing it`);
}
