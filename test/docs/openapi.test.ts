import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { api } from '../support/webhooks.ts';
import Ajv from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { UNDOCUMENTED } from '../../src/docs/openapi.ts';

let service: TestService;
let doc: {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>;
};
beforeAll(async () => {
  service = await startTestService({ workers: false });
  doc = (await (await fetch(`${service.url}/api/docs`)).json()) as typeof doc;
}, 60_000);
afterAll(async () => {
  await service.stop();
});

/** Elysia's "/v1/platform/apps/:client_id" is OpenAPI's "/v1/platform/apps/{client_id}". */
const toOpenApiPath = (p: string) => p.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('/api/docs', () => {
  test('is an OpenAPI 3.1 document that Redocly lints without errors or warnings', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const config = await createConfig({
      extends: ['recommended'],
      rules: { 'operation-4xx-response': 'error', 'no-server-example.com': 'off' },
    });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    // Reviewed-access routes answer 403 and nothing else until access is granted, and the consent
    // form only redirects back to the client: no 2xx is documented for them.
    const noSuccess = (pointer = '') =>
      /^#\/paths\/(~1(api~1v1~1platform|v1~1saml)(~1\*)?|~1v1~1oauth~1authorize~1consent)\//.test(pointer);
    const report = problems
      .filter((p) => !(p.ruleId === 'operation-2xx-response' && noSuccess(p.location[0]?.pointer)))
      .map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(report).toEqual([]);
  });

  test('operation ids are readable method names, one per operation, each listed', () => {
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).map((op) => (op as { operationId?: string }).operationId ?? ''),
    );
    expect(ids.filter((id) => !/^[a-z][A-Za-z]+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const ops = doc.paths as unknown as Record<string, Record<string, { operationId: string }>>;
    expect([
      ops['/.well-known/jwks.json']?.get?.operationId,
      ops['/v1/webhooks']?.post?.operationId,
      ops['/v1/events']?.post?.operationId,
    ]).toEqual(['getJwks', 'createWebhook', 'publishEvent']);
  });

  test('documents every route the server answers, and every documented route exists', async () => {
    const served = new Set<string>();
    for (const r of service.httpApp().routes) {
      const path = toOpenApiPath(r.path);
      if (UNDOCUMENTED.some((x) => x.test(r.path))) continue;
      served.add(`${r.method.toLowerCase()} ${path}`);
    }
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m} ${path}`)),
    );
    expect([...served].filter((x) => !documented.has(x))).toEqual([]);
    expect([...documented].filter((x) => !served.has(x))).toEqual([]);
  });

  test('every documented operation answers its statuses; errors share the envelope schema', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const codes = Object.keys(op.responses);
        expect(codes.some((c) => c.startsWith('2') || c.startsWith('3') || c === '403')).toBe(true);
        if (!path.startsWith('/api/v1/platform') && !path.startsWith('/v1/saml')) expect(codes).toContain('500');
        void method;
      }
    }
    expect(
      doc.paths['/v1/platform/apps']?.post?.responses['201'] ?? doc.paths['/v1/platform/apps']?.post?.responses['200'],
    ).toBeDefined();
    expect(doc.paths['/.well-known/jwks.json']?.get?.security).toEqual([]);
  });

  test('the success status each route answers is the one documented for it', async () => {
    // A tour of the routes whose success is not 200, through the public API; the metrics
    // counter then says which route answered which status, and each 2xx must be documented.
    const t = await newTenant(service);
    const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      api(service.url, method, path, t.adminToken, body, headers);
    const app = await call('POST', '/v1/platform/apps', {
      name: 'Statuses',
      grant_types: ['client_credentials'],
      requested_scopes: ['webhooks:read'],
    });
    const clientId = (app.body as { client_id: string }).client_id;
    expect(app.status).toBe(201);
    const governed = await call('PATCH', `/v1/platform/apps/${clientId}/governance`, { allow_service_tokens: true });
    expect(governed.status).toBe(200);
    const token = await call('POST', `/v1/platform/apps/${clientId}/service-token`, { scopes: ['webhooks:read'] });
    expect(token.status).toBe(201);
    const revoked = await call(
      'DELETE',
      `/v1/platform/apps/${clientId}/service-tokens/${(token.body as { token_id: string }).token_id}`,
    );
    expect(revoked.status).toBe(204);
    const hook = await call('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/h', events: ['case.updated'] });
    const hookId = (hook.body as { id: string }).id;
    // Where a route documents its body's schema, what it answers fits it (the document's own
    // JSON Schema 2020-12, as any client's validator reads it).
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    const schemaOf = (path: string, method: string, status: number) =>
      (
        doc.paths[path]?.[method]?.responses[String(status)] as
          | { content?: { 'application/json'?: { schema?: object } } }
          | undefined
      )?.content?.['application/json']?.schema;
    const fits = (path: string, method: string, res: { status: number; body: unknown }) => {
      const schema = schemaOf(path, method, res.status);
      expect(schema, `${method} ${path} ${res.status} has a documented schema`).toBeDefined();
      const validate = ajv.compile(schema!);
      validate(res.body);
      expect(validate.errors ?? [], `${method} ${path}: ${JSON.stringify(res.body)}`).toEqual([]);
    };
    fits('/v1/webhooks', 'post', hook);
    fits('/v1/webhooks', 'get', await call('GET', '/v1/webhooks'));
    fits('/v1/webhooks/{webhook_id}', 'get', await call('GET', `/v1/webhooks/${hookId}`));
    fits('/v1/webhooks/{webhook_id}', 'put', await call('PUT', `/v1/webhooks/${hookId}`, { paused: true }));
    fits('/v1/webhooks/{webhook_id}', 'put', await call('PUT', `/v1/webhooks/${hookId}`, { paused: false }));
    const publish = { type: 'case.updated', data: { case_id: 'c1' } };
    const published = await call('POST', '/v1/events', publish, { 'idempotency-key': `k-${hookId}` });
    expect(published.status).toBe(202);
    fits('/v1/events', 'post', published);
    const replayed = await call('POST', '/v1/events', publish, { 'idempotency-key': `k-${hookId}` });
    expect(replayed.status).toBe(200);
    fits('/v1/events', 'post', replayed);
    fits('/v1/events', 'get', await call('GET', '/v1/events'));
    fits('/v1/events/{event_id}', 'get', await call('GET', `/v1/events/${(published.body as { id: string }).id}`));
    await call('POST', `/v1/webhooks/${hookId}/test`);
    await call('POST', `/v1/webhooks/${hookId}/recover`, { since: new Date(Date.now() - 60_000).toISOString() });
    await call('POST', `/v1/studio/webhooks/${hookId}/test`);
    await call('POST', `/v1/studio/webhooks/${hookId}/recover`, { since: new Date(Date.now() - 60_000).toISOString() });
    await call('DELETE', `/v1/webhooks/${hookId}`);
    const request = await call('POST', '/v1/integration-requests', {
      organisation: 'Statuses Ltd',
      contact_name: 'Ada Lovelace',
      contact_email: 'ada@statuses.example',
      use_case: 'A tour of the routes whose success is not a plain 200, for the documentation.',
      capabilities: ['sandbox'],
      tenant_id: t.tenantId,
    });
    expect(request.status).toBe(201);
    await call('DELETE', '/v1/studio/session');

    const scraped = await (await fetch(`${service.url}/metrics`)).text();
    const answered = [...scraped.matchAll(/^argus_http_requests_total\{(.*)\} (\d+)$/gm)].map((m) => {
      const labels = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
      return { method: labels.method!.toLowerCase(), path: toOpenApiPath(labels.route!), status: labels.status! };
    });
    const successes = answered.filter((a) => a.status.startsWith('2') && doc.paths[a.path]?.[a.method]);
    expect(successes.map((a) => a.status)).toEqual(expect.arrayContaining(['201', '202', '204']));
    const undocumented = successes
      .filter((a) => !(a.status in doc.paths[a.path]![a.method]!.responses))
      .map((a) => `${a.method.toUpperCase()} ${a.path} answered ${a.status}`);
    expect(undocumented).toEqual([]);
  });

  test('/docs is a readable page of the same document', async () => {
    const res = await fetch(`${service.url}/docs`);
    expect(res.headers.get('content-type')).toContain('text/html');
    const text = await res.text();
    expect(text).toContain('GET /v1/platform/scopes');
    expect(text).toContain('Available on request');
  });
});
