// The GraphQL transport of the public contract: bearer + tenant, approved documents only,
// no schema discovery, depth and cost limits, tenant isolation.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { example, runExample } from '../support/contract.ts';
import { api, codesOf, documentOf, gql, graphqlApp, type GraphqlApp } from './support.ts';

let service: TestService;
let acme: Awaited<ReturnType<typeof newTenant>>;
let globex: Awaited<ReturnType<typeof newTenant>>;
let sync: GraphqlApp; // incident-sync + case-sync, read and write
let reader: GraphqlApp; // incident-sync, read only
let rival: GraphqlApp; // globex's app with the same bundles

const ALL = ['graphql', 'incidents:read', 'incidents:write', 'cases:read', 'cases:write'];
/** Type and field names of the schema that must never appear in a refusal. */
const SCHEMA_WORDS =
  /Incident(?!s)|IncidentList|CaseList|Webhook|Mutation|Query\b|severity|createIncident|closeIncident/;

beforeAll(async () => {
  service = await startTestService({ workers: false });
  acme = await newTenant(service);
  globex = await newTenant(service);
  sync = await graphqlApp(service, acme, { scopes: ALL, bundles: ['incident-sync', 'case-sync'] });
  reader = await graphqlApp(service, acme, { scopes: ['graphql', 'incidents:read'], bundles: ['incident-sync'] });
  rival = await graphqlApp(service, globex, { scopes: ALL, bundles: ['incident-sync', 'case-sync'] });
}, 60_000);
afterAll(async () => {
  await service.stop();
});

const doc = (bundle: string, name: string) => documentOf(service, bundle, name);
const createIncident = async (app: GraphqlApp, title = 'Disk full on db-1', severity = 'HIGH') => {
  const r = await gql(service, app, { query: doc('incident-sync', 'CreateIncident'), variables: { title, severity } });
  expect(r.status).toBe(200);
  expect(r.body.errors).toBeUndefined();
  return r.body.data.createIncident as { id: string; status: string };
};

describe('the contract', () => {
  test("the contract's curl example works as written with an approved document", async () => {
    await createIncident(sync);
    const document = doc('incident-sync', 'IncidentSyncPage');
    const ex = example('POST', '/graphql');
    const res = await runExample(ex, service.url, {
      '<access-token>': sync.token,
      '<tenant-id>': acme.tenantId,
      '<approved GraphQL document>': JSON.stringify(document).slice(1, -1),
    });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const page = (res.body.data as { incidents: { incidents: Array<{ title: string }> } }).incidents;
    expect(page.incidents.map((i) => i.title)).toContain('Disk full on db-1');
  });

  test('answers application/graphql-response+json when accepted, application/json otherwise', async () => {
    const query = doc('incident-sync', 'IncidentSyncPage');
    const modern = await gql(service, sync, { query }, { accept: 'application/graphql-response+json' });
    expect(modern.headers.get('content-type')).toContain('application/graphql-response+json');
    const legacy = await gql(service, sync, { query });
    expect(legacy.headers.get('content-type')).toContain('application/json');
    const html = await gql(service, sync, { query }, { accept: 'text/html' });
    expect(html.status).toBe(406);
    expect(html.body.error).toBe('not_acceptable');
  });

  test('operationName picks the operation; a name the document lacks is an error', async () => {
    const ok = await gql(service, sync, {
      query: doc('incident-sync', 'IncidentSyncPage'),
      operationName: 'IncidentSyncPage',
    });
    expect(ok.body.data.incidents).toBeDefined();
    const wrong = await gql(service, sync, { query: doc('incident-sync', 'IncidentSyncPage'), operationName: 'Other' });
    expect(wrong.body.data).toBeUndefined();
    expect(wrong.body.errors.length).toBe(1);
  });
});

