// The studio's browser scripts, served as they are in the repository (no build step): each read
// from disk once, and again on the next request if that read failed.
import { fileURLToPath } from 'node:url';
import { files } from '../platform.ts';

function servedOnce(name: string): () => Promise<string> {
  const path = fileURLToPath(new URL(`./${name}`, import.meta.url));
  let text: Promise<string> | null = null;
  return () => {
    text ??= files.readText(path).catch((error: unknown) => {
      text = null;
      throw error;
    });
    return text;
  };
}

/** The page's script. */
export const studioScript = servedOnce('client.js');
/** The drawings' zoom and pan script. */
export const zoomScript = servedOnce('zoom.js');
