// Every list's `limit` is a whole number from 1 to 200, checked at the door with an answer that
// names it: `limit=1.5` used to reach Postgres and come back as a generic 400.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

let service: TestService;
let adminToken = '';
let lists: string[] = [];

interface Op {
  parameters?: Array<{ name: string; in: string }>;
}

beforeAll(async () => {
  service = await startTestService({ workers: false });
  adminToken = (await newTenant(service)).adminToken;
  const doc = (await (await fetch(`${service.url}/api/docs`)).json()) as { paths: Record<string, Record<string, Op>> };
  lists = Object.entries(doc.paths)
    .filter(([, item]) => item.get?.parameters?.some((p) => p.name === 'limit' && p.in === 'query'))
    .map(([path]) => path)
    .filter((path) => path.startsWith('/v1/') && !path.startsWith('/v1/studio/'));
}, 30_000);
afterAll(() => service.stop());

test('the lists are found in the served document', () => {
  expect(lists.length).toBeGreaterThan(5);
  expect(lists).toContain('/v1/webhooks');
});

test.each(['1.5', 'abc', '', '0', '201', '-3'])('limit=%p is a 400 naming limit on every list', async (limit) => {
  for (const path of lists) {
    const url = `${service.url}${path.replace(/\{\w+\}/g, 'wh_0000000000000000000000')}?limit=${encodeURIComponent(limit)}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${adminToken}` } });
    const body = (await res.json()) as { error: string; error_description: string };
    expect({ path, status: res.status, error: body.error }).toEqual({ path, status: 400, error: 'invalid_request' });
    expect(body.error_description).toStartWith('limit: ');
  }
});

test('a whole number in range is taken', async () => {
  const res = await fetch(`${service.url}/v1/webhooks?limit=7`, { headers: { authorization: `Bearer ${adminToken}` } });
  expect(res.status).toBe(200);
});
