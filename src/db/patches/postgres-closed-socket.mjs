// postinstall: guards postgres.js's deferred write against a connection that closed in the
// meantime (porsager/postgres#1066, #1208; open upstream in 3.4.9). Unpatched, a dropped
// connection throws from a setImmediate callback and takes the whole process down; patched,
// the pending query is rejected with CONNECTION_CLOSED, which the service answers as a 503
// and its workers retry. Idempotent: a patched file is left as it is.
// package.json pins postgres to the exact version this was written for; src/db/postgres.ts
// refuses to connect when the guard is missing (installed with --ignore-scripts: run
// `npm run postinstall`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package next to this checkout, wherever npm was run from.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'node_modules', 'postgres');
const MARK = '/* argus: closed-socket guard */';
const FROM = '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)';
const TO = `  function nextWrite(fn) {
    ${MARK}
    if (!socket) {
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options, socket))
      return false
    }
    const x = socket.write(chunk, fn)`;

let patched = 0;
for (const dir of ['src', 'cjs/src', 'cf/src']) {
  const file = join(root, dir, 'connection.js');
  if (!existsSync(file)) continue;
  const text = readFileSync(file, 'utf8');
  if (text.includes(MARK)) continue;
  if (!text.includes(FROM)) {
    console.error(`postgres-closed-socket: ${file} does not have the expected nextWrite; check whether the upstream fix landed`);
    process.exit(1);
  }
  writeFileSync(file, text.replace(FROM, TO));
  patched++;
}
console.log(`postgres-closed-socket: patched ${patched} file(s)`);
