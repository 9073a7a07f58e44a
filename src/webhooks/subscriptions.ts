// The webhook subscription machine as the runtime persists it (webhook_subscriptions), with the
// effects that reach outside it: the operational events the tenant is told through its own
// webhooks (webhook.disabled, webhook.failing, webhook.recovered).
import type { ActorSystem, MachineDefinition } from '../actors/runtime.ts';
import { subscriptionMachine } from '../../machines/subscription.ts';
import type { EventPublisher } from '../events/publisher.ts';

export type SubscriptionDefinition = MachineDefinition<typeof subscriptionMachine>;

function healthOf(value: unknown): string {
  return typeof value === 'object' && value !== null && 'health' in value
    ? String((value as { health: unknown }).health)
    : 'active';
}

export function defineSubscriptions(actors: ActorSystem, publisher: EventPublisher): SubscriptionDefinition {
  const announce = (tenantId: string, type: string, data: Record<string, unknown>) =>
    publisher.announce(tenantId, type, data);
  return actors.define({
    name: 'subscription',
    machine: subscriptionMachine,
    table: 'webhook_subscriptions',
    columns: {
      status: 'text',
      url: 'text',
      events: 'text[]',
      secret_sealed: 'text',
      created_by: 'text',
      app_id: 'text',
      ordering: 'text',
      rate_per_second: 'integer',
      previous_secret_until: 'text',
    },
    // The engine reads these (claim-store.ts): the health as the status, the grace window's end.
    project: (s) => ({ status: healthOf(s.value), previous_secret_until: s.context.previousSecretUntil }),
    effects: {
      announceDisabled: (effect, on) =>
        announce(on.tenantId, 'webhook.disabled', { webhook_id: on.instanceId, reason: effect.params.reason }),
      announceFailing: (effect, on) =>
        announce(on.tenantId, 'webhook.failing', {
          webhook_id: on.instanceId,
          failing_since: effect.params.failingSince,
          consecutive_failures: effect.params.consecutiveFailures,
        }),
      announceRecovered: (_effect, on) => announce(on.tenantId, 'webhook.recovered', { webhook_id: on.instanceId }),
    },
  });
}
