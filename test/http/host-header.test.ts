// The router sees the path the client sent, whatever the Host header: a short, odd or invalid
// Host neither shifts a path onto another route (`Host: x` made /zz/metrics answer /metrics)
// nor makes a valid request fail. Sent over raw sockets, since clients fix the Host themselves.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { connect } from 'node:net';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

let service: TestService;
let adminToken: string;

beforeAll(async () => {
  service = await startTestService({ workers: false });
  adminToken = (await newTenant(service)).adminToken;
}, 30_000);
afterAll(() => service.stop());

/** One HTTP/1.1 request as written, with `host` as its Host header (none when null); answers status and body. */
function raw(
  method: string,
  path: string,
  host: string | null,
  headers: Record<string, string> = {},
  body = '',
): Promise<{ status: number; body: string }> {
  const { port } = new URL(service.url);
  const lines = [
    `${method} ${path} HTTP/1.1`,
    ...(host === null ? [] : [`Host: ${host}`]),
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ...(body ? [`Content-Length: ${Buffer.byteLength(body)}`] : []),
    'Connection: close',
  ];
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('end', () => {
      const status = Number(answer.slice(9, 12));
      const split = answer.indexOf('\r\n\r\n');
      resolve({ status, body: split === -1 ? '' : answer.slice(split + 4) });
    });
  });
}

// The last ones the runtime puts in the request URL as they are, though `new URL` refuses them.
const HOSTS = ['x', 'ab', 'a:1', 'a/b', 'a?b', 'ü', 'a b', '[::1]', 'localhost:99999', 'example.com:65536', 'a:-1'];

describe('routing ignores the Host header', () => {
  test.each(HOSTS)('Host %p: /zz/metrics is not /metrics, /aa/v1/webhooks is not /v1/webhooks', async (host) => {
    const metrics = await raw('GET', '/zz/metrics', host);
    expect(metrics.status).toBe(404);
    expect(metrics.body).toContain('/zz/metrics');
    expect(metrics.body).not.toContain('argus_');
    const shifted = await raw('GET', '/aa/v1/webhooks', host, { Authorization: `Bearer ${adminToken}` });
    expect(shifted.status).toBe(404);
    expect(JSON.parse(shifted.body)).toMatchObject({ error: 'not_found' });
  });

  test.each(HOSTS)('Host %p: a valid request is answered as it would be with a usual Host', async (host) => {
    const list = await raw('GET', '/v1/webhooks?limit=5', host, { Authorization: `Bearer ${adminToken}` });
    expect(list.status).toBe(200);
    expect(JSON.parse(list.body)).toHaveProperty('webhooks');
    // A body goes through with the request.
    const published = await raw(
      'POST',
      '/v1/events',
      host,
      { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      JSON.stringify({ type: 'case.created', data: { case_id: `c-${host}`, title: 'Host test', status: 'open' } }),
    );
    expect(published.status).toBe(202);
    expect(JSON.parse(published.body)).toMatchObject({ type: 'case.created' });
  });

  test.each(HOSTS)('Host %p: a wrong method is 405 and an unknown path 404, in the error envelope', async (host) => {
    const wrongMethod = await raw('PUT', '/healthz', host);
    expect(wrongMethod.status).toBe(405);
    expect(JSON.parse(wrongMethod.body)).toMatchObject({ error: 'method_not_allowed' });
    const unknown = await raw('POST', '/v1/nothing-here', host, { 'Content-Type': 'application/json' }, '{}');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ error: 'not_found' });
  });

  test('a request without a Host header is refused, not routed elsewhere or failed with a 500', async () => {
    const answer = await raw('GET', '/zz/metrics', null);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body).not.toContain('argus_');
  });
});
