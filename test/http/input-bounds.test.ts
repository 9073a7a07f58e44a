// Input that used to be a 500 or to be stored changed: deep JSON, numbers a double cannot
// hold, bodies of the wrong JSON type, oversized bodies of any size and transfer encoding,
// impossible dates. Each answer is a 4xx in the envelope, naming the field or the limit.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

type Json = Record<string, unknown>;
let service: TestService;
let admin: Awaited<ReturnType<typeof newTenant>>;
beforeAll(async () => {
  service = await startTestService({ workers: false });
  admin = await newTenant(service);
});
afterAll(async () => {
  await service.stop();
});

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(`${service.url}${path}`, init);
  const text = await res.text();
  let body: Json | null = null;
  try {
    body = JSON.parse(text) as Json;
  } catch {
    /* asserted below */
  }
  return { res, body, text };
}

const json = () => ({ authorization: `Bearer ${admin.adminToken}`, 'content-type': 'application/json' });
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

function expectRefusal(r: Awaited<ReturnType<typeof call>>, status: number, error: string, mentions?: string) {
  expect(r.res.status).toBe(status);
  expect(r.body).toMatchObject({ error });
  expect(typeof r.body!.error_description).toBe('string');
  expect(r.res.headers.get('x-request-id')).toMatch(/^req_/);
  if (mentions) expect(r.body!.error_description as string).toContain(mentions);
}

describe('JSON nesting depth', () => {
  test('50,000 levels on an unauthenticated route: 400 naming the limit, not a 500', async () => {
    const r = await call('/v1/integration-requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep(50_000),
    });
    expectRefusal(r, 400, 'invalid_request', `the limit is ${service.config.maxJsonDepth} (MAX_JSON_DEPTH)`);
  });

  test('deep event data: 400 naming the field, before the database; at the limit it is stored', async () => {
    const limit = service.config.maxJsonDepth;
    const over = await call('/v1/events', {
      method: 'POST',
      headers: json(),
      body: `{"type":"case.updated","data":{"a":${deep(limit)}}}`,
    });
    expectRefusal(over, 400, 'invalid_request', 'data.a.0.0');
    // The body itself and data are two levels: data.a may hold limit - 2 more.
    const at = await call('/v1/events', {
      method: 'POST',
      headers: json(),
      body: `{"type":"case.updated","data":{"a":${deep(limit - 2)}}}`,
    });
    expect(at.res.status).toBe(202);
  });

  test('the default is documented and MAX_JSON_DEPTH is bounded', () => {
    expect(service.config.maxJsonDepth).toBe(64);
  });
});

describe('numbers that a double would change', () => {
  test('1e400, a 30-digit integer, 2^53 + 1 and an underflow are refused naming the field', async () => {
    for (const [value, field] of [
      ['1e400', 'data.big'],
      ['123456789012345678901234567890', 'data.big'],
      ['9007199254740993', 'data.big'],
      ['1e-400', 'data.big'],
    ]) {
      const r = await call('/v1/events', {
        method: 'POST',
        headers: json(),
        body: `{"type":"case.updated","data":{"big":${value}}}`,
      });
      expectRefusal(r, 400, 'invalid_request', `${field}: the number ${value} cannot be kept exactly`);
    }
  });

  test('numbers a double keeps are stored as sent', async () => {
    const r = await call('/v1/events', {
      method: 'POST',
      headers: json(),
      body: '{"type":"case.updated","data":{"n":[1.5,1e300,9007199254740992,-0.001,100000000000000000000,12.50]}}',
    });
    expect(r.res.status).toBe(202);
    const row = (await service.db.query<{ data: Json }>('select data from events where id = $1', [r.body!.id]))[0]!;
    expect(row.data).toEqual({ n: [1.5, 1e300, 9007199254740992, -0.001, 1e20, 12.5] });
  });
});

