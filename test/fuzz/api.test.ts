// Property-based fuzzing of every route in the served OpenAPI document: valid, mutated and
// hostile bodies (invalid UTF-8 and byte order marks among them), headers (odd Host values,
// heads over MAX_HEADER_BYTES), query strings (fractional integers) and paths, sent as tenant A
// (or as nobody). For every
// answer: no 5xx; a 4xx is the error envelope with a request id (or, on /graphql, a GraphQL
// response whose errors all carry extensions.code; or an HTML page where a browser asked for
// one); nothing of tenant B that the request did not itself name. Afterwards the server is
// healthy and tenant B's data is as it was.
//
// CI runs 4,000 cases by default (about 10 s); run longer locally with e.g.
//   FUZZ_RUNS=20000 npm test -- test/fuzz
// and replay a failure with the FUZZ_SEED (and FUZZ_PATH) fast-check prints.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import fc from 'fast-check';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? '4000');
const MAX_HEADER_BYTES = 8192;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const PATH = process.env.FUZZ_PATH;

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  $ref?: string;
}
interface Parameter {
  name: string;
  in: string;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Route {
  method: string;
  path: string;
  op: Operation;
}
interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer> | null;
  note: string;
}

type Json = Record<string, unknown>;
let service: TestService;
let routes: Route[] = [];
let components: Record<string, Schema> = {};
const bodySchemas = new Map<string, Schema>();
/** Credentials of tenant A, by name. */
const tokens: Record<string, string> = {};
/** Real ids of tenant A and of tenant B, to fill path parameters with. */
const ids: { a: string[]; b: string[] } = { a: [], b: [] };
/** Strings that are tenant B's alone: none may reach an answer to A unless A named it. */
let secretsOfB: string[] = [];
let tenantA = '';
let tenantB = '';
let before: { webhook: Json; app: Json } | null = null;
let bAdmin = '';
let bWebhook = '';
let bApp = '';

async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Json };
}

/** A tenant with an app (client and service token), a webhook and an event. */
async function seed(name: string) {
  const tenant = await newTenant(service, `${name} ${Date.now()}`);
  const app = await call('POST', '/v1/platform/apps', tenant.adminToken, {
    name: `${name} connector`,
    grant_types: ['client_credentials'],
    requested_scopes: [
      'webhooks:read',
      'webhooks:write',
      'events:publish',
      'graphql',
      'incidents:read',
      'incidents:write',
      'cases:read',
      'cases:write',
    ],
  });
  expect(app.status).toBe(201);
  const clientId = app.body.client_id as string;
  await call('PATCH', `/v1/platform/apps/${clientId}/governance`, tenant.adminToken, {
    allow_service_tokens: true,
    graphql_bundles: ['incident-sync', 'case-sync', 'incident-webhooks'],
  });
  const res = await fetch(`${service.url}/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: app.body.client_secret as string,
      scope:
        'webhooks:read webhooks:write events:publish graphql incidents:read incidents:write cases:read cases:write',
    }),
  });
  const client = ((await res.json()) as Json).access_token as string;
  const serviceToken = (
    await call('POST', `/v1/platform/apps/${clientId}/service-token`, tenant.adminToken, { scopes: ['webhooks:read'] })
  ).body.token as string;
  const webhook = await call('POST', '/v1/webhooks', tenant.adminToken, {
    url: `https://${name.toLowerCase()}-receiver.example/hooks`,
    events: ['case.updated'],
  });
  const event = await call('POST', '/v1/events', tenant.adminToken, {
    type: 'case.updated',
    data: { marker: `${name}-private-marker` },
  });
  return {
    tenant,
    clientId,
    client,
    serviceToken,
    webhookId: webhook.body.id as string,
    eventId: event.body.id as string,
    secret: app.body.client_secret as string,
  };
}

