// Access tokens: JWTs per RFC 9068 (typ at+jwt), signed with the active key, verified the
// same way on every protected route (signature, expiry, issuer, audience, revocation).
import { jwtVerify, decodeProtectedHeader, errors as joseErrors } from 'jose';
import { signCompact } from '../keys/signer.ts';
import type { Db } from '../../db/index.ts';
import { newId } from '../../ids.ts';
import { unauthorized } from '../../errors.ts';
import { ADMIN_SCOPE } from '../../identity/scopes.ts';
import type { KeyRing, SigningAlg } from '../keys/service.ts';
import { systemClock, type Clock } from '../../actors/clock.ts';
import type { Principal } from '../../identity/principal.ts';

export interface MintRequest {
  tenantId: string;
  subject: string;
  clientId: string;
  scopes: string[];
  ttlSeconds: number;
  kind: Principal['kind'];
  alg?: SigningAlg;
  /** Extra claims (e.g. the authorization code a token came from). */
  claims?: Record<string, string>;
  /** Binds the token to this DPoP key (JWK SHA-256 thumbprint): `cnf.jkt`. */
  jkt?: string;
}

export interface MintedToken {
  token: string;
  jti: string;
  expiresAt: Date;
  scope: string;
}

/** Checks a verified token may still act (app not disabled, token not revoked …). */
export type TokenCheck = (principal: Principal, claims: Record<string, unknown>) => Promise<string | null>;

export class TokenService {
  private readonly checks: TokenCheck[] = [];

  constructor(
    private readonly db: Db,
    private readonly keys: KeyRing,
    private readonly issuer: string,
    /** The runtime's clock: a token's iat and exp, and its expiry check, read the time refresh tokens and sessions read. */
    private readonly clock: Clock = systemClock,
  ) {
    this.addCheck(async (p) => {
      const rows = await this.db.query('select 1 from revoked_tokens where jti = $1', [p.tokenId]);
      return rows.length ? 'token has been revoked' : null;
    });
  }

  get audience(): string {
    return this.issuer;
  }

  addCheck(check: TokenCheck): void {
    this.checks.push(check);
  }

  async mint(req: MintRequest): Promise<MintedToken> {
    const signer = await this.keys.signingKey(req.alg);
    const jti = newId('tok');
    const now = Math.floor(this.clock.now() / 1000);
    const exp = now + req.ttlSeconds;
    const scope = req.scopes.join(' ');
    const payload = {
      ...req.claims,
      client_id: req.clientId,
      scope,
      tenant_id: req.tenantId,
      token_kind: req.kind,
      ...(req.jkt ? { cnf: { jkt: req.jkt } } : {}),
      iss: this.issuer,
      aud: this.audience,
      sub: req.subject,
      jti,
      iat: now,
      exp,
    };
    const token = await signCompact({ alg: signer.alg, kid: signer.kid, typ: 'at+jwt' }, payload, signer.sign);
    return { token, jti, expiresAt: new Date(exp * 1000), scope };
  }

  /** Verifies a bearer token; throws a 401 ApiError with a reason the caller may see. */
  async verify(token: string): Promise<Principal> {
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      throw unauthorized('the bearer token is not a JWT');
    }
    const key = kid ? await this.keys.verificationKey(kid) : null;
    if (!key) throw unauthorized('the token was not signed by a key this service publishes');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, key.key, {
        issuer: this.issuer,
        audience: this.audience,
        typ: 'at+jwt',
        algorithms: [key.alg],
        clockTolerance: 5,
        currentDate: new Date(this.clock.now()),
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthorized('the token has expired');
      throw unauthorized('the token is invalid');
    }
    const scopes = typeof payload.scope === 'string' && payload.scope ? payload.scope.split(' ') : [];
    const kind = payload.token_kind;
    if (
      typeof payload.tenant_id !== 'string' ||
      typeof payload.sub !== 'string' ||
      typeof payload.jti !== 'string' ||
      typeof payload.client_id !== 'string' ||
      typeof payload.exp !== 'number' ||
      (kind !== 'user' && kind !== 'client' && kind !== 'service')
    ) {
      throw unauthorized('the token lacks required claims');
    }
    const principal: Principal = {
      tenantId: payload.tenant_id,
      subject: payload.sub,
      clientId: payload.client_id,
      scopes,
      tokenId: payload.jti,
      expiresAt: new Date(payload.exp * 1000),
      admin: scopes.includes(ADMIN_SCOPE),
      kind,
    };
    const cnf = payload.cnf as { jkt?: unknown } | undefined;
    if (cnf !== undefined) {
      if (typeof cnf !== 'object' || cnf === null || typeof cnf.jkt !== 'string')
        throw unauthorized('the token has a cnf claim this service does not issue');
      principal.jkt = cnf.jkt;
    }
    for (const check of this.checks) {
      const reason = await check(principal, payload);
      if (reason) throw unauthorized(reason);
    }
    return principal;
  }

  async revoke(principal: Pick<Principal, 'tokenId' | 'tenantId' | 'expiresAt'>): Promise<void> {
    await this.db.query(
      'insert into revoked_tokens (jti, tenant_id, expires_at) values ($1, $2, $3) on conflict (jti) do nothing',
      [principal.tokenId, principal.tenantId, principal.expiresAt],
    );
  }
}
