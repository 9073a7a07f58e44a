// The keys a private_key_jwt app signs its assertions with: registered inline, or fetched from
// its jwks_uri with the outbound checks webhooks get (the address is checked, then connected
// to; no redirects; a timeout; a capped body). Fetched sets are kept 5 minutes per process; an
// assertion naming a key the set lacks fetches it again, at most every 30 seconds. A failed
// fetch is remembered for 10 seconds, and requests that arrive while a fetch is under way wait
// for it, so a client retrying against a broken jwks_uri does not make one connection per try.
import { realTime } from '../actors/clock.ts';
import { createLocalJWKSet } from 'jose';
import type { AppRow } from '../identity/apps/service.ts';
import { usableKeys } from '../identity/apps/client-keys.ts';
import { checkTarget } from '../outbound/target-check.ts';
import { readCapped } from '../outbound/read-capped.ts';
import { outboundFetch } from '../outbound/fetch.ts';
import { FIXED } from '../defaults.ts';

const KEEP_MS = 5 * 60_000;
const REFETCH_AFTER_MS = FIXED.clientJwksRefetchMs;
const FETCH_TIMEOUT_MS = 5_000;
const MAX_JWKS_BYTES = 64 * 1024;
const FAILURE_KEEP_MS = 10_000;
const MAX_CACHED = 1_000;

export type KeyResolver = ReturnType<typeof createLocalJWKSet>;

/** Why the app's keys cannot be had (its jwks_uri failed); shown to the client. */
export class ClientKeysUnavailable extends Error {}

export class ClientKeys {
  private readonly fetched = new Map<string, { at: number; resolve: KeyResolver }>();
  private readonly failed = new Map<string, { at: number; error: ClientKeysUnavailable }>();
  private readonly inFlight = new Map<string, Promise<KeyResolver>>();

  constructor(
    private readonly allowPrivateTargets: boolean,
    private readonly now: () => number = realTime,
  ) {}

  /** The app's key set; `fresh` when the cached one has no key for the assertion. */
  async resolver(app: Pick<AppRow, 'id' | 'jwks' | 'jwks_uri'>, fresh = false): Promise<KeyResolver | null> {
    if (app.jwks) return createLocalJWKSet(await usableKeys(app.jwks));
    if (!app.jwks_uri) return null;
    const key = `${app.id} ${app.jwks_uri}`;
    const cached = this.fetched.get(key);
    const age = cached ? this.now() - cached.at : Infinity;
    if (cached && age < KEEP_MS && !(fresh && age >= REFETCH_AFTER_MS)) return cached.resolve;
    const failure = this.failed.get(key);
    if (failure && this.now() - failure.at < FAILURE_KEEP_MS) throw failure.error;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const fetching = this.fetchSet(key, app.jwks_uri).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, fetching);
    return fetching;
  }

  private async fetchSet(key: string, uri: string): Promise<KeyResolver> {
    try {
      const resolve = createLocalJWKSet(await usableKeys(await this.fetch(uri)));
      this.failed.delete(key);
      remember(this.fetched, key, { at: this.now(), resolve });
      return resolve;
    } catch (error) {
      if (error instanceof ClientKeysUnavailable) remember(this.failed, key, { at: this.now(), error });
      throw error;
    }
  }

  /** Whether a fresh fetch could find a key the cached set lacks. */
  canRefetch(app: Pick<AppRow, 'id' | 'jwks_uri'>): boolean {
    const cached = app.jwks_uri ? this.fetched.get(`${app.id} ${app.jwks_uri}`) : undefined;
    return !!cached && this.now() - cached.at >= REFETCH_AFTER_MS;
  }

  private async fetch(uri: string): Promise<unknown> {
    const checked = await checkTarget(uri, this.allowPrivateTargets);
    if (!checked.ok) throw new ClientKeysUnavailable(`the app's jwks_uri ${checked.problem}`);
    const init = {
      method: 'GET',
      headers: { accept: 'application/jwk-set+json, application/json' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    };
    let text: string;
    try {
      const res = await outboundFetch(new URL(uri), checked.target.address, { ...init, extraCa: null });
      if (res.status !== 200) {
        await res.body?.cancel();
        throw new ClientKeysUnavailable(`the app's jwks_uri answered ${res.status}`);
      }
      text = await readCapped(res, MAX_JWKS_BYTES + 1);
    } catch (error) {
      if (error instanceof ClientKeysUnavailable) throw error;
      throw new ClientKeysUnavailable("the app's jwks_uri could not be fetched");
    }
    if (text.length > MAX_JWKS_BYTES)
      throw new ClientKeysUnavailable(`the app's jwks_uri answered more than ${MAX_JWKS_BYTES} bytes`);
    try {
      return JSON.parse(text);
    } catch {
      throw new ClientKeysUnavailable("the app's jwks_uri did not answer JSON");
    }
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  if (map.size >= MAX_CACHED) map.delete(map.keys().next().value as string);
  map.set(key, value);
}
