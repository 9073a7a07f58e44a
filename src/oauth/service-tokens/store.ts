import type { Queryable } from '../../db/index.ts';
import { maybeOne } from '../../db/index.ts';
import { listPage, type Page } from '../../db/page.ts';

export interface ServiceTokenRow {
  id: string;
  app_id: string;
  scopes: string[];
  created_by: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  cursor_at: string;
}

export const serviceTokenStore = {
  insert: (
    db: Queryable,
    t: { id: string; tenantId: string; appId: string; scopes: string[]; createdBy: string; expiresAt: Date },
  ) =>
    db.query(
      'insert into service_tokens (id, tenant_id, app_id, scopes, created_by, expires_at) values ($1, $2, $3, $4::text[], $5, $6)',
      [t.id, t.tenantId, t.appId, t.scopes, t.createdBy, t.expiresAt],
    ),
  list: (db: Queryable, tenantId: string, appId: string, page: Page) =>
    listPage<ServiceTokenRow & Record<string, unknown>>(
      db,
      page,
      [tenantId, appId],
      (k) =>
        `select id, app_id, scopes, created_by, created_at, expires_at, revoked_at, created_at::text as cursor_at from service_tokens
        where tenant_id = $1 and app_id = $2 and ${k.after}
        ${k.orderLimit}`,
    ),
  revoke: (db: Queryable, tenantId: string, appId: string, id: string) =>
    maybeOne<{ id: string; expires_at: Date } & Record<string, unknown>>(
      db,
      'update service_tokens set revoked_at = coalesce(revoked_at, now()) where tenant_id = $1 and app_id = $2 and id = $3 returning id, expires_at',
      [tenantId, appId, id],
    ),
};
