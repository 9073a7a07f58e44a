// Access tokens: JWTs per RFC 9068 (typ at+jwt), signed with the active key, verified the
// same way on every protected route (signature, expiry, issuer, audience, revocation).
//
// A token verified once is remembered by this process, keyed by its SHA-256, until it expires:
// later requests check its expiry and the app's governance (both from memory) and skip the
// signature and the revocation lookup. A revocation is announced (src/invalidation.ts), so it
// applies at once in the process that revokes and within INVALIDATION_BOUND_MS in the others;
// so do key rotations, which forget every remembered token.
import { FIXED } from '../../defaults.ts';
import { createHash } from 'node:crypto';
import { jwtVerify, decodeProtectedHeader, errors as joseErrors } from 'jose';
import { signCompact } from '../keys/signer.ts';
import type { Db, Queryable } from '../../db/index.ts';
import { newId } from '../../ids.ts';
import { unauthorized } from '../../errors.ts';
import { ADMIN_SCOPE } from '../../identity/scopes.ts';
import type { KeyRing, SigningAlg } from '../keys/service.ts';
import { systemClock, type Clock } from '../../actors/clock.ts';
import type { Principal } from '../../identity/principal.ts';
import { InvalidatedCache, type Invalidations } from '../../invalidation.ts';

/** How long a remembered token is kept at most, whatever its expiry: a backstop, not a bound. */
const REMEMBER_AT_MOST_MS = 3_600_000;
const MAX_REMEMBERED = 20_000;
/** Seconds of clock skew a token's exp is given, as jwtVerify gives it. */
const CLOCK_TOLERANCE_S = FIXED.clockToleranceSeconds;

interface Remembered {
  principal: Principal;
  claims: Record<string, unknown>;
  /** exp, in ms. */
  expiresAt: number;
}

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
  private readonly remembered: InvalidatedCache<Remembered>;
  /** jti → the key its token is remembered under, to forget it when it is revoked. */
  private readonly keyOfJti = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly keys: KeyRing,
    private readonly invalidations: Invalidations,
    private readonly issuer: string,
    /** The runtime's clock: a token's iat and exp, and its expiry check, read the time refresh tokens and sessions read. */
    private readonly clock: Clock = systemClock,
  ) {
    this.remembered = new InvalidatedCache(invalidations, REMEMBER_AT_MOST_MS, MAX_REMEMBERED);
    invalidations.subscribe((forget) => {
      if (forget.kind === 'tokens' && forget.jtis !== 'all') {
        for (const jti of forget.jtis) {
          const key = this.keyOfJti.get(jti);
          if (key !== undefined) this.remembered.delete(key);
          this.keyOfJti.delete(jti);
        }
      } else if (forget.kind !== 'app') {
        this.remembered.clear();
        this.keyOfJti.clear();
      }
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
    const key = createHash('sha256').update(token).digest('base64url');
    const known = this.remembered.get(key);
    if (known && this.clock.now() < known.expiresAt + CLOCK_TOLERANCE_S * 1000) {
      await this.runChecks(known.principal, known.claims);
      return { ...known.principal };
    }
    const since = this.remembered.version;
    const { principal, claims } = await this.verifyFully(token);
    await this.runChecks(principal, claims);
    if (await this.isRevoked(principal.tokenId)) throw unauthorized('token has been revoked');
    this.remember(key, { principal, claims, expiresAt: principal.expiresAt.getTime() }, since);
    return { ...principal };
  }

  private async runChecks(principal: Principal, claims: Record<string, unknown>): Promise<void> {
    for (const check of this.checks) {
      const reason = await check(principal, claims);
      if (reason) throw unauthorized(reason);
    }
  }

  private async isRevoked(jti: string): Promise<boolean> {
    return (await this.db.query('select 1 from revoked_tokens where jti = $1', [jti])).length > 0;
  }

  private remember(key: string, entry: Remembered, since: number): void {
    if (!this.remembered.set(key, entry, since)) return;
    if (this.keyOfJti.size >= MAX_REMEMBERED) this.keyOfJti.delete(this.keyOfJti.keys().next().value as string);
    this.keyOfJti.set(entry.principal.tokenId, key);
  }

  /** Signature, issuer, audience, type, expiry and claims: what a remembered token was checked for once. */
  private async verifyFully(token: string): Promise<{ principal: Principal; claims: Record<string, unknown> }> {
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
        clockTolerance: CLOCK_TOLERANCE_S,
        currentDate: new Date(this.clock.now()),
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthorized('the token has expired');
      if (error instanceof joseErrors.JWTClaimValidationFailed && (error.claim === 'iss' || error.claim === 'aud')) {
        const claimed = error.payload[error.claim];
        throw unauthorized(
          `the token was issued for ${typeof claimed === 'string' ? claimed : 'another server'}, not for this server (${this.issuer}); get one from this server (PUBLIC_URL)`,
        );
      }
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
      (kind !== 'user' && kind !== 'client' && kind !== 'service' && kind !== 'portal')
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
    return { principal, claims: payload };
  }

  async revoke(principal: Pick<Principal, 'tokenId' | 'tenantId' | 'expiresAt'>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        'insert into revoked_tokens (jti, tenant_id, expires_at) values ($1, $2, $3) on conflict (jti) do nothing',
        [principal.tokenId, principal.tenantId, principal.expiresAt],
      );
      await this.revoked(tx, [principal.tokenId]);
    });
  }

  /** In the transaction that revokes tokens: every process forgets them when it commits. */
  revoked(tx: Queryable, jtis: readonly string[]): Promise<void> {
    return jtis.length === 0 ? Promise.resolve() : this.invalidations.announce(tx, { kind: 'tokens', jtis });
  }
}