beforeAll(async () => {
  // Below Bun's own parser limit (16 KiB unless raised), so that the service's 431 is the one met.
  service = await startTestService({ workers: false, env: { MAX_HEADER_BYTES: String(MAX_HEADER_BYTES) } });
  const a = await seed('Alpha');
  const b = await seed('Bravo');
  tenantA = a.tenant.tenantId;
  tenantB = b.tenant.tenantId;
  Object.assign(tokens, { admin: a.tenant.adminToken, client: a.client, service: a.serviceToken });
  ids.a.push(a.clientId, a.webhookId, a.eventId, 'clientSecretRotation', 'webhookDelivery');
  ids.b.push(b.clientId, b.webhookId, b.eventId);
  secretsOfB = [
    tenantB,
    b.clientId,
    b.webhookId,
    b.eventId,
    'Bravo-private-marker',
    'bravo-receiver.example',
    b.secret,
    b.tenant.name,
  ];
  bAdmin = b.tenant.adminToken;
  bWebhook = b.webhookId;
  bApp = b.clientId;
  before = {
    webhook: (await call('GET', `/v1/webhooks/${bWebhook}`, bAdmin)).body,
    app: (await call('GET', `/v1/platform/apps/${bApp}`, bAdmin)).body,
  };
  const doc = (await (await fetch(`${service.url}/api/docs`)).json()) as {
    paths: Record<string, Record<string, Operation>>;
    components?: { schemas?: Record<string, Schema> };
  };
  components = doc.components?.schemas ?? {};
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops))
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method))
        routes.push({ method: method.toUpperCase(), path, op });
  }
  routes = routes.filter((r) => !r.path.endsWith('/stream')); // server-sent events never end; covered by the studio tests
  // What a valid body holds: the routes' own TypeBox schemas (JSON Schema; the document shows
  // the same, without TypeBox's markers).
  for (const r of service.httpApp().routes as unknown as Array<{
    method: string;
    path: string;
    hooks?: { body?: Schema };
  }>) {
    if (r.hooks?.body) bodySchemas.set(`${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`, r.hooks.body);
  }
}, 120_000);
afterAll(async () => {
  await service.stop();
});

// ---- values ---------------------------------------------------------------------------------

const hostileStrings = [
  '',
  ' ',
  'x'.repeat(5000),
  '\u0000',
  'a\u0000b',
  '%zz',
  '%',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '\ud800',
  '😀'.repeat(50),
  '2026-02-30',
  '9999-99-99T99:99:99Z',
  '0000-01-01',
  '-1',
  '1e400',
  'null',
  '{}',
  '[]',
  '__proto__',
  'constructor',
];
/** Raw JSON text slipped in where a value goes: numbers a double cannot keep, deep nesting. */
const rawValues = [
  '1e400',
  '-1e400',
  '123456789012345678901234567890',
  '9007199254740993',
  '1e-400',
  '-0',
  '0.1',
  `${'['.repeat(70)}${']'.repeat(70)}`,
  `${'{"a":'.repeat(70)}1${'}'.repeat(70)}`,
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(null, true, false, 0, -1, 2 ** 31, 2 ** 53, -(2 ** 53), 1.5, [], {}, [[]], { a: {} }),
  fc.constantFrom(...rawValues.map((r) => ({ raw: r }))),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
);

function resolve(schema: Schema): Schema {
  if (schema.$ref) return components[schema.$ref.replace('#/components/schemas/', '')] ?? {};
  return schema;
}

/** A value that fits `schema` (mostly; the schema's bounds are approximated). */
function fromSchema(input: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(input);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fromSchema(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return fc.oneof(
        fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) }),
        fc.constantFrom(
          'webhooks:write',
          'client_credentials',
          'https://receiver.example/h',
          'case.updated',
          '2026-03-23T12:00:00Z',
          'incident.updated',
          ...ids.a,
        ),
      );
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: Math.min(schema.maximum ?? 100_000, 2 ** 31) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(fromSchema(schema.items ?? {}, depth + 1), { maxLength: 3 });
    case 'object': {
      if (depth > 4) return fc.constant({});
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, s] of Object.entries(props)) shape[key] = fromSchema(s, depth + 1);
      return fc.record(shape, { requiredKeys: [...required].filter((k) => k in shape) });
    }
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant({ k: 'v' }));
  }
}

/** JSON text of a value, with {raw} markers replaced by their raw text. */
function toJson(value: unknown): string {
  const raws: string[] = [];
  const text =
    JSON.stringify(value, (_k, v: unknown) => {
      if (
        v &&
        typeof v === 'object' &&
        !Array.isArray(v) &&
        Object.keys(v).length === 1 &&
        typeof (v as { raw?: unknown }).raw === 'string'
      ) {
        raws.push((v as { raw: string }).raw);
        return `__RAW_${raws.length - 1}__`;
      }
      return v;
    }) ?? 'null';
  return text.replace(/"__RAW_(\d+)__"/g, (m, i: string) => raws[Number(i)] ?? m);
}

