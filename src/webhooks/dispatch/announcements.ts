// What a delivery's transition tells its tenant, once its transaction has committed: a
// delivery that ran out of attempts (delivery.exhausted) or was held too long
// (webhook.held_expired), as operational events through the tenant's own webhooks. Nothing is
// said about deliveries of operational events themselves.
import type { Unit } from '../../actors/runtime.ts';
import { SYSTEM_EVENT_TYPES } from '../catalog.ts';
import type { DeliveryEffect } from './steps.ts';
import type { DeliveryRow } from './store.ts';

/** Publishes an operational event for a tenant. */
export type Announce = (tenantId: string, type: string, data: Record<string, unknown>) => Promise<void>;

export function announceAfterCommit(
  unit: Unit,
  announce: Announce,
  row: DeliveryRow,
  effects: readonly DeliveryEffect[],
): void {
  if (SYSTEM_EVENT_TYPES.has(row.event_type)) return;
  const about = {
    delivery_id: row.id,
    webhook_id: row.subscription_id,
    event_id: row.event_id,
    event_type: row.event_type,
  };
  for (const effect of effects) {
    if (effect.type === 'announceExhausted')
      unit.afterCommit(() =>
        announce(row.tenant_id, 'delivery.exhausted', {
          ...about,
          attempts: effect.params.attempts,
          last_status: effect.params.lastStatus,
        }),
      );
    else if (effect.type === 'announceHeldExpired')
      unit.afterCommit(() => announce(row.tenant_id, 'webhook.held_expired', { ...about, held_since: row.entered_at }));
  }
}
