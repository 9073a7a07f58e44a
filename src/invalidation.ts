// What per-process caches of security decisions (remembered tokens, app governance and
// authentication rows, signing keys) must forget, told to every process through Postgres.
//
// A change is announced with NOTIFY inside the transaction that makes it, so every process
// hears of it exactly when it commits, and never of one that rolled back. The announcing
// process forgets at once, and stores nothing new until its own announcement comes back
// (reads made meanwhile may predate the commit). LISTEN/NOTIFY loses what is sent while a
// listener reconnects, and a listener can die silently, so:
//   - each (re)connection of the listener empties every cache;
//   - every PING_EVERY_MS the process notifies itself; caches answer only while a ping sent
//     less than INVALIDATION_BOUND_MS ago has come back (notifications arrive in commit order,
//     so every change committed before that ping has been applied). Otherwise they step aside
//     and every check reads the database, and a listener silent for twice the bound is
//     replaced.
// Hence the one bound, for revocation, governance and key changes alike: at once in the
// process that made the change, within INVALIDATION_BOUND_MS everywhere else.
import type { Db, Queryable } from './db/index.ts';
import { notify } from './db/index.ts';
import type { Logger } from './log.ts';
import { randomToken } from './ids.ts';
import { ExpiringCache } from './expiring-cache.ts';
import { FIXED } from './defaults.ts';

export const INVALIDATION_CHANNEL = 'argus_invalidate';
export const INVALIDATION_BOUND_MS = FIXED.invalidationBoundMs;
const PING_EVERY_MS = 250;
/** NOTIFY payloads are capped at 8000 bytes; a longer list of tokens becomes "all of them". */
const MAX_PAYLOAD = 7000;

export type Invalidation =
  | { kind: 'tokens'; jtis: readonly string[] | 'all' }
  | { kind: 'app'; clientId: string }
  | { kind: 'keys' };

/** What a cache must forget: one change, or everything (after a reconnect). */
export type Forget = Invalidation | { kind: 'everything' };

function encode(inv: Invalidation): string {
  if (inv.kind === 'app') return `app ${inv.clientId}`;
  if (inv.kind === 'keys') return 'keys';
  const list = inv.jtis === 'all' ? '*' : inv.jtis.join(' ');
  return list.length > MAX_PAYLOAD ? 'tokens *' : `tokens ${list}`;
}

function decode(text: string): Invalidation | null {
  const [kind, ...rest] = text.split(' ');
  if (kind === 'app' && rest[0]) return { kind: 'app', clientId: rest[0] };
  if (kind === 'keys') return { kind: 'keys' };
  if (kind === 'tokens') return { kind: 'tokens', jtis: rest[0] === '*' ? 'all' : rest };
  return null;
}