/** Bytes that are not UTF-8 (a lone continuation byte, an overlong form, a surrogate, 0xFF), or a byte order mark. */
const badBytes = [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xf8, 0x88, 0x80, 0x80, 0x80]];
const BOM = [0xef, 0xbb, 0xbf];

/** UTF-8 of `text` with `bytes` put in at a position chosen by `at` (0..1), or a BOM in front. */
function corrupted(text: string, at: number, bytes: number[] | 'bom'): Uint8Array<ArrayBuffer> {
  const utf8 = new TextEncoder().encode(text);
  if (bytes === 'bom') return new Uint8Array([...BOM, ...utf8]);
  const i = Math.floor(at * utf8.length);
  return new Uint8Array([...utf8.subarray(0, i), ...bytes, ...utf8.subarray(i)]);
}

/** A body for `route`: valid, one field mutated, hostile text, or bytes that are not UTF-8. */
function bodyFor(
  route: Route,
): fc.Arbitrary<{ text: string | Uint8Array<ArrayBuffer> | null; type: string; kind: string }> {
  const content = route.op.requestBody?.content ?? {};
  const schema =
    bodySchemas.get(`${route.method} ${route.path}`) ??
    content['application/json']?.schema ??
    (route.path === '/graphql'
      ? {
          type: 'object',
          properties: { query: { type: 'string' }, variables: { type: 'object' }, operationName: { type: 'string' } },
        }
      : { type: 'object' });
  const valid = fromSchema(schema);
  const json = (kind: string) => (v: unknown) => ({ text: toJson(v), type: 'application/json', kind });
  const mutated = fc.tuple(valid, fc.string({ maxLength: 12 }), hostileValue).map(([v, key, bad]) => {
    const keys = v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
    const target = keys.length ? keys[key.length % keys.length]! : key;
    return { ...(v && typeof v === 'object' ? v : {}), [target]: bad };
  });
  const hostileText = fc.constantFrom(
    '{',
    '[]',
    '"x"',
    '12',
    'null',
    'true',
    '{"a":1,}',
    '\u0000',
    '{"__proto__":{"admin":true}}',
    '['.repeat(5000),
    `{"a":${'['.repeat(100)}${']'.repeat(100)}}`,
    `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
    `{"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
    '{"data":{"n":1e400},"type":"case.updated"}',
    '{"query":"{ __schema { types { name } } }"}',
    '{"query":"query { a }","variables":[]}',
  );
  const formOf = (v: unknown) => {
    const form = new URLSearchParams();
    if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) form.append(k, typeof x === 'string' ? x : (JSON.stringify(x) ?? ''));
    return { text: form.toString(), type: 'application/x-www-form-urlencoded', kind: 'form' };
  };
  const forms = content['application/x-www-form-urlencoded']
    ? [{ weight: 4, arbitrary: fc.oneof(valid, mutated).map(formOf) }]
    : [];
  const notUtf8 = fc
    .tuple(
      fc.oneof(valid, mutated).map(toJson),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom<number[] | 'bom'>(...badBytes, 'bom'),
      fc.constantFrom(
        'application/json',
        ...(content['application/x-www-form-urlencoded'] ? ['application/x-www-form-urlencoded'] : []),
      ),
    )
    .map(([text, at, bytes, type]) => ({ text: corrupted(text, at, bytes), type, kind: 'not-utf8' }));
  return fc.oneof(
    ...forms,
    { weight: 3, arbitrary: valid.map(json('valid')) },
    { weight: 1, arbitrary: notUtf8 },
    { weight: 3, arbitrary: mutated.map(json('mutated')) },
    { weight: 2, arbitrary: hostileText.map((text) => ({ text, type: 'application/json', kind: 'hostile' })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'application/x-www-form-urlencoded',
            'text/plain',
            '',
            'application/json; charset=utf-16',
            'application/merge-patch+json',
            'multipart/form-data',
          ),
          fc.string({ maxLength: 60 }),
        )
        .map(([type, text]) => ({ text, type, kind: 'other-type' })),
    },
    { weight: 1, arbitrary: fc.constant({ text: null, type: '', kind: 'none' }) },
  );
}

const pathValue = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(...['a', 'b']).chain((who) => fc.constantFrom(...(who === 'a' ? ids.a : ids.b))),
  },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%zz',
      '..',
      '%2e%2e',
      '%2F',
      'x'.repeat(300),
      '%F0%9F%98%80',
      'app_',
      'wh_%00',
      '%ff%fe',
    ),
  },
);

