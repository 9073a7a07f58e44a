// The studio's browser scripts, served as they are in the repository (no build step): each read
// from disk once (and again on the next request if that read failed), with its gzip form and a
// version, a digest of its text. The page names each script with its version
// (/studio/studio.js?v=…), which browsers may then keep for good: a new text is a new URL.
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

function servedOnce(name: string): () => Promise<StaticScript> {
  const path = fileURLToPath(new URL(`./${name}`, import.meta.url));
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

/** The page's script. */
export const studioScript = servedOnce('client.js');
/** The drawings' zoom and pan script. */
export const zoomScript = servedOnce('zoom.js');
