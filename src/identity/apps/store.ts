import type { Queryable } from '../../db/index.ts';
import { maybeOne } from '../../db/index.ts';
import { listPage, type Page } from '../../db/page.ts';
import type { ClientSecretRotationState } from '../../../machines/clientSecretRotation.ts';

export interface Governance {
  allow_service_tokens: boolean;
  enforce_pkce: boolean;
  allowed_redirect_uris: string[] | null;
  max_token_lifetime_seconds: number | null;
  disabled: boolean;
  graphql_bundles: string[];
  /** Authorization requests must come through POST /v1/oauth/par (RFC 9126). */
  require_pushed_authorization_requests: boolean;
  /** Tokens must be DPoP-bound (RFC 9449): asked for with a proof, used with one. */
  require_dpop: boolean;
}

export type ClientType = 'confidential' | 'public';

export const TOKEN_ENDPOINT_AUTH_METHODS = [
  'client_secret_basic',
  'client_secret_post',
  'private_key_jwt',
  'none',
] as const;
export type TokenEndpointAuthMethod = (typeof TOKEN_ENDPOINT_AUTH_METHODS)[number];

/** A JSON Web Key Set of public keys, as an app registers it. */
export interface Jwks {
  keys: Array<Record<string, unknown>>;
}

export interface AppRow {
  id: string;
  tenant_id: string;
  name: string;
  client_type: ClientType;
  token_endpoint_auth_method: TokenEndpointAuthMethod;
  /** private_key_jwt: the app's public keys, inline or at jwks_uri (one of the two). */
  jwks: Jwks | null;
  jwks_uri: string | null;
  grant_types: string[];
  redirect_uris: string[];
  requested_scopes: string[];
  governance: Governance;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

const COLUMNS =
  'id, tenant_id, name, client_type, token_endpoint_auth_method, jwks, jwks_uri, grant_types, redirect_uris, requested_scopes, governance, created_by, created_at, updated_at, created_at::text as cursor_at';

export const appStore = {
  insert: (db: Queryable, a: Omit<AppRow, 'created_at' | 'updated_at' | 'cursor_at'>) =>
    db.query(
      `insert into apps (id, tenant_id, name, client_type, grant_types, redirect_uris, requested_scopes, governance, created_by, token_endpoint_auth_method, jwks, jwks_uri)
       values ($1, $2, $3, $4, $5::text[], $6::text[], $7::text[], $8::jsonb, $9, $10, $11::jsonb, $12)`,
      [
        a.id,
        a.tenant_id,
        a.name,
        a.client_type,
        a.grant_types,
        a.redirect_uris,
        a.requested_scopes,
        JSON.stringify(a.governance),
        a.created_by,
        a.token_endpoint_auth_method,
        a.jwks === null ? null : JSON.stringify(a.jwks),
        a.jwks_uri,
      ],
    ),
  get: (db: Queryable, tenantId: string, id: string) =>
    maybeOne<AppRow & Record<string, unknown>>(db, `select ${COLUMNS} from apps where tenant_id = $1 and id = $2`, [
      tenantId,
      id,
    ]),
  /** By client_id alone: the OAuth endpoints learn the tenant from the app. */
  byClientId: (db: Queryable, id: string) =>
    maybeOne<AppRow & Record<string, unknown>>(db, `select ${COLUMNS} from apps where id = $1`, [id]),
  list: (db: Queryable, tenantId: string, page: Page) =>
    listPage<AppRow & Record<string, unknown>>(
      db,
      page,
      [tenantId],
      (k) =>
        `select ${COLUMNS} from apps where tenant_id = $1
          and ${k.after}
        ${k.orderLimit}`,
    ),
  setClientKeys: (db: Queryable, tenantId: string, id: string, keys: { jwks: Jwks | null; jwks_uri: string | null }) =>
    db.query('update apps set jwks = $3::jsonb, jwks_uri = $4, updated_at = now() where tenant_id = $1 and id = $2', [
      tenantId,
      id,
      keys.jwks === null ? null : JSON.stringify(keys.jwks),
      keys.jwks_uri,
    ]),
  setGovernance: (db: Queryable, tenantId: string, id: string, governance: Governance) =>
    db.query('update apps set governance = $3::jsonb, updated_at = now() where tenant_id = $1 and id = $2', [
      tenantId,
      id,
      JSON.stringify(governance),
    ]),
  insertSecret: (db: Queryable, s: { id: string; appId: string; tenantId: string; hash: string }) =>
    db.query('insert into client_secrets (id, app_id, tenant_id, secret_hash) values ($1, $2, $3, $4)', [
      s.id,
      s.appId,
      s.tenantId,
      s.hash,
    ]),
  retireSecret: (db: Queryable, id: string) =>
    db.query('update client_secrets set retired_at = coalesce(retired_at, now()) where id = $1', [id]),
  /**
   * Everything the token endpoint needs, in one round trip: the app, its tenant's approved
   * scopes, and the hashes of its secrets that may authenticate: the current one (valid_until
   * null) and the previous one with the end of its grace window, which the caller compares
   * with the time of each attempt (inGrace of machines/graceWindow.ts).
   */
  forAuthentication: (db: Queryable, appId: string) =>
    maybeOne<
      AppRow & {
        secrets: Array<{ hash: string; valid_until: string | null }>;
        tenant_approved_scopes: string[];
      } & Record<string, unknown>
    >(
      db,
      `select ${COLUMNS},
              (select t.approved_scopes from tenants t where t.id = apps.tenant_id) as tenant_approved_scopes,
              coalesce((select json_agg(json_build_object(
                          'hash', s.secret_hash,
                          'valid_until', case when s.id = r.current_secret_id then null else r.previous_valid_until end))
                          from app_secret_rotations r
                          join client_secrets s on s.app_id = r.id
                         where r.id = apps.id
                           and (s.id = r.current_secret_id
                                or (s.id = r.previous_secret_id and r.previous_valid_until is not null))), '[]'::json) as secrets
         from apps where id = $1`,
      [appId],
    ),
  rotation: (db: Queryable, appId: string) =>
    maybeOne<{ state: ClientSecretRotationState; previous_valid_until: string | null } & Record<string, unknown>>(
      db,
      'select state, previous_valid_until from app_secret_rotations where id = $1',
      [appId],
    ),
};
