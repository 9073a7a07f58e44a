// The portal: a page of this service where an integrator app's owners manage that app's
// webhooks, and nothing else. A tenant administrator mints a link (single-use, short-lived);
// its code travels in the URL's fragment, which browsers send to no server, in no Referer and
// in no access log; the page exchanges it for a portal session, a short-lived bearer token of
// kind 'portal' for that app, kept by the page (no cookie), so the portal works the same when
// the tenant embeds it in its own site. The page then calls the public API with that token:
// an app's token sees and changes its own app's webhooks only (ownerScope).
import type { Db } from '../db/index.ts';
import type { Clock } from '../actors/clock.ts';
import type { Principal } from '../identity/principal.ts';
import type { AppService } from '../identity/apps/service.ts';
import type { TokenService } from '../oauth/tokens/service.ts';
import { apiError, invalidRequest } from '../errors.ts';
import { newId, randomToken } from '../ids.ts';
import { sha256Hex } from '../crypto/hash.ts';
import { FIXED } from '../defaults.ts';
import { isDisabled } from '../identity/apps/disabled.ts';
import { auditStore } from '../identity/audit/store.ts';
import { isLoopbackHost } from '../net/loopback.ts';
import { portalStore } from './store.ts';

/** What a portal session may do: manage its app's webhooks (reading them included). */
export const PORTAL_SCOPES = ['webhooks:write'];

/**
 * A site the portal may be embedded in, as CSP frame-ancestors names it: an https origin
 * (http only for a loopback host), written as the browser writes it, with no path.
 */
export function frameAncestorProblem(origin: string): string | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return 'is not an origin such as https://example.com';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname)))
    return 'must be https (http only for localhost)';
  if (url.origin !== origin) return `must be an origin as browsers write it, with no path: ${url.origin}`;
  // Host names and addresses only: no wildcard, nothing CSP would read as more than one source.
  if (!/^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d+)?$/.test(origin)) return 'must name one host, with no wildcard';
  return null;
}

export class PortalService {
  constructor(
    private readonly db: Db,
    private readonly deps: { tokens: TokenService; apps: AppService; clock: Clock; publicUrl: string },
  ) {}

  /** A link to the app's portal, for a tenant administrator to hand to the app's owners. */
  async mintLink(admin: Pick<Principal, 'tenantId' | 'subject'>, appId: string) {
    const app = await this.deps.apps.get(admin.tenantId, appId);
    if (isDisabled(app))
      throw apiError('app_disabled', `app ${appId} is disabled; enable it before inviting its owners`);
    const code = randomToken(43); // ~256 bits
    const id = newId('plk');
    const expiresAt = new Date(this.deps.clock.now() + FIXED.portalLinkSeconds * 1000).toISOString();
    const codeHash = await sha256Hex(code);
    await this.db.transaction(async (tx) => {
      await portalStore.insertLink(tx, {
        id,
        tenantId: admin.tenantId,
        appId,
        codeHash,
        createdBy: admin.subject,
        expiresAt,
      });
      await auditStore.record(tx, {
        tenantId: admin.tenantId,
        actor: admin.subject,
        action: 'portal.link_minted',
        targetType: 'app',
        targetId: appId,
        changes: { link_id: id, expires_at: expiresAt },
      });
    });
    const url = `${this.deps.publicUrl.replace(/\/$/, '')}/portal/${admin.tenantId}#code=${code}`;
    return { id, app_id: appId, url, expires_at: expiresAt };
  }

  /**
   * Exchanges a link's code, once, for a portal session of its app. A link of a disabled app is
   * refused and left unused (it works once the app is enabled, until it expires).
   */
  async exchange(code: string) {
    const codeHash = await sha256Hex(code);
    const at = new Date(this.deps.clock.now()).toISOString();
    const unknown = () =>
      apiError(
        'invalid_portal_link',
        'this portal link is unknown, was used already or has expired; ask a tenant administrator for a new one',
      );
    const open = await portalStore.openLink(this.db, codeHash, at);
    if (!open) throw unknown();
    const app = await this.deps.apps.get(open.tenant_id, open.app_id);
    if (isDisabled(app)) throw apiError('app_disabled', `app ${app.id} is disabled`);
    // Taken here, once: of two exchanges at once, one finds it used.
    const link = await this.db.transaction(async (tx) => {
      const taken = await portalStore.useLink(tx, codeHash, at);
      if (taken)
        await auditStore.record(tx, {
          tenantId: taken.tenant_id,
          actor: taken.id,
          action: 'portal.session_opened',
          targetType: 'app',
          targetId: taken.app_id,
          changes: { minted_by: taken.created_by },
        });
      return taken;
    });
    if (!link) throw unknown();
    const minted = await this.deps.tokens.mint({
      tenantId: link.tenant_id,
      subject: link.id,
      clientId: link.app_id,
      scopes: PORTAL_SCOPES,
      ttlSeconds: FIXED.portalSessionSeconds,
      kind: 'portal',
    });
    return {
      access_token: minted.token,
      token_type: 'Bearer' as const,
      expires_at: minted.expiresAt.toISOString(),
      tenant_id: link.tenant_id,
      app: { id: app.id, name: app.name },
    };
  }

  /** Who a portal session is for: its tenant and app, and when it ends. */
  async session(principal: Principal) {
    if (principal.kind !== 'portal')
      throw apiError('insufficient_scope', 'this route takes a portal session, from POST /v1/portal/sessions');
    return { expires_at: principal.expiresAt.toISOString(), ...(await this.describe(principal)) };
  }

  async signOut(principal: Principal): Promise<void> {
    await this.session(principal);
    await this.deps.tokens.revoke(principal);
  }

  private async describe(p: Pick<Principal, 'tenantId' | 'clientId'>) {
    const app = await this.deps.apps.get(p.tenantId, p.clientId);
    return { tenant_id: p.tenantId, app: { id: app.id, name: app.name } };
  }

  async frameAncestors(tenantId: string): Promise<string[]> {
    return portalStore.frameAncestors(this.db, tenantId);
  }

  async setFrameAncestors(admin: Principal, origins: readonly string[]) {
    origins.forEach((origin, i) => {
      const problem = frameAncestorProblem(origin);
      if (problem) throw invalidRequest(`frame_ancestors[${i}]: ${origin} ${problem}`);
    });
    const unique = [...new Set(origins)];
    await portalStore.setFrameAncestors(this.db, admin.tenantId, unique);
    return { frame_ancestors: unique };
  }
}