const queryValue = fc.oneof(
  fc.constantFrom(
    '1',
    '100',
    '0',
    '-1',
    '101',
    '1e400',
    'abc',
    '',
    'failed',
    'succeeded',
    'garbage',
    'W10',
    'WyIyMDI0LTAyLTMwIiwieCJd',
    '%zz',
    '1.5',
    '2.0',
    '1e2',
    '0x10',
    ' 5',
    '5 ',
    '+5',
    '%FF',
    '%C0%AF',
  ),
  fc.string({ maxLength: 20 }),
);

const headerArb = fc.record({
  auth: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('admin', 'client', 'service', 'none') },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'garbage',
        'basic-bad',
        'basic-bad-id',
        'basic-not-base64',
        'basic-real',
        'bearer-empty',
      ),
    },
  ),
  tenant: fc.constantFrom('a', 'b', 'none', 'junk'),
  accept: fc.constantFrom(
    'application/json',
    'application/graphql-response+json',
    'text/html',
    '*/*',
    'none',
    'image/png',
  ),
  idempotency: fc.option(fc.string({ maxLength: 250 }), { nil: undefined }),
  requestId: fc.option(fc.constantFrom('trace-1', 'bad id <x>', 'x'.repeat(200)), { nil: undefined }),
  host: fc.option(
    fc.constantFrom('x', 'ab', 'a:1', 'a/b', 'a?b', '[::1]', 'ü', '', 'a b', 'localhost:99999', 'zz/metrics'),
    {
      nil: undefined,
    },
  ),
  padding: fc.option(fc.constantFrom(MAX_HEADER_BYTES - 2048, MAX_HEADER_BYTES + 1, 14_000), {
    freq: 10,
    nil: undefined,
  }),
});

function requestFor(route: Route): fc.Arbitrary<FuzzRequest> {
  const params = route.op.parameters ?? [];
  const pathNames = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const queryNames = params.filter((p) => p.in === 'query').map((p) => p.name);
  return fc
    .record({
      pathValues: fc.tuple(...pathNames.map(() => pathValue)),
      query: fc.array(
        fc.tuple(fc.constantFrom(...queryNames, 'extra', 'limit', 'cursor', 'variables', 'query'), queryValue),
        { maxLength: 3 },
      ),
      body: bodyFor(route),
      headers: headerArb,
      method: fc.oneof(
        { weight: 9, arbitrary: fc.constant(route.method) },
        { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE') },
      ),
      star: fc.constantFrom('x', 'a/b', '%zz', ''),
    })
    .map(({ pathValues, query, body, headers, method, star }) => {
      let path = route.path;
      pathNames.forEach((name, i) => {
        path = path.replace(`{${name}}`, pathValues[i] as string);
      });
      path = path.replace('*', star);
      const search = query
        .map(([k, v]) => `${encodeURIComponent(k)}=${v.startsWith('%') ? v : encodeURIComponent(v)}`)
        .join('&');
      const h: Record<string, string> = {};
      const bearer: Record<string, string> = { admin: tokens.admin!, client: tokens.client!, service: tokens.service! };
      if (bearer[headers.auth]) h.authorization = `Bearer ${bearer[headers.auth]}`;
      if (headers.auth === 'garbage') h.authorization = 'Bearer not.a.jwt';
      if (headers.auth === 'basic-bad') h.authorization = `Basic ${btoa('app_x:%zz')}`;
      if (headers.auth === 'basic-bad-id') h.authorization = `Basic ${btoa(`${ids.a[0]}%E0%A4%A:secret`)}`;
      if (headers.auth === 'basic-not-base64') h.authorization = 'Basic !!!';
      if (headers.auth === 'basic-real') h.authorization = `Basic ${btoa(`${ids.a[0]}:wrong-secret`)}`;
      if (headers.auth === 'bearer-empty') h.authorization = 'Bearer ';
      if (headers.tenant !== 'none')
        h['x-tenant-id'] = headers.tenant === 'a' ? tenantA : headers.tenant === 'b' ? tenantB : 'ten_junk';
      if (headers.accept !== 'none') h.accept = headers.accept;
      if (headers.idempotency !== undefined) h['idempotency-key'] = headers.idempotency.replace(/[^\x20-\x7e]/g, '');
      if (headers.requestId !== undefined) h['x-request-id'] = headers.requestId;
      if (headers.host !== undefined) h.host = headers.host;
      if (headers.padding !== undefined) h['x-padding'] = 'p'.repeat(headers.padding);
      const sendsBody = method !== 'GET' && body.text !== null;
      if (sendsBody && body.type) h['content-type'] = body.type;
      return {
        method,
        url: `${path}${search ? `?${search}` : ''}`,
        headers: h,
        body: sendsBody ? body.text : null,
        note: `${route.method} ${route.path} body=${body.kind}${headers.host === undefined ? '' : ` host=${JSON.stringify(headers.host)}`}${headers.padding === undefined ? '' : ` padding=${headers.padding}`}`,
      };
    });
}

// ---- the property ---------------------------------------------------------------------------

function isEnvelope(body: unknown): boolean {
  return (
    !!body &&
    typeof body === 'object' &&
    typeof (body as Json).error === 'string' &&
    typeof (body as Json).error_description === 'string'
  );
}

function isCodedGraphqlResponse(body: unknown): boolean {
  const errors = body && typeof body === 'object' ? (body as Json).errors : undefined;
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((e: unknown) => typeof ((e as Json).extensions as Json | undefined)?.code === 'string')
  );
}