describe('bearer token and tenant', () => {
  const query = () => doc('incident-sync', 'IncidentSyncPage');

  test('no token, a malformed one, a forged one: 401 with WWW-Authenticate', async () => {
    for (const authorization of [null, 'Basic abc', 'Bearer not.a.jwt', `Bearer ${sync.token.slice(0, -4)}AAAA`]) {
      const r = await gql(service, sync, { query: query() }, { authorization });
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toStartWith('Bearer');
      expect(['invalid_request', 'invalid_token']).toContain(r.body.error);
    }
  });

  test('a token without the graphql scope: 403 insufficient_scope', async () => {
    const noGraphql = await graphqlApp(service, acme, { scopes: ['incidents:read'], bundles: ['incident-sync'] });
    const r = await gql(service, noGraphql, { query: query() });
    expect(r.status).toBe(403);
    expect(r.body.error).toBe('insufficient_scope');
  });

  test('X-Tenant-ID missing is a 400; another tenant is a 403', async () => {
    const missing = await gql(service, sync, { query: query() }, { 'x-tenant-id': null });
    expect(missing.status).toBe(400);
    expect(missing.body.error_description).toContain('X-Tenant-ID');
    const other = await gql(service, sync, { query: query() }, { 'x-tenant-id': globex.tenantId });
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('tenant_mismatch');
  });

  test('every resolver is tenant-scoped: another tenant reads nothing and changes nothing', async () => {
    const mine = await createIncident(sync, 'Acme only');
    const read = await gql(service, rival, { query: doc('incident-sync', 'IncidentById'), variables: { id: mine.id } });
    expect(read.body.data.incident).toBeNull();
    const list = await gql(service, rival, { query: doc('incident-sync', 'IncidentSyncPage') });
    expect(JSON.stringify(list.body.data)).not.toContain(mine.id);
    const close = await gql(service, rival, {
      query: doc('incident-sync', 'CloseIncident'),
      variables: { id: mine.id },
    });
    expect(codesOf(close.body)).toEqual(['NOT_FOUND']);
    const link = await gql(service, rival, {
      query: doc('case-sync', 'CreateCase'),
      variables: { title: 'Steal', incidentIds: [mine.id] },
    });
    expect(codesOf(link.body)).toEqual(['NOT_FOUND']);
    const still = await gql(service, sync, { query: doc('incident-sync', 'IncidentById'), variables: { id: mine.id } });
    expect(still.body.data.incident.status).toBe('OPEN');
  });

  test("a resolver needs the token's scope for its data, even inside a granted bundle", async () => {
    const r = await gql(service, reader, {
      query: doc('incident-sync', 'CreateIncident'),
      variables: { title: 'x', severity: 'LOW' },
    });
    expect(codesOf(r.body)).toEqual(['INSUFFICIENT_SCOPE']);
    expect(r.body.data).toBeNull();
  });
});

