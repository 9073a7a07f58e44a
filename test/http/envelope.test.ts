import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service.stop();
});

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(`${service.url}${path}`, init);
  const text = await res.text();
  let body: Record<string, unknown> | null = null;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: asserted by the caller */
  }
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

  test('a NUL character anywhere (path, query, JSON, form) is a 400 naming where, never a 500', async () => {
    const admin = await newTenant(service);
    const auth = { authorization: `Bearer ${admin.adminToken}` };
    const json = { ...auth, 'content-type': 'application/json' };
    const cases: Array<[string, RequestInit, string]> = [
      ['/v1/platform/apps/%00', { headers: auth }, 'URL'],
      ['/v1/webhooks?cursor=a%00b', { headers: auth }, 'URL'],
      [
        '/v1/platform/apps',
        {
          method: 'POST',
          headers: json,
          body: JSON.stringify({
            name: 'a\u0000b',
            grant_types: ['client_credentials'],
            requested_scopes: ['webhooks:write'],
          }),
        },
        'name:',
      ],
      [
        '/v1/events',
        {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ type: 'case.updated', data: { nested: [{ 'k\u0000': 1 }] } }),
        },
        'data.nested.0.k',
      ],
      [
        '/v1/oauth/token',
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials&client_id=%00&client_secret=x',
        },
        'client_id:',
      ],
    ];
    for (const [path, init, where] of cases) {
      const { res, body } = await call(path, init);
      expect(res.status).toBe(400);
      expectEnvelope(body, 'invalid_request');
      expect(body!.error_description as string).toContain(where);
    }
    // A cursor that decodes to a day that does not exist, or to an id with a NUL, is refused too.
    for (const forged of [
      ['2024-02-30 10:00:00+00', 'app_x'],
      ['2024-02-29 10:00:00+00', 'app_\u0000'],
    ]) {
      const cursor = Buffer.from(JSON.stringify(forged)).toString('base64url');
      const { res, body } = await call(`/v1/platform/apps?cursor=${cursor}`, { headers: auth });
      expect(res.status).toBe(400);
      expect(body!.error_description).toBe('cursor: not a cursor this service issued');
    }
    // A JSON-escaped backslash before "u0000" is not a NUL: accepted.
    const fine = await call('/v1/events', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ type: 'case.updated', data: { path: 'C:\\u0000' } }),
    });
    expect(fine.res.status).toBe(202);
  });

  test('oversized body: 413 before anything is read', async () => {
    const { res, body } = await call('/v1/anything', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(service.config.maxBodyBytes + 1),
    });
    expect(res.status).toBe(413);
    expectEnvelope(body, 'payload_too_large');
  });
});