async function check(req: FuzzRequest): Promise<void> {
  const res = await fetch(`${service.url}${req.url}`, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  });
  const type = res.headers.get('content-type') ?? '';
  let text = '';
  if (type.includes('event-stream')) await res.body?.cancel();
  else text = await res.text();
  const where = `${req.note}: ${req.method} ${req.url.slice(0, 200)} -> ${res.status} ${text.slice(0, 300)}`;
  if (res.status >= 500) throw new Error(`5xx: ${where}`);
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  if (res.status >= 400) {
    const browserPage =
      type.startsWith('text/html') &&
      (req.url.startsWith('/v1/oauth/authorize') || (req.headers.accept ?? '').includes('text/html'));
    const graphql = req.url.startsWith('/graphql') && isCodedGraphqlResponse(body);
    if (!isEnvelope(body) && !graphql && !browserPage) throw new Error(`4xx outside the envelope: ${where}`);
    if (!res.headers.get('x-request-id')) throw new Error(`4xx without a request id: ${where}`);
  }
  if (
    req.url.startsWith('/graphql') &&
    res.status === 200 &&
    body &&
    typeof body === 'object' &&
    'errors' in body &&
    !isCodedGraphqlResponse(body)
  ) {
    throw new Error(`GraphQL errors without extensions.code: ${where}`);
  }
  if (res.headers.get('x-content-type-options') !== 'nosniff') throw new Error(`no nosniff: ${where}`);
  const sentBody = req.body instanceof Uint8Array ? new TextDecoder().decode(req.body) : (req.body ?? '');
  const asked = `${req.url} ${JSON.stringify(req.headers)} ${sentBody}`;
  const decoded = (() => {
    try {
      return decodeURIComponent(asked);
    } catch {
      return asked;
    }
  })();
  for (const secret of secretsOfB) {
    if (text.includes(secret) && !asked.includes(secret) && !decoded.includes(secret))
      throw new Error(`tenant B's ${secret} in an answer to A: ${where}`);
  }
}

test(`fuzz: ${RUNS} generated requests over every route of the OpenAPI document`, async () => {
  expect(routes.length).toBeGreaterThan(40);
  expect(routes.some((r) => r.path === '/graphql')).toBe(true);
  const started = performance.now();
  await fc.assert(fc.asyncProperty(fc.constantFrom(...routes).chain(requestFor), check), {
    numRuns: RUNS,
    seed: SEED,
    path: PATH,
    endOnFailure: true,
  });
  const seconds = (performance.now() - started) / 1000;
  if (process.env.FUZZ_REPORT) console.log(JSON.stringify({ fuzz_runs: RUNS, seconds: Math.round(seconds * 10) / 10 }));

  // Healthy afterwards: ready, answering normal requests, tenant B's data untouched.
  expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
  expect((await call('GET', '/v1/webhooks', bAdmin)).status).toBe(200);
  const after = {
    webhook: (await call('GET', `/v1/webhooks/${bWebhook}`, bAdmin)).body,
    app: (await call('GET', `/v1/platform/apps/${bApp}`, bAdmin)).body,
  };
  expect(after).toEqual(before!);
}, 180_000);
