// At most `limit` requests in flight per endpoint: one slow receiver never holds the rest.
export class EndpointGate {
  private readonly slots = new Map<string, { running: number; waiting: Array<() => void> }>();

  constructor(private readonly limit: number) {}

  /**
   * Endpoints with a full round of requests already waiting behind the ones in flight: claims
   * leave their due deliveries in the database, so one backlog cannot fill the in-flight budget
   * every endpoint shares.
   */
  saturated(): string[] {
    const out: string[] = [];
    for (const [key, slot] of this.slots) if (slot.waiting.length >= this.limit) out.push(key);
    return out;
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
      slot.running--;
      const next = slot.waiting.shift();
      if (next) next();
      else if (slot.running === 0) this.slots.delete(key);
    }
  }
}
