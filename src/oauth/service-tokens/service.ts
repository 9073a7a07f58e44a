// Service tokens: long-lived JWTs for automation, minted by a tenant admin only when the
// app's governance allows them, listed without their value, revocable.
import type { Db } from '../../db/index.ts';
import { invalidRequest, notFound, apiError } from '../../errors.ts';
import type { Page } from '../../db/page.ts';
import type { AppService } from '../../identity/apps/service.ts';
import type { TenantService } from '../../identity/tenants/service.ts';
import type { TokenService } from '../tokens/service.ts';
import type { Principal } from '../../identity/principal.ts';
import { grantableScopes } from '../grants/scope.ts';
import { isDisabled } from '../../identity/apps/disabled.ts';
import { serviceTokenStore } from './store.ts';
import { DEFAULTS } from '../../defaults.ts';

export class ServiceTokenService {
  constructor(
    private readonly db: Db,
    private readonly apps: AppService,
    private readonly tenants: TenantService,
    private readonly tokens: TokenService,
    /** SERVICE_TOKEN_TTL_SECONDS: a token's lifetime when none is asked. */
    private readonly defaultSeconds: number = DEFAULTS.SERVICE_TOKEN_TTL_SECONDS,
  ) {}

  async mint(admin: Principal, clientId: string, body: { scopes: string[]; expires_in?: number }) {
    const app = await this.apps.get(admin.tenantId, clientId);
    if (!app.governance.allow_service_tokens) {
      throw apiError(
        'service_tokens_not_allowed',
        `governance of ${clientId} does not allow service tokens; PATCH its governance with {"allow_service_tokens": true}`,
      );
    }
    if (isDisabled(app)) throw apiError('app_disabled', `${clientId} is disabled`);
    if (body.scopes.length === 0) throw invalidRequest('scopes: at least one scope is required');
    const scopes = grantableScopes(
      app,
      (await this.tenants.tenant(admin.tenantId))?.approved_scopes ?? [],
      body.scopes.join(' '),
      { field: 'scopes' },
    );
    const seconds = body.expires_in ?? this.defaultSeconds;
    const minted = await this.tokens.mint({
      tenantId: admin.tenantId,
      subject: app.id,
      clientId: app.id,
      scopes,
      ttlSeconds: seconds,
      kind: 'service',
    });
    await serviceTokenStore.insert(this.db, {
      id: minted.jti,
      tenantId: admin.tenantId,
      appId: app.id,
      scopes,
      createdBy: admin.subject,
      expiresAt: minted.expiresAt,
    });
    return {
      token: minted.token,
      token_id: minted.jti,
      scope: minted.scope,
      expires_at: minted.expiresAt.toISOString(),
    };
  }

  async list(admin: Principal, clientId: string, page: Page) {
    await this.apps.get(admin.tenantId, clientId);
    const { items, next_cursor } = await serviceTokenStore.list(this.db, admin.tenantId, clientId, page);
    return {
      service_tokens: items.map((t) => ({
        id: t.id,
        scopes: t.scopes,
        created_by: t.created_by,
        created_at: t.created_at.toISOString(),
        expires_at: t.expires_at.toISOString(),
        revoked_at: t.revoked_at ? t.revoked_at.toISOString() : null,
      })),
      next_cursor,
    };
  }

  async revoke(admin: Principal, clientId: string, tokenId: string): Promise<void> {
    await this.apps.get(admin.tenantId, clientId);
    const row = await serviceTokenStore.revoke(this.db, admin.tenantId, clientId, tokenId);
    if (!row) throw notFound(`service token ${tokenId}`);
    await this.tokens.revoke({ tokenId: row.id, tenantId: admin.tenantId, expiresAt: row.expires_at });
  }
}
