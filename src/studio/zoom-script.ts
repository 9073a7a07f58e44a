// The drawings' zoom and pan script (zoom.js), served as is beside the studio's own script.
import { fileURLToPath } from 'node:url';
import { files } from '../platform.ts';

const ZOOM = fileURLToPath(new URL('./zoom.js', import.meta.url));
let script: Promise<string> | null = null;

/** zoom.js, read once from disk. */
export function zoomScript(): Promise<string> {
  script ??= files.readText(ZOOM).catch((error: unknown) => {
    script = null; // read again on the next request
    throw error;
  });
  return script;
}
