// private_key_jwt client authentication (RFC 7523 §2.2, OpenID Connect Core §9): a JWT the
// client signs with one of its registered keys, iss and sub its client_id, aud this server
// (its issuer or the endpoint's URL), short-lived, and its jti used once across processes.
import { FIXED } from '../defaults.ts';
import { decodeJwt, errors as joseErrors, jwtVerify } from 'jose';
import type { Queryable } from '../db/index.ts';
import type { AuthenticatedApp } from '../identity/apps/service.ts';
import { ASSERTION_ALGS } from '../identity/apps/client-keys.ts';
import { replayStore } from './replay/store.ts';
import { type ClientKeys, ClientKeysUnavailable } from './client-keys.ts';
import { oauthErrors } from './errors.ts';
import { systemClock, type Clock } from '../actors/clock.ts';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** An assertion may not be valid for longer than this (its jti is remembered that long). */
export const MAX_ASSERTION_LIFETIME_S = FIXED.clientAssertionMaxLifetimeSeconds;
const CLOCK_TOLERANCE_S = FIXED.clockToleranceSeconds;

/** The client_id an assertion claims (its sub), unverified: only to find the app. */
export function assertedClientId(assertion: string): string | null {
  try {
    const { sub, iss } = decodeJwt(assertion);
    return typeof sub === 'string' && sub === iss ? sub : null;
  } catch {
    return null;
  }
}

const refused = (description: string) => oauthErrors.invalidClient(description, null);

export class ClientAssertions {
  constructor(
    private readonly db: Queryable,
    private readonly keys: ClientKeys,
    private readonly issuer: string,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Checks the assertion for `app` posted to `endpoint` (a path); throws invalid_client. */
  async verify(app: AuthenticatedApp, assertion: string, endpoint: string): Promise<void> {
    const payload = await this.verified(app, assertion, endpoint);
    const nowS = Math.floor(this.clock.now() / 1000);
    const { jti, exp, iat } = payload;
    // Issued in the future (a clock far ahead, or an assertion minted to be kept): refused
    // beyond the same few seconds of skew that exp and nbf are given.
    if (iat !== undefined && (typeof iat !== 'number' || iat - nowS > CLOCK_TOLERANCE_S))
      throw refused(
        `the client assertion's iat is in the future (more than ${CLOCK_TOLERANCE_S} s ahead of this server)`,
      );
    if (typeof jti !== 'string' || jti.length === 0 || jti.length > 200)
      throw refused('the client assertion needs a jti of 1 to 200 characters');
    if (typeof exp !== 'number') throw refused('the client assertion needs an exp');
    if (exp - nowS > MAX_ASSERTION_LIFETIME_S)
      throw refused(`the client assertion may be valid for at most ${MAX_ASSERTION_LIFETIME_S} s`);
    if (
      !(await replayStore.firstUse(
        this.db,
        `assertion:${app.id}:${jti}`,
        new Date((exp + CLOCK_TOLERANCE_S + 1) * 1000),
      ))
    ) {
      throw refused('this client assertion was already used (its jti is seen once)');
    }
  }

  private async verified(app: AuthenticatedApp, assertion: string, endpoint: string) {
    const options = {
      algorithms: [...ASSERTION_ALGS],
      issuer: app.id,
      subject: app.id,
      audience: [this.issuer, `${this.issuer}${endpoint}`],
      requiredClaims: ['exp', 'jti'],
      clockTolerance: CLOCK_TOLERANCE_S,
      currentDate: new Date(this.clock.now()),
    };
    for (const fresh of [false, true]) {
      let resolve: Awaited<ReturnType<ClientKeys['resolver']>>;
      try {
        resolve = await this.keys.resolver(app, fresh);
      } catch (error) {
        if (error instanceof ClientKeysUnavailable) throw refused(error.message);
        throw error;
      }
      if (!resolve) throw refused('the app has no keys registered');
      try {
        return (await jwtVerify(assertion, resolve, options)).payload;
      } catch (error) {
        if (error instanceof joseErrors.JWKSNoMatchingKey && !fresh && this.keys.canRefetch(app)) continue;
        throw refused(describe(error));
      }
    }
    throw refused('no registered key of the app verifies the client assertion');
  }
}

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the client assertion has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `the client assertion's ${error.claim} claim is not valid (iss and sub: the client_id; aud: this server's issuer)`;
  if (error instanceof joseErrors.JWKSNoMatchingKey)
    return 'no registered key of the app verifies the client assertion';
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return `the client assertion must be signed with ${ASSERTION_ALGS.join(', ')}`;
  return 'the client assertion is not a valid signed JWT of this client';
}
