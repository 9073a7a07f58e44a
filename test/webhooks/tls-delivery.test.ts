// A delivery to a receiver over HTTPS whose certificate has expired: the attempt records the
// certificate error, nothing reaches the receiver, and the delivery is retried on the schedule;
// once the receiver renews its certificate (issued by the private CA of WEBHOOK_CA_FILE), the
// next scheduled attempt delivers. The URL names a host (localhost), so the request is pinned
// to the checked address with that name as TLS server name.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createServer, type Server } from 'node:https';
import { ManualClock } from '../../src/actors/clock.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { makeTestPki } from '../support/certs.ts';

type Json = Record<string, unknown>;
const pki = makeTestPki();
const expired = pki.leaf('expired', { expired: true });
const renewed = pki.leaf('renewed');
let service: TestService;
let clock: ManualClock;
let token = '';
let receiver: Server;
let port = 0;
const got: string[] = [];

/** The receiver, on both loopback families (localhost may resolve to either first). */
async function listen(leaf: { cert: string; key: string }, at: number): Promise<void> {
  receiver = createServer({ cert: leaf.cert, key: leaf.key }, (req, res) => {
    let body = '';
    req
      .on('data', (d: Buffer) => (body += d))
      .on('end', () => {
        got.push(body);
        res.end('ok');
      });
  });
  await new Promise<void>((resolve) => receiver.listen(at, '::', resolve));
  port = (receiver.address() as { port: number }).port;
}

beforeAll(async () => {
  await listen(expired, 0);
  clock = new ManualClock(Date.now());
  service = await startTestService({ clock, env: { WEBHOOK_CA_FILE: pki.caFile } });
  token = (await newTenant(service)).adminToken;
}, 60_000);
afterAll(async () => {
  receiver.close();
  await service.stop();
});

async function api(method: string, path: string, body?: unknown): Promise<Json> {
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as Json;
}

async function until<T>(what: string, fn: () => Promise<T | null>): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = await fn();
    if (v) return v;
    await Bun.sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a webhook receiver with an expired certificate', () => {
  test('the certificate error is recorded, nothing is sent, and the schedule carries on until it is renewed', async () => {
    const hook = await api('POST', '/v1/webhooks', { url: `https://localhost:${port}/hook`, events: ['case.created'] });
    await api('POST', '/v1/events', { type: 'case.created', data: { case_id: 'c1' } });
    const delivery = (attempt: number) =>
      until(`attempt ${attempt}`, async () => {
        const [d] = (await api('GET', `/v1/webhooks/${hook.id}/deliveries`)).deliveries as Json[];
        return d && d.attempt === attempt && d.status !== 'sending' && d.status !== 'pending' ? d : null;
      });

    const first = await delivery(1);
    expect(first).toMatchObject({ status: 'retrying', response_status: null, error: 'tls: certificate has expired' });
    const wait = Date.parse(first.next_attempt_at as string) - clock.now();
    expect(wait).toBeGreaterThanOrEqual(4_000); // the first retry: 5 s ± 20 %
    expect(wait).toBeLessThanOrEqual(6_000);
    const detail = await api('GET', `/v1/webhooks/${hook.id}/deliveries/${first.id}`);
    expect((detail.attempts as Json[])[0]).toMatchObject({
      attempt: 1,
      response_status: null,
      error: 'tls: certificate has expired',
    });

    clock.advance(6_001);
    service.workers.wake();
    const second = await delivery(2);
    expect(second).toMatchObject({ status: 'retrying', error: 'tls: certificate has expired' });
    expect(Date.parse(second.next_attempt_at as string) - clock.now()).toBeGreaterThanOrEqual(240_000); // 5 min ± 20 %
    expect(got).toEqual([]);

    // The receiver renews its certificate (restarting on the same port).
    await new Promise((resolve) => receiver.close(resolve));
    await listen(renewed, port);
    clock.advance(360_001);
    service.workers.wake();
    const third = await delivery(3);
    expect(third).toMatchObject({ status: 'succeeded', response_status: 200, error: null });
    expect(got).toHaveLength(1);
    expect(JSON.parse(got[0]!)).toMatchObject({ type: 'case.created', data: { case_id: 'c1' } });
  }, 60_000);
});
