// Postgres text and jsonb cannot hold U+0000: input carrying it is refused up front (a 400
// naming where) instead of failing deep in a query.

/**
 * Where a NUL character hides in a value ('' for the value itself), or null. Walks with its
 * own stack, not recursion, so no nesting depth can overflow it.
 */
export function nulPath(value: unknown, path = ''): string | null {
  const pending: Array<[unknown, string]> = [[value, path]];
  while (pending.length) {
    const [item, here] = pending.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return here;
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    const entries = Object.entries(item);
    // Pushed in reverse, so the first NUL in document order is the one named.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const at = here ? `${here}.${key}` : key;
      if (key.includes('\u0000')) return at;
      pending.push([child, at]);
    }
  }
  return null;
}
