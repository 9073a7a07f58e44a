// Receivers are someone else's servers: what they send back is hostile input. One tenant's
// receivers answer with everything a delivery engine can choke on (absurd Retry-After values,
// NUL bytes, invalid UTF-8, a gzip bomb, thousands of headers, a body that drips, a connection
// reset mid-body); another tenant publishes beside them to a healthy receiver. Every result of
// both is recorded, once, and the other tenant's events arrive once each.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createServer, type Server, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { api, until, type Json } from '../support/webhooks.ts';

const TIMEOUT_MS = 2000;

/** What each hostile receiver writes back once it has read a request (raw bytes, so nothing normalises them first). */
const ANSWERS: Record<string, (socket: Socket) => void> = {
  retry_after_huge: (s) =>
    s.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 99999999999\r\nContent-Length: 0\r\n\r\n'),
  retry_after_negative: (s) => s.end('HTTP/1.1 429 Too Many Requests\r\nRetry-After: -5\r\nContent-Length: 0\r\n\r\n'),
  retry_after_garbage: (s) =>
    s.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: soon, maybe; 1e99\r\nContent-Length: 0\r\n\r\n'),
  retry_after_far_date: (s) =>
    s.end(
      'HTTP/1.1 503 Service Unavailable\r\nRetry-After: Fri, 31 Dec 9999 23:59:59 GMT\r\nContent-Length: 0\r\n\r\n',
    ),
  nul_in_body: (s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nok\u0000\u0000ok\u0000!'),
  invalid_utf8: (s) => {
    s.write('HTTP/1.1 500 Internal Server Error\r\nContent-Length: 6\r\n\r\n');
    s.end(Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0xa0]));
  },
  gzip_bomb: (s) => {
    s.write(`HTTP/1.1 500 Internal Server Error\r\nContent-Encoding: gzip\r\nContent-Length: ${BOMB.length}\r\n\r\n`);
    s.end(BOMB);
  },
  thousands_of_headers: (s) => {
    const headers = Array.from({ length: 5000 }, (_, i) => `X-Header-${i}: ${'v'.repeat(40)}\r\n`).join('');
    s.end(`HTTP/1.1 200 OK\r\n${headers}Content-Length: 2\r\n\r\nok`);
  },
  drips_slowly: (s) => {
    s.write('HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n');
    const drip = setInterval(() => (s.destroyed ? clearInterval(drip) : s.write('.')), 200);
    s.on('close', () => clearInterval(drip));
  },
  reset_mid_body: (s) => {
    s.write(`HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n${'x'.repeat(100)}`);
    setTimeout(() => s.resetAndDestroy(), 50);
  },
};
// 20 MB of zeros, compressed to about 20 KB: decompressed, every byte is a NUL.
const BOMB = gzipSync(new Uint8Array(20_000_000));

let service: TestService;
const servers: Server[] = [];
const healthy: Array<ReturnType<typeof Bun.serve>> = [];

