// postinstall: guards postgres.js's deferred write against a connection that closed in the
// meantime (porsager/postgres#1066, #1208; open upstream in 3.4.9). Unpatched, a dropped
// connection throws from a setImmediate callback and takes the whole process down; patched,
// the pending query is rejected with CONNECTION_CLOSED, which the service answers as a 503
// and its workers retry. Idempotent: a patched file is left as it is.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(process.cwd(), 'node_modules', 'postgres');
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
