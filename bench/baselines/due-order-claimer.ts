// The claim the engine had before fair claims, as the baseline bench/isolation.ts measures them
// against: ready deliveries taken in due order across all tenants, up to a batch, each
// endpoint's cap counted in the database as the fair claim counts it; no walk, no shares.
// Everything else (timers, sending, recording) is the engine's own.
import type { Queryable } from '../../src/db/index.ts';
import type { Unit } from '../../src/actors/runtime.ts';
import { Claimer, type ClaimLoad, type ReadyTaken } from '../../src/webhooks/dispatch/claimer.ts';
import { claimStore, type ReadyRow } from '../../src/webhooks/dispatch/claim-store.ts';
import { ROW } from '../../src/webhooks/dispatch/store.ts';

/** The index the due-order claim reads (the fair claim's is by tenant and endpoint): made by the bench in its scratch database. */
export const DUE_ORDER_INDEX = `create index if not exists bench_ready_due on webhook_deliveries (due_at) where state = 'queued' and due_at is not null`;

/** Ready deliveries in due order, locked, with their endpoints' requests in flight (the claim selection alone). */
export function dueOrderSelect(tx: Queryable, now: string, limit: number) {
  return tx.query<ReadyRow & Record<string, unknown>>(
    `select x.*, (select count(*)::int from webhook_deliveries s where s.subscription_id = x.subscription_id and s.state = 'sending') as endpoint_sending
       from (select ${ROW} from webhook_deliveries d
              where d.state = 'queued' and d.due_at is not null and d.due_at <= $1::timestamptz
              order by d.due_at limit $2
                for no key update of d skip locked) x`,
    [now, limit],
  );
}

export class DueOrderClaimer extends Claimer {
  protected override async takeReady(unit: Unit, load: ClaimLoad, now: number, at: string): Promise<ReadyTaken> {
    const room = Math.min(this.batchSize, this.config.workerMaxInFlight - load.inFlight);
    if (room <= 0) return { decided: [], more: false, heldBack: new Set(), cursors: () => {} };
    const rows = await dueOrderSelect(unit.tx, at, room);
    const settings = await claimStore.lockEndpoints(unit.tx, [...new Set(rows.map((r) => r.subscription_id))]);
    const used = new Map<string, number>();
    const kept = rows.filter((r) => {
      const endpoint = settings.get(r.subscription_id);
      if (!endpoint) return false;
      const n = (used.get(r.subscription_id) ?? r.endpoint_sending) + 1;
      used.set(r.subscription_id, n);
      return n <= this.config.webhookEndpointConcurrency;
    });
    const decided = await this.withinRateLimits(
      unit,
      at,
      now,
      kept.map((r) => this.readyDecision(r, settings.get(r.subscription_id)!, now)),
    );
    return { decided, more: rows.length >= room, heldBack: new Set(), cursors: () => {} };
  }
}
