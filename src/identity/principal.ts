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
  kind: 'user' | 'client' | 'service';
  /** The JWK thumbprint a DPoP-bound token is bound to (its cnf.jkt, RFC 9449 §6). */
  jkt?: string;
}
