// Every protected route checks its caller before it validates its input: a stranger gets 401
// (and a token without the role or scope 403) for a request whose params, query and body are
// all invalid, never the 400 that would name a field of the route's schema. The routes come
// from the OpenAPI document: each one that is not documented as public (security: []).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

let service: TestService;
let adminToken: string;
let plainToken: string;
let tenantId: string;
let routes: Array<{ method: string; path: string; hasInput: boolean }>;
let studioRoutes: Array<{ method: string; path: string; hasInput: boolean }>;

/** Routes any valid token may call (the service decides what each principal may see). */
const ANY_TOKEN = new Set(['GET /v1/platform/apps/:client_id/graphql-operations']);
/** The studio has its own access (a session cookie or an admin token), checked elsewhere. */
const STUDIO = /^\/(v1\/)?studio(\/|$)/;
/**
 * Documented under the document's default security but answered to anyone: the operations
 * endpoints (meant for the local network) and the integration request page.
 */
const OPEN = new Set(['GET /healthz', 'GET /readyz', 'GET /metrics', 'GET /integration-request']);

type Op = { security?: unknown[]; parameters?: unknown[]; requestBody?: unknown };

beforeAll(async () => {
  service = await startTestService({ workers: false });
  const tenant = await newTenant(service);
  adminToken = tenant.adminToken;
  tenantId = tenant.tenantId;
  // A valid token of the tenant with no scope any route asks for, from no app (not governed).
  plainToken = (
    await service.tokens.mint({
      tenantId,
      subject: 'usr_plain',
      clientId: 'cli_plain',
      scopes: ['nothing:here'],
      ttlSeconds: 300,
      kind: 'user',
    })
  ).token;
  const doc = (await (await fetch(`${service.url}/api/docs`)).json()) as { paths: Record<string, Record<string, Op>> };
  routes = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => op.security === undefined || op.security.length > 0)
      .filter(([, op]) => !STUDIO.test(path) && !JSON.stringify(op.security ?? []).includes('studioSession'))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path: path.replace(/\{(\w+)\}/g, ':$1'),
        hasInput: Boolean(op.requestBody || op.parameters?.length),
      }))
      .filter((r) => !OPEN.has(`${r.method} ${r.path}`)),
  );
  studioRoutes = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => op.security === undefined || op.security.length > 0)
      .filter(([, op]) => STUDIO.test(path) || JSON.stringify(op.security ?? []).includes('studioSession'))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path: path.replace(/\{(\w+)\}/g, ':$1'),
        hasInput: Boolean(op.requestBody || op.parameters?.length),
      })),
  );
});
afterAll(async () => {
  await service.stop();
});

/** The route called with input no schema accepts: ids too long, limit 0, a body of unknown fields. */
function invalidRequest(route: { method: string; path: string }, token: string | null): Promise<Response> {
  const path = route.path.replace(/:\w+/g, () => 'x'.repeat(150));
  const headers: Record<string, string> = { 'x-tenant-id': tenantId };
  if (token) headers.authorization = `Bearer ${token}`;
  const withBody = route.method !== 'GET' && route.method !== 'HEAD';
  if (withBody) headers['content-type'] = 'application/json';
  return fetch(`${service.url}${path}?limit=0`, {
    method: route.method,
    headers,
    body: withBody ? '{"not_a_field": []}' : undefined,
  });
}

describe('auth is checked before the input is validated', () => {
  test('the table covers the protected routes', () => {
    expect(routes.length).toBeGreaterThan(25);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('POST /v1/platform/apps');
  });

  test('with no token, every protected route answers 401 for an invalid request', async () => {
    for (const route of routes) {
      const res = await invalidRequest(route, null);
      const body = (await res.json()) as { error: string };
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
      expect(body.error).toBe('invalid_request');
      expect(res.headers.get('www-authenticate')).toStartWith('Bearer');
    }
  });

  test('with a bad token, POST /v1/platform/apps with {} answers 401, naming no field', async () => {
    const res = await fetch(`${service.url}/v1/platform/apps`, {
      method: 'POST',
      headers: { authorization: 'Bearer not.a.token', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text).toContain('invalid_token');
    expect(text).not.toContain('name');
  });

  test('with a valid token lacking the role or scope, every route that needs one answers 403 for an invalid request', async () => {
    for (const route of routes.filter((r) => !ANY_TOKEN.has(`${r.method} ${r.path}`))) {
      const res = await invalidRequest(route, plainToken);
      const body = (await res.json()) as { error: string };
      expect({ route: `${route.method} ${route.path}`, status: res.status, code: body.error }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
        code: 'insufficient_scope',
      });
    }
  });

  test('with an admin token the same requests are refused as invalid input (so the 401s and 403s above came first)', async () => {
    for (const route of routes.filter((r) => r.hasInput)) {
      const res = await invalidRequest(route, adminToken);
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 400,
      });
    }
  });
});

describe('the studio checks its caller before the input too', () => {
  test('the table covers the studio routes, reads and changes', () => {
    const names = studioRoutes.map((r) => `${r.method} ${r.path}`);
    expect(names).toContain('GET /v1/studio/webhooks/:id/deliveries');
    expect(names).toContain('POST /v1/studio/webhooks/:id/recover');
    expect(names).toContain('GET /v1/machines/:name/diagram.svg');
  });

  test('with no session and no token, every studio route answers 401 for an invalid request', async () => {
    for (const route of studioRoutes) {
      const res = await invalidRequest(route, null);
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
    }
  });

  test("with a token that is not a tenant administrator's, every studio route answers 403", async () => {
    for (const route of studioRoutes.filter((r) => `${r.method} ${r.path}` !== 'DELETE /v1/studio/session')) {
      const res = await invalidRequest(route, plainToken);
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
      });
    }
  });

  test('with an admin token the same requests are refused as invalid input', async () => {
    for (const route of studioRoutes.filter((r) => r.hasInput)) {
      const res = await invalidRequest(route, adminToken);
      expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 400,
      });
    }
  });
});
