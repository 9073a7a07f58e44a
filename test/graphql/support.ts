// Apps with GraphQL bundles, their tokens (client credentials, as an integrator gets them),
// and a small client for /graphql.
import { expect } from 'bun:test';
import type { TestService } from '../support/service.ts';

// biome-ignore lint/suspicious/noExplicitAny: responses are read by deep property access in assertions
export type Json = Record<string, any>;

export interface GraphqlApp {
  clientId: string;
  token: string;
  tenantId: string;
}

export async function api(service: TestService, method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as Json };
}

/** Registers an app, grants it `bundles`, and gets a client-credentials token for `scopes`. */
export async function graphqlApp(
  service: TestService,
  tenant: { tenantId: string; adminToken: string },
  options: { scopes: string[]; bundles: string[]; name?: string },
): Promise<GraphqlApp> {
  const created = await api(service, 'POST', '/v1/platform/apps', tenant.adminToken, {
    name: options.name ?? 'GraphQL connector',
    grant_types: ['client_credentials'],
    requested_scopes: options.scopes,
  });
  expect(created.status).toBe(201);
  const clientId = created.body.client_id as string;
  if (options.bundles.length) {
    const granted = await api(service, 'PATCH', `/v1/platform/apps/${clientId}/governance`, tenant.adminToken, {
      graphql_bundles: options.bundles,
    });
    expect(granted.status).toBe(200);
  }
  const res = await fetch(`${service.url}/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: created.body.client_secret,
      scope: options.scopes.join(' '),
    }),
  });
  const token = (await res.json()) as Json;
  expect(res.status).toBe(200);
  return { clientId, token: token.access_token, tenantId: tenant.tenantId };
}

export interface GqlResponse {
  status: number;
  headers: Headers;
  body: Json;
  text: string;
}

/** POST /graphql as the contract shows it; `headers` override the defaults. */
export async function gql(
  service: TestService,
  app: { token: string; tenantId: string },
  payload: Json,
  headers: Record<string, string | null> = {},
): Promise<GqlResponse> {
  const merged: Record<string, string | null> = {
    authorization: `Bearer ${app.token}`,
    'content-type': 'application/json',
    'x-tenant-id': app.tenantId,
    ...headers,
  };
  const res = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== null)),
    body: JSON.stringify(payload),
  });
  const text = await res.text();
  let body: Json = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { raw: text };
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** The approved document of a named operation, as GET …/graphql-operations lists it. */
export function documentOf(service: TestService, bundle: string, name: string): string {
  const op = service.graphql.bundles.operationsOf([bundle]).find((o) => o.name === name);
  if (!op) throw new Error(`no operation ${name} in bundle ${bundle}`);
  return op.document;
}

export const codesOf = (body: Json): string[] => ((body.errors ?? []) as Json[]).map((e) => e.extensions?.code);
