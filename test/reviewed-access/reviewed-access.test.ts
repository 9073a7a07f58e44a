import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService({ workers: false });
}, 30_000);
afterAll(async () => {
  await service.stop();
});

type Json = Record<string, unknown>;

describe('reviewed-access surfaces', () => {
  const paths = [
    '/api/v1/platform',
    '/api/v1/platform/deployments',
    '/api/v1/platform/agents/a1/releases',
    '/v1/saml',
    '/v1/saml/metadata',
    '/v1/saml/acs/x',
  ];
  const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
  test.each(paths.flatMap((p) => methods.map((m) => [m, p])))(
    '%s %s answers the documented 403',
    async (method, path) => {
      const res = await fetch(`${service.url}${path}`, {
        method,
        ...(method === 'GET' || method === 'DELETE'
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: '{}' }),
      });
      expect(res.status).toBe(403);
      const body = (await res.json()) as Json;
      expect(body.error).toBe('reviewed_access_required');
      expect(String(body.error_description)).toContain('reviewed access');
      expect(body.request_access_url).toBe(`${service.url}/integration-request`);
    },
  );
});

describe('integration requests', () => {
  const good = {
    organisation: 'Integrator Ltd',
    contact_name: 'Ada Lovelace',
    contact_email: 'ada@integrator.example',
    use_case: 'We sync incident updates into our ticketing system and need curated bundles.',
    capabilities: ['curated_graphql_bundles', 'sandbox'],
  };
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${service.url}/v1/integration-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': 'ignored', ...headers },
      body: JSON.stringify(body),
    });

  test('a valid request is stored and acknowledged with a reference and the 2–3 business day expectation', async () => {
    const t = await newTenant(service);
    const res = await post({ ...good, tenant_id: t.tenantId });
    expect(res.status).toBe(201);
    const ack = (await res.json()) as Json;
    expect(ack).toMatchObject({ status: 'received', expected_response: 'within 2–3 business days' });
    expect(ack.reference).toMatch(/^IR-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const list = (await (
      await fetch(`${service.url}/v1/integration-requests`, { headers: { authorization: `Bearer ${t.adminToken}` } })
    ).json()) as Json;
    expect((list.integration_requests as Json[]).map((r) => r.reference)).toEqual([ack.reference]);
    const other = await newTenant(service);
    const theirs = (await (
      await fetch(`${service.url}/v1/integration-requests`, {
        headers: { authorization: `Bearer ${other.adminToken}` },
      })
    ).json()) as Json;
    expect(theirs.integration_requests).toEqual([]);
    const patch = await fetch(`${service.url}/v1/integration-requests/${ack.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${other.adminToken}`, 'content-type': 'application/json' },
      body: '{"status":"approved"}',
    });
    expect(patch.status).toBe(404);
    const mine = await fetch(`${service.url}/v1/integration-requests/${ack.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' },
      body: '{"status":"in_review"}',
    });
    expect(((await mine.json()) as Json).status).toBe('in_review');
  });

  test('bad input gets a 400 naming every bad field', async () => {
    const res = await post({
      organisation: '',
      contact_email: 'not-an-email',
      use_case: 'short',
      capabilities: ['teleportation'],
      tenant_id: 'ten_nope',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; fields: Record<string, string> };
    expect(body.error).toBe('invalid_request');
    expect(Object.keys(body.fields).sort()).toEqual([
      'capabilities',
      'contact_email',
      'contact_name',
      'organisation',
      'tenant_id',
      'use_case',
    ]);
    const unknownField = await post({ ...good, fax: '123' });
    expect(unknownField.status).toBe(400);
  });

  test('requests are rate limited per address', async () => {
    const fresh = await startTestService({ workers: false });
    try {
      const statuses = [];
      for (let i = 0; i < 7; i++) {
        const res = await fetch(`${fresh.url}/v1/integration-requests`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(good),
        });
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    } finally {
      await fresh.stop();
    }
  });
});
