// Who may read GET /metrics: loopback clients only by default (the address after
// TRUSTED_PROXIES, so a client behind the proxy is not loopback), a bearer METRICS_TOKEN from
// anywhere, or a listener of its own (METRICS_PORT) with the public one answering 404.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { startTestService, type TestService } from '../support/service.ts';

const OUTSIDE = { 'x-forwarded-for': '203.0.113.9' };
const TOKEN = 'a-metrics-token-of-32-characters';

async function scrape(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), text, res };
}

describe('by default', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ workers: false, env: { TRUSTED_PROXIES: '127.0.0.1' } });
  });
  afterAll(() => service.stop());

  test('a loopback client reads the metrics', async () => {
    const answer = await scrape(`${service.url}/metrics`);
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('argus_http_requests_total');
  });

  test('a client from elsewhere (behind the trusted proxy) is 403 in the envelope, told how to open it', async () => {
    const answer = await scrape(`${service.url}/metrics`, OUTSIDE);
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text)).toMatchObject({ error: 'metrics_not_public' });
    expect(answer.text).toContain('METRICS_TOKEN');
    expect(answer.text).not.toContain('argus_');
  });
});

describe('with METRICS_TOKEN', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ workers: false, env: { TRUSTED_PROXIES: '127.0.0.1', METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => service.stop());

  test.each([
    ['no Authorization', {}],
    ['a wrong token', { authorization: 'Bearer a-metrics-token-of-32-characterz' }],
    ['a prefix of the token', { authorization: `Bearer ${TOKEN.slice(0, 16)}` }],
    ['the token as Basic', { authorization: `Basic ${btoa(`x:${TOKEN}`)}` }],
  ])('%s is 401 with WWW-Authenticate, even from loopback', async (_, headers) => {
    const answer = await scrape(`${service.url}/metrics`, headers);
    expect(answer.status).toBe(401);
    expect(answer.res.headers.get('www-authenticate')).toContain('Bearer');
    expect(JSON.parse(answer.text)).toMatchObject({ error: 'invalid_token' });
    expect(answer.text).not.toContain('argus_');
  });

  test('the token opens it from anywhere', async () => {
    const answer = await scrape(`${service.url}/metrics`, { ...OUTSIDE, authorization: `Bearer ${TOKEN}` });
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('text/plain');
    expect(answer.text).toContain('argus_http_requests_total');
  });
});

describe('with METRICS_PORT', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ workers: false, env: { METRICS_PORT: '0' } });
  });
  afterAll(() => service.stop());

  test('the public listener answers 404; the metrics listener serves them, and nothing else', async () => {
    const publicOne = await scrape(`${service.url}/metrics`);
    expect(publicOne.status).toBe(404);
    expect(JSON.parse(publicOne.text)).toMatchObject({ error: 'not_found' });
    expect(service.metricsUrl).not.toBeNull();
    const own = await scrape(service.metricsUrl as string);
    expect(own.status).toBe(200);
    expect(own.text).toContain('argus_http_requests_total');
    const origin = new URL(service.metricsUrl as string).origin;
    expect((await scrape(`${origin}/v1/webhooks`)).status).toBe(404);
    expect((await scrape(`${origin}/.well-known/jwks.json`)).status).toBe(404);
  });
});
