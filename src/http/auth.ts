// The one guard for protected routes: access token → Principal, then scope and role checks.
// A token is sent as `Bearer`, or, when it is DPoP-bound, as `DPoP` with a proof of its key
// (RFC 9449 §7); a bound token sent as Bearer is refused.
//
// Routes declare who may call them (`auth: 'admin'`, `auth: { scopes: [...] }`, `auth: 'token'`)
// and read the checked `principal` from their context. The check runs at the transform hook:
// Elysia validates params, query and body after transform and before resolve/beforeHandle, so
// a caller without a valid token learns nothing of a route's schema (401/403 before any 400).
import { Elysia } from 'elysia';
import type { TokenService } from '../oauth/tokens/service.ts';
import type { Principal } from '../identity/principal.ts';
import { dpopUnauthorized, type DpopService } from '../oauth/dpop/service.ts';
import { forbidden, insufficientScope, unauthorized } from '../errors.ts';

/** Who may call a route: any valid token, a tenant administrator, or a token with one of `scopes` (an admin's token has them all). */
export type AuthRule = 'token' | 'admin' | { readonly scopes: readonly string[] };

export class Authenticator {
  private readonly checked = new WeakMap<Request, Principal>();
  private guardPlugin: ReturnType<Authenticator['buildGuard']> | null = null;

  constructor(
    private readonly tokens: TokenService,
    private readonly dpop: DpopService,
  ) {}

  async principal(request: Request): Promise<Principal> {
    const header = request.headers.get('authorization');
    if (!header)
      throw unauthorized('an Authorization: Bearer <token> (or DPoP <token>) header is required', 'invalid_request');
    const match = /^(Bearer|DPoP)\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(header);
    if (!match)
      throw unauthorized('the Authorization header must be "Bearer <token>" or "DPoP <token>"', 'invalid_request');
    const [, scheme = '', token = ''] = match;
    const principal = await this.tokens.verify(token);
    if (scheme.toLowerCase() === 'dpop') {
      if (!principal.jkt)
        throw dpopUnauthorized('invalid_token', 'this token is not DPoP-bound: send it as Authorization: Bearer');
      await this.dpop.forResource(request, token, principal.jkt);
    } else if (principal.jkt) {
      throw dpopUnauthorized(
        'invalid_token',
        'this token is DPoP-bound: send it as Authorization: DPoP with a DPoP proof',
      );
    }
    return principal;
  }

  /** The request's principal when it satisfies `rule` (401 without a valid token, 403 without the role or scope). */
  async check(request: Request, rule: AuthRule): Promise<Principal> {
    const p = await this.principal(request);
    if (rule === 'admin') {
      if (!p.admin) throw forbidden('insufficient_scope', 'this route needs a tenant administrator token');
    } else if (rule !== 'token') {
      const anyOf = rule.scopes;
      if (anyOf.length && !p.admin && !anyOf.some((s) => p.scopes.includes(s)))
        throw insufficientScope(anyOf.join(' '));
    }
    return p;
  }

  /** A tenant administrator's token, for callers that are not routes (the studio's own access). */
  requireAdmin(request: Request): Promise<Principal> {
    return this.check(request, 'admin');
  }

  /** The `auth` route option; `.use(auth.guard)` in a router, then `{ auth: rule }` on each protected route. */
  get guard() {
    this.guardPlugin ??= this.buildGuard();
    return this.guardPlugin;
  }

  private buildGuard() {
    return new Elysia().macro({
      auth: (rule: AuthRule) => ({
        transform: async ({ request }) => {
          this.checked.set(request, await this.check(request, rule));
        },
        resolve: ({ request }) => {
          const principal = this.checked.get(request);
          if (!principal) throw unauthorized('the request was not authenticated', 'invalid_request');
          return { principal };
        },
      }),
    });
  }
}
