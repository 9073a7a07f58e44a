// A process's workers: the delivery engine's dispatcher and the timer worker of the other
// machines (subscriptions, sessions, secret rotations, signing keys), started and stopped
// together.
import type { TimerWorker } from './actors/timer-worker.ts';
import type { Dispatcher } from './webhooks/dispatch/dispatcher.ts';

export class Workers {
  constructor(
    readonly timers: TimerWorker,
    readonly deliveries: Dispatcher,
  ) {}

  async start(): Promise<void> {
    await this.timers.start();
    await this.deliveries.start();
  }

  /** Looks for due work now instead of at the next poll. */
  wake(): void {
    this.timers.wake();
    this.deliveries.wake();
  }

  /** Fires every due timer and claims every due delivery, once; answers how many rows advanced. */
  async tick(): Promise<number> {
    return (await this.timers.tick()) + (await this.deliveries.tick());
  }

  /** Stops claiming; resolves when what is in hand is recorded. Safe to call twice. */
  async stop(): Promise<void> {
    await this.deliveries.stop();
    await this.timers.stop();
  }
}
