// Two kinds of time, and only these two.
//
// The Clock is the service's time: every expiry, timer, token lifetime, grace window, hold and
// time written to or compared with the database is read from the one Clock the composition
// root makes (src/services.ts), so a test that substitutes a ManualClock moves all of it.
//
// `realTime` is the machine's own: for what a Clock must not govern. Durations and deadlines
// inside the process (a lease's local deadline, a heartbeat, a cache's refresh, a retry's
// wait), and what leaves the process to be compared with someone else's clock (a webhook
// signature's timestamp, a log line's time). test/structure/clock.test.ts keeps Date.now()
// to this file.

/** Time source for timers and journals; tests substitute a controllable one. */
export interface Clock {
  now(): number;
}

/** The machine's time in ms: for process-local deadlines and what others compare with their clocks. */
export const realTime = (): number => Date.now();

export const systemClock: Clock = { now: realTime };

export class ManualClock implements Clock {
  constructor(private t = Date.parse('2026-01-01T00:00:00Z')) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
