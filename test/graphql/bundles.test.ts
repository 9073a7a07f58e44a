// Reviewed bundles are validated against the schema at startup; the document checks
// (introspection, depth, cost) are named units tested here on their own.
import { describe, expect, test } from 'bun:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import {
  BundleError,
  BundleRegistry,
  compileBundle,
  documentHash,
  normalise,
  REVIEWED,
} from '../../src/graphql/bundles.ts';
import { LIMITS, documentCost, documentDepth, usesIntrospection } from '../../src/graphql/limits.ts';
import { buildSchema } from '../../src/graphql/schema.ts';
import { loadGraphql } from '../../src/graphql/service.ts';

const schema = buildSchema();

describe('the reviewed bundles', () => {
  test('load, every operation named, each id the SHA-256 of its normalised document', async () => {
    const { bundles } = await loadGraphql();
    expect(bundles.names()).toEqual(['case-sync', 'incident-sync', 'incident-webhooks']);
    const ops = bundles.operationsOf(bundles.names());
    expect(ops.length).toBeGreaterThanOrEqual(14);
    for (const op of ops) {
      expect(op.name).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(op.id).toBe(`sha256:${await documentHash(op.document)}`);
      expect(normalise(parse(op.document))).toBe(op.document);
      expect(op.allowIntrospection).toBe(false);
    }
    const names = ops.map((o) => o.name);
    for (const expected of [
      'CreateIncidentWebhook',
      'UpdateIncidentWebhook',
      'IncidentWebhooks',
      'IncidentSyncPage',
      'CreateIncident',
      'UpdateIncident',
      'CloseIncident',
      'CaseSyncPage',
      'CreateCase',
      'UpdateCase',
      'CloseCase',
    ]) {
      expect(names).toContain(expected);
    }
    // Each operation carries exactly the fragments it uses.
    const create = ops.find((o) => o.name === 'CreateIncidentWebhook')!;
    expect(create.document).toContain('fragment WebhookFields on Webhook');
    expect(ops.find((o) => o.name === 'IncidentEventTypes')!.document).not.toContain('fragment');
  });

  test('an invalid bundle stops startup with a message naming the file and the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'argus-bundles-'));
    writeFileSync(join(dir, 'good.graphql'), 'query Types { eventTypes { type } }');
    writeFileSync(join(dir, 'broken.graphql'), 'query Peek { incidents { incidents { id secretField } } }');
    const error = await loadGraphql(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BundleError);
    expect((error as Error).message).toContain('GraphQL bundle "broken"');
    expect((error as Error).message).toContain(join(dir, 'broken.graphql'));
    expect((error as Error).message).toContain('Cannot query field "secretField"');
  });

  const refuses = async (source: string, problem: string | RegExp, name = 'bundle') => {
    const error = await compileBundle(name, source, schema, REVIEWED).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BundleError);
    expect((error as Error).message).toMatch(problem);
  };

  test.each([
    ['a syntax error', 'query A { eventTypes { type }', /Syntax Error/],
    ['an anonymous operation', '{ eventTypes { type } }', 'needs a name'],
    ['a name used twice', 'query A { eventTypes { type } } query A { eventTypes { description } }', 'used twice'],
    ['introspection', 'query A { __schema { types { name } } }', 'introspection'],
    [
      'introspection behind a fragment',
      'query A { ...F } fragment F on Query { __type(name: "X") { name } }',
      'introspection',
    ],
    ['a subscription', 'subscription S { eventTypes { type } }', 'not supported'],
    [
      'an unused fragment',
      'query A { eventTypes { type } } fragment Lost on Incident { id }',
      'fragment Lost is not used',
    ],
    ['an unknown argument', 'query A { incidents(limit: 5) { nextCursor } }', 'Unknown argument'],
    [
      'too deep',
      'query A { cases { cases { incidents { cases { incidents { cases { incidents { id } } } } } } } }',
      `exceeds the limit of ${LIMITS.maxDepth}`,
    ],
    [
      'too costly at default page sizes',
      'query A { cases(first: 100) { cases { incidents(first: 50) { id } } } }',
      `exceeds the limit of ${LIMITS.maxCost}`,
    ],
    ['no operation at all', 'fragment F on Incident { id }', 'no operation'],
  ])('refuses %s', async (_label, source, problem) => {
    await refuses(source, problem);
  });

  test('refuses a file name that is not a bundle name', async () => {
    await refuses('query A { eventTypes { type } }', 'bundle name', 'Not A Name');
  });

  test('a registry refuses two bundles of one name and finds operations only in the given bundles', async () => {
    const a = await compileBundle('a', 'query T { eventTypes { type } }', schema);
    const b = await compileBundle('b', 'query T { eventTypes { type } }', schema);
    const registry = new BundleRegistry([a, b]);
    expect(() => registry.add(a)).toThrow('defined twice');
    expect(registry.find(['b'], a.operations[0]!.hash)?.bundle).toBe('b');
    expect(registry.find(['c'], a.operations[0]!.hash)).toBeNull();
  });
});

