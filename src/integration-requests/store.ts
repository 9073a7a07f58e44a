import type { Queryable } from '../db/index.ts';
import { maybeOne } from '../db/index.ts';
import { listPage, type Page } from '../db/page.ts';

export interface RequestRow {
  id: string;
  reference: string;
  tenant_id: string | null;
  organisation: string;
  contact_name: string;
  contact_email: string;
  use_case: string;
  capabilities: string[];
  status: string;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

const COLUMNS =
  'id, reference, tenant_id, organisation, contact_name, contact_email, use_case, capabilities, status, created_at, updated_at, created_at::text as cursor_at';

export const requestStore = {
  insert: (
    db: Queryable,
    r: Omit<RequestRow, 'status' | 'created_at' | 'updated_at' | 'cursor_at'> & { remote_address: string },
  ) =>
    db.query(
      `insert into integration_requests (id, reference, tenant_id, organisation, contact_name, contact_email, use_case, capabilities, remote_address)
       values ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9)`,
      [
        r.id,
        r.reference,
        r.tenant_id,
        r.organisation,
        r.contact_name,
        r.contact_email,
        r.use_case,
        r.capabilities,
        r.remote_address,
      ],
    ),
  list: (db: Queryable, tenantId: string | null, page: Page) =>
    listPage<RequestRow & Record<string, unknown>>(
      db,
      page,
      [tenantId],
      (k) =>
        `select ${COLUMNS} from integration_requests
        where ($1::text is null or tenant_id = $1)
          and ${k.after}
        ${k.orderLimit}`,
    ),
  setStatus: (db: Queryable, tenantId: string | null, id: string, status: string) =>
    maybeOne<RequestRow & Record<string, unknown>>(
      db,
      `update integration_requests set status = $3, updated_at = now() where id = $2 and ($1::text is null or tenant_id = $1) returning ${COLUMNS}`,
      [tenantId, id, status],
    ),
};
