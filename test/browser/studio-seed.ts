// Many deliveries for one webhook, written the way publishing writes them (events, then
// delivery machines created in bulk through the runtime), for the studio's history test and
// bench/studio.ts. They are held (no timer due), so no worker ever sends them, not even one of
// another process sharing the test database; removeDeliveries takes them away again.
import type { Service } from '../../src/main.ts';
import { newId } from '../../src/ids.ts';

export async function seedDeliveries(service: Service, tenantId: string, webhookId: string, count: number, chunk = 2_000): Promise<string[]> {
  const ids: string[] = [];
  for (let done = 0; done < count; done += chunk) {
    const n = Math.min(chunk, count - done);
    const events = Array.from({ length: n }, () => newId('evt'));
    await service.actors.transaction(async (unit) => {
      await unit.tx.query(
        `insert into events (id, tenant_id, type, data, deliveries) select id, $1, 'case.created', '{}'::jsonb, 1 from unnest($2::text[]) as id`,
        [tenantId, events],
      );
      const rows = events.map((eventId) => ({ id: newId('dlv'), tenantId, columns: { subscription_id: webhookId, event_id: eventId, event_type: 'case.created' } }));
      await service.actors.createMany(unit, service.webhooks.deliveries, { sendTimeoutMs: 30_000 }, rows, { subscription_id: 'text', event_id: 'text', event_type: 'text' });
      await unit.tx.query(`update webhook_deliveries set due_at = null, timers = '[]'::jsonb where id = any($1::text[])`, [rows.map((r) => r.id)]);
      ids.push(...rows.map((r) => r.id));
    });
  }
  return ids;
}

/** Deletes a webhook's deliveries and their journal (a shared test database stays small). */
export async function removeDeliveries(service: Service, webhookId: string): Promise<void> {
  await service.db.transaction(async (tx) => {
    await tx.query(`delete from machine_journal where machine = 'delivery' and instance_id in (select id from webhook_deliveries where subscription_id = $1)`, [webhookId]);
    await tx.query('delete from webhook_attempts where delivery_id in (select id from webhook_deliveries where subscription_id = $1)', [webhookId]);
    await tx.query('delete from webhook_deliveries where subscription_id = $1', [webhookId]);
  });
}