describe('curated operations only', () => {
  test('an unapproved document is refused with a stable code and no schema detail', async () => {
    for (const query of [
      '{ incidents { incidents { id } } }',
      'query Mine { incident(id: "inc_1") { id title } }',
      '{ thisFieldDoesNotExist }',
      doc('case-sync', 'CaseSyncPage'), // approved, but not for this app
    ]) {
      const r = await gql(service, reader, { query });
      expect(r.status).toBe(200);
      expect(codesOf(r.body)).toEqual(['OPERATION_NOT_APPROVED']);
      expect(r.body.data).toBeUndefined();
      expect(r.text).not.toMatch(SCHEMA_WORDS);
      expect(r.text).not.toContain('Did you mean');
      const strict = await gql(service, reader, { query }, { accept: 'application/graphql-response+json' });
      expect(strict.status).toBe(400);
      expect(codesOf(strict.body)).toEqual(['OPERATION_NOT_APPROVED']);
    }
  });

  test('an approved document with other whitespace and comments is accepted; one changed field is refused', async () => {
    const approved = doc('incident-sync', 'IncidentSyncPage');
    const reflowed = `# pinned by our build\n${approved.replace(/\n\s*/g, '   ').replace(/\{/g, ' {\n\t')}  `;
    expect(reflowed).not.toBe(approved);
    const ok = await gql(service, reader, { query: reflowed });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.incidents.incidents).toBeArray();

    const changed = approved.replace('  closedAt\n', '');
    expect(changed).not.toBe(approved);
    const refused = await gql(service, reader, { query: changed });
    expect(codesOf(refused.body)).toEqual(['OPERATION_NOT_APPROVED']);

    const extraOperation = `${approved}\nquery Extra { eventTypes { type } }`;
    const refusedToo = await gql(service, reader, { query: extraOperation, operationName: 'IncidentSyncPage' });
    expect(codesOf(refusedToo.body)).toEqual(['OPERATION_NOT_APPROVED']);
  });

  test('documentId and extensions.persistedQuery.sha256Hash name an approved operation; unknown ids are refused', async () => {
    const listed = await api(
      service,
      'GET',
      `/v1/platform/apps/${reader.clientId}/graphql-operations`,
      acme.adminToken,
    );
    const op = (listed.body.operations as Array<{ name: string; id: string; sha256: string }>).find(
      (o) => o.name === 'IncidentSyncPage',
    )!;
    const byId = await gql(service, reader, { documentId: op.id, variables: { first: 1 } });
    expect(byId.body.data.incidents.incidents.length).toBeLessThanOrEqual(1);
    const byHash = await gql(service, reader, {
      extensions: { persistedQuery: { version: 1, sha256Hash: op.sha256 } },
    });
    expect(byHash.body.data.incidents).toBeDefined();
    const caseOp = service.graphql.bundles.operationsOf(['case-sync'])[0]!;
    for (const payload of [
      { documentId: `sha256:${'0'.repeat(64)}` },
      { documentId: caseOp.id },
      { extensions: { persistedQuery: { sha256Hash: 'nope' } } },
    ]) {
      const r = await gql(service, reader, payload);
      expect(codesOf(r.body)).toEqual(['OPERATION_NOT_APPROVED']);
    }
    const get = await fetch(`${service.url}/graphql?documentId=${encodeURIComponent(op.id)}`, {
      headers: { authorization: `Bearer ${reader.token}`, 'x-tenant-id': acme.tenantId },
    });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: { incidents: unknown } }).data.incidents).toBeDefined();
  });

  test('GET runs approved queries, never mutations; there is no playground', async () => {
    const headers = { authorization: `Bearer ${sync.token}`, 'x-tenant-id': acme.tenantId };
    const mutation = doc('incident-sync', 'CloseIncident');
    const get = await fetch(
      `${service.url}/graphql?query=${encodeURIComponent(mutation)}&variables=${encodeURIComponent('{"id":"inc_x"}')}`,
      { headers },
    );
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const page = await fetch(`${service.url}/graphql`, { headers: { ...headers, accept: 'text/html' } });
    expect(page.status).toBe(406);
    expect(page.headers.get('content-type')).not.toContain('text/html');
    const put = await fetch(`${service.url}/graphql`, { method: 'PUT', headers });
    expect(put.status).toBe(405);
  });

  test('variables are checked without "did you mean" hints', async () => {
    const r = await gql(service, sync, {
      query: doc('incident-sync', 'CreateIncident'),
      variables: { title: 'x', severity: 'HGH' },
    });
    expect(r.status).toBe(200);
    expect(codesOf(r.body)).toEqual(['INVALID_VARIABLES']);
    expect(r.text).not.toContain('Did you mean');
    expect(r.text).not.toContain('HIGH');
    const strict = await gql(
      service,
      sync,
      { query: doc('incident-sync', 'CreateIncident'), variables: { title: 'x' } },
      { accept: 'application/graphql-response+json' },
    );
    expect(strict.status).toBe(400);
    expect(codesOf(strict.body)).toEqual(['INVALID_VARIABLES']);
  });

  test('a failure inside execution is masked: a request id to quote, no field or type named', async () => {
    const incidents = service.graphql.incidents;
    const original = incidents.get.bind(incidents);
    incidents.get = async () => ({ id: 'inc_broken' }) as never; // a row missing its non-null title
    try {
      const r = await gql(service, sync, {
        query: doc('incident-sync', 'IncidentById'),
        variables: { id: 'inc_broken' },
      });
      expect(r.status).toBe(200);
      expect(codesOf(r.body)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(r.body.errors[0].message).toContain('quote request id req_');
      expect(r.text).not.toMatch(SCHEMA_WORDS);
    } finally {
      incidents.get = original;
    }
  });

  test('a bad argument in an approved operation is a clear error, not a 500', async () => {
    const r = await gql(service, sync, { query: doc('incident-sync', 'IncidentSyncPage'), variables: { first: 0 } });
    expect(r.status).toBe(200);
    expect(codesOf(r.body)).toEqual(['INVALID_REQUEST']);
    const cursor = await gql(service, sync, {
      query: doc('incident-sync', 'IncidentSyncPage'),
      variables: { after: 'garbage' },
    });
    expect(cursor.body.errors[0].message).toContain('cursor');
    const blank = await gql(service, sync, {
      query: doc('incident-sync', 'CreateIncident'),
      variables: { title: '  ', severity: 'LOW' },
    });
    expect(blank.body.errors[0].message).toBe('input.title: must not be blank');
  });
});

