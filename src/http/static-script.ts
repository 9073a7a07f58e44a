// A page's browser scripts, served as they are in the repository (no build step): each read
// from disk once (and again on the next request if that read failed), with its gzip form and a
// version, a digest of its text. A page names each script with its version (…/x.js?v=…), which
// browsers may then keep for good: a new text is a new URL. A folder of ES modules shares one
// version, a digest of every module, written into each relative import (`from './x.js'` is
// served as `from './x.js?v=…'`), so every module of it is kept for good too.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { files } from '../platform.ts';

export interface StaticScript {
  text: string;
  gzip: Uint8Array;
  /** The first 16 hex digits of the text's SHA-256. */
  version: string;
}

/** What `load` answers, loaded once; loaded again on the next call after a failure. */
function onceLoaded<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = null;
      throw error;
    });
    return loaded;
  };
}

/** The script at `url` (a file beside the module that names it: `new URL('./x.js', import.meta.url)`). */
export function servedOnce(url: URL): () => Promise<StaticScript> {
  const path = fileURLToPath(url);
  return onceLoaded(async () => {
    const text = await files.readText(path);
    return {
      text,
      gzip: gzipSync(text, { level: 9 }),
      version: createHash('sha256').update(text).digest('hex').slice(0, 16),
    };
  });
}

/** A folder's modules, by file name, and their one version. */
export interface StaticModules {
  version: string;
  modules: Map<string, StaticScript>;
}

/** A relative import of a sibling module, as the folder's modules write them. */
const SIBLING_IMPORT = /(\bfrom\s+|\bimport\s+)'(\.\/[\w-]+\.js)'/g;

/** Every `.js` module of the folder at `url` (`new URL('./client/', import.meta.url)`). */
export function modulesOnce(url: URL): () => Promise<StaticModules> {
  const dir = fileURLToPath(url);
  return onceLoaded(async (): Promise<StaticModules> => {
    const names = (await files.list(dir)).filter((n) => n.endsWith('.js')).sort();
    const texts = await Promise.all(names.map((n) => files.readText(join(dir, n))));
    const digest = createHash('sha256');
    names.forEach((n, i) => {
      digest.update(`${n}\0${texts[i]}\0`);
    });
    const version = digest.digest('hex').slice(0, 16);
    const modules = new Map<string, StaticScript>();
    names.forEach((n, i) => {
      const text = texts[i]!.replace(
        SIBLING_IMPORT,
        (_m, head: string, path: string) => `${head}'${path}?v=${version}'`,
      );
      modules.set(n, { text, gzip: gzipSync(text, { level: 9 }), version });
    });
    return { version, modules };
  });
}

type Headers = { headers: Record<string, string | number> };

/**
 * A script's answer: kept for good under the version the page names (a new text has a new
 * URL), checked again on every load under any other; gzipped for a client that takes it.
 */
export async function scriptAnswer(
  request: Request,
  version: string | undefined,
  set: Headers,
  load: () => Promise<StaticScript>,
) {
  const s = await load();
  set.headers['content-type'] = 'text/javascript; charset=utf-8';
  set.headers['cache-control'] = version === s.version ? 'public, max-age=31536000, immutable' : 'no-cache';
  set.headers.vary = 'accept-encoding';
  if (!/\bgzip\b/i.test(request.headers.get('accept-encoding') ?? '')) return s.text;
  set.headers['content-encoding'] = 'gzip';
  return s.gzip;
}
