// The studio's scripts are compressed and cacheable: the page names each by a version (a digest
// of its text), under which a browser may keep it for good; any other URL is checked again on
// every load; a client that takes gzip gets it gzipped, the same text once unpacked.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startTestService, type TestService } from '../support/service.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService({ workers: false });
}, 30_000);
afterAll(async () => {
  await service.stop();
});

const source = (name: string) => readFileSync(join(import.meta.dir, '../../src/studio', name), 'utf8');

/** Fetches a script gzipped under `version`, checks it is kept for good, and answers its text. */
async function kept(path: string, version: string): Promise<string> {
  const packed = await fetch(`${service.url}${path}?v=${version}`, {
    headers: { 'accept-encoding': 'gzip' },
    decompress: false,
  });
  expect(packed.status).toBe(200);
  expect(packed.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(packed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(packed.headers.get('content-encoding')).toBe('gzip');
  expect(packed.headers.get('vary')).toBe('accept-encoding');
  const bytes = new Uint8Array(await packed.arrayBuffer());
  const text = gunzipSync(bytes).toString('utf8');
  expect(bytes.length).toBeLessThan(Buffer.byteLength(text) / 2);
  // No gzip asked: the text as it is; another version (an older page): checked again each load.
  const plain = await fetch(`${service.url}${path}?v=0000000000000000`, { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers.get('content-encoding')).toBeNull();
  expect(plain.headers.get('cache-control')).toBe('no-cache');
  expect(await plain.text()).toBe(text);
  return text;
}

test('the page names each script by its version; under it the script is kept for good, gzipped when asked', async () => {
  const page = await (await fetch(`${service.url}/studio`)).text();
  const studio = /<script type="module" src="\/studio\/js\/main\.js\?v=([0-9a-f]{16})"><\/script>/.exec(page);
  const zoom = /<script src="\/studio\/zoom\.js\?v=([0-9a-f]{16})" defer><\/script>/.exec(page);
  expect(studio).not.toBeNull();
  expect(zoom).not.toBeNull();
  expect(await kept('/studio/zoom.js', zoom![1]!)).toBe(source('zoom.js'));

  // The studio's modules: each one the page reaches through main.js's imports, under the same
  // version, its sibling imports naming that version (so each is kept for good too).
  const version = studio![1]!;
  const files = readdirSync(join(import.meta.dir, '../../src/studio/client')).filter((n) => n.endsWith('.js'));
  const reached = new Set<string>();
  const queue = ['main.js'];
  while (queue.length) {
    const name = queue.shift()!;
    if (reached.has(name)) continue;
    reached.add(name);
    const text = await kept(`/studio/js/${name}`, version);
    expect(text).toBe(source(`client/${name}`).replace(/'(\.\/[\w-]+\.js)'/g, `'$1?v=${version}'`));
    const code = text.replace(/\/\*[\s\S]*?\*\//g, ''); // a JSDoc @import is no import
    for (const m of code.matchAll(/(?:from|import)\s+'\.\/([\w-]+\.js)\?v=([0-9a-f]{16})'/g)) {
      expect(m[2]).toBe(version);
      queue.push(m[1]!);
    }
  }
  // types.js holds JSDoc types only: nothing imports it at run time.
  expect([...reached].sort()).toEqual(files.filter((n) => n !== 'types.js').sort());
  const missing = await fetch(`${service.url}/studio/js/nope.js`);
  expect(missing.status).toBe(404);
});