describe('malformed requests', () => {
  test('are 4xx (in the envelope or as GraphQL errors), never a 500', async () => {
    const headers = { authorization: `Bearer ${sync.token}`, 'x-tenant-id': acme.tenantId };
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { ...headers, 'content-type': contentType, accept: 'application/graphql-response+json' },
        body,
      });
    const cases: Array<[string, Promise<Response>, number]> = [
      ['bad JSON', post('{"query": '), 400],
      ['an array', post('[]'), 400],
      ['no query', post('{"variables": {}}'), 400],
      ['a number for query', post('{"query": 5}'), 400],
      [
        'string variables',
        post(JSON.stringify({ query: doc('incident-sync', 'IncidentSyncPage'), variables: 'x' })),
        400,
      ],
      ['a non-string documentId', post('{"documentId": 7}'), 400],
      ['a form body', post('query=%7B__typename%7D', 'application/x-www-form-urlencoded'), 415],
      ['text', post('{ __typename }', 'text/plain'), 415],
      [
        'huge first',
        post(JSON.stringify({ query: doc('incident-sync', 'IncidentSyncPage'), variables: { first: 2 ** 40 } })),
        400,
      ],
      ['an endless document', post(JSON.stringify({ query: `{ ${'a '.repeat(5000)} }` })), 400],
      ['bad GET extensions', fetch(`${service.url}/graphql?extensions=%7Bnope`, { headers }), 400],
      [
        'a long title',
        post(
          JSON.stringify({
            query: doc('incident-sync', 'CreateIncident'),
            variables: { title: 'x'.repeat(5000), severity: 'LOW' },
          }),
        ),
        200,
      ],
    ];
    for (const [label, pending, expected] of cases) {
      const res = await pending;
      const text = await res.text();
      expect({ label, status: res.status }).toEqual({ label, status: expected });
      expect(text).not.toContain('server_error');
    }
  });
});