describe('bodies of the wrong JSON type', () => {
  test('arrays, strings, numbers and null are refused where an object is expected; rotate-secret does not rotate', async () => {
    const app = await call('/v1/platform/apps', {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({
        name: 'Typed',
        grant_types: ['client_credentials'],
        requested_scopes: ['webhooks:write'],
      }),
    });
    const id = app.body!.client_id as string;
    const routes: Array<[string, string]> = [
      ['POST', `/v1/platform/apps/${id}/rotate-secret`],
      ['PATCH', `/v1/platform/apps/${id}/governance`],
      ['POST', '/v1/platform/apps'],
      ['POST', '/v1/integration-requests'],
      ['POST', '/v1/events'],
      ['POST', '/v1/webhooks'],
      ['POST', `/v1/platform/apps/${id}/service-token`],
    ];
    for (const [method, path] of routes) {
      for (const [body, kind] of [
        ['[]', 'an array'],
        ['"x"', 'a string'],
        ['12', 'a number'],
        ['null', 'null'],
        ['true', 'a boolean'],
      ]) {
        const r = await call(path, { method, headers: json(), body });
        expectRefusal(r, 400, 'invalid_request', `body: must be a JSON object, got ${kind}`);
      }
    }
    const described = await call(`/v1/platform/apps/${id}`, { headers: json() });
    expect((described.body!.client_secret_rotation as Json).state).toBe('single');
    // The secret issued at registration still authenticates: nothing rotated.
    const token = await fetch(`${service.url}/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: id,
        client_secret: app.body!.client_secret as string,
      }),
    });
    expect(token.status).toBe(200);
  });
});

describe('oversized bodies', () => {
  const over = (bytes: number) => 'x'.repeat(bytes);

  test('a declared length at any size: 413 in the envelope with a request id', async () => {
    for (const size of [service.config.maxBodyBytes + 1, Math.round(1.5 * 1_048_576), 3 * 1_048_576]) {
      const r = await call('/v1/integration-requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: over(size),
      });
      expectRefusal(r, 413, 'payload_too_large', 'MAX_BODY_BYTES');
    }
  });

  test('chunked, with no Content-Length, past the limit and past twice the limit: 413 in the envelope', async () => {
    for (const size of [service.config.maxBodyBytes + 10, 3 * 1_048_576]) {
      const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= size) return controller.close();
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const r = await call('/v1/integration-requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expectRefusal(r, 413, 'payload_too_large', 'MAX_BODY_BYTES');
    }
  });
});

describe('dates and database errors', () => {
  test("recover with a day that does not exist: 400 in the service's words", async () => {
    const hook = await call('/v1/webhooks', {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ url: 'https://receiver.example/h', events: ['case.updated'] }),
    });
    expect(hook.res.status).toBe(201);
    for (const [since, words] of [
      ['2026-02-30', 'since: 2026-02 has no day 30'],
      ['2026-13-01T00:00:00Z', 'since: there is no month 13'],
      ['2026-01-01T24:00:00Z', 'since: the time of day is out of range'],
      ['yesterday', 'since: not an ISO 8601 time'],
      ['0000-01-01', 'since: the year must be 0001 or later'],
    ]) {
      const r = await call(`/v1/webhooks/${hook.body!.id}/recover`, {
        method: 'POST',
        headers: json(),
        body: JSON.stringify({ since }),
      });
      expectRefusal(r, 400, 'invalid_request', words);
      expect(r.text).not.toMatch(/date\/time|out of range: "|postgres/i);
    }
    const fine = await call(`/v1/webhooks/${hook.body!.id}/recover`, {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ since: '2024-02-29T12:00:00+01:00' }),
    });
    expect(fine.res.status).toBe(202);
  });
});

describe('headers', () => {
  test('X-Content-Type-Options: nosniff on every kind of answer', async () => {
    const answers = [
      await fetch(`${service.url}/healthz`),
      await fetch(`${service.url}/v1/nothing-here`),
      await fetch(`${service.url}/studio`),
      await fetch(`${service.url}/v1/integration-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(10 * 1_048_576) },
        body: '{}',
      }).catch(() => null),
      await fetch(`${service.url}/v1/platform/apps`, { headers: json() }),
      await fetch(`${service.url}/v1/oauth/authorize?client_id=nope`, { redirect: 'manual' }),
    ];
    for (const res of answers) {
      if (!res) continue;
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      await res.arrayBuffer();
    }
    expect(answers.filter((r) => r !== null).length).toBeGreaterThanOrEqual(5);
  });
});
