// A JSON body is taken as sent or refused: bytes that are not UTF-8 were replaced by U+FFFD and
// a leading byte order mark dropped, silently changing what a tenant stored. Both are now a 400
// in the envelope, on every route that reads a body (they all read it the same way).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

let service: TestService;
let adminToken = '';
let tenantId = '';

beforeAll(async () => {
  service = await startTestService({ workers: false });
  const t = await newTenant(service);
  adminToken = t.adminToken;
  tenantId = t.tenantId;
}, 30_000);
afterAll(() => service.stop());

const enc = new TextEncoder();
const ROUTES: Array<[string, string]> = [
  ['/v1/events', JSON.stringify({ type: 'case.created', data: { case_id: 'c-1' } })],
  ['/v1/webhooks', JSON.stringify({ url: 'https://integrator.example/hook', events: ['case.created'] })],
  ['/graphql', JSON.stringify({ query: '{ __typename }' })],
];

function post(path: string, bytes: Uint8Array<ArrayBuffer>) {
  return fetch(`${service.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', 'x-tenant-id': tenantId },
    body: bytes,
  });
}

/** The body with two bytes that are not UTF-8 inside its first string. */
function withInvalidUtf8(json: string): Uint8Array<ArrayBuffer> {
  const at = json.indexOf('"', json.indexOf(':')) + 1;
  return new Uint8Array([...enc.encode(json.slice(0, at)), 0xff, 0xfe, ...enc.encode(json.slice(at))]);
}

describe('a JSON body is UTF-8 without a byte order mark', () => {
  test.each(ROUTES)('%s: invalid UTF-8 is a 400 naming the body', async (path, json) => {
    const res = await post(path, withInvalidUtf8(json));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_request', error_description: 'body: is not valid UTF-8' });
  });

  test.each(ROUTES)('%s: a leading byte order mark is a 400 naming it', async (path, json) => {
    const res = await post(path, new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(json)]));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toContain('byte order mark');
  });

  test('nothing was written by the refused publishes; text beyond ASCII goes through unchanged', async () => {
    const before = await service.db.query<{ n: number }>('select count(*)::int as n from events where tenant_id = $1', [
      tenantId,
    ]);
    expect(before[0]!.n).toBe(0);
    const res = await post(
      '/v1/events',
      enc.encode(JSON.stringify({ type: 'case.created', data: { case_id: 'ünï ✓ 𝄞' } })),
    );
    expect(res.status).toBe(202);
    const [row] = await service.db.query<{ case_id: string }>(
      `select data->>'case_id' as case_id from events where tenant_id = $1`,
      [tenantId],
    );
    expect(row!.case_id).toBe('ünï ✓ 𝄞');
  });
});