export class Invalidations {
  private readonly self = randomToken(10);
  private readonly subscribers = new Set<(forget: Forget) => void>();
  /** Monotonic time (ms) at which the latest of our pings that came back was sent. */
  private heardPingSentAt = Number.NEGATIVE_INFINITY;
  /** Our announcements not yet heard back: caches store nothing while any is outstanding. */
  private readonly outstanding = new Map<number, number>();
  private seq = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private relistening = false;
  private lastListenAt = 0;
  private pingFailing = false;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    /** Monotonic milliseconds: liveness, not the domain's clock (which tests move). */
    private readonly now: () => number = () => performance.now(),
  ) {}

  async start(): Promise<void> {
    await this.listen();
    this.timer = setInterval(() => void this.tick(), PING_EVERY_MS);
    (this.timer as { unref?: () => void }).unref?.();
    await this.ping();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.unlisten?.().catch(() => undefined);
    this.unlisten = null;
  }

  /** Calls `fn` with what to forget: every change, here or in another process, and everything after a reconnect. */
  subscribe(fn: (forget: Forget) => void): void {
    this.subscribers.add(fn);
  }

  /** Whether caches may answer now (see the top of this file). */
  trusted(): boolean {
    return this.now() - this.heardPingSentAt < INVALIDATION_BOUND_MS;
  }

  /** Whether a value read now may be kept: trusted, and no announcement of ours still on its way. */
  mayStore(): boolean {
    if (this.outstanding.size > 0) {
      const stale = this.now() - INVALIDATION_BOUND_MS;
      for (const [seq, at] of this.outstanding) if (at < stale) this.outstanding.delete(seq); // rolled back
      if (this.outstanding.size > 0) return false;
    }
    return this.trusted();
  }

  /** Inside the transaction (or the statement) that makes the change: forgotten here now, everywhere on commit. */
  async announce(q: Queryable, inv: Invalidation): Promise<void> {
    const seq = ++this.seq;
    this.outstanding.set(seq, this.now());
    this.apply(inv);
    await notify(q, INVALIDATION_CHANNEL, `${this.self} ${seq} ${encode(inv)}`);
  }

  private apply(forget: Forget): void {
    for (const fn of this.subscribers) fn(forget);
  }

  private received(payload: string): void {
    const first = payload.indexOf(' ');
    const second = payload.indexOf(' ', first + 1);
    if (first < 0 || second < 0) return;
    const from = payload.slice(0, first);
    const seq = Number(payload.slice(first + 1, second));
    const body = payload.slice(second + 1);
    if (body.startsWith('ping ')) {
      if (from === this.self) this.heardPingSentAt = Math.max(this.heardPingSentAt, Number(body.slice(5)));
      return;
    }
    const inv = decode(body);
    if (inv) this.apply(inv);
    else {
      this.log.warn('an invalidation notice was not understood; forgetting everything', { payload });
      this.apply({ kind: 'everything' });
    }
    if (from === this.self) this.outstanding.delete(seq);
  }

  private async listen(): Promise<void> {
    this.lastListenAt = this.now();
    this.unlisten = await this.db.listen(
      INVALIDATION_CHANNEL,
      (payload) => this.received(payload),
      () => this.apply({ kind: 'everything' }),
    );
  }

  private async tick(): Promise<void> {
    await this.ping();
    const silentFor = this.now() - Math.max(this.heardPingSentAt, this.lastListenAt);
    if (silentFor > 2 * INVALIDATION_BOUND_MS && !this.relistening) {
      this.relistening = true;
      try {
        this.log.warn('the invalidation listener has been silent; listening again', {
          silent_ms: Math.round(silentFor),
        });
        await this.unlisten?.().catch(() => undefined);
        await this.listen();
      } catch (error) {
        this.log.warn('could not listen for invalidations; caches stay bypassed', { error });
      } finally {
        this.relistening = false;
      }
    }
  }

  private async ping(): Promise<void> {
    try {
      await notify(this.db, INVALIDATION_CHANNEL, `${this.self} 0 ping ${this.now()}`);
      if (this.pingFailing) this.log.info('invalidation pings go through again');
      this.pingFailing = false;
    } catch (error) {
      // The database is away: caches stop answering within the bound, checks read the database.
      if (!this.pingFailing) this.log.warn('invalidation ping failed; caches step aside until it works', { error });
      this.pingFailing = true;
    }
  }
}

/**
 * A per-process cache that answers only while invalidations are trusted, and keeps a value
 * only when nothing was forgotten between the read that produced it and its storing:
 * `const v = cache.version; …read…; cache.set(key, value, v)`.
 */
export class InvalidatedCache<V> {
  private readonly entries: ExpiringCache<string, V>;
  private generation = 0;

  constructor(
    private readonly invalidations: Invalidations,
    /** A backstop: entries are forgotten when told, and re-read after this anyway. */
    ttlMs: number,
    maxEntries = 10_000,
  ) {
    this.entries = new ExpiringCache(ttlMs, () => performance.now(), maxEntries);
  }

  get version(): number {
    return this.generation;
  }

  get(key: string): V | undefined {
    return this.invalidations.trusted() ? this.entries.get(key) : undefined;
  }

  /** Keeps `value` when nothing was forgotten since `since` and storing is safe; answers whether it did. */
  set(key: string, value: V, since: number): boolean {
    if (since !== this.generation || !this.invalidations.mayStore()) return false;
    this.entries.set(key, value);
    return true;
  }

  delete(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
