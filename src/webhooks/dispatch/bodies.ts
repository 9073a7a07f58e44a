// The bodies of the events whose deliveries are in flight: each built once, the first time one
// of its deliveries is claimed, and shared by all of them until the last one's result is
// recorded, whatever the claims they came in. Memory follows the events in flight, not their
// fan-out: one 1 MB event to 1,000 endpoints is one 1 MB body here, and the runtime does not
// copy it per request (see SharedBody).
import { SharedBody } from '../../outbound/fetch.ts';

/** The request body of an event (Standard Webhooks: type, timestamp, data), its data as stored. */
export function eventBody(type: string, time: string, data: string | null): string {
  return `{"type":${JSON.stringify(type)},"timestamp":${JSON.stringify(time)},"data":${data ?? 'null'}}`;
}

export class EventBodies {
  private readonly held = new Map<string, { body: SharedBody; holders: number }>();

  /** Takes one more hold on an event's body if it is held already; false when it is not. */
  holdIfHeld(eventId: string): boolean {
    const entry = this.held.get(eventId);
    if (!entry) return false;
    entry.holders++;
    return true;
  }

  /** Holds an event's body for one more delivery, building it the first time. */
  hold(eventId: string, build: () => string): void {
    const entry = this.held.get(eventId);
    if (entry) entry.holders++;
    else this.held.set(eventId, { body: new SharedBody(build()), holders: 1 });
  }

  /** The body of an event held for a delivery. */
  get(eventId: string): SharedBody {
    const entry = this.held.get(eventId);
    if (!entry) throw new Error(`event ${eventId}: no body held for it`);
    return entry.body;
  }

  /** Lets go of one delivery's hold; the body goes with the last. */
  release(eventId: string): void {
    const entry = this.held.get(eventId);
    if (entry && --entry.holders === 0) this.held.delete(eventId);
  }

  /** Events held, and their bodies' size in UTF-16 units. */
  stats(): { events: number; chars: number } {
    let chars = 0;
    for (const { body } of this.held.values()) chars += body.text.length;
    return { events: this.held.size, chars };
  }
}
