// Webhook receivers over TLS, with real certificates made by the test (a CA and leaves it
// issued, and a self-signed one): a certificate the receiver presents is checked, a refused one
// is recorded as its own error and nothing is sent, on Bun and on Deno alike; WEBHOOK_CA_FILE
// adds a private CA. Requests go both to a name pinned to its checked address (the TLS server
// name is the URL's host) and to an address literal.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createServer, type Server } from 'node:https';
import { join } from 'node:path';
import { postWebhook } from '../../src/webhooks/http-client.ts';
import { makeTestPki, type Leaf } from '../support/certs.ts';

const root = join(import.meta.dir, '../..');
const pki = makeTestPki();
const servers: Server[] = [];
const received: Record<string, number> = {};

/** An HTTPS receiver presenting `leaf`; counts the requests that reached it. */
async function receiver(label: string, leaf: Leaf): Promise<number> {
  received[label] = 0;
  const server = createServer({ cert: leaf.cert, key: leaf.key }, (req, res) => {
    received[label]!++;
    req.resume();
    req.on('end', () => res.writeHead(202).end('tls ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return (server.address() as { port: number }).port;
}

interface Case {
  label: string;
  url: string;
  address: string | null;
  extraCa: string | null;
  expect: { status: number | null; error: string | null };
}
const cases: Case[] = [];

beforeAll(async () => {
  const certs: Record<string, Leaf> = {
    valid: pki.leaf('valid'),
    expired: pki.leaf('expired', { expired: true }),
    'wrong-name': pki.leaf('wrong-name', { names: ['other.test'] }),
    'self-signed': pki.selfSigned('self-signed'),
  };
  const refused: Record<string, string> = {
    expired: 'tls: certificate has expired',
    'wrong-name': 'tls: hostname mismatch',
    'self-signed': 'tls: self-signed certificate',
  };
  for (const [label, leaf] of Object.entries(certs)) {
    const port = await receiver(label, leaf);
    for (const [how, url, address] of [
      ['pinned', `https://receiver.test:${port}/in`, '127.0.0.1'],
      ['literal', `https://127.0.0.1:${port}/in`, null],
    ] as const) {
      const refusal = refused[label];
      cases.push({
        label: `${label}, ${how}, with the CA`,
        url,
        address,
        extraCa: pki.ca,
        expect: refusal ? { status: null, error: refusal } : { status: 202, error: null },
      });
      // Without WEBHOOK_CA_FILE the test CA is unknown: the valid leaf is refused for that.
      if (label === 'valid')
        cases.push({
          label: `${label}, ${how}, without the CA`,
          url,
          address,
          extraCa: null,
          expect: { status: null, error: 'tls: unknown certificate authority' },
        });
    }
  }
}, 60_000);
afterAll(() => {
  for (const s of servers) s.close();
});

const outcome = (r: { status: number | null; error: string | null }) => ({ status: r.status, error: r.error });

describe('webhook receivers over TLS', () => {
  test('on Bun: each certificate is accepted or refused with its own error; refused ones receive nothing', async () => {
    const before = { ...received };
    for (const c of cases) {
      const r = await postWebhook(
        c.address === null ? c.url : { url: c.url, address: c.address },
        '{}',
        {},
        5_000,
        c.extraCa,
      );
      expect({ case: c.label, ...outcome(r) }).toEqual({ case: c.label, ...c.expect });
      if (r.status === 202) expect(r.body).toBe('tls ok');
    }
    expect(received.valid! - before.valid!).toBe(2); // pinned and literal, with the CA
    for (const label of ['expired', 'wrong-name', 'self-signed']) expect(received[label]).toBe(before[label]);
  }, 30_000);

  test('on Deno: the same cases, the same errors', async () => {
    const before = { ...received };
    const run = Bun.spawn(
      [
        join(root, 'node_modules/.bin/deno'),
        'run',
        '--allow-all',
        '--unstable-sloppy-imports',
        'test/support/deno-post.ts',
        JSON.stringify(cases),
      ],
      { cwd: root, stdout: 'pipe', stderr: 'pipe' },
    );
    const [out, err, code] = await Promise.all([
      new Response(run.stdout).text(),
      new Response(run.stderr).text(),
      run.exited,
    ]);
    expect({ code, err }).toEqual({ code: 0, err: expect.any(String) });
    const results = JSON.parse(out.trim().split('\n').at(-1)!) as Array<{
      status: number | null;
      body: string;
      error: string | null;
    }>;
    expect(results.map((r, i) => ({ case: cases[i]?.label, ...outcome(r) }))).toEqual(
      cases.map((c) => ({ case: c.label, ...c.expect })),
    );
    expect(received.valid! - before.valid!).toBe(2);
    for (const label of ['expired', 'wrong-name', 'self-signed']) expect(received[label]).toBe(before[label]);
  }, 60_000);
});
