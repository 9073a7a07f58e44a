// A DPoP proof (RFC 9449 §4.3), checked one rule at a time: one compact JWT of type dpop+jwt,
// signed by the public key in its header with an asymmetric algorithm, naming this request's
// method and URL (htu against PUBLIC_URL, never a forwarded header), fresh, with the
// access token's hash when it comes with one. Replay and nonce are the service's (./service.ts).
import { decodeProtectedHeader, importJWK, jwtVerify, type CryptoKey, type JWK } from 'jose';
import { sha256Base64Url } from '../../crypto/hash.ts';
import { FIXED } from '../../defaults.ts';

/** What this service verifies DPoP proofs with (advertised as dpop_signing_alg_values_supported). */
// Ed25519 is RFC 9864's name for EdDSA over Ed25519, which oauth4webapi and openid-client sign with.
export const DPOP_ALGS = ['ES256', 'ES384', 'PS256', 'RS256', 'Ed25519', 'EdDSA'];

/** How far a proof's iat may be from this server's clock, either way. */
export const PROOF_WINDOW_S = FIXED.dpopProofWindowSeconds;
const MAX_PROOF_CHARS = 8192;
const MAX_JTI_CHARS = 200;
/** Public keys of proofs, imported once per algorithm and key: a client signs many proofs with one key. */
const proofKeys = new Map<string, CryptoKey | Uint8Array>();
const MAX_PROOF_KEYS = 10_000;
const NOT_SIGNED = `the DPoP proof is not a JWT of type dpop+jwt signed (${DPOP_ALGS.join(', ')}) by the public key in its jwk header`;

/**
 * The public key in a proof's header, and its thumbprint. Imported once per key (about 20–45 µs
 * of CPU a proof on Bun, measured against jose's EmbeddedJWK). A header key with private members
 * is refused, as EmbeddedJWK refuses it.
 */
async function headerKey(proof: string): Promise<{ key: CryptoKey | Uint8Array; jkt: string }> {
  let alg: unknown;
  let jwk: JWK | undefined;
  try {
    ({ alg, jwk } = decodeProtectedHeader(proof));
  } catch {
    throw new DpopProblem('invalid_dpop_proof', NOT_SIGNED);
  }
  if (typeof alg !== 'string' || !DPOP_ALGS.includes(alg) || !jwk || typeof jwk !== 'object' || 'd' in jwk)
    throw new DpopProblem('invalid_dpop_proof', NOT_SIGNED);
  const jkt = await jwkThumbprint(jwk);
  const id = `${alg} ${jkt}`;
  let key = proofKeys.get(id);
  if (key === undefined) {
    try {
      key = await importJWK(jwk, alg);
    } catch {
      throw new DpopProblem('invalid_dpop_proof', NOT_SIGNED);
    }
    if (proofKeys.size >= MAX_PROOF_KEYS) proofKeys.delete(proofKeys.keys().next().value as string);
    proofKeys.set(id, key);
  }
  return { key, jkt };
}

export class DpopProblem extends Error {
  constructor(
    readonly code: 'invalid_dpop_proof' | 'use_dpop_nonce',
    readonly description: string,
  ) {
    super(description);
  }
}

export interface VerifiedProof {
  jkt: string;
  jti: string;
  iat: number;
  nonce: string | null;
}

/** The URL a proof's htu is compared as: scheme, host, port and path; no query, no fragment. */
export function htuOf(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return null;
  }
}

/** The request's single DPoP header, or null when there is none. */
export function proofHeader(request: Request): string | null {
  const value = request.headers.get('dpop');
  if (value === null) return null;
  // Headers joins repeated fields with ", "; a compact JWT has no comma.
  if (value.includes(',')) throw new DpopProblem('invalid_dpop_proof', 'send exactly one DPoP header');
  if (value.length > MAX_PROOF_CHARS)
    throw new DpopProblem('invalid_dpop_proof', `the DPoP proof is longer than ${MAX_PROOF_CHARS} characters`);
  return value.trim();
}

export async function verifyProof(
  proof: string,
  expect: { htm: string; htu: string; accessToken?: string; nowS: number },
): Promise<VerifiedProof> {
  const { key, jkt } = await headerKey(proof);
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(proof, key, { typ: 'dpop+jwt', algorithms: DPOP_ALGS }));
  } catch {
    throw new DpopProblem('invalid_dpop_proof', NOT_SIGNED);
  }
  const { jti, htm, htu, iat, ath, nonce } = payload;
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > MAX_JTI_CHARS)
    throw new DpopProblem('invalid_dpop_proof', `the DPoP proof needs a jti of 1 to ${MAX_JTI_CHARS} characters`);
  if (htm !== expect.htm) throw new DpopProblem('invalid_dpop_proof', `the DPoP proof's htm must be ${expect.htm}`);
  if (typeof htu !== 'string' || htuOf(htu) !== expect.htu)
    throw new DpopProblem('invalid_dpop_proof', `the DPoP proof's htu must be ${expect.htu}`);
  if (typeof iat !== 'number' || Math.abs(expect.nowS - iat) > PROOF_WINDOW_S)
    throw new DpopProblem(
      'invalid_dpop_proof',
      `the DPoP proof's iat must be within ${PROOF_WINDOW_S} s of the server's time`,
    );
  if (nonce !== undefined && typeof nonce !== 'string')
    throw new DpopProblem('invalid_dpop_proof', "the DPoP proof's nonce must be a string");
  if (expect.accessToken !== undefined) {
    if (typeof ath !== 'string' || ath !== (await sha256Base64Url(expect.accessToken)))
      throw new DpopProblem(
        'invalid_dpop_proof',
        "the DPoP proof's ath must be the base64url SHA-256 of the access token",
      );
  }
  return { jkt, jti, iat, nonce: nonce ?? null };
}

/** The members of each key type a JWK thumbprint covers, in their lexicographic order (RFC 7638 §3.2). */
const THUMBPRINT_MEMBERS: Record<string, string[]> = {
  EC: ['crv', 'kty', 'x', 'y'],
  RSA: ['e', 'kty', 'n'],
  OKP: ['crv', 'kty', 'x'],
};

/**
 * The SHA-256 JWK thumbprint (RFC 7638), base64url: what cnf.jkt holds. Written here rather
 * than jose's calculateJwkThumbprint because that hashes with crypto.subtle, 19 µs a call on
 * Bun against about 2 µs for node:crypto, on every DPoP request.
 */
export async function jwkThumbprint(jwk: JWK): Promise<string> {
  const members = THUMBPRINT_MEMBERS[jwk.kty ?? ''];
  if (!members) throw new DpopProblem('invalid_dpop_proof', "the DPoP proof's jwk has an unsupported kty");
  const canonical: Record<string, unknown> = {};
  for (const m of members) {
    const value = (jwk as Record<string, unknown>)[m];
    if (typeof value !== 'string') throw new DpopProblem('invalid_dpop_proof', `the DPoP proof's jwk lacks "${m}"`);
    canonical[m] = value;
  }
  return sha256Base64Url(JSON.stringify(canonical));
}
