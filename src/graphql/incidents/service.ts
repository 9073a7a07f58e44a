// Incidents: create, update, close. Every change publishes its event through the delivery
// engine in the same transaction, so a committed change always has its deliveries and a
// rolled-back one never does.
import type { Db } from '../../db/index.ts';
import type { ActorSystem, Unit } from '../../actors/runtime.ts';
import type { EventPublisher } from '../../events/publisher.ts';
import type { Principal } from '../../identity/principal.ts';
import { conflict, invalidRequest, notFound } from '../../errors.ts';
import type { Page } from '../../db/page.ts';
import { newId } from '../../ids.ts';
import { incidentStore, type IncidentRow, type IncidentStatus, type Severity } from './store.ts';

export type { IncidentRow, IncidentStatus, Severity } from './store.ts';

export const TITLE_MAX = 200;

/** The event payload (`data`) of incident.* events. */
export function incidentData(i: IncidentRow) {
  return {
    id: i.id,
    title: i.title,
    severity: i.severity,
    status: i.status,
    created_at: i.created_at.toISOString(),
    updated_at: i.updated_at.toISOString(),
    closed_at: i.closed_at ? i.closed_at.toISOString() : null,
  };
}

export function checkTitle(field: string, title: string): string {
  const t = title.trim();
  if (!t) throw invalidRequest(`${field}: must not be blank`);
  if (t.length > TITLE_MAX) throw invalidRequest(`${field}: at most ${TITLE_MAX} characters`);
  return t;
}

export class IncidentService {
  constructor(
    private readonly db: Db,
    private readonly actors: ActorSystem,
    private readonly publisher: EventPublisher,
  ) {}

  get(tenantId: string, id: string): Promise<IncidentRow | null> {
    return incidentStore.get(this.db, tenantId, id);
  }

  async list(tenantId: string, page: Page, status: IncidentStatus | null) {
    return await incidentStore.list(this.db, tenantId, page, status);
  }

  ofCase(tenantId: string, caseId: string, limit: number): Promise<IncidentRow[]> {
    return incidentStore.ofCase(this.db, tenantId, caseId, limit);
  }

  async create(p: Principal, input: { title: string; severity: Severity }): Promise<IncidentRow> {
    const title = checkTitle('input.title', input.title);
    return this.actors.transaction(async (unit) => {
      const row = await incidentStore.insert(unit.tx, {
        id: newId('inc'),
        tenantId: p.tenantId,
        title,
        severity: input.severity,
        createdBy: p.subject,
      });
      if (!row) throw new Error('insert returned no row');
      await this.publish(unit, p.tenantId, 'incident.created', row);
      return row;
    });
  }

  /** Changes title and/or severity; no event when nothing actually changed. */
  async update(
    p: Principal,
    id: string,
    input: { title?: string | null; severity?: Severity | null },
  ): Promise<IncidentRow> {
    if (input.title == null && input.severity == null) throw invalidRequest('input: give title or severity to change');
    const title = input.title == null ? undefined : checkTitle('input.title', input.title);
    return this.actors.transaction(async (unit) => {
      const current = await incidentStore.getForUpdate(unit.tx, p.tenantId, id);
      if (!current) throw notFound(`incident ${id}`);
      if (current.status === 'closed') throw conflict(`incident ${id} is closed; a closed incident cannot change`);
      const changes = [
        ...(title !== undefined && title !== current.title ? ['title'] : []),
        ...(input.severity != null && input.severity !== current.severity ? ['severity'] : []),
      ];
      if (changes.length === 0) return current;
      const row = await incidentStore.update(unit.tx, p.tenantId, id, { title, severity: input.severity ?? undefined });
      if (!row) throw notFound(`incident ${id}`);
      await this.publish(unit, p.tenantId, 'incident.updated', row, { changes });
      return row;
    });
  }

  async close(p: Principal, id: string): Promise<IncidentRow> {
    return this.actors.transaction(async (unit) => {
      const current = await incidentStore.getForUpdate(unit.tx, p.tenantId, id);
      if (!current) throw notFound(`incident ${id}`);
      if (current.status === 'closed') throw conflict(`incident ${id} is already closed`);
      const row = await incidentStore.close(unit.tx, p.tenantId, id);
      if (!row) throw notFound(`incident ${id}`);
      await this.publish(unit, p.tenantId, 'incident.closed', row);
      return row;
    });
  }

  private async publish(
    unit: Unit,
    tenantId: string,
    type: string,
    row: IncidentRow,
    extra: Record<string, unknown> = {},
  ) {
    await this.publisher.publish(unit, { tenantId, type, data: { ...incidentData(row), ...extra } });
  }
}