/** A raw TCP receiver: reads each request (headers and its Content-Length of body), then answers as `answer` does. */
function hostileReceiver(answer: (socket: Socket) => void): Promise<string> {
  const server = createServer((socket) => {
    let buffered = Buffer.alloc(0);
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length: *(\d+)/i.exec(buffered.subarray(0, end).toString())?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      buffered = Buffer.alloc(0);
      answer(socket);
    });
  });
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`);
    }),
  );
}

beforeAll(async () => {
  service = await startTestService({ env: { WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS), WORKER_BATCH_SIZE: '50' } });
}, 30_000);
afterAll(async () => {
  for (const s of servers) s.close();
  for (const s of healthy) s.stop(true);
  await service.stop();
});

describe('hostile receivers', () => {
  test("every result is recorded once, and another tenant's deliveries arrive once each", async () => {
    const hostile = await newTenant(service);
    const quiet = await newTenant(service);
    const hooks = new Map<string, string>();
    for (const [name, answer] of Object.entries(ANSWERS)) {
      const created = await api(service.url, 'POST', '/v1/webhooks', hostile.adminToken, {
        url: await hostileReceiver(answer),
        events: ['case.updated'],
      });
      expect(created.status).toBe(201);
      hooks.set(name, created.body.id as string);
    }
    const arrivals: string[] = [];
    const receiver = Bun.serve({
      port: 0,
      hostname: '127.0.0.1',
      fetch: async (req) => {
        arrivals.push(req.headers.get('webhook-id') ?? '');
        await req.arrayBuffer();
        return new Response('ok');
      },
    });
    healthy.push(receiver);
    const quietHook = await api(service.url, 'POST', '/v1/webhooks', quiet.adminToken, {
      url: `http://127.0.0.1:${receiver.port}/hook`,
      events: ['case.updated'],
    });
    expect(quietHook.status).toBe(201);

    // Both tenants publish at once, ten events each: the hostile tenant's fan out to every
    // hostile receiver.
    const publish = (token: string, i: number) =>
      api(service.url, 'POST', '/v1/events', token, { type: 'case.updated', data: { case_id: `c${i}`, n: i } });
    const published = await Promise.all(
      Array.from({ length: 10 }, (_, i) => [publish(hostile.adminToken, i), publish(quiet.adminToken, i)]).flat(),
    );
    for (const p of published) expect(p.status).toBe(202);
    const quietEvents = published.filter((_, i) => i % 2 === 1).map((p) => p.body.id as string);

    // The quiet tenant's ten events arrive, once each, and are recorded as succeeded after one attempt.
    await until("the quiet tenant's deliveries", async () => arrivals.length >= 10, 400);
    const quietDeliveries = await until("the quiet tenant's results", async () => {
      const r = await api(
        service.url,
        'GET',
        `/v1/webhooks/${quietHook.body.id}/deliveries?limit=100`,
        quiet.adminToken,
      );
      const list = r.body.deliveries as Json[];
      return list.length === 10 && list.every((d) => d.status === 'succeeded') && list;
    });
    expect(quietDeliveries.map((d) => d.attempt)).toEqual(Array(10).fill(1));
    expect([...arrivals].sort()).toEqual([...quietEvents].sort());

    // Every hostile delivery has its first attempt recorded (none left sending), with what
    // the receiver said normalised: no NUL, at most 4 KiB, a bounded retry.
    const longest = Math.max(...service.config.webhookRetrySchedule);
    for (const [name, id] of hooks) {
      const list = await until(
        `${name}'s results`,
        async () => {
          const r = await api(service.url, 'GET', `/v1/webhooks/${id}/deliveries?limit=100`, hostile.adminToken);
          const deliveries = r.body.deliveries as Json[];
          return (
            deliveries.length === 10 &&
            deliveries.every((d) => d.status !== 'queued' && d.status !== 'sending') &&
            deliveries
          );
        },
        400,
      );
      for (const d of list) {
        expect({ name, attempt: d.attempt }).toEqual({ name, attempt: 1 });
        const detail = await api(service.url, 'GET', `/v1/webhooks/${id}/deliveries/${d.id}`, hostile.adminToken);
        const attempts = detail.body.attempts as Json[];
        expect(attempts).toHaveLength(1);
        const body = String(attempts[0]!.response_body ?? '');
        expect(body.includes('\u0000')).toBe(false);
        expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(4096);
        if (d.next_attempt_at) {
          const wait = Date.parse(String(d.next_attempt_at)) - Date.now();
          expect(wait).toBeLessThanOrEqual(longest * 1.01);
        }
      }
      const first = list[0]!;
      switch (name) {
        case 'retry_after_huge':
        case 'retry_after_far_date':
          expect(first).toMatchObject({ status: 'retrying', next_attempt_reason: 'retry_after' });
          break;
        case 'retry_after_negative':
        case 'retry_after_garbage':
          expect(first).toMatchObject({ status: 'retrying', next_attempt_reason: 'schedule' });
          break;
        case 'nul_in_body':
          expect(first).toMatchObject({ status: 'succeeded', response_status: 200 });
          break;
        case 'drips_slowly':
        case 'reset_mid_body':
          // The status came: a 2xx is success; the body that never came whole is said beside it.
          expect(first).toMatchObject({ status: 'succeeded', response_status: 200 });
          expect(String(first.error)).toContain('response body not read');
          break;
      }
    }
    // Still once each, after every hostile result was recorded.
    expect(arrivals).toHaveLength(10);
  }, 60_000);
});
