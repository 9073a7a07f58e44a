// graphql-http's own GraphQL-over-HTTP audits against the live server: every request carries
// an app token and X-Tenant-ID, and the audit's documents are approved in a test-only bundle.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { serverAudits, type AuditResult } from 'graphql-http';
import { compileBundle } from '../../src/graphql/bundles.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { graphqlApp } from './support.ts';

const BUNDLE = join(import.meta.dir, 'bundles/graphql-http-audit.graphql');

/**
 * SHOULDs this transport does not meet, with the reason (README, "GraphQL"): none at present.
 * The audits that send documents no bundle can hold (an unknown field, an unused variable)
 * pass because the refusal (OPERATION_NOT_APPROVED) uses the spec's statuses for request
 * errors: 200 under application/json, 400 under application/graphql-response+json.
 */
const KNOWN_SHOULD_FAILURES: Record<string, string> = {};

let service: TestService;
let results: AuditResult[] = [];

beforeAll(async () => {
  service = await startTestService({ workers: false });
  const tenant = await newTenant(service);
  service.graphql.bundles.add(
    await compileBundle(
      'graphql-http-audit',
      readFileSync(BUNDLE, 'utf8'),
      service.graphql.schema,
      { requireNames: false, allowIntrospection: true },
      BUNDLE,
    ),
  );
  const app = await graphqlApp(service, tenant, { scopes: ['graphql'], bundles: ['graphql-http-audit'] });
  const fetchFn = (input: string | URL | Request, init: RequestInit = {}) =>
    fetch(input, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        authorization: `Bearer ${app.token}`,
        'x-tenant-id': tenant.tenantId,
      },
    });
  const audits = serverAudits({ url: `${service.url}/graphql`, fetchFn });
  results = [];
  for (const audit of audits) results.push(await audit.fn());
}, 60_000);
afterAll(async () => {
  await service.stop();
});

const describeFailure = (r: AuditResult) => (r.status === 'ok' ? '' : `${r.id} ${r.name}: ${r.reason}`);

test('the audit ran in full', () => {
  expect(results.length).toBeGreaterThan(50);
});

test('every MUST audit passes', () => {
  const must = results.filter((r) => r.name.startsWith('MUST'));
  expect(must.length).toBeGreaterThan(10);
  expect(must.filter((r) => r.status !== 'ok').map(describeFailure)).toEqual([]);
});

test('the SHOULD audits that fail are exactly the known ones', () => {
  const failing = results.filter((r) => r.name.startsWith('SHOULD') && r.status !== 'ok');
  for (const f of failing) console.log(`SHOULD not met: ${describeFailure(f)}`);
  expect(failing.map((r) => r.id).sort()).toEqual(Object.keys(KNOWN_SHOULD_FAILURES).sort());
});

test('MAY audits: report only', () => {
  const may = results.filter((r) => r.name.startsWith('MAY'));
  for (const f of may.filter((r) => r.status !== 'ok')) console.log(`MAY not taken: ${describeFailure(f)}`);
  expect(may.length).toBeGreaterThan(0);
});
