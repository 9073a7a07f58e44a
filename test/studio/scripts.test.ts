// The studio's scripts are compressed and cacheable: the page names each by a version (a digest
// of its text), under which a browser may keep it for good; any other URL is checked again on
// every load; a client that takes gzip gets it gzipped, the same text once unpacked.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
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

test('the page names each script by its version; under it the script is kept for good, gzipped when asked', async () => {
  const page = await (await fetch(`${service.url}/studio`)).text();
  const named = [...page.matchAll(/<script src="(\/studio\/(studio|zoom)\.js)\?v=([0-9a-f]{16})" defer><\/script>/g)];
  expect(named.map((m) => m[2])).toEqual(['studio', 'zoom']);
  for (const [, path, name, version] of named) {
    const text = source(name === 'studio' ? 'client.js' : 'zoom.js');
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
    expect(bytes.length).toBeLessThan(Buffer.byteLength(text) / 2);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
    // No gzip asked: the text as it is; another version (an older page): checked again each load.
    const plain = await fetch(`${service.url}${path}?v=0000000000000000`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('cache-control')).toBe('no-cache');
    expect(await plain.text()).toBe(text);
  }
});
