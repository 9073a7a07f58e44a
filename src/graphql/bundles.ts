// Curated operation bundles: reviewed .graphql files of named operations (src/graphql/bundles/).
// Each operation, with the fragments it uses, is one approved document, identified by the
// SHA-256 of its normalised text. Bundles are validated against the schema at startup; an
// invalid bundle stops startup with a message naming the file and the problem.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  GraphQLError,
  Kind,
  parse,
  print,
  specifiedRules,
  validate,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { sha256Hex } from '../crypto/hash.ts';
import { files } from '../platform.ts';
import { LIMITS, documentCost, documentDepth, usesIntrospection } from './limits.ts';

export const BUNDLES_DIR = fileURLToPath(new URL('./bundles/', import.meta.url));
const BUNDLE_NAME = /^[a-z][a-z0-9-]{0,62}$/;

export interface ApprovedOperation {
  bundle: string;
  name: string | null;
  type: 'query' | 'mutation';
  /** `sha256:<hex>` of `document`: what documentId and persistedQuery.sha256Hash name. */
  id: string;
  hash: string;
  /** The normalised document: the operation, then the fragments it uses, printed. */
  document: string;
  ast: DocumentNode;
  /** Only test-only bundles may use introspection (see BundlePolicy). */
  allowIntrospection: boolean;
}

export interface Bundle {
  name: string;
  source: string;
  operations: ApprovedOperation[];
}

/**
 * Reviewed bundles are strict. A relaxed policy exists for a test-only bundle (the
 * GraphQL-over-HTTP audit's own documents, which include anonymous operations and __type);
 * nothing loads one in production.
 */
export interface BundlePolicy {
  requireNames: boolean;
  allowIntrospection: boolean;
}
export const REVIEWED: BundlePolicy = { requireNames: true, allowIntrospection: false };

export class BundleError extends Error {}

/** Operations first (in order), then fragments by name, printed: whitespace and comments never matter. */
export function normalise(doc: DocumentNode): string {
  const ops = doc.definitions.filter((d) => d.kind !== Kind.FRAGMENT_DEFINITION);
  const frags = doc.definitions
    .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
    .sort((a, b) => (a.name.value < b.name.value ? -1 : a.name.value > b.name.value ? 1 : 0));
  return print({ kind: Kind.DOCUMENT, definitions: [...ops, ...frags] });
}

export const documentHash = (normalised: string) => sha256Hex(normalised);

/** The fragments an operation uses, directly or through other fragments. */
function fragmentsUsedBy(
  op: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const walk = (node: DefinitionNode | FragmentDefinitionNode) => {
    const visitSet = (set: { selections: readonly unknown[] } | undefined) => {
      for (const sel of (set?.selections ?? []) as Array<{
        kind: string;
        name?: { value: string };
        selectionSet?: { selections: readonly unknown[] };
      }>) {
        if (sel.kind === Kind.FRAGMENT_SPREAD && sel.name) {
          const f = fragments.get(sel.name.value);
          if (f && !used.has(f.name.value)) {
            used.set(f.name.value, f);
            walk(f);
          }
        } else visitSet(sel.selectionSet);
      }
    };
    visitSet((node as OperationDefinitionNode).selectionSet);
  };
  walk(op);
  return [...used.values()];
}

