// Many deliveries for one webhook, written in bulk (events, then their deliveries), for the
// studio's history test and bench/studio.ts. They are held (no timer due), so no worker ever sends them, not even one of
// another process sharing the test database; removeDeliveries takes them away again.
import type { Service } from '../../src/main.ts';
import { newTimedId } from '../../src/ids.ts';

export async function seedDeliveries(
  service: Service,
  tenantId: string,
  webhookId: string,
  count: number,
  chunk = 2_000,
): Promise<string[]> {
  const out: string[] = [];
  for (let done = 0; done < count; done += chunk) {
    const n = Math.min(chunk, count - done);
    const at = service.actors.clock.now();
    const createdAt = new Date(at).toISOString();
    const events = Array.from({ length: n }, () => newTimedId('evt', at));
    await service.actors.transaction(async (unit) => {
      await unit.tx.query(
        `insert into events (id, tenant_id, type, data, deliveries, created_at) select id, $1, 'case.created', '{}'::jsonb, 1, $3::timestamptz from unnest($2::text[]) as id`,
        [tenantId, events, createdAt],
      );
      // Held: no timer, so no worker ever sends them.
      const ids = events.map(() => newTimedId('dlv', at));
      await unit.tx.query(
        `insert into webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, created_at, state, entered_at, max_attempts)
         select d.id, $1, $2, d.event_id, 'case.created', $3::timestamptz, 'queued', $3::timestamptz, 8 from unnest($4::text[], $5::text[]) as d(id, event_id)`,
        [tenantId, webhookId, createdAt, ids, events],
      );
      out.push(...ids);
    });
  }
  return out;
}

/** Deletes a webhook's deliveries and their journal (a shared test database stays small). */
export async function removeDeliveries(service: Service, webhookId: string): Promise<void> {
  await service.db.transaction(async (tx) => {
    await tx.query(
      `delete from machine_journal where machine = 'delivery' and instance_id in (select id from webhook_deliveries where subscription_id = $1)`,
      [webhookId],
    );
    await tx.query(
      'delete from webhook_attempts where delivery_id in (select id from webhook_deliveries where subscription_id = $1)',
      [webhookId],
    );
    await tx.query('delete from webhook_deliveries where subscription_id = $1', [webhookId]);
  });
}
