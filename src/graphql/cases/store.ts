// SQL for cases and their links to incidents. Every statement is scoped by tenant.
import type { Queryable } from '../../db/index.ts';
import { maybeOne } from '../../db/index.ts';
import { listPage, type Page } from '../../db/page.ts';

export type CaseStatus = 'open' | 'in_progress' | 'closed';

export interface CaseRow {
  id: string;
  tenant_id: string;
  title: string;
  status: CaseStatus;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  cursor_at: string;
}

const COLUMNS = 'id, tenant_id, title, status, created_at, updated_at, closed_at, created_at::text as cursor_at';
const C_COLUMNS =
  'c.id, c.tenant_id, c.title, c.status, c.created_at, c.updated_at, c.closed_at, c.created_at::text as cursor_at';
type R<T> = T & Record<string, unknown>;

export const caseStore = {
  insert: (db: Queryable, c: { id: string; tenantId: string; title: string; createdBy: string }) =>
    maybeOne<R<CaseRow>>(
      db,
      `insert into cases (id, tenant_id, title, created_by) values ($1, $2, $3, $4) returning ${COLUMNS}`,
      [c.id, c.tenantId, c.title, c.createdBy],
    ),

  get: (db: Queryable, tenantId: string, id: string) =>
    maybeOne<R<CaseRow>>(db, `select ${COLUMNS} from cases where tenant_id = $1 and id = $2`, [tenantId, id]),

  getForUpdate: (db: Queryable, tenantId: string, id: string) =>
    maybeOne<R<CaseRow>>(db, `select ${COLUMNS} from cases where tenant_id = $1 and id = $2 for update`, [
      tenantId,
      id,
    ]),

  list: (db: Queryable, tenantId: string, page: Page, status: CaseStatus | null) =>
    listPage<R<CaseRow>>(
      db,
      page,
      [tenantId, status],
      (k) =>
        `select ${COLUMNS} from cases where tenant_id = $1 and ($2::text is null or status = $2)
          and ${k.after}
        ${k.orderLimit}`,
    ),

  update: (db: Queryable, tenantId: string, id: string, patch: { title?: string; status?: CaseStatus }) =>
    maybeOne<R<CaseRow>>(
      db,
      `update cases set title = coalesce($3, title), status = coalesce($4, status),
              closed_at = case when $4 = 'closed' then now() when $4 is null then closed_at else null end, updated_at = now()
        where tenant_id = $1 and id = $2 returning ${COLUMNS}`,
      [tenantId, id, patch.title ?? null, patch.status ?? null],
    ),

  /** Replaces the case's links with exactly `incidentIds` (already checked to be the tenant's). */
  setIncidents: async (db: Queryable, tenantId: string, caseId: string, incidentIds: string[]) => {
    await db.query(
      'delete from case_incidents where tenant_id = $1 and case_id = $2 and not (incident_id = any($3::text[]))',
      [tenantId, caseId, incidentIds],
    );
    await db.query(
      `insert into case_incidents (tenant_id, case_id, incident_id)
       select $1, $2, unnest($3::text[]) on conflict (case_id, incident_id) do nothing`,
      [tenantId, caseId, incidentIds],
    );
  },

  incidentIds: async (db: Queryable, tenantId: string, caseId: string) =>
    (
      await db.query<{ incident_id: string }>(
        'select incident_id from case_incidents where tenant_id = $1 and case_id = $2 order by linked_at, incident_id',
        [tenantId, caseId],
      )
    ).map((r) => r.incident_id),

  /** The cases an incident is linked to, newest first. */
  ofIncident: (db: Queryable, tenantId: string, incidentId: string, limit: number) =>
    db.query<R<CaseRow>>(
      `select ${C_COLUMNS} from case_incidents ci join cases c on c.tenant_id = ci.tenant_id and c.id = ci.case_id
        where ci.tenant_id = $1 and ci.incident_id = $2 order by c.created_at desc, c.id desc limit $3`,
      [tenantId, incidentId, limit],
    ),
};
