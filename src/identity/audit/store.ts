import type { Queryable } from '../../db/index.ts';
import { newId } from '../../ids.ts';
import { listPage, type Page } from '../../db/page.ts';

export interface AuditRow {
  id: string;
  actor: string;
  action: string;
  target_type: string;
  target_id: string;
  changes: Record<string, unknown>;
  at: Date;
  cursor_at: string;
}

export const auditStore = {
  record: (
    db: Queryable,
    e: {
      tenantId: string;
      actor: string;
      action: string;
      targetType: string;
      targetId: string;
      changes?: Record<string, unknown>;
    },
  ) =>
    db.query(
      'insert into audit_events (id, tenant_id, actor, action, target_type, target_id, changes) values ($1, $2, $3, $4, $5, $6, $7::jsonb)',
      [newId('aud'), e.tenantId, e.actor, e.action, e.targetType, e.targetId, JSON.stringify(e.changes ?? {})],
    ),
  list: (db: Queryable, tenantId: string, page: Page, filter: { targetId?: string }) =>
    listPage<AuditRow & Record<string, unknown>>(
      db,
      page,
      [tenantId, filter.targetId ?? null],
      (k) =>
        `select id, actor, action, target_type, target_id, changes, at, at::text as cursor_at from audit_events
        where tenant_id = $1 and ($2::text is null or target_id = $2)
          and ${k.after}
        ${k.orderLimit}`,
      { at: 'at', id: 'id' },
    ),
};
