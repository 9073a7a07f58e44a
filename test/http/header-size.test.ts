// Headers too large are 431 in the error envelope, on Bun and on Deno as `npm start` and
// `npm run start:deno` run them: the service checks MAX_HEADER_BYTES itself, below the runtime
// parser's own limit (which answers a bare 431 with no body). Heads under the limit still work.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { RUNTIMES, send, spawnServe, type Spawned } from '../support/spawned.ts';

const servers = new Map<string, Spawned>();
beforeAll(async () => {
  for (const runtime of RUNTIMES) servers.set(runtime, await spawnServe(runtime, { MAX_HEADER_BYTES: '8192' }));
}, 120_000);
afterAll(async () => {
  for (const server of servers.values()) await server.stop();
});

describe.each(RUNTIMES)('%s', (runtime) => {
  const server = () => servers.get(runtime) as Spawned;

  test('a head under MAX_HEADER_BYTES is served as usual', async () => {
    const answer = await send(`${server().url}/healthz`, { headers: { 'x-padding': 'p'.repeat(6_000) } });
    expect(answer.status).toBe(200);
  });

  test.each([
    ['one header of 9 KB', { 'x-padding': 'p'.repeat(9_000) }],
    ['one header of 40 KB', { 'x-padding': 'p'.repeat(40_000) }],
    ['a cookie of 20 KB', { cookie: `a=${'c'.repeat(20_000)}` }],
    [
      'sixty headers of 200 bytes',
      Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`x-h${i}`, 'v'.repeat(200)])),
    ],
  ])('%s: 431 in the error envelope, naming the limit', async (_, headers) => {
    const answer = await send(`${server().url}/v1/webhooks`, { headers });
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toBe('application/json');
    const body = JSON.parse(answer.body) as { error: string; error_description: string };
    expect(body.error).toBe('request_header_fields_too_large');
    expect(body.error_description).toContain('the limit is 8192 bytes (MAX_HEADER_BYTES)');
  });

  test('the server keeps serving afterwards', async () => {
    expect((await send(`${server().url}/healthz`)).status).toBe(200);
  });
});
