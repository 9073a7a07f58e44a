// Password hashing: PBKDF2-HMAC-SHA256 through Web Crypto, so Bun and Deno share it.
// Format: pbkdf2_sha256$<iterations>$<salt b64url>$<hash b64url>.
import { fromBase64Url, toBase64Url, utf8 } from './encoding.ts';
import { constantTimeEqual } from './hash.ts';
import { FIXED } from '../defaults.ts';

/** OWASP's current figure for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet); hashes of fewer still verify. */
export const DEFAULT_ITERATIONS = FIXED.passwordIterations;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', utf8(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations: number = DEFAULT_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2_sha256$${iterations}$${toBase64Url(salt)}$${toBase64Url(await derive(password, salt, iterations))}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split('$');
  if (scheme !== 'pbkdf2_sha256' || !iter || !salt || !hash) return false;
  const derived = await derive(password, fromBase64Url(salt), Number(iter));
  return constantTimeEqual(derived, fromBase64Url(hash));
}
