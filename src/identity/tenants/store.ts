import type { Queryable } from '../../db/index.ts';
import { maybeOne } from '../../db/index.ts';

export interface TenantRow {
  id: string;
  name: string;
  approved_scopes: string[];
  created_at: Date;
}
export interface UserRow {
  id: string;
  tenant_id: string;
  email: string;
  password_hash: string;
  role: 'admin' | 'member';
  created_at: Date;
}

export const tenantStore = {
  insertTenant: (db: Queryable, t: { id: string; name: string; approvedScopes: string[] }) =>
    db.query('insert into tenants (id, name, approved_scopes) values ($1, $2, $3::text[])', [
      t.id,
      t.name,
      t.approvedScopes,
    ]),
  tenantById: (db: Queryable, id: string) =>
    maybeOne<TenantRow & Record<string, unknown>>(db, 'select * from tenants where id = $1', [id]),
  tenantByName: (db: Queryable, name: string) =>
    maybeOne<TenantRow & Record<string, unknown>>(db, 'select * from tenants where lower(name) = lower($1)', [name]),
  insertUser: (
    db: Queryable,
    u: { id: string; tenantId: string; email: string; passwordHash: string; role: 'admin' | 'member' },
  ) =>
    db.query('insert into users (id, tenant_id, email, password_hash, role) values ($1, $2, $3, $4, $5)', [
      u.id,
      u.tenantId,
      u.email,
      u.passwordHash,
      u.role,
    ]),
  userByEmail: (db: Queryable, tenantId: string, email: string) =>
    maybeOne<UserRow & Record<string, unknown>>(
      db,
      'select * from users where tenant_id = $1 and lower(email) = lower($2)',
      [tenantId, email],
    ),
  any: async (db: Queryable) => (await db.query('select 1 from tenants limit 1')).length > 0,
  firstAdmin: (db: Queryable, tenantId: string) =>
    maybeOne<UserRow & Record<string, unknown>>(
      db,
      "select * from users where tenant_id = $1 and role = 'admin' order by created_at limit 1",
      [tenantId],
    ),
  userById: (db: Queryable, tenantId: string, id: string) =>
    maybeOne<UserRow & Record<string, unknown>>(db, 'select * from users where tenant_id = $1 and id = $2', [
      tenantId,
      id,
    ]),
};
