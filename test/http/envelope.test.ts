import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { startTestService, type TestService } from '../support/service.ts';

let service: TestService;
beforeAll(async () => { service = await startTestService(); });
afterAll(async () => { await service.stop(); });

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(`${service.url}${path}`, init);
  const text = await res.text();
  let body: Record<string, unknown> | null = null;
  try { body = JSON.parse(text); } catch { /* not JSON: asserted by the caller */ }
  return { res, body, text };
}

describe('operations endpoints', () => {
  test('/healthz and /readyz answer on a migrated database', async () => {
    expect((await call('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await call('/readyz');
    expect(ready.res.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
  });

  test('/metrics is Prometheus text that counts requests by route and status', async () => {
    await call('/healthz');
    const { res, text } = await call('/metrics');
    expect(res.headers.get('content-type')).toStartWith('text/plain; version=0.0.4');
    expect(text).toMatch(/^argus_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+$/m);
    expect(text).toContain('# TYPE argus_http_request_duration_seconds histogram');
  });

  test('every response carries a request id; a sane one from the client is kept', async () => {
    const mine = await call('/healthz', { headers: { 'x-request-id': 'trace-abc.123' } });
    expect(mine.res.headers.get('x-request-id')).toBe('trace-abc.123');
    const bad = await call('/healthz', { headers: { 'x-request-id': 'no spaces <allowed>' } });
    expect(bad.res.headers.get('x-request-id')).toMatch(/^req_[A-Za-z0-9]{22}$/);
  });
});

describe('the error envelope', () => {
  const expectEnvelope = (body: Record<string, unknown> | null, error: string) => {
    expect(body).not.toBeNull();
    expect(body!.error).toBe(error);
    expect(typeof body!.error_description).toBe('string');
  };

  test('unknown route: 404', async () => {
    const { res, body } = await call('/v1/nothing-here');
    expect(res.status).toBe(404);
    expectEnvelope(body, 'not_found');
    expect(res.headers.get('content-type')).toBe('application/json');
  });

  test('wrong method: 405 with Allow', async () => {
    const { res, body } = await call('/healthz', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    expectEnvelope(body, 'method_not_allowed');
  });

  test('oversized body: 413 before anything is read', async () => {
    const { res, body } = await call('/v1/anything', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(service.config.maxBodyBytes + 1) });
    expect(res.status).toBe(413);
    expectEnvelope(body, 'payload_too_large');
  });
});
