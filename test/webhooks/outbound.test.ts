// The outbound request to a checked target goes to the checked address and nowhere else: no
// lookup of its own (the names here are under .invalid, which never resolves), with the Host
// header and the TLS server name of the URL's host.
import { afterAll, describe, expect, test } from 'bun:test';
import { createServer } from 'node:tls';
import { postWebhook } from '../../src/webhooks/http-client.ts';

interface Seen {
  host: string | null;
  path: string;
  body: string;
}
const servers: Array<{ stop(): void }> = [];
afterAll(() => {
  for (const s of servers) s.stop();
});

function receiver(hostname: string) {
  const seen: Seen[] = [];
  const server = Bun.serve({
    hostname,
    port: 0,
    fetch: async (req) => {
      const url = new URL(req.url);
      seen.push({ host: req.headers.get('host'), path: url.pathname + url.search, body: await req.text() });
      return new Response('pinned', { status: 202 });
    },
  });
  servers.push({ stop: () => server.stop(true) });
  return { port: server.port!, seen };
}

describe('pinned outbound requests', () => {
  test('http: the request reaches the checked IPv4 address with the original Host, path and body', async () => {
    const r = receiver('127.0.0.1');
    const result = await postWebhook(
      { url: `http://receiver.invalid:${r.port}/in?x=1`, address: '127.0.0.1' },
      '{"n":1}',
      { 'content-type': 'application/json' },
      5_000,
    );
    expect(result).toMatchObject({ status: 202, body: 'pinned', error: null });
    expect(r.seen).toEqual([{ host: `receiver.invalid:${r.port}`, path: '/in?x=1', body: '{"n":1}' }]);
    // Unpinned, the same URL needs a lookup, and that fails: the pinned request made none.
    const plain = await postWebhook(`http://receiver.invalid:${r.port}/in`, '{}', {}, 5_000);
    expect(plain.status).toBeNull();
    expect(plain.error).toStartWith('connection failed');
    expect(r.seen).toHaveLength(1);
  });

  test('http: an IPv6 address is connected to as well', async () => {
    const r = receiver('::1');
    const result = await postWebhook({ url: `http://receiver.invalid:${r.port}/six`, address: '::1' }, '{}', {}, 5_000);
    expect(result.status).toBe(202);
    expect(r.seen).toEqual([{ host: `receiver.invalid:${r.port}`, path: '/six', body: '{}' }]);
  });

  test('https: the TLS server name sent to the checked address is the original host', async () => {
    const names: string[] = [];
    // No certificate is served: the handshake records the server name asked for and fails.
    const tls = createServer({
      SNICallback: (name, done) => {
        names.push(name);
        done(new Error('no certificate here'));
      },
    });
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', () => resolve()));
    servers.push({ stop: () => tls.close() });
    const port = (tls.address() as { port: number }).port;
    const result = await postWebhook(
      { url: `https://receiver.invalid:${port}/in`, address: '127.0.0.1' },
      '{}',
      {},
      5_000,
    );
    expect(result.status).toBeNull();
    expect(result.error).toStartWith('connection failed');
    expect(names).toEqual(['receiver.invalid']);
  });
});
