// Who may open the studio: a tenant administrator, signed in to the studio (an HttpOnly,
// SameSite=Strict cookie holding a short-lived admin token the page's script cannot read),
// or presenting an admin token as a Bearer header. Everything it shows is that tenant's.
import { tenantReads, type ReadRouting } from '../db/read-replica.ts';
import type { Authenticator } from '../http/auth.ts';
import type { TokenService } from '../oauth/tokens/service.ts';
import type { Principal } from '../identity/principal.ts';
import type { TenantService } from '../identity/tenants/service.ts';
import type { SignInLimits } from '../identity/sign-in-limits.ts';
import { ApiError, forbidden, tooManyRequests, unauthorized, apiError } from '../errors.ts';
import { cookieValue } from '../http/cookies.ts';
import { requestInfo } from '../http/request-info.ts';
import { ADMIN_SCOPE } from '../identity/scopes.ts';
import { isLoopbackHost, LOOPBACK_HOSTS } from '../net/loopback.ts';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Elysia } from 'elysia';

export const STUDIO_COOKIE = 'argus_studio';
/** The header a studio page sends its CSRF token in, on every change it asks for. */
export const CSRF_HEADER = 'x-studio-csrf';

/**
 * A session's CSRF token: a hash of its cookie's token, which the page's script cannot read
 * (HttpOnly), so another site can neither read nor compute it; it ends with the session.
 */
const csrfOf = (cookieToken: string) =>
  createHash('sha256').update(`argus-studio-csrf\0${cookieToken}`).digest('base64url');

/** Who may call a studio route: a tenant administrator reading, or one changing something (origin and CSRF token checked for a cookie session). */
export type StudioRule = 'read' | 'write';

export type StudioAdmin = Principal & { via: 'token' | 'session' };

export class StudioAccess {
  private readonly checked = new WeakMap<Request, StudioAdmin>();
  private guardPlugin: ReturnType<StudioAccess['buildGuard']> | null = null;

  constructor(
    private readonly deps: {
      auth: Authenticator;
      tokens: TokenService;
      tenants: TenantService;
      signIns: SignInLimits;
      ttlSeconds: number;
      publicUrl: string;
      reads: ReadRouting;
    },
  ) {
    const url = new URL(deps.publicUrl);
    this.origins = new Set([url.origin]);
    if (isLoopbackHost(url.hostname))
      for (const host of LOOPBACK_HOSTS) this.origins.add(`${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`);
  }

  /**
   * Origins the studio page is served from: PUBLIC_URL's, and when that names a loopback host,
   * the same port on the other loopback names (localhost, 127.0.0.1, [::1]), which reach only
   * this machine whatever a request says.
   */
  private readonly origins: Set<string>;

  private get secure(): boolean {
    return this.deps.publicUrl.startsWith('https:');
  }

  /** The tenant administrator behind this request (Bearer header first, then the cookie). */
  async admin(request: Request): Promise<StudioAdmin> {
    if (request.headers.has('authorization')) return { ...(await this.deps.auth.requireAdmin(request)), via: 'token' };
    const token = cookieValue(request, STUDIO_COOKIE);
    if (!token)
      throw unauthorized(
        'sign in to the studio, or send an admin token as "Authorization: Bearer <token>"',
        'invalid_request',
      );
    const p = await this.deps.tokens.verify(token);
    if (!p.admin) throw forbidden('insufficient_scope', 'the studio is for tenant administrators');
    return { ...p, via: 'session' };
  }

  /** The CSRF token the page sends back on changes: null for a Bearer token (not sent by a browser on its own). */
  csrfToken(request: Request): string | null {
    if (request.headers.has('authorization')) return null;
    const token = cookieValue(request, STUDIO_COOKIE);
    return token ? csrfOf(token) : null;
  }