describe('normalisation', () => {
  test('whitespace, comments and fragment order do not change the hash; a field does', async () => {
    const one =
      'query A { incidents { incidents { ...X ...Y } } } fragment X on Incident { id } fragment Y on Incident { title }';
    const two =
      '# comment\nquery A {\n  incidents {\n    incidents { ...X, ...Y }\n  }\n}\nfragment Y on Incident { title }\n\nfragment X on Incident { id }';
    const three = one.replace('{ title }', '{ severity }');
    const [h1, h2, h3] = await Promise.all([one, two, three].map((d) => documentHash(normalise(parse(d)))));
    expect(h1).toBe(h2);
    expect(h3).not.toBe(h1);
  });
});

describe('document checks', () => {
  test.each([
    ['__schema', '{ __schema { types { name } } }', true],
    ['an alias', '{ x: __type(name: "A") { name } }', true],
    ['a fragment', 'query { ...F } fragment F on Query { __schema { queryType { name } } }', true],
    ['a type condition', 'query { a { ... on __Type { name } } }', true],
    ['__typename only', '{ __typename incidents { __typename } }', false],
    ['a field merely containing the word', '{ schema type typeName }', false],
  ])('introspection: %s', (_label, source, expected) => {
    expect(usesIntrospection(parse(source))).toBe(expected);
  });

  test('depth counts fields through fragments; a cycle is infinite', () => {
    expect(documentDepth(parse('{ a }'))).toBe(1);
    expect(documentDepth(parse('{ a { b { c } } }'))).toBe(3);
    expect(documentDepth(parse('query { ...F } fragment F on Q { a { ... on T { b { c } } } }'))).toBe(3);
    expect(documentDepth(parse('query { ...F } fragment F on Q { a { ...F } }'))).toBe(Infinity);
  });

  test('cost: objects times page sizes, from literals, variables, defaults', () => {
    const q = parse(
      'query Q($n: Int = 10, $m: Int) { incidents(first: $n) { incidents { id cases(first: $m) { id } } } }',
    );
    // n × (1 page + 1 list + m cases)
    expect(documentCost(schema, q, {})).toBe(10 * (1 + 1 + LIMITS.defaultPage));
    expect(documentCost(schema, q, { n: 100, m: 5 })).toBe(100 * (1 + 1 + 5));
    expect(documentCost(schema, q, { n: 10_000 })).toBe(LIMITS.maxPage * (1 + 1 + LIMITS.defaultPage));
    expect(documentCost(schema, parse('{ eventTypes { type } incident(id: "x") { title } }'), {})).toBe(2);
    // Unknown fields still count, so an unapproved document gets an honest figure.
    expect(documentCost(schema, parse('{ a: nope(first: 50) { x } b: nope { y } }'), {})).toBe(50 + 1);
  });
});
