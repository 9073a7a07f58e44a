// At most `limit` requests in flight per endpoint: one slow receiver never holds the rest.
// Claims take only what an endpoint has room for, so a delivery in `sending` is a request in
// flight, not one waiting its turn in memory.
export class EndpointGate {
  private readonly slots = new Map<string, { running: number; waiting: Array<() => void> }>();

  /** `onRoom` is told when a full endpoint frees a slot: its queued deliveries can be claimed again. */
  constructor(
    private readonly limit: number,
    private readonly onRoom: () => void = () => {},
  ) {}

  /** Endpoints with no free slot: claims leave their queued deliveries in the database. */
  full(): string[] {
    const out: string[] = [];
    for (const [key, slot] of this.slots) if (slot.running + slot.waiting.length >= this.limit) out.push(key);
    return out;
  }

  /** Requests the endpoint can take now. */
  room(key: string): number {
    const slot = this.slots.get(key);
    return slot ? Math.max(0, this.limit - slot.running - slot.waiting.length) : this.limit;
  }

  /** Endpoints with requests in flight, those requests, and those waiting for a slot. */
  stats(): { endpoints: number; running: number; waiting: number } {
    let running = 0;
    let waiting = 0;
    for (const slot of this.slots.values()) {
      running += slot.running;
      waiting += slot.waiting.length;
    }
    return { endpoints: this.slots.size, running, waiting };
  }

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    let slot = this.slots.get(key);
    if (!slot) this.slots.set(key, (slot = { running: 0, waiting: [] }));
    if (slot.running >= this.limit) await new Promise<void>((resolve) => slot.waiting.push(resolve));
    slot.running++;
    try {
      return await fn();
    } finally {
      const wasFull = slot.running + slot.waiting.length >= this.limit;
      slot.running--;
      const next = slot.waiting.shift();
      if (next) next();
      else if (slot.running === 0) this.slots.delete(key);
      if (wasFull && !next) this.onRoom();
    }
  }
}