  /**
   * The tenant administrator behind a request that changes something. With the session cookie
   * (which a browser sends on its own) it must come from the studio's origin and carry the
   * session's CSRF token; a Bearer token is never ambient, so it needs neither.
   */
  async writer(request: Request): Promise<StudioAdmin> {
    const p = await this.admin(request);
    if (p.via === 'token') return p;
    const origin = request.headers.get('origin');
    if (origin === null || !this.origins.has(origin))
      throw forbidden('invalid_origin', 'changes are made from the studio page of this service (at PUBLIC_URL)');
    const sent = Buffer.from(request.headers.get(CSRF_HEADER) ?? '');
    const expected = Buffer.from(this.csrfToken(request) ?? '');
    if (sent.length !== expected.length || expected.length === 0 || !timingSafeEqual(sent, expected)) {
      throw forbidden(
        'invalid_csrf_token',
        `send the session's csrf_token (GET /v1/studio/session) as the ${CSRF_HEADER} header`,
      );
    }
    return p;
  }

  /** Whether the request's token (header or cookie) is still a tenant admin's: false once revoked or expired. */
  async stillAdmin(request: Request): Promise<boolean> {
    try {
      await this.admin(request);
      return true;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return false;
      throw error;
    }
  }

  /** Checks a tenant admin's password; answers the session cookie to set. */
  async signIn(request: Request, body: { tenant: string; email: string; password: string }) {
    const origin = request.headers.get('origin');
    // The configured public origin only, never one derived from the request (its Host header
    // is the client's to forge).
    if (origin !== null && !this.origins.has(origin))
      throw forbidden('invalid_origin', 'sign in from the studio page of this service (at PUBLIC_URL)');
    // Password guessing: limited per address and account, and per address (SignInLimits).
    const address = requestInfo(request).client.address;
    const tenantName = body.tenant.trim();
    const wait = this.deps.signIns.wait(address, tenantName, body.email);
    if (wait > 0) throw tooManyRequests(wait);
    const tenant = await this.deps.tenants.tenantByName(tenantName);
    // The password is checked (or a decoy is) whether the tenant exists or not: same time either way.
    const user = await this.deps.tenants.authenticate(tenant?.id ?? 'ten_none', body.email, body.password);
    if (!tenant || !user) {
      this.deps.signIns.failed(address, tenantName, body.email);
      throw apiError('invalid_credentials', 'the tenant, email or password is not right');
    }
    if (user.role !== 'admin') throw forbidden('insufficient_scope', 'the studio is for tenant administrators');
    const minted = await this.deps.tokens.mint({
      tenantId: tenant.id,
      subject: user.id,
      clientId: 'argus-studio',
      scopes: [ADMIN_SCOPE],
      ttlSeconds: this.deps.ttlSeconds,
      kind: 'user',
    });
    const cookie = `${STUDIO_COOKIE}=${minted.token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${this.deps.ttlSeconds}${this.secure ? '; Secure' : ''}`;
    return {
      cookie,
      session: {
        tenant_id: tenant.id,
        tenant_name: tenant.name,
        subject: user.id,
        expires_at: minted.expiresAt.toISOString(),
      },
    };
  }

  /** Revokes the session's token and answers the cookie that clears it. */
  async signOut(request: Request): Promise<string> {
    const p = await this.admin(request);
    if (p.via === 'session') await this.deps.tokens.revoke(p);
    return `${STUDIO_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${this.secure ? '; Secure' : ''}`;
  }

  /**
   * The `studio` route option; `.use(access.guard)` in a router, then `{ studio: 'read' }` or
   * `{ studio: 'write' }` on each route, which reads the checked `admin` from its context. As
   * for the API's `auth` option, the check runs at transform, before params, query and body
   * are validated.
   */
  get guard() {
    this.guardPlugin ??= this.buildGuard();
    return this.guardPlugin;
  }

  private buildGuard() {
    return new Elysia().macro({
      studio: (rule: StudioRule) => ({
        transform: async ({ request }) => {
          this.checked.set(request, rule === 'write' ? await this.writer(request) : await this.admin(request));
        },
        resolve: ({ request }) => {
          const admin = this.checked.get(request);
          if (!admin) throw unauthorized('the request was not authenticated', 'invalid_request');
          // A change is made on the primary; this tenant's next pages read it there too.
          if (rule === 'write') this.deps.reads.wrote(admin.tenantId);
          return { admin, reads: tenantReads(this.deps.reads, admin.tenantId) };
        },
      }),
    });
  }
}
