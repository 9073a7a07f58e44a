// SQL for incidents. Every statement is scoped by tenant.
import type { Queryable } from '../../db/index.ts';
import { maybeOne } from '../../db/index.ts';
import { listPage, type Page } from '../../db/page.ts';

export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type IncidentStatus = 'open' | 'closed';

export interface IncidentRow {
  id: string;
  tenant_id: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  cursor_at: string;
}

const COLUMNS =
  'id, tenant_id, title, severity, status, created_at, updated_at, closed_at, created_at::text as cursor_at';
const I_COLUMNS =
  'i.id, i.tenant_id, i.title, i.severity, i.status, i.created_at, i.updated_at, i.closed_at, i.created_at::text as cursor_at';
type R<T> = T & Record<string, unknown>;

export const incidentStore = {
  insert: (db: Queryable, i: { id: string; tenantId: string; title: string; severity: Severity; createdBy: string }) =>
    maybeOne<R<IncidentRow>>(
      db,
      `insert into incidents (id, tenant_id, title, severity, created_by) values ($1, $2, $3, $4, $5) returning ${COLUMNS}`,
      [i.id, i.tenantId, i.title, i.severity, i.createdBy],
    ),

  get: (db: Queryable, tenantId: string, id: string) =>
    maybeOne<R<IncidentRow>>(db, `select ${COLUMNS} from incidents where tenant_id = $1 and id = $2`, [tenantId, id]),

  /** Locks the row for the rest of the transaction (updates read, check, then write). */
  getForUpdate: (db: Queryable, tenantId: string, id: string) =>
    maybeOne<R<IncidentRow>>(db, `select ${COLUMNS} from incidents where tenant_id = $1 and id = $2 for update`, [
      tenantId,
      id,
    ]),

  list: (db: Queryable, tenantId: string, page: Page, status: IncidentStatus | null) =>
    listPage<R<IncidentRow>>(
      db,
      page,
      [tenantId, status],
      (k) =>
        `select ${COLUMNS} from incidents where tenant_id = $1 and ($2::text is null or status = $2)
          and ${k.after}
        ${k.orderLimit}`,
    ),

  /** Those of `ids` that exist in the tenant. */
  existing: (db: Queryable, tenantId: string, ids: string[]) =>
    db.query<{ id: string }>('select id from incidents where tenant_id = $1 and id = any($2::text[])', [tenantId, ids]),

  update: (db: Queryable, tenantId: string, id: string, patch: { title?: string; severity?: Severity }) =>
    maybeOne<R<IncidentRow>>(
      db,
      `update incidents set title = coalesce($3, title), severity = coalesce($4, severity), updated_at = now()
        where tenant_id = $1 and id = $2 returning ${COLUMNS}`,
      [tenantId, id, patch.title ?? null, patch.severity ?? null],
    ),

  close: (db: Queryable, tenantId: string, id: string) =>
    maybeOne<R<IncidentRow>>(
      db,
      `update incidents set status = 'closed', closed_at = now(), updated_at = now()
        where tenant_id = $1 and id = $2 returning ${COLUMNS}`,
      [tenantId, id],
    ),

  /** The incidents linked to a case, oldest link first. */
  ofCase: (db: Queryable, tenantId: string, caseId: string, limit: number) =>
    db.query<R<IncidentRow>>(
      `select ${I_COLUMNS}
         from case_incidents ci join incidents i on i.tenant_id = ci.tenant_id and i.id = ci.incident_id
        where ci.tenant_id = $1 and ci.case_id = $2 order by ci.linked_at, i.id limit $3`,
      [tenantId, caseId, limit],
    ),
};
