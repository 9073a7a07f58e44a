// The one guard for protected routes: access token → Principal, then scope and role checks.
// A token is sent as `Bearer`, or, when it is DPoP-bound, as `DPoP` with a proof of its key
// (RFC 9449 §7); a bound token sent as Bearer is refused.
import type { TokenService } from '../oauth/tokens/service.ts';
import type { Principal } from '../identity/principal.ts';
import { dpopUnauthorized, type DpopService } from '../oauth/dpop/service.ts';
import { forbidden, insufficientScope, unauthorized } from './errors.ts';

export class Authenticator {
  constructor(private readonly tokens: TokenService, private readonly dpop: DpopService) {}

  async principal(request: Request): Promise<Principal> {
    const header = request.headers.get('authorization');
    if (!header) throw unauthorized('an Authorization: Bearer <token> (or DPoP <token>) header is required', 'invalid_request');
    const match = /^(Bearer|DPoP)\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(header);
    if (!match) throw unauthorized('the Authorization header must be "Bearer <token>" or "DPoP <token>"', 'invalid_request');
    const token = match[2];
    const principal = await this.tokens.verify(token);
    if (match[1].toLowerCase() === 'dpop') {
      if (!principal.jkt) throw dpopUnauthorized('invalid_token', 'this token is not DPoP-bound: send it as Authorization: Bearer');
      await this.dpop.forResource(request, token, principal.jkt);
    } else if (principal.jkt) {
      throw dpopUnauthorized('invalid_token', 'this token is DPoP-bound: send it as Authorization: DPoP with a DPoP proof');
    }
    return principal;
  }

  /** A token carrying `scope` (or a tenant admin's token, which carries every scope). */
  async require(request: Request, ...anyOf: string[]): Promise<Principal> {
    const p = await this.principal(request);
    if (anyOf.length && !p.admin && !anyOf.some((s) => p.scopes.includes(s))) throw insufficientScope(anyOf.join(' '));
    return p;
  }

  /** A tenant administrator's token ("Admin cliente" routes of the contract). */
  async requireAdmin(request: Request): Promise<Principal> {
    const p = await this.principal(request);
    if (!p.admin) throw forbidden('insufficient_scope', 'this route needs a tenant administrator token');
    return p;
  }
}
