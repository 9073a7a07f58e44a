// Cases and their linked incidents: create, update (title, status, links), close. Every
// change publishes case.created / case.updated in the same transaction as the change.
import type { Db, Queryable } from '../../db/index.ts';
import type { ActorSystem, Unit } from '../../actors/runtime.ts';
import type { EventPublisher } from '../../events/publisher.ts';
import type { Principal } from '../../identity/principal.ts';
import { conflict, invalidRequest, notFound } from '../../errors.ts';
import type { Page } from '../../db/page.ts';
import { newId } from '../../ids.ts';
import { incidentStore } from '../incidents/store.ts';
import { checkTitle } from '../incidents/service.ts';
import { caseStore, type CaseRow, type CaseStatus } from './store.ts';

export type { CaseRow, CaseStatus } from './store.ts';

export const MAX_LINKED_INCIDENTS = 100;

export function caseData(c: CaseRow, incidentIds: string[]) {
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    incident_ids: incidentIds,
    created_at: c.created_at.toISOString(),
    updated_at: c.updated_at.toISOString(),
    closed_at: c.closed_at ? c.closed_at.toISOString() : null,
  };
}

export class CaseService {
  constructor(
    private readonly db: Db,
    private readonly actors: ActorSystem,
    private readonly publisher: EventPublisher,
  ) {}

  get(tenantId: string, id: string): Promise<CaseRow | null> {
    return caseStore.get(this.db, tenantId, id);
  }

  async list(tenantId: string, page: Page, status: CaseStatus | null) {
    return await caseStore.list(this.db, tenantId, page, status);
  }

  ofIncident(tenantId: string, incidentId: string, limit: number): Promise<CaseRow[]> {
    return caseStore.ofIncident(this.db, tenantId, incidentId, limit);
  }

  async create(p: Principal, input: { title: string; incidentIds?: string[] | null }): Promise<CaseRow> {
    const title = checkTitle('input.title', input.title);
    const incidentIds = this.checkIds(input.incidentIds ?? []);
    return this.actors.transaction(async (unit) => {
      await this.checkIncidents(unit.tx, p.tenantId, incidentIds);
      const row = await caseStore.insert(unit.tx, {
        id: newId('case'),
        tenantId: p.tenantId,
        title,
        createdBy: p.subject,
      });
      if (!row) throw new Error('insert returned no row');
      await caseStore.setIncidents(unit.tx, p.tenantId, row.id, incidentIds);
      await this.publish(unit, 'case.created', row);
      return row;
    });
  }

  /** Title, status (open / in_progress) and the linked incidents (replaced as a whole). */
  async update(
    p: Principal,
    id: string,
    input: { title?: string | null; status?: CaseStatus | null; incidentIds?: string[] | null },
  ): Promise<CaseRow> {
    if (input.title == null && input.status == null && input.incidentIds == null)
      throw invalidRequest('input: give title, status or incidentIds to change');
    if (input.status === 'closed') throw invalidRequest('input.status: close a case with closeCase');
    const title = input.title == null ? undefined : checkTitle('input.title', input.title);
    const incidentIds = input.incidentIds == null ? null : this.checkIds(input.incidentIds);
    return this.actors.transaction(async (unit) => {
      const current = await caseStore.getForUpdate(unit.tx, p.tenantId, id);
      if (!current) throw notFound(`case ${id}`);
      if (current.status === 'closed') throw conflict(`case ${id} is closed; a closed case cannot change`);
      const linked = await caseStore.incidentIds(unit.tx, p.tenantId, id);
      const changes = [
        ...(title !== undefined && title !== current.title ? ['title'] : []),
        ...(input.status != null && input.status !== current.status ? ['status'] : []),
        ...(incidentIds && !sameSet(incidentIds, linked) ? ['incident_ids'] : []),
      ];
      if (changes.length === 0) return current;
      if (incidentIds) {
        await this.checkIncidents(unit.tx, p.tenantId, incidentIds);
        await caseStore.setIncidents(unit.tx, p.tenantId, id, incidentIds);
      }
      const row = await caseStore.update(unit.tx, p.tenantId, id, { title, status: input.status ?? undefined });
      if (!row) throw notFound(`case ${id}`);
      await this.publish(unit, 'case.updated', row, { changes });
      return row;
    });
  }

  /** Closing is a change of status: it publishes case.updated. */
  async close(p: Principal, id: string): Promise<CaseRow> {
    return this.actors.transaction(async (unit) => {
      const current = await caseStore.getForUpdate(unit.tx, p.tenantId, id);
      if (!current) throw notFound(`case ${id}`);
      if (current.status === 'closed') throw conflict(`case ${id} is already closed`);
      const row = await caseStore.update(unit.tx, p.tenantId, id, { status: 'closed' });
      if (!row) throw notFound(`case ${id}`);
      await this.publish(unit, 'case.updated', row, { changes: ['status'] });
      return row;
    });
  }

  private checkIds(ids: string[]): string[] {
    const unique = [...new Set(ids)];
    if (unique.length > MAX_LINKED_INCIDENTS)
      throw invalidRequest(`input.incidentIds: at most ${MAX_LINKED_INCIDENTS} incidents`);
    return unique;
  }

  /** Every id must be an incident of this tenant; another tenant's id is simply not found. */
  private async checkIncidents(tx: Queryable, tenantId: string, ids: string[]) {
    if (ids.length === 0) return;
    const found = new Set((await incidentStore.existing(tx, tenantId, ids)).map((r) => r.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw notFound(`incident ${missing}`);
  }

  private async publish(unit: Unit, type: string, row: CaseRow, extra: Record<string, unknown> = {}) {
    const incidentIds = await caseStore.incidentIds(unit.tx, row.tenant_id, row.id);
    await this.publisher.publish(unit, {
      tenantId: row.tenant_id,
      type,
      data: { ...caseData(row, incidentIds), ...extra },
    });
  }
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
