// Waking delivery workers after a commit that made deliveries due: this process's at once,
// every other process's through NOTIFY. LISTEN/NOTIFY may drop a message (a reconnect), so
// workers also poll; a wake-up only makes them look sooner.
import type { Db } from '../../db/index.ts';
import { notify } from '../../db/index.ts';
import { randomToken } from '../../ids.ts';

export const DELIVERIES_CHANNEL = 'argus_deliveries';

export class DeliveryWakeup {
  private readonly local = new Set<() => void>();
  private notifying: Promise<void> | null = null;
  private notifyAgain = false;
  /** Said in this process's NOTIFYs: its own come back to its LISTEN, and are not a second wake-up. */
  private readonly self = randomToken(12);

  constructor(private readonly db: Db) {}

  /** Calls `fn` on every wake-up, local or from another process; answers how to stop. */
  async listen(fn: () => void): Promise<() => Promise<void>> {
    this.local.add(fn);
    const unlisten = await this.db.listen(DELIVERIES_CHANNEL, (payload) => {
      if (payload !== this.self) fn();
    });
    return async () => {
      this.local.delete(fn);
      await unlisten();
    };
  }

  /**
   * Wakes this process's workers now and every process's through one NOTIFY. Coalesced:
   * Postgres serializes the commits of notifying transactions, so callers share one NOTIFY in
   * flight, and one more follows when others asked meanwhile.
   */
  notify(): Promise<void> {
    for (const fn of this.local) fn();
    if (this.notifying) {
      this.notifyAgain = true;
      return this.notifying;
    }
    this.notifying = (async () => {
      try {
        do {
          this.notifyAgain = false;
          await notify(this.db, DELIVERIES_CHANNEL, this.self);
        } while (this.notifyAgain);
      } finally {
        this.notifying = null;
      }
    })();
    return this.notifying;
  }
}
