// The public keys a private_key_jwt app registers (RFC 7591 `jwks` / `jwks_uri`): which are
// acceptable. Keys are checked by importing them, so a key this service could not verify with
// is refused at registration, not at the first token request.
import { importJWK, type JWK } from 'jose';
import type { Jwks } from './store.ts';

/** Client assertion algorithms (RFC 7523); no HMAC: client_secret_jwt is not offered. */
export const ASSERTION_ALGS = ['RS256', 'PS256', 'ES256'] as const;
export type AssertionAlg = (typeof ASSERTION_ALGS)[number];

export const MAX_CLIENT_KEYS = 10;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

function defaultAlg(jwk: Record<string, unknown>): AssertionAlg | null {
  if (jwk.kty === 'RSA') return 'RS256';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  return null;
}

/** Why one key is refused, or null. */
async function keyProblem(jwk: Record<string, unknown>): Promise<string | null> {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return 'must be a JSON object (a JWK)';
  if (PRIVATE_MEMBERS.some((m) => m in jwk)) return 'holds private key material: register the public key only';
  if (jwk.use !== undefined && jwk.use !== 'sig') return 'has "use" other than "sig"';
  if (jwk.kid !== undefined && (typeof jwk.kid !== 'string' || jwk.kid.length > 200))
    return '"kid" must be a string of at most 200 characters';
  const alg = jwk.alg ?? defaultAlg(jwk);
  if (typeof alg !== 'string' || !(ASSERTION_ALGS as readonly string[]).includes(alg))
    return `must be an RSA key or an EC P-256 key, with "alg" one of ${ASSERTION_ALGS.join(', ')}`;
  if (jwk.kty === 'RSA' && typeof jwk.n === 'string' && jwk.n.replace(/=+$/, '').length * 6 < 2040)
    return 'is an RSA key shorter than 2048 bits';
  try {
    await importJWK(jwk as JWK, alg);
  } catch {
    return `is not a valid ${alg} public key`;
  }
  return null;
}

/** Why a JWKS is refused (naming the key by index), or null when every key is acceptable. */
export async function jwksProblem(jwks: unknown): Promise<string | null> {
  const keys = (jwks as Partial<Jwks> | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) return 'must be {"keys": [...]} with at least one key';
  if (keys.length > MAX_CLIENT_KEYS) return `holds more than ${MAX_CLIENT_KEYS} keys`;
  for (const [i, key] of keys.entries()) {
    const problem = await keyProblem(key as Record<string, unknown>);
    if (problem) return `keys.${i} ${problem}`;
  }
  return null;
}

/** The acceptable keys of a fetched or stored JWKS (others are skipped, not fatal). */
export async function usableKeys(jwks: unknown): Promise<Jwks> {
  const keys = (jwks as Partial<Jwks> | null)?.keys;
  if (!Array.isArray(keys)) return { keys: [] };
  const usable: Jwks['keys'] = [];
  for (const key of keys.slice(0, MAX_CLIENT_KEYS * 2))
    if (!(await keyProblem(key as Record<string, unknown>))) usable.push(key as Record<string, unknown>);
  return { keys: usable };
}
