// DPoP for this service (RFC 9449): the proofs sent to its OAuth endpoints and to protected
// routes, each checked against PUBLIC_URL, its nonce (./nonce.ts) and, once per key and jti
// across every process, the database (../replay/store.ts).
import type { Queryable } from '../../db/index.ts';
import { type ApiError, apiError } from '../../errors.ts';
import { replayStore } from '../replay/store.ts';
import type { DpopNonces } from './nonce.ts';
import { systemClock, type Clock } from '../../actors/clock.ts';
import { DPOP_ALGS, DpopProblem, PROOF_WINDOW_S, proofHeader, verifyProof, type VerifiedProof } from './proof.ts';

const quoted = (text: string) => text.replace(/["\\]/g, '');

/** A 401 for a protected route, with the DPoP challenge (RFC 9449 §7.1). */
export function dpopUnauthorized(
  code: 'invalid_token' | 'invalid_request' | 'invalid_dpop_proof' | 'use_dpop_nonce',
  description: string,
  headers: Record<string, string> = {},
): ApiError {
  return apiError(code, description, {
    status: 401,
    headers: {
      'www-authenticate': `DPoP error="${code}", error_description="${quoted(description)}", algs="${DPOP_ALGS.join(' ')}"`,
      ...headers,
    },
  });
}

export class DpopService {
  constructor(
    private readonly db: Queryable,
    private readonly nonces: DpopNonces,
    private readonly options: { publicUrl: string; requireNonce: boolean },
    private readonly clock: Clock = systemClock,
  ) {}

  /** The nonce clients should put in their next proof (the DPoP-Nonce response header). */
  nonce(): string {
    return this.nonces.current();
  }

  /**
   * The proof sent with a POST to one of the OAuth endpoints at `path`, or null when the
   * request has none. A bad proof is a 400 (RFC 9449 §5.2: invalid_dpop_proof, use_dpop_nonce).
   */
  async forEndpoint(request: Request, path: string): Promise<VerifiedProof | null> {
    try {
      const proof = proofHeader(request);
      if (proof === null) return null;
      return await this.checked(proof, { htm: 'POST', htu: `${this.options.publicUrl}${path}` });
    } catch (error) {
      if (!(error instanceof DpopProblem)) throw error;
      throw apiError(error.code, error.description, {
        headers: error.code === 'use_dpop_nonce' ? { 'dpop-nonce': this.nonce() } : {},
      });
    }
  }

  /** Checks the proof that must come with a DPoP-bound access token on a protected route. */
  async forResource(request: Request, accessToken: string, boundJkt: string): Promise<void> {
    try {
      const proof = proofHeader(request);
      if (proof === null) throw new DpopProblem('invalid_dpop_proof', 'a DPoP-bound token needs a DPoP proof header');
      const { pathname } = new URL(request.url);
      const verified = await this.checked(proof, {
        htm: request.method,
        htu: `${this.options.publicUrl}${pathname}`,
        accessToken,
      });
      if (verified.jkt !== boundJkt)
        throw new DpopProblem('invalid_dpop_proof', 'the DPoP proof is not signed by the key the token is bound to');
    } catch (error) {
      if (!(error instanceof DpopProblem)) throw error;
      throw dpopUnauthorized(
        error.code,
        error.description,
        error.code === 'use_dpop_nonce' ? { 'dpop-nonce': this.nonce() } : {},
      );
    }
  }

  private async checked(
    proof: string,
    expect: { htm: string; htu: string; accessToken?: string },
  ): Promise<VerifiedProof> {
    const verified = await verifyProof(proof, { ...expect, nowS: Math.floor(this.clock.now() / 1000) });
    if (verified.nonce === null ? this.options.requireNonce : !this.nonces.valid(verified.nonce)) {
      throw new DpopProblem(
        'use_dpop_nonce',
        verified.nonce === null
          ? 'this server requires a DPoP nonce: use the DPoP-Nonce header of this answer'
          : 'the DPoP nonce is stale or unknown: use the DPoP-Nonce header of this answer',
      );
    }
    // Last, so a proof refused for another reason does not use up its jti.
    const expiresAt = new Date((verified.iat + PROOF_WINDOW_S + 1) * 1000);
    if (!(await replayStore.firstUse(this.db, `dpop:${verified.jkt}:${verified.jti}`, expiresAt))) {
      throw new DpopProblem('invalid_dpop_proof', 'this DPoP proof was already used (its jti is seen once)');
    }
    return verified;
  }
}