describe('transport errors carry a code', () => {
  test('malformed GraphQL-over-HTTP requests: errors[].extensions.code with the status the spec gives, under both media types', async () => {
    const headers = { authorization: `Bearer ${sync.token}`, 'x-tenant-id': acme.tenantId };
    const page = doc('incident-sync', 'IncidentSyncPage');
    const post = (body: string, accept: string) =>
      fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', accept },
        body,
      });
    const get = (search: string, accept: string) =>
      fetch(`${service.url}/graphql?${search}`, { headers: { ...headers, accept } });
    const deepVariables = `{"a":${'['.repeat(100)}${']'.repeat(100)}}`;
    // [label, request, status under application/json, status under application/graphql-response+json, code]
    const cases: Array<[string, (accept: string) => Promise<Response>, number, number, string]> = [
      ['{}', (a) => post('{}', a), 400, 400, 'BAD_REQUEST'],
      ['a number for query', (a) => post('{"query": 5}', a), 400, 400, 'BAD_REQUEST'],
      [
        'string variables',
        (a) => post(JSON.stringify({ query: page, variables: 'x' }), a),
        400,
        400,
        'INVALID_VARIABLES',
      ],
      [
        'array variables',
        (a) => post(JSON.stringify({ query: page, variables: [1] }), a),
        400,
        400,
        'INVALID_VARIABLES',
      ],
      [
        'a number for operationName',
        (a) => post(JSON.stringify({ query: page, operationName: 5 }), a),
        400,
        400,
        'BAD_REQUEST',
      ],
      ['string extensions', (a) => post(JSON.stringify({ query: page, extensions: 'x' }), a), 400, 400, 'BAD_REQUEST'],
      ['bad GET variables', (a) => get(`query=${encodeURIComponent(page)}&variables=%7B`, a), 400, 400, 'BAD_REQUEST'],
      ['bad GET extensions', (a) => get('extensions=%7Bnope', a), 400, 400, 'BAD_REQUEST'],
      [
        'deep GET variables',
        (a) => get(`query=${encodeURIComponent(page)}&variables=${encodeURIComponent(deepVariables)}`, a),
        400,
        400,
        'INVALID_VARIABLES',
      ],
      [
        'a mutation over GET',
        (a) =>
          get(
            `query=${encodeURIComponent(doc('incident-sync', 'CloseIncident'))}&variables=${encodeURIComponent('{"id":"inc_x"}')}`,
            a,
          ),
        405,
        405,
        'METHOD_NOT_ALLOWED',
      ],
      [
        'an unknown operationName',
        (a) => post(JSON.stringify({ query: page, operationName: 'Other' }), a),
        200,
        400,
        'BAD_REQUEST',
      ],
    ];
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      for (const [label, send, legacy, modern, code] of cases) {
        const res = await send(accept);
        const body = (await res.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
        expect({ label, accept, status: res.status }).toEqual({
          label,
          accept,
          status: accept === 'application/json' ? legacy : modern,
        });
        expect({ label, codes: (body.errors ?? []).map((e) => e.extensions?.code) }).toEqual({ label, codes: [code] });
        expect(body.errors![0]!.message).not.toMatch(
          /^(Missing query|Invalid variables|Unparsable URL|Unable to detect operation AST)$/,
        );
      }
    }
    const mutation = await get(
      `query=${encodeURIComponent(doc('incident-sync', 'CloseIncident'))}`,
      'application/json',
    );
    expect(mutation.headers.get('allow')).toBe('POST');
    await mutation.arrayBuffer();
  });

  test('deep variables in a POST body are refused with the limit (a 500 from the NUL walk before)', async () => {
    const r = await gql(service, sync, {
      query: doc('incident-sync', 'IncidentSyncPage'),
      variables: { a: JSON.parse('['.repeat(5000) + ']'.repeat(5000)) },
    });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid_request');
    expect(r.body.error_description).toContain('(MAX_JSON_DEPTH)');
  });
});

