import { forbidden } from '../errors.ts';

/** Who is calling: what a verified access token says, for every layer that acts on it. */
export interface Principal {
  tenantId: string;
  /** usr_… for a user, the client_id for a client or service token. */
  subject: string;
  clientId: string;
  scopes: string[];
  tokenId: string;
  expiresAt: Date;
  /** A tenant administrator (the unpublished admin scope). */
  admin: boolean;
  /** portal: an app's owners in its portal, through a link a tenant administrator minted (src/portal). */
  kind: 'user' | 'client' | 'service' | 'portal';
  /** The JWK thumbprint a DPoP-bound token is bound to (its cnf.jkt, RFC 9449 §6). */
  jkt?: string;
}

/**
 * The app whose webhooks a principal sees and changes: for a tenant administrator, every one of
 * the tenant (null); for any other token, its own app's (the client it was issued to).
 */
export const ownerScope = (principal: Principal): string | null => (principal.admin ? null : principal.clientId);

/**
 * A tenant administrator, for reads that span every webhook of the tenant (the studio's): any
 * other principal is refused, whoever calls.
 */
export function tenantWide(principal: Principal): Principal {
  if (!principal.admin)
    throw forbidden('insufficient_scope', 'this read spans the tenant: it is for tenant administrators');
  return principal;
}
