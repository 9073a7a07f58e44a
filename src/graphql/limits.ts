// Named, document-level checks run before any bundle lookup: no introspection in any form,
// a depth limit and a cost limit. Their errors name no type or field.
import { FIXED } from '../defaults.ts';
import {
  Kind,
  getNamedType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** The transport's limits, from src/defaults.ts (FIXED). */
export const LIMITS = {
  maxDepth: FIXED.graphqlMaxDepth,
  /** Objects an operation may ask for at most (see operationCost). */
  maxCost: FIXED.graphqlMaxCost,
  /** Tokens the parser reads before giving up (bounds the work an oversized document costs). */
  maxTokens: FIXED.graphqlMaxTokens,
  /** Characters of a document's text; comments and padding count here, not in tokens. */
  maxDocumentLength: FIXED.graphqlMaxDocumentLength,
  defaultPage: FIXED.graphqlDefaultPage,
  maxPage: FIXED.graphqlMaxPage,
} as const;

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** True when the document touches introspection anywhere: fields, aliases, fragments, type conditions. */
export function usesIntrospection(doc: DocumentNode): boolean {
  let found = false;
  visit(doc, {
    Field(node) {
      if (INTROSPECTION_FIELDS.has(node.name.value)) found = true;
    },
    NamedType(node) {
      if (node.name.value.startsWith('__')) found = true;
    },
  });
  return found;
}

function fragmentsOf(doc: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
}

function operationsOf(doc: DocumentNode): OperationDefinitionNode[] {
  return doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

/** The deepest field chain over every operation of the document (a fragment cycle is infinite). */
export function documentDepth(doc: DocumentNode): number {
  const fragments = fragmentsOf(doc);
  const depth = (set: SelectionSetNode | undefined, stack: Set<string>): number => {
    if (!set) return 0;
    let max = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) max = Math.max(max, 1 + depth(sel.selectionSet, stack));
      else if (sel.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depth(sel.selectionSet, stack));
      else {
        const name = sel.name.value;
        if (stack.has(name)) return Infinity;
        const fragment = fragments.get(name);
        if (!fragment) continue;
        stack.add(name);
        max = Math.max(max, depth(fragment.selectionSet, stack));
        stack.delete(name);
      }
      if (max > LIMITS.maxDepth * 4) return max; // deep enough to refuse; stop walking
    }
    return max;
  };
  return Math.max(0, ...operationsOf(doc).map((op) => depth(op.selectionSet, new Set())));
}

/**
 * The objects an operation may return: every field of object type counts 1, times the page
 * size of every paginated field (`first`) above it. Scalars are free. `first` comes from the
 * literal, the variable sent, the variable's default, or the field's default, in that order.
 * Fields unknown to the schema still count (as objects when they have a selection).
 */
export function documentCost(
  schema: GraphQLSchema,
  doc: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): number {
  const fragments = fragmentsOf(doc);
  let total = 0;
  for (const op of operationsOf(doc)) {
    const defaults = new Map(op.variableDefinitions?.map((v) => [v.variable.name.value, v.defaultValue]) ?? []);
    const pageSize = (value: ValueNode | undefined, fieldDefault: unknown): number => {
      let n: unknown = fieldDefault ?? LIMITS.defaultPage;
      if (value?.kind === Kind.INT) n = Number(value.value);
      else if (value?.kind === Kind.VARIABLE) {
        const name = value.name.value;
        const sent = variables?.[name];
        const declared = defaults.get(name);
        if (sent !== undefined && sent !== null) n = sent;
        else if (declared?.kind === Kind.INT) n = Number(declared.value);
      }
      const size = typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : LIMITS.defaultPage;
      return Math.min(Math.max(size, 0), LIMITS.maxPage);
    };
    const cost = (
      set: SelectionSetNode | undefined,
      parent: GraphQLCompositeType | undefined,
      stack: Set<string>,
    ): number => {
      if (!set) return 0;
      let sum = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          const fields = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields() : undefined;
          const def = fields?.[sel.name.value];
          const named = def ? getNamedType(def.type) : undefined;
          const composite = named ? isCompositeType(named) : !!sel.selectionSet;
          if (!composite) continue;
          const firstArg = sel.arguments?.find((a) => a.name.value === 'first');
          const firstDef = def?.args.find((a) => a.name === 'first');
          const multiplier = firstArg || firstDef ? pageSize(firstArg?.value, firstDef?.defaultValue) : 1;
          sum += multiplier * (1 + cost(sel.selectionSet, named && isCompositeType(named) ? named : undefined, stack));
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          const cond = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
          sum += cost(sel.selectionSet, cond && isCompositeType(cond) ? cond : undefined, stack);
        } else {
          const name = sel.name.value;
          const fragment = fragments.get(name);
          if (!fragment) continue;
          if (stack.has(name)) return Infinity;
          stack.add(name);
          const cond = schema.getType(fragment.typeCondition.name.value);
          sum += cost(fragment.selectionSet, cond && isCompositeType(cond) ? cond : undefined, stack);
          stack.delete(name);
        }
        if (sum > LIMITS.maxCost * 100) return sum; // far over the limit; stop walking
      }
      return sum;
    };
    const root =
      op.operation === 'mutation'
        ? schema.getMutationType()
        : op.operation === 'subscription'
          ? schema.getSubscriptionType()
          : schema.getQueryType();
    total = Math.max(total, cost(op.selectionSet, root ?? undefined, new Set()));
  }
  return total;
}

/** The variables whose values documentCost reads (those given as a `first` argument): with the document, they decide its cost. */
export function pageVariables(doc: DocumentNode): string[] {
  const names = new Set<string>();
  visit(doc, {
    Argument(node) {
      if (node.name.value === 'first' && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names].sort();
}
