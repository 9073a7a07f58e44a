// Postgres text and jsonb cannot hold U+0000: input carrying it is refused up front (a 400
// naming where) instead of failing deep in a query.

/** Where a NUL character hides in a value ('' for the value itself), or null. */
export function nulPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return here;
    const found = nulPath(item, here);
    if (found !== null) return found;
  }
  return null;
}
