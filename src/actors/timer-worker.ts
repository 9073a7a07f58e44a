// Fires due machine timers for a set of definitions: claims due rows in batches (SKIP
// LOCKED, so N processes share the work), woken by NOTIFY on `argus_timers` or by polling.
import type { Logger } from '../log.ts';
import type { ActorSystem, MachineDefinition } from './runtime.ts';

export const TIMERS_CHANNEL = 'argus_timers';

export class TimerWorker {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  /** A wake-up that came while the loop was busy: the next sleep is skipped, not lost. */
  private wokenWhileBusy = false;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly actors: ActorSystem,
    private readonly definitions: MachineDefinition[],
    private readonly options: { batchSize: number; pollMs: number; log: Logger; maxInFlight?: number },
  ) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.unlisten = await this.actors.db.listen(TIMERS_CHANNEL, () => this.wake());
    this.loop = this.run();
  }

  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.wokenWhileBusy = true;
  }

  /** Fires everything due now, once; returns the number of rows advanced. */
  async tick(): Promise<number> {
    let advanced = 0;
    // One query tells which definitions have anything due; a claiming transaction is opened
    // only for those (an idle definition cost three round trips a tick).
    for (const def of await this.actors.withDueTimers(this.definitions)) {
      for (;;) {
        // Claim no more than the effects already running can absorb: a due delivery waits in
        // the database, not in this process's memory.
        // At the cap, wait for room for a whole batch (at most half the cap), not for the
        // first free slot: claiming one row per transaction is the costliest way to drain.
        const cap = this.options.maxInFlight ?? Infinity;
        await this.actors.belowInFlight(cap - Math.min(this.options.batchSize, Math.ceil(cap / 2)) + 1);
        const room = Math.min(this.options.batchSize, cap - this.actors.effectsInFlight);
        const n = await this.actors.fireDue(def, room);
        advanced += n;
        if (n < room || !this.running) break;
      }
    }
    return advanced;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      this.wokenWhileBusy = false;
      try {
        const advanced = await this.tick();
        failures = 0;
        if (advanced > 0) continue;
      } catch (error) {
        failures++;
        this.options.log.error('timer worker tick failed; retrying', { error, consecutive_failures: failures });
      }
      const wait = failures ? Math.min(this.options.pollMs * 2 ** failures, 30_000) : this.options.pollMs;
      if (this.wokenWhileBusy && !failures) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  /** Stops claiming; resolves when the batch in hand is committed. Safe to call twice. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    const unlisten = this.unlisten;
    this.unlisten = null;
    await unlisten?.();
  }
}