describe('no schema discovery', () => {
  const disguises: Record<string, string> = {
    plain: '{ __schema { types { name } } }',
    alias: '{ s: __schema { queryType { name } } }',
    type: '{ __type(name: "Incident") { fields { name } } }',
    'aliased type': 'query Q { t: __type(name: "Case") { name } }',
    fragment: 'query Q { ...F } fragment F on Query { __schema { types { name } } }',
    'nested fragment':
      'query Q { ...A } fragment A on Query { ...B } fragment B on Query { __type(name: "Incident") { name } }',
    'inline fragment': '{ ... on Query { __schema { directives { name } } } }',
    'type condition': 'query Q { eventTypes { ...T } } fragment T on __Type { name }',
    'unused fragment': 'query Q { eventTypes { type } } fragment X on Query { __schema { types { name } } }',
    'second operation': `${'query A { eventTypes { type } }'} query B { __schema { types { name } } }`,
    'variable type': 'query Q($k: __TypeKind) { eventTypes { type } }',
    'behind an approved operation': '',
  };

  test.each(Object.keys(disguises))('introspection is refused: %s', async (name) => {
    const query =
      name === 'behind an approved operation'
        ? `${doc('incident-sync', 'IncidentSyncPage')}\nquery Peek { __schema { types { name } } }`
        : disguises[name]!;
    for (const app of [reader, sync]) {
      const r = await gql(service, app, { query, operationName: null });
      expect(codesOf(r.body)).toEqual(['INTROSPECTION_DISABLED']);
      expect(r.body.data).toBeUndefined();
      expect(r.text).not.toMatch(SCHEMA_WORDS);
    }
    const get = await fetch(`${service.url}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { authorization: `Bearer ${sync.token}`, 'x-tenant-id': acme.tenantId },
    });
    expect(codesOf((await get.json()) as Record<string, unknown>)).toEqual(['INTROSPECTION_DISABLED']);
  });

  test('syntax errors name no schema types either', async () => {
    const r = await gql(service, sync, { query: '{ incidents {' });
    expect(codesOf(r.body)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(r.text).not.toMatch(SCHEMA_WORDS);
  });
});

describe('depth and cost limits', () => {
  test('a document nested too deep is refused with the limit, before any bundle lookup', async () => {
    const deep = '{ cases { cases { incidents { cases { incidents { cases { incidents { id } } } } } } } }';
    const r = await gql(service, sync, { query: deep });
    expect(codesOf(r.body)).toEqual(['DEPTH_LIMIT_EXCEEDED']);
    expect(r.body.errors[0].message).toContain('the limit is 6');
    const cyclic = await gql(service, sync, { query: 'query Q { ...A } fragment A on Query { ...A }' });
    expect(codesOf(cyclic.body)).toEqual(['DEPTH_LIMIT_EXCEEDED']);
  });

  test('an unapproved document is never costed: real and made-up fields get the same answer', async () => {
    // A cost is read off the schema, so its figure would tell which fields exist.
    const wide = (field: string) =>
      `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: ${field}(first: 100) { ${field} { id } }`).join(' ')} }`;
    const real = await gql(service, sync, { query: wide('incidents') });
    const madeUp = await gql(service, sync, { query: wide('zebras') });
    expect(codesOf(real.body)).toEqual(['OPERATION_NOT_APPROVED']);
    expect(real.body).toEqual(madeUp.body);
    expect(real.text).not.toMatch(SCHEMA_WORDS);
  });

  test('a padded document is refused past its length limit; NUL in variables is a refusal, not a failure', async () => {
    const padded = `${doc('incident-sync', 'IncidentSyncPage')}\n#${'x'.repeat(40_000)}`;
    const long = await gql(service, sync, { query: padded });
    expect(codesOf(long.body)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(long.body.errors[0].message).toContain('the limit is 32768');
    // In a POST body the HTTP layer refuses it in its envelope, naming the place; over GET it
    // reaches the transport. The README's table of codes says the same.
    const posted = await gql(service, sync, {
      query: doc('incident-sync', 'IncidentById'),
      variables: { id: 'inc_\u0000' },
    });
    expect(posted.status).toBe(400);
    expect(posted.body).toEqual({
      error: 'invalid_request',
      error_description: 'variables.id: must not contain NUL (U+0000) characters',
    });
    const url = new URL(`${service.url}/graphql`);
    url.searchParams.set('query', doc('incident-sync', 'IncidentById'));
    url.searchParams.set('variables', JSON.stringify({ id: 'inc_\u0000' }));
    const got = await fetch(url, { headers: { authorization: `Bearer ${sync.token}`, 'x-tenant-id': sync.tenantId } });
    const body = (await got.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['INVALID_VARIABLES']);
  });

  test('an approved operation is costed with the variables sent: big nested pages are refused, small ones run', async () => {
    const query = doc('case-sync', 'CaseSyncPage');
    const big = await gql(service, sync, { query, variables: { first: 100, incidentsFirst: 100 } });
    expect(codesOf(big.body)).toEqual(['COST_LIMIT_EXCEEDED']);
    expect(big.body.errors[0].message).toContain('ask for smaller pages');
    const small = await gql(service, sync, { query, variables: { first: 50, incidentsFirst: 10 } });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.cases.cases).toBeArray();
  });
});

describe('reviewed bundles in governance', () => {
  test('an admin can grant only known bundles; GET …/graphql-operations lists what the app may run', async () => {
    const app = await api(service, 'POST', '/v1/platform/apps', acme.adminToken, {
      name: 'Pinned',
      grant_types: ['client_credentials'],
      requested_scopes: ['graphql'],
    });
    const bad = await api(service, 'PATCH', `/v1/platform/apps/${app.body.client_id}/governance`, acme.adminToken, {
      graphql_bundles: ['everything'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error_description).toContain('everything');
    const none = await api(
      service,
      'GET',
      `/v1/platform/apps/${app.body.client_id}/graphql-operations`,
      acme.adminToken,
    );
    expect(none.body).toEqual({ client_id: app.body.client_id, bundles: [], operations: [], next_cursor: null });
    const listed = await api(service, 'GET', `/v1/platform/apps/${sync.clientId}/graphql-operations`, acme.adminToken);
    expect(listed.status).toBe(200);
    expect(listed.body.bundles).toEqual(['case-sync', 'incident-sync']);
    const names = listed.body.operations as Array<{
      name: string;
      bundle: string;
      type: string;
      id: string;
      document: string;
    }>;
    expect(names.map((o) => o.name)).toContain('CloseIncident');
    for (const o of names) {
      expect(o.id).toBe(`sha256:${new Bun.CryptoHasher('sha256').update(o.document).digest('hex')}`);
      expect(['query', 'mutation']).toContain(o.type);
    }
    const own = await api(service, 'GET', `/v1/platform/apps/${sync.clientId}/graphql-operations`, sync.token);
    expect(own.body).toEqual(listed.body);
    expect(
      (await api(service, 'GET', `/v1/platform/apps/${sync.clientId}/graphql-operations`, reader.token)).status,
    ).toBe(403);
    expect(
      (await api(service, 'GET', `/v1/platform/apps/${sync.clientId}/graphql-operations`, globex.adminToken)).status,
    ).toBe(404);
  });

  test('/metrics counts approved runs by bundle and operation, and refusals by code', async () => {
    await gql(service, reader, { query: doc('incident-sync', 'IncidentSyncPage') });
    await gql(service, reader, { query: '{ __schema { types { name } } }' });
    const text = await (await fetch(`${service.url}/metrics`)).text();
    expect(text).toMatch(/argus_graphql_operations_total\{bundle="incident-sync",operation="IncidentSyncPage"\} \d+/);
    expect(text).toMatch(/argus_graphql_refusals_total\{code="INTROSPECTION_DISABLED"\} \d+/);
  });

  test('a tenant administrator token is no app: it runs no operation', async () => {
    const r = await gql(
      service,
      { token: acme.adminToken, tenantId: acme.tenantId },
      { query: doc('incident-sync', 'IncidentSyncPage') },
    );
    expect(codesOf(r.body)).toEqual(['OPERATION_NOT_APPROVED']);
  });

  test('revoking a bundle takes effect on the next request', async () => {
    const app = await graphqlApp(service, acme, { scopes: ['graphql', 'incidents:read'], bundles: ['incident-sync'] });
    const query = doc('incident-sync', 'IncidentSyncPage');
    expect((await gql(service, app, { query })).body.data.incidents).toBeDefined();
    expect(
      (
        await api(service, 'PATCH', `/v1/platform/apps/${app.clientId}/governance`, acme.adminToken, {
          graphql_bundles: [],
        })
      ).status,
    ).toBe(200);
    expect(codesOf((await gql(service, app, { query })).body)).toEqual(['OPERATION_NOT_APPROVED']);
  });
});
