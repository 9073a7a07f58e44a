// A small per-process cache whose entries expire after a fixed time, bounded so that a flood
// of distinct keys (unknown client ids, say) cannot grow it without limit.
import { realTime } from './actors/clock.ts';
export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = realTime,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached value, or undefined when there is none or it has expired. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    // Maps iterate in insertion order: the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, at: this.now() });
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
