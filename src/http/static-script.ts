// A page's browser scripts, served as they are in the repository (no build step): each read
// from disk once (and again on the next request if that read failed), with its gzip form and a
// version, a digest of its text. A page names each script with its version (…/x.js?v=…), which
// browsers may then keep for good: a new text is a new URL.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { files } from '../platform.ts';

export interface StaticScript {
  text: string;
  gzip: Uint8Array;
  /** The first 16 hex digits of the text's SHA-256. */
  version: string;
}

/** The script at `url` (a file beside the module that names it: `new URL('./x.js', import.meta.url)`). */
export function servedOnce(url: URL): () => Promise<StaticScript> {
  const path = fileURLToPath(url);
  let script: Promise<StaticScript> | null = null;
  return () => {
    script ??= files.readText(path).then(
      (text) => ({
        text,
        gzip: gzipSync(text, { level: 9 }),
        version: createHash('sha256').update(text).digest('hex').slice(0, 16),
      }),
      (error: unknown) => {
        script = null;
        throw error;
      },
    );
    return script;
  };
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
