// Standard Webhooks signatures: webhook-signature = "v1,<base64 HMAC-SHA256(id.timestamp.body)>",
// one entry per active secret (two during a rotation). Secrets are whsec_<base64 bytes>.
import { realTime } from '../actors/clock.ts';
import { createHmac } from 'node:crypto';
import { ExpiringCache } from '../expiring-cache.ts';

export function generateSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}

/** A caller-chosen secret must be whsec_ + base64 of 24 to 64 bytes (what verifiers expect). */
export function secretProblem(secret: string): string | null {
  if (!secret.startsWith('whsec_')) return 'must start with whsec_ (Standard Webhooks format)';
  try {
    const n = atob(secret.slice(6)).length;
    return n >= 24 && n <= 64 ? null : 'must encode 24 to 64 random bytes';
  } catch {
    return 'must be whsec_ followed by base64';
  }
}

// HMAC-SHA256 through node:crypto (Bun and Deno both provide it): crypto.subtle.sign is
// asynchronous and measured ~30 µs a signature here against ~2 µs, on a path that signs every
// delivery. Decoded keys are cached by secret (bounded: the oldest goes first).
const keys = new ExpiringCache<string, Uint8Array>(Infinity, realTime, 10_000);

function hmacKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (key === undefined) {
    key = Uint8Array.from(atob(secret.slice(6)), (c) => c.charCodeAt(0));
    keys.set(secret, key);
  }
  return key;
}

/** HMAC of `id.timestamp.body`, fed in two parts: the body (up to MAX_BODY_BYTES) is never copied into a joined string. */
function hmac(secret: string, prefix: string, body: string): string {
  return createHmac('sha256', hmacKey(secret)).update(prefix, 'utf8').update(body, 'utf8').digest('base64');
}

export async function signatureHeader(secrets: string[], id: string, timestamp: number, body: string): Promise<string> {
  const prefix = `${id}.${timestamp}.`;
  return secrets.map((s) => `v1,${hmac(s, prefix, body)}`).join(' ');
}
