// Apps (OAuth clients) of a tenant: registration, governance, client secrets and their
// rotation (machines/clientSecretRotation.ts), and client authentication for /v1/oauth/token.
import type { Db, Queryable } from '../../db/index.ts';
import type { ActorSystem, MachineDefinition } from '../../actors/runtime.ts';
import { inGrace } from '../../../machines/graceWindow.ts';
import { clientSecretRotationMachine, type ClientSecretRotationState } from '../../../machines/clientSecretRotation.ts';
import { constantTimeEqual, sha256Hex } from '../../crypto/hash.ts';
import { newId, randomToken } from '../../ids.ts';
import { invalidRequest, notFound } from '../../errors.ts';
import type { Page } from '../../db/page.ts';
import type { Principal } from '../principal.ts';
import type { TenantService } from '../tenants/service.ts';
import { SCOPE_CATALOG, isPublishedScope } from '../scopes.ts';
import { auditStore } from '../audit/store.ts';
import {
  appStore,
  TOKEN_ENDPOINT_AUTH_METHODS,
  type AppRow,
  type ClientType,
  type Governance,
  type Jwks,
  type TokenEndpointAuthMethod,
} from './store.ts';
import { redirectUriProblem } from './redirect-uri.ts';
import { jwksProblem } from './client-keys.ts';
import { resolvedProblem } from '../../outbound/target-check.ts';
import { InvalidatedCache, type Invalidations } from '../../invalidation.ts';
import { DEFAULTS, FIXED } from '../../defaults.ts';
import { isDisabled } from './disabled.ts';
import { oauthErrors } from '../../oauth/errors.ts';

export type { AppRow, Governance, Jwks, TokenEndpointAuthMethod } from './store.ts';
export { TOKEN_ENDPOINT_AUTH_METHODS } from './store.ts';

