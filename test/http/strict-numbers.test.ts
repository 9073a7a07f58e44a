// A number sent as a string is refused, never quietly converted: what a tenant sends is stored
// as sent or not at all.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { api } from '../support/webhooks.ts';

let service: TestService;
beforeAll(async () => {
  service = await startTestService({ workers: false });
}, 30_000);
afterAll(async () => {
  await service.stop();
});

describe('numbers in request bodies', () => {
  test('a numeric string is a 400 naming the field, on every route that takes an integer', async () => {
    const t = await newTenant(service);
    const app = await api(service.url, 'POST', '/v1/platform/apps', t.adminToken, {
      name: 'Strict',
      grant_types: ['client_credentials'],
      requested_scopes: ['webhooks:read'],
    });
    expect(app.status).toBe(201);
    const clientId = app.body.client_id as string;
    const hook = await api(service.url, 'POST', '/v1/webhooks', t.adminToken, {
      url: 'https://integrator.example/hook',
      events: ['case.updated'],
    });
    expect(hook.status).toBe(201);
    const cases: Array<[string, string, unknown]> = [
      ['PUT', `/v1/webhooks/${hook.body.id}`, { secret_grace_period_seconds: '60' }],
      ['PUT', `/v1/webhooks/${hook.body.id}`, { rate_limit: { per_second: '5' } }],
      [
        'POST',
        '/v1/webhooks',
        { url: 'https://integrator.example/hook', events: ['case.updated'], rate_limit: { per_second: '5' } },
      ],
      ['PATCH', `/v1/platform/apps/${clientId}/governance`, { max_token_lifetime_seconds: '3600' }],
      ['POST', `/v1/platform/apps/${clientId}/rotate-secret`, { grace_period_seconds: '60' }],
      ['POST', `/v1/platform/apps/${clientId}/service-token`, { scopes: ['webhooks:read'], expires_in: '3600' }],
    ];
    for (const [method, path, body] of cases) {
      const res = await api(service.url, method, path, t.adminToken, body);
      expect({ path, body, status: res.status, error: res.body?.error }).toEqual({
        path,
        body,
        status: 400,
        error: 'invalid_request',
      });
      const field = Object.keys(body as object).at(-1)!;
      expect(String(res.body.error_description)).toContain(field);
    }
    expect((await api(service.url, 'GET', `/v1/webhooks/${hook.body.id}`, t.adminToken)).body).toMatchObject({
      rate_limit: null,
    });
  });
});
