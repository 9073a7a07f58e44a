// The one guard for protected routes: bearer token → Principal, then scope and role checks.
import type { Principal, TokenService } from '../oauth/tokens/service.ts';
import { forbidden, insufficientScope, unauthorized } from './errors.ts';

export class Authenticator {
  constructor(private readonly tokens: TokenService) {}

  async principal(request: Request): Promise<Principal> {
    const header = request.headers.get('authorization');
    if (!header) throw unauthorized('an Authorization: Bearer <token> header is required', 'invalid_request');
    const match = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(header);
    if (!match) throw unauthorized('the Authorization header must be "Bearer <token>"', 'invalid_request');
    return this.tokens.verify(match[1]);
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