export const GRANT_TYPES = ['authorization_code', 'client_credentials', 'refresh_token'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

/** The grace window of a rotation that asks none, by default (SECRET_GRACE_SECONDS changes it). */
export const DEFAULT_GRACE_SECONDS = DEFAULTS.SECRET_GRACE_SECONDS;

/**
 * How long a process keeps an app's governance for the bearer guard and its authentication
 * row for the token endpoint when nothing says otherwise. Changes made through the service are
 * announced (src/invalidation.ts: at once here, within INVALIDATION_BOUND_MS elsewhere); this
 * is the backstop for a change made with SQL straight in the database.
 */
export const APP_CACHE_BACKSTOP_MS = FIXED.cacheBackstopMs;
export const MAX_GRACE_SECONDS = FIXED.maxSecretGraceSeconds;

export interface NewApp {
  name: string;
  grant_types: string[];
  redirect_uris?: string[];
  requested_scopes: string[];
  client_type?: ClientType;
  token_endpoint_auth_method?: TokenEndpointAuthMethod;
  jwks?: Jwks;
  jwks_uri?: string;
}

export type GovernancePatch = Partial<Governance>;

/** An app as the token endpoint authenticated it, with what its grants need of its tenant. */
export interface AuthenticatedApp extends AppRow {
  tenantApprovedScopes: string[];
}

type AuthenticationRow = AppRow & {
  secrets: Array<{ hash: string; valid_until: string | null }>;
  tenant_approved_scopes: string[];
};

function authenticated(row: AuthenticationRow): AuthenticatedApp {
  const { secrets: _secrets, tenant_approved_scopes, ...app } = row;
  return { ...app, tenantApprovedScopes: tenant_approved_scopes ?? [] };
}

/** Whether the method authenticates with a client secret (both forms of the same secret). */
export const usesSecret = (method: TokenEndpointAuthMethod) =>
  method === 'client_secret_basic' || method === 'client_secret_post';

const invalidScope = oauthErrors.invalidScope;

function defaultGovernance(): Governance {
  return {
    allow_service_tokens: false,
    enforce_pkce: true,
    allowed_redirect_uris: null,
    max_token_lifetime_seconds: null,
    disabled: false,
    graphql_bundles: [],
    require_pushed_authorization_requests: false,
    require_dpop: false,
  };
}

/** Governance as stored, with the flags added since it was written at their defaults. */
export function governanceOf(app: Pick<AppRow, 'governance'>): Governance {
  return { ...defaultGovernance(), ...app.governance };
}

/** Governance with its keys always in the same order (jsonb does not keep them). */
export function governanceView(g: Governance): Governance {
  return {
    allow_service_tokens: g.allow_service_tokens,
    enforce_pkce: g.enforce_pkce,
    allowed_redirect_uris: g.allowed_redirect_uris,
    max_token_lifetime_seconds: g.max_token_lifetime_seconds,
    disabled: g.disabled,
    graphql_bundles: g.graphql_bundles ?? [],
    require_pushed_authorization_requests: g.require_pushed_authorization_requests ?? false,
    require_dpop: g.require_dpop ?? false,
  };
}

export function appView(
  app: AppRow,
  rotation?: { state: ClientSecretRotationState; previous_valid_until: string | null } | null,
) {
  return {
    client_id: app.id,
    name: app.name,
    client_type: app.client_type,
    token_endpoint_auth_method: app.token_endpoint_auth_method,
    ...(app.jwks ? { jwks: app.jwks } : {}),
    ...(app.jwks_uri ? { jwks_uri: app.jwks_uri } : {}),
    grant_types: app.grant_types,
    redirect_uris: app.redirect_uris,
    requested_scopes: app.requested_scopes,
    tenant_id: app.tenant_id,
    governance: governanceView(app.governance),
    ...(rotation
      ? {
          client_secret_rotation: {
            state: rotation.state,
            previous_secret_expires_at: rotation.state === 'overlapping' ? rotation.previous_valid_until : null,
          },
        }
      : {}),
    created_at: app.created_at.toISOString(),
    updated_at: app.updated_at.toISOString(),
  };
}

export class AppService {
  readonly rotation: MachineDefinition<typeof clientSecretRotationMachine>;
  /** What the bearer guard and the token endpoint read on every request (invalidated as src/invalidation.ts says). */
  private readonly governanceCache: InvalidatedCache<{ tenantId: string; governance: Governance } | null>;
  private readonly authCache: InvalidatedCache<AuthenticationRow | null>;

  constructor(
    private readonly db: Db,
    private readonly actors: ActorSystem,
    private readonly tenants: TenantService,
    private readonly invalidations: Invalidations,
    private readonly knownBundles: () => string[] = () => [],
    /** ALLOW_PRIVATE_TARGETS: a jwks_uri is checked as a webhook target is. */
    private readonly allowPrivateTargets = false,
    /** SECRET_GRACE_SECONDS: a rotation's grace window when none is asked. */
    private readonly defaultGraceSeconds: number = DEFAULT_GRACE_SECONDS,
  ) {
    this.governanceCache = new InvalidatedCache(invalidations, APP_CACHE_BACKSTOP_MS);
    this.authCache = new InvalidatedCache(invalidations, APP_CACHE_BACKSTOP_MS);
    invalidations.subscribe((forget) => {
      if (forget.kind === 'app') {
        this.governanceCache.delete(forget.clientId);
        this.authCache.delete(forget.clientId);
      } else if (forget.kind === 'everything') {
        this.governanceCache.clear();
        this.authCache.clear();
      }
    });
    this.rotation = actors.define({
      name: 'clientSecretRotation',
      machine: clientSecretRotationMachine,
      table: 'app_secret_rotations',
      // What the token endpoint reads (appStore.forAuthentication), mirrored from the context.
      columns: { current_secret_id: 'text', previous_secret_id: 'text', previous_valid_until: 'text' },
      project: ({ context }) => ({
        current_secret_id: context.currentSecretId,
        previous_secret_id: context.previousSecretId,
        previous_valid_until: context.previousValidUntil,
      }),
      effects: {
        // Validity is decided by the machine's context; this only stamps the record.
        retireSecret: async (effect, on) => {
          const id = String(effect.params.secretId ?? '');
          await this.db.transaction(async (tx) => {
            if (id) await appStore.retireSecret(tx, id);
            await this.changed(tx, on.instanceId);
          });
        },
      },
    });
  }

  /** The published scopes this tenant has approved. */
  async scopesFor(tenantId: string) {
    const tenant = await this.tenants.tenant(tenantId);
    const approved = new Set(tenant?.approved_scopes ?? []);
    return SCOPE_CATALOG.filter((s) => approved.has(s.name)).map((s) => ({ name: s.name, description: s.description }));
  }

  async create(principal: Principal, input: NewApp): Promise<{ app: AppRow; clientSecret: string | null }> {
    const clientType: ClientType = input.client_type ?? 'confidential';
    const name = input.name.trim();
    if (!name) throw invalidRequest('name: must not be blank');
    const grants = [...new Set(input.grant_types)];
    if (grants.length === 0) throw invalidRequest('grant_types: at least one grant type is required');
    for (const g of grants) {
      if (!(GRANT_TYPES as readonly string[]).includes(g))
        throw invalidRequest(`grant_types: "${g}" is not supported; use ${GRANT_TYPES.join(', ')}`);
    }
    if (grants.includes('refresh_token') && !grants.includes('authorization_code')) {
      throw invalidRequest('grant_types: refresh_token is only issued with authorization_code');
    }
    if (clientType === 'public' && grants.includes('client_credentials')) {
      throw invalidRequest('grant_types: a public client has no secret, so it cannot use client_credentials');
    }
    const redirects = [...new Set(input.redirect_uris ?? [])];
    if (grants.includes('authorization_code') && redirects.length === 0) {
      throw invalidRequest('redirect_uris: at least one is required for authorization_code');
    }
    if (!grants.includes('authorization_code') && redirects.length > 0) {
      throw invalidRequest('redirect_uris: only used with the authorization_code grant');
    }
    redirects.forEach((uri, i) => {
      const problem = redirectUriProblem(uri);
      if (problem) throw invalidRequest(`redirect_uris.${i}: ${problem}`);
    });
    const scopes = [...new Set(input.requested_scopes)];
    await this.checkScopes(principal.tenantId, scopes);
    const authMethod = await this.checkAuthMethod(clientType, input);

    const app: Omit<AppRow, 'created_at' | 'updated_at' | 'cursor_at'> = {
      id: newId('app'),
      tenant_id: principal.tenantId,
      name,
      client_type: clientType,
      token_endpoint_auth_method: authMethod,
      jwks: input.jwks ?? null,
      jwks_uri: input.jwks_uri ?? null,
      grant_types: grants,
      redirect_uris: redirects,
      requested_scopes: scopes,
      governance: defaultGovernance(),
      created_by: principal.subject,
    };
    const clientSecret = usesSecret(authMethod) ? `cs_${randomToken(40)}` : null;
    await this.actors.transaction(async (unit) => {
      await appStore.insert(unit.tx, app);
      if (clientSecret) {
        const secretId = newId('sec');
        await appStore.insertSecret(unit.tx, {
          id: secretId,
          appId: app.id,
          tenantId: app.tenant_id,
          hash: await sha256Hex(clientSecret),
        });
        await this.actors.create(unit, this.rotation, { id: app.id, tenantId: app.tenant_id, input: { secretId } });
      }
      await auditStore.record(unit.tx, {
        tenantId: app.tenant_id,
        actor: principal.subject,
        action: 'app.created',
        targetType: 'app',
        targetId: app.id,
        changes: {
          name,
          client_type: clientType,
          token_endpoint_auth_method: authMethod,
          grant_types: grants,
          redirect_uris: redirects,
          requested_scopes: scopes,
        },
      });
    });
    return { app: await this.get(principal.tenantId, app.id), clientSecret };
  }

  async get(tenantId: string, clientId: string): Promise<AppRow> {
    const app = await appStore.get(this.db, tenantId, clientId);
    if (!app) throw notFound(`app ${clientId}`);
    return app;
  }

  async describe(tenantId: string, clientId: string) {
    const app = await this.get(tenantId, clientId);
    return appView(app, await appStore.rotation(this.db, app.id));
  }

  async list(tenantId: string, page: Page) {
    const { items, next_cursor } = await appStore.list(this.db, tenantId, page);
    return { apps: items.map((a) => appView(a)), next_cursor };
  }

  async updateGovernance(principal: Principal, clientId: string, patch: GovernancePatch): Promise<AppRow> {
    return this.db.transaction(async (tx) => {
      const app = await appStore.get(tx, principal.tenantId, clientId);
      if (!app) throw notFound(`app ${clientId}`);
      const next: Governance = { ...governanceOf(app), ...patch };
      if (patch.allowed_redirect_uris) {
        const outside = patch.allowed_redirect_uris.filter((u) => !app.redirect_uris.includes(u));
        if (outside.length)
          throw invalidRequest(
            `allowed_redirect_uris: ${outside.join(', ')} is not a registered redirect URI of this app`,
          );
      }
      if (patch.enforce_pkce === false && app.client_type === 'public') {
        throw invalidRequest('enforce_pkce: a public client must always use PKCE');
      }
      if (
        patch.allow_service_tokens === true &&
        !app.grant_types.includes('client_credentials') &&
        app.client_type === 'public'
      ) {
        throw invalidRequest('allow_service_tokens: a public client cannot hold service tokens');
      }
      if (patch.graphql_bundles) {
        const known = new Set(this.knownBundles());
        const unknown = patch.graphql_bundles.filter((b) => !known.has(b));
        if (unknown.length) throw invalidRequest(`graphql_bundles: unknown bundle(s) ${unknown.join(', ')}`);
      }
      await appStore.setGovernance(tx, principal.tenantId, clientId, next);
      await auditStore.record(tx, {
        tenantId: principal.tenantId,
        actor: principal.subject,
        action: 'app.governance_updated',
        targetType: 'app',
        targetId: clientId,
        changes: { ...patch },
      });
      await this.changed(tx, clientId);
      return { ...app, governance: next };
    });
  }

  /**
   * Replaces a private_key_jwt app's keys (a rotation): `jwks` or `jwks_uri`, checked as at
   * registration. Assertions signed with a key no longer listed stop authenticating at once in
   * this process and within INVALIDATION_BOUND_MS in the others.
   */
  async replaceClientKeys(
    principal: Principal,
    clientId: string,
    keys: { jwks?: Jwks; jwks_uri?: string },
  ): Promise<AppRow> {
    const app = await this.get(principal.tenantId, clientId);
    if (app.token_endpoint_auth_method !== 'private_key_jwt')
      throw invalidRequest(`this app authenticates with ${app.token_endpoint_auth_method}: it has no keys to replace`);
    await this.checkAuthMethod(app.client_type, {
      ...keys,
      token_endpoint_auth_method: 'private_key_jwt',
      name: app.name,
      grant_types: app.grant_types,
      requested_scopes: app.requested_scopes,
    });
    const next = { jwks: keys.jwks ?? null, jwks_uri: keys.jwks_uri ?? null };
    await this.db.transaction(async (tx) => {
      await appStore.setClientKeys(tx, principal.tenantId, clientId, next);
      await auditStore.record(tx, {
        tenantId: principal.tenantId,
        actor: principal.subject,
        action: 'app.keys_replaced',
        targetType: 'app',
        targetId: clientId,
        changes: next.jwks ? { kids: next.jwks.keys.map((k) => k.kid ?? null) } : { jwks_uri: next.jwks_uri },
      });
      await this.changed(tx, clientId);
    });
    return { ...app, ...next };
  }

  /** A new write-once secret; the old one authenticates for `graceSeconds` more (0: never). */
  async rotateSecret(principal: Principal, clientId: string, graceSeconds = this.defaultGraceSeconds) {
    if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > MAX_GRACE_SECONDS) {
      throw invalidRequest(`grace_period_seconds: must be a whole number from 0 to ${MAX_GRACE_SECONDS}`);
    }
    const app = await this.get(principal.tenantId, clientId);
    if (!usesSecret(app.token_endpoint_auth_method))
      throw invalidRequest(`this app authenticates with ${app.token_endpoint_auth_method}: it has no secret to rotate`);
    const secret = `cs_${randomToken(40)}`;
    const secretId = newId('sec');
    const at = new Date(this.actors.clock.now()).toISOString();
    const result = await this.actors.transaction(async (unit) => {
      await appStore.insertSecret(unit.tx, {
        id: secretId,
        appId: app.id,
        tenantId: app.tenant_id,
        hash: await sha256Hex(secret),
      });
      const sent = await this.actors.send(
        unit,
        this.rotation,
        [{ id: app.id, event: { type: 'ROTATE', newSecretId: secretId, graceMs: graceSeconds * 1000, at } }],
        { tenantId: principal.tenantId },
      );
      await auditStore.record(unit.tx, {
        tenantId: app.tenant_id,
        actor: principal.subject,
        action: 'app.secret_rotated',
        targetType: 'app',
        targetId: app.id,
        changes: { grace_period_seconds: graceSeconds },
      });
      await this.changed(unit.tx, app.id);
      return sent.get(app.id);
    });
    const previousValidUntil = result?.snapshot.context.previousValidUntil ?? null;
    return {
      client_id: app.id,
      client_secret: secret,
      previous_secret_expires_at: graceSeconds > 0 ? previousValidUntil : null,
    };
  }

  /**
   * The app a client authenticates as: a confidential client by one of its valid secrets
   * (constant-time compare), a public client (secret null) by its client_id alone. Null when
   * that fails.
   */
  async authenticateClient(clientId: string, secret: string | null): Promise<AuthenticatedApp | null> {
    const found = await this.authenticationRow(clientId);
    if (secret === null) return found?.token_endpoint_auth_method === 'none' ? authenticated(found) : null;
    const hash = await sha256Hex(secret);
    const now = this.actors.clock.now();
    let ok = false;
    for (const candidate of found?.secrets ?? [])
      ok =
        (constantTimeEqual(hash, candidate.hash) &&
          (candidate.valid_until === null || inGrace(candidate.valid_until, now))) ||
        ok;
    return found && ok && usesSecret(found.token_endpoint_auth_method) ? authenticated(found) : null;
  }

  /**
   * A private_key_jwt app, for the caller to check its assertion against the app's keys; null
   * for any other app (which cannot authenticate with an assertion).
   */
  async forAssertion(clientId: string): Promise<AuthenticatedApp | null> {
    const found = await this.authenticationRow(clientId);
    return found?.token_endpoint_auth_method === 'private_key_jwt' ? authenticated(found) : null;
  }

  /** What client authentication reads of an app (kept per process until a change is announced). */
  private async authenticationRow(clientId: string): Promise<AuthenticationRow | null> {
    let found = this.authCache.get(clientId);
    if (found === undefined) {
      const since = this.authCache.version;
      found = await appStore.forAuthentication(this.db, clientId);
      this.authCache.set(clientId, found, since);
    }
    return found;
  }

  /** For the OAuth endpoints, which learn the tenant from the client_id. */
  byClientId(clientId: string): Promise<AppRow | null> {
    return appStore.byClientId(this.db, clientId);
  }

  /** In the transaction that changes what the caches hold of an app: every process forgets it on commit. */
  private changed(tx: Queryable, clientId: string): Promise<void> {
    return this.invalidations.announce(tx, { kind: 'app', clientId });
  }

  /** An app's tenant and governance, as the bearer guard reads them (kept per process until a change is announced). */
  private async governanceOf(clientId: string): Promise<{ tenantId: string; governance: Governance } | null> {
    const cached = this.governanceCache.get(clientId);
    if (cached !== undefined) return cached;
    const since = this.governanceCache.version;
    const app = await appStore.byClientId(this.db, clientId);
    const found = app ? { tenantId: app.tenant_id, governance: governanceOf(app) } : null;
    this.governanceCache.set(clientId, found, since);
    return found;
  }

  /** The GraphQL bundles granted to the app a token was issued to (none for a token of no app, or of another tenant's app). */
  async grantedBundles(principal: Pick<Principal, 'clientId' | 'tenantId'>): Promise<string[]> {
    const app = await this.governanceOf(principal.clientId);
    if (!app || app.tenantId !== principal.tenantId) return [];
    return app.governance.graphql_bundles ?? [];
  }

  /**
   * Why a token already issued to this app may no longer act under the app's governance now,
   * or null: governance that narrows applies to tokens at their next use, not only to new
   * ones. The app disabled stops all its tokens; allow_service_tokens off stops its service
   * tokens; a max_token_lifetime_seconds lowered below a token's age ends that token (service
   * tokens have their own lifetime and are not capped by it). A token of no app (an admin's)
   * is not governed.
   */
  async tokenRestriction(
    principal: Pick<Principal, 'clientId' | 'tenantId' | 'kind' | 'jkt'>,
    issuedAtSeconds: number | null,
  ): Promise<string | null> {
    const app = await this.governanceOf(principal.clientId);
    if (!app) return null;
    if (app.tenantId !== principal.tenantId) return 'the token does not belong to the tenant of its app';
    const g = app.governance;
    if (isDisabled(app)) return 'the app this token was issued to is disabled';
    if (principal.kind === 'service' && !g.allow_service_tokens)
      return "the app's governance no longer allows service tokens";
    // The app's own OAuth tokens; not a service token, nor a portal session (a page of this
    // service the app's owners use, with its own fixed lifetime).
    const oauthToken = principal.kind === 'user' || principal.kind === 'client';
    if (oauthToken && g.require_dpop && !principal.jkt) return "the app's governance requires DPoP-bound tokens";
    const cap = g.max_token_lifetime_seconds;
    if (
      oauthToken &&
      cap !== null &&
      issuedAtSeconds !== null &&
      Math.floor(this.actors.clock.now() / 1000) - issuedAtSeconds > cap + 5
    ) {
      return `the token is older than the app's max_token_lifetime_seconds (${cap})`;
    }
    return null;
  }

  async audit(tenantId: string, page: Page, targetId?: string) {
    const { items, next_cursor } = await auditStore.list(this.db, tenantId, page, { targetId });
    return {
      audit_events: items.map((e) => ({
        id: e.id,
        actor: e.actor,
        action: e.action,
        target_type: e.target_type,
        target_id: e.target_id,
        changes: e.changes,
        at: e.at.toISOString(),
      })),
      next_cursor,
    };
  }

  /** The app's token_endpoint_auth_method, checked against its type and its keys. */
  private async checkAuthMethod(clientType: ClientType, input: NewApp): Promise<TokenEndpointAuthMethod> {
    const method = input.token_endpoint_auth_method ?? (clientType === 'public' ? 'none' : 'client_secret_basic');
    if (!(TOKEN_ENDPOINT_AUTH_METHODS as readonly string[]).includes(method)) {
      throw invalidRequest(
        `token_endpoint_auth_method: "${method}" is not supported; use ${TOKEN_ENDPOINT_AUTH_METHODS.join(', ')}`,
      );
    }
    if (clientType === 'public' && method !== 'none')
      throw invalidRequest('token_endpoint_auth_method: a public client authenticates with none');
    if (clientType === 'confidential' && method === 'none')
      throw invalidRequest(
        'token_endpoint_auth_method: a confidential client must authenticate (client_secret_basic, client_secret_post or private_key_jwt)',
      );
    if (method !== 'private_key_jwt') {
      if (input.jwks !== undefined || input.jwks_uri !== undefined)
        throw invalidRequest('jwks, jwks_uri: only used with token_endpoint_auth_method private_key_jwt');
      return method;
    }
    if ((input.jwks === undefined) === (input.jwks_uri === undefined))
      throw invalidRequest('jwks, jwks_uri: private_key_jwt needs exactly one of them');
    if (input.jwks !== undefined) {
      const problem = await jwksProblem(input.jwks);
      if (problem) throw invalidRequest(`jwks: ${problem}`);
    } else {
      const uri = input.jwks_uri!;
      if (!uri.startsWith('https://') && !this.allowPrivateTargets) throw invalidRequest('jwks_uri: must use https');
      const problem = await resolvedProblem(uri, this.allowPrivateTargets);
      if (problem) throw invalidRequest(`jwks_uri: ${problem}`);
    }
    return method;
  }

  private async checkScopes(tenantId: string, scopes: string[]) {
    if (scopes.length === 0) throw invalidScope('requested_scopes: at least one scope is required');
    const tenant = await this.tenants.tenant(tenantId);
    const approved = new Set(tenant?.approved_scopes ?? []);
    for (const s of scopes) {
      // Unpublished and unapproved scopes get the same answer: nothing about them leaks.
      if (!isPublishedScope(s) || !approved.has(s))
        throw invalidScope(
          `requested_scopes: "${s}" is not a scope approved for this tenant; see GET /v1/platform/scopes`,
        );
    }
  }
}