/** Parses and checks one bundle's source; throws BundleError with every problem found. */
export async function compileBundle(
  name: string,
  source: string,
  schema: GraphQLSchema,
  policy: BundlePolicy = REVIEWED,
  origin = `${name}.graphql`,
): Promise<Bundle> {
  const fail = (problems: string[]) =>
    new BundleError(`GraphQL bundle "${name}" (${origin}) is invalid:\n  - ${problems.join('\n  - ')}`);
  if (!BUNDLE_NAME.test(name))
    throw fail([`the bundle name must match ${BUNDLE_NAME} (it is the file name without .graphql)`]);
  let doc: DocumentNode;
  try {
    doc = parse(source, { noLocation: false });
  } catch (error) {
    throw fail([error instanceof GraphQLError ? error.message : String(error)]);
  }
  const problems: string[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) {
      if (fragments.has(d.name.value)) problems.push(`fragment ${d.name.value} is defined twice`);
      fragments.set(d.name.value, d);
    } else if (d.kind !== Kind.OPERATION_DEFINITION)
      problems.push(`only operations and fragments may appear (found ${d.kind})`);
  }
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (ops.length === 0) problems.push('it has no operation');
  const names = new Set<string>();
  const usedFragments = new Set<string>();
  const operations: ApprovedOperation[] = [];
  for (const op of ops) {
    const opName = op.name?.value ?? null;
    const label = opName ? `operation ${opName}` : 'an anonymous operation';
    if (!opName && policy.requireNames) problems.push(`${label}: every operation of a reviewed bundle needs a name`);
    if (opName && names.has(opName)) problems.push(`${label}: the name is used twice`);
    if (opName) names.add(opName);
    if (op.operation === 'subscription') {
      problems.push(`${label}: subscriptions are not supported`);
      continue;
    }
    const used = fragmentsUsedBy(op, fragments);
    for (const f of used) usedFragments.add(f.name.value);
    const opDoc: DocumentNode = { kind: Kind.DOCUMENT, definitions: [op, ...used] };
    const errors = validate(schema, opDoc, specifiedRules);
    for (const e of errors) problems.push(`${label}: ${e.message}`);
    if (errors.length) continue;
    if (usesIntrospection(opDoc) && !policy.allowIntrospection)
      problems.push(`${label}: introspection (__schema, __type) is not allowed in a bundle`);
    const depth = documentDepth(opDoc);
    if (depth > LIMITS.maxDepth) problems.push(`${label}: depth ${depth} exceeds the limit of ${LIMITS.maxDepth}`);
    const cost = documentCost(schema, opDoc, {});
    if (cost > LIMITS.maxCost)
      problems.push(`${label}: cost ${cost} at default page sizes exceeds the limit of ${LIMITS.maxCost}`);
    const document = normalise(opDoc);
    const ast = parse(document);
    const hash = await documentHash(document);
    operations.push({
      bundle: name,
      name: opName,
      type: op.operation,
      id: `sha256:${hash}`,
      hash,
      document,
      ast,
      allowIntrospection: policy.allowIntrospection,
    });
  }
  for (const f of fragments.keys())
    if (!usedFragments.has(f)) problems.push(`fragment ${f} is not used by any operation`);
  if (problems.length) throw fail(problems);
  return { name, source, operations };
}

/** Every `*.graphql` file of a directory, each a bundle named after its file. */
export async function loadBundleDir(
  dir: string,
  schema: GraphQLSchema,
  policy: BundlePolicy = REVIEWED,
): Promise<Bundle[]> {
  const names = (await files.list(dir)).filter((n) => n.endsWith('.graphql')).sort();
  const bundles: Bundle[] = [];
  for (const file of names) {
    const path = join(dir, file);
    bundles.push(
      await compileBundle(file.slice(0, -'.graphql'.length), await files.readText(path), schema, policy, path),
    );
  }
  return bundles;
}

/** The bundles this process knows, and the lookups the transport needs. */
export class BundleRegistry {
  private readonly bundles = new Map<string, Bundle>();
  private readonly byHash = new Map<string, ApprovedOperation[]>();

  constructor(bundles: Bundle[] = []) {
    for (const b of bundles) this.add(b);
  }

  add(bundle: Bundle): void {
    if (this.bundles.has(bundle.name)) throw new BundleError(`GraphQL bundle "${bundle.name}" is defined twice`);
    this.bundles.set(bundle.name, bundle);
    for (const op of bundle.operations) this.byHash.set(op.hash, [...(this.byHash.get(op.hash) ?? []), op]);
  }

  names(): string[] {
    return [...this.bundles.keys()].sort();
  }

  /** The operations of the given bundles (unknown names are skipped), in bundle then file order. */
  operationsOf(bundleNames: readonly string[]): ApprovedOperation[] {
    return [...new Set(bundleNames)].sort().flatMap((n) => this.bundles.get(n)?.operations ?? []);
  }

  /** The approved operation with this hash in one of the given bundles, if any. */
  find(bundleNames: readonly string[], hash: string): ApprovedOperation | null {
    return this.byHash.get(hash)?.find((op) => bundleNames.includes(op.bundle)) ?? null;
  }
}
