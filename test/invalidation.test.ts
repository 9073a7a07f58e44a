// The invalidation channel's own rules (src/invalidation.ts), with a database whose LISTEN is
// under the test's control: a listener that goes silent makes caches step aside within the
// bound and is replaced; a reconnect empties them; a value read before a change is not kept
// after it; the process that announces stores nothing until its notice comes back.
import { describe, expect, test } from 'bun:test';
import type { Db, Queryable } from '../src/db/index.ts';
import { silentLogger } from '../src/log.ts';
import {
  INVALIDATION_BOUND_MS,
  INVALIDATION_CHANNEL,
  InvalidatedCache,
  Invalidations,
  type Forget,
} from '../src/invalidation.ts';

/** A Db whose NOTIFYs reach its listeners only while `connected`, and whose time the test moves. */
function fakeDb() {
  const state = {
    connected: true,
    listens: 0,
    handlers: [] as Array<{ onMessage: (p: string) => void; onListening?: () => void }>,
    sent: [] as string[],
  };
  const deliver = (payload: string) => {
    state.sent.push(payload);
    if (state.connected) for (const h of state.handlers) h.onMessage(payload);
  };
  const query = async (text: string, params?: readonly unknown[]) => {
    if (text.includes('pg_notify') && params?.[0] === INVALIDATION_CHANNEL) deliver(String(params[1]));
    return [];
  };
  const tx: Queryable = { query, exec: async () => {} };
  const db = {
    kind: 'pglite',
    query,
    exec: async () => {},
    transaction: async <T>(fn: (t: Queryable) => Promise<T>) => fn(tx),
    listen: async (_channel: string, onMessage: (p: string) => void, onListening?: () => void) => {
      state.listens++;
      const handler = { onMessage, onListening };
      state.handlers.push(handler);
      onListening?.();
      return async () => {
        state.handlers = state.handlers.filter((h) => h !== handler);
      };
    },
    close: async () => {},
  } as unknown as Db;
  return { db, state, tx };
}

function setUp() {
  const fake = fakeDb();
  let now = 1_000;
  const invalidations = new Invalidations(fake.db, silentLogger, () => now);
  const forgotten: Forget[] = [];
  invalidations.subscribe((f) => forgotten.push(f));
  return { ...fake, invalidations, forgotten, advance: (ms: number) => (now += ms) };
}

describe('invalidations', () => {
  test('trusted once its own ping comes back; not past the bound without one', async () => {
    const { invalidations, state, advance } = setUp();
    await invalidations.start();
    expect(invalidations.trusted()).toBe(true);
    state.connected = false; // silent: pings are sent, none comes back
    advance(INVALIDATION_BOUND_MS - 1);
    expect(invalidations.trusted()).toBe(true);
    advance(1);
    expect(invalidations.trusted()).toBe(false);
    const cache = new InvalidatedCache<string>(invalidations, 60_000);
    cache.set('k', 'v', cache.version);
    expect(cache.get('k')).toBeUndefined(); // steps aside: the caller reads the database
    await invalidations.stop();
  });

  test('a reconnect empties every cache', async () => {
    const { invalidations, state, forgotten } = setUp();
    await invalidations.start();
    const before = forgotten.length;
    state.handlers[0]!.onListening?.();
    expect(forgotten.slice(before)).toEqual([{ kind: 'everything' }]);
    await invalidations.stop();
  });

  test('a value read before a change that arrives meanwhile is not kept', async () => {
    const { invalidations, db } = setUp();
    await invalidations.start();
    const cache = new InvalidatedCache<string>(invalidations, 60_000);
    invalidations.subscribe((f) => f.kind === 'app' && cache.delete(f.clientId));
    const since = cache.version;
    // Another process's change arrives while this one is reading.
    await db.query('select pg_notify($1, $2)', [INVALIDATION_CHANNEL, 'elsewhere 7 app app_1']);
    expect(cache.set('app_1', 'as read before the change', since)).toBe(false);
    expect(cache.get('app_1')).toBeUndefined();
    expect(cache.set('app_1', 'read after', cache.version)).toBe(true);
    expect(cache.get('app_1')).toBe('read after');
    await invalidations.stop();
  });

  test('the announcing process stores nothing until its notice comes back (its commit)', async () => {
    const { invalidations, state, tx } = setUp();
    await invalidations.start();
    const cache = new InvalidatedCache<string>(invalidations, 60_000);
    state.connected = false; // the notice is "in the transaction", not yet delivered
    await invalidations.announce(tx, { kind: 'tokens', jtis: ['tok_1'] });
    expect(cache.set('x', 'read before the commit', cache.version)).toBe(false);
    state.connected = true;
    for (const h of state.handlers) h.onMessage(state.sent.at(-1)!); // committed: the notice comes back
    expect(cache.set('x', 'read after the commit', cache.version)).toBe(true);
    await invalidations.stop();
  });

  test('notices round-trip: tokens (a long list becomes all of them), apps, keys', async () => {
    const { invalidations, forgotten, tx } = setUp();
    await invalidations.start();
    const from = forgotten.length;
    await invalidations.announce(tx, { kind: 'tokens', jtis: ['tok_a', 'tok_b'] });
    await invalidations.announce(tx, { kind: 'app', clientId: 'app_x' });
    await invalidations.announce(tx, { kind: 'keys' });
    const many = Array.from({ length: 400 }, (_, i) => `tok_${'x'.repeat(20)}${i}`);
    await invalidations.announce(tx, { kind: 'tokens', jtis: many });
    // Each is applied once at announce time and once when heard back.
    const heard = forgotten.slice(from).filter((_, i) => i % 2 === 1);
    expect(heard).toEqual([
      { kind: 'tokens', jtis: ['tok_a', 'tok_b'] },
      { kind: 'app', clientId: 'app_x' },
      { kind: 'keys' },
      { kind: 'tokens', jtis: 'all' },
    ]);
    await invalidations.stop();
  });
});
