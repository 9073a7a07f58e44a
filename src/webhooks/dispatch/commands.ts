// What a tenant asks of deliveries outside the hot path (a manual retry, recovery, the
// cancellation of a deleted webhook's deliveries): each is an event to the delivery machine,
// journaled in machine_journal, since it makes no attempt.
import type { Queryable } from '../../db/index.ts';
import { idTime } from '../../ids.ts';
import type { DeliveryEvent } from '../../../machines/delivery.ts';
import type { DeliverySteps, DeliveryState } from './steps.ts';
import { byPartition, dispatchStore, recordOf, type Transition } from './store.ts';

export interface CommandResult {
  from: DeliveryState;
  to: DeliveryState;
  changed: boolean;
}

/**
 * Sends `event` to a webhook's deliveries `ids` in the caller's transaction. Answers the ids
 * found, with where each went; another webhook's or tenant's ids are absent, as missing ones are.
 */
export async function commandDeliveries(
  tx: Queryable,
  steps: DeliverySteps,
  webhook: { tenantId: string; subscriptionId: string },
  ids: readonly string[],
  event: DeliveryEvent,
): Promise<Map<string, CommandResult>> {
  const out = new Map<string, CommandResult>();
  if (ids.length === 0) return out;
  const { tenantId } = webhook;
  const rows = await dispatchStore.lockForCommand(
    tx,
    webhook,
    [...new Set(ids)].map((id) => {
      const t = idTime(id);
      return { id, createdAt: t === null ? null : new Date(t).toISOString() };
    }),
  );
  const now = steps.now();
  const at = new Date(now).toISOString();
  const step = steps.batch(now);
  const moves: Array<Transition & { part: string }> = [];
  const journal: Array<{ id: string; tenantId: string; from: string; event: Record<string, unknown>; to: string }> = [];
  for (const row of rows) {
    const next = step(recordOf(row), event);
    out.set(row.id, { from: row.state, to: next.record.state, changed: next.changed });
    if (!next.changed) continue;
    moves.push({ id: row.id, ctid: row.ctid, part: row.part, prevState: row.state, record: next.record });
    journal.push({ id: row.id, tenantId, from: row.state, event: { ...event }, to: next.record.state });
  }
  for (const [part, items] of byPartition(moves, (m) => m.part)) await dispatchStore.advance(tx, part, at, items);
  await dispatchStore.journal(tx, at, journal);
  return out;
}
