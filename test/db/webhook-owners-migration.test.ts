// Migration 019 (webhook owners): a webhook an app's token created before owners existed
// belongs to that app afterwards (created_by named its client); one an administrator created,
// or one naming an app of another tenant, stays the tenant's own.
import { expect, test } from 'bun:test';
import { loadMigrations, migrate } from '../../src/db/migrate.ts';
import { isolatedDb } from '../support/db.ts';

test("migration 019 gives a webhook an app's token created to that app, and no other", async () => {
  const { db, drop } = await isolatedDb();
  try {
    const all = await loadMigrations();
    await migrate(
      db,
      all.filter((m) => m.version < '019'),
    );
    await db.exec(`
      insert into tenants (id, name, approved_scopes) values ('ten_a', 'A', '{}'), ('ten_b', 'B', '{}');
      insert into apps (id, tenant_id, name, client_type, grant_types, redirect_uris, requested_scopes, governance, created_by, token_endpoint_auth_method)
        values ('app_a', 'ten_a', 'A app', 'confidential', '{client_credentials}', '{}', '{}', '{}', 'usr_a', 'client_secret_basic'),
               ('app_b', 'ten_b', 'B app', 'confidential', '{client_credentials}', '{}', '{}', '{}', 'usr_b', 'client_secret_basic');
      insert into webhook_subscriptions (id, tenant_id, url, events, secret_sealed, created_by, state, snapshot, status)
        values ('wh_app', 'ten_a', 'http://127.0.0.1:1/x', '{case.created}', 's', 'app_a', 'health.active', '{"value":{},"context":{}}', 'active'),
               ('wh_admin', 'ten_a', 'http://127.0.0.1:1/x', '{case.created}', 's', 'usr_a', 'health.active', '{"value":{},"context":{}}', 'active'),
               ('wh_cross', 'ten_a', 'http://127.0.0.1:1/x', '{case.created}', 's', 'app_b', 'health.active', '{"value":{},"context":{}}', 'active');
    `);
    await migrate(db, all);
    const rows = await db.query<{ id: string; app_id: string | null }>(
      'select id, app_id from webhook_subscriptions order by id',
    );
    expect(rows).toEqual([
      { id: 'wh_admin', app_id: null },
      { id: 'wh_app', app_id: 'app_a' },
      { id: 'wh_cross', app_id: null },
    ]);
  } finally {
    await drop();
  }
});
