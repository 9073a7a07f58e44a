import type { Queryable } from '../../db/index.ts';
import { maybeOne } from '../../db/index.ts';
import type { Page } from '../../http/pagination.ts';

export interface ServiceTokenRow { id: string; app_id: string; scopes: string[]; created_by: string; created_at: Date; expires_at: Date; revoked_at: Date | null; cursor_at: string }

export const serviceTokenStore = {
  insert: (db: Queryable, t: { id: string; tenantId: string; appId: string; scopes: string[]; createdBy: string; expiresAt: Date }) =>
    db.query('insert into service_tokens (id, tenant_id, app_id, scopes, created_by, expires_at) values ($1, $2, $3, $4::text[], $5, $6)', [t.id, t.tenantId, t.appId, t.scopes, t.createdBy, t.expiresAt]),
  list: (db: Queryable, tenantId: string, appId: string, page: Page) =>
    db.query<ServiceTokenRow & Record<string, unknown>>(
      `select id, app_id, scopes, created_by, created_at, expires_at, revoked_at, created_at::text as cursor_at from service_tokens
        where tenant_id = $1 and app_id = $2 and ($3::timestamptz is null or (created_at, id) < ($3::timestamptz, $4::text))
        order by created_at desc, id desc limit $5`,
      [tenantId, appId, page.after?.at ?? null, page.after?.id ?? null, page.limit + 1],
    ),
  revoke: (db: Queryable, tenantId: string, appId: string, id: string) =>
    maybeOne<{ id: string; expires_at: Date } & Record<string, unknown>>(
      db, 'update service_tokens set revoked_at = coalesce(revoked_at, now()) where tenant_id = $1 and app_id = $2 and id = $3 returning id, expires_at', [tenantId, appId, id]),
};
