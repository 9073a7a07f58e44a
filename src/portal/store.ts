import type { Queryable } from '../db/index.ts';
import { maybeOne } from '../db/index.ts';

export interface PortalLinkRow {
  id: string;
  tenant_id: string;
  app_id: string;
  created_by: string;
  expires_at: Date;
}

type R<T> = T & Record<string, unknown>;

export const portalStore = {
  insertLink: (
    db: Queryable,
    link: { id: string; tenantId: string; appId: string; codeHash: string; createdBy: string; expiresAt: string },
  ) =>
    db.query(
      `insert into portal_links (id, tenant_id, app_id, code_hash, created_by, expires_at)
       values ($1, $2, $3, $4, $5, $6::timestamptz)`,
      [link.id, link.tenantId, link.appId, link.codeHash, link.createdBy, link.expiresAt],
    ),
  /** A link not used yet and not expired, by its code's hash. */
  openLink: (db: Queryable, codeHash: string, at: string) =>
    maybeOne<R<PortalLinkRow>>(
      db,
      `select id, tenant_id, app_id, created_by, expires_at from portal_links
        where code_hash = $1 and used_at is null and expires_at > $2::timestamptz`,
      [codeHash, at],
    ),
  /**
   * Takes a link by its code's hash: once, before it expires. A second exchange of the same
   * code, at once or later, finds it used.
   */
  useLink: (db: Queryable, codeHash: string, at: string) =>
    maybeOne<R<PortalLinkRow>>(
      db,
      `update portal_links set used_at = $2::timestamptz
        where code_hash = $1 and used_at is null and expires_at > $2::timestamptz
        returning id, tenant_id, app_id, created_by, expires_at`,
      [codeHash, at],
    ),
  frameAncestors: async (db: Queryable, tenantId: string): Promise<string[]> =>
    (
      await maybeOne<{ frame_ancestors: string[] }>(
        db,
        'select frame_ancestors from portal_settings where tenant_id = $1',
        [tenantId],
      )
    )?.frame_ancestors ?? [],
  setFrameAncestors: (db: Queryable, tenantId: string, origins: readonly string[]) =>
    db.query(
      `insert into portal_settings (tenant_id, frame_ancestors) values ($1, $2::text[])
       on conflict (tenant_id) do update set frame_ancestors = excluded.frame_ancestors, updated_at = now()`,
      [tenantId, origins],
    ),
};
