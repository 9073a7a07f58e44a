// Standard Webhooks signatures: webhook-signature = "v1,<base64 HMAC-SHA256(id.timestamp.body)>",
// one entry per active secret (two during a rotation). Secrets are whsec_<base64 bytes>.
import { utf8 } from '../crypto/encoding.ts';

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

// Imported HMAC keys by secret: importing one per delivery is work repeated for every send
// to the same endpoint. Bounded; cleared when full.
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    if (keys.size >= 10_000) keys.clear();
    key = crypto.subtle.importKey('raw', Uint8Array.from(atob(secret.slice(6)), (c) => c.charCodeAt(0)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(secret, key);
    // A failed import is not kept: the next call tries again (and fails the same way, loudly).
    key.catch(() => keys.delete(secret));
  }
  return key;
}

async function hmac(secret: string, content: string): Promise<string> {
  const key = await hmacKey(secret);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(content)));
  return btoa(String.fromCharCode(...mac));
}

export async function signatureHeader(secrets: string[], id: string, timestamp: number, body: string): Promise<string> {
  const parts = await Promise.all(secrets.map(async (s) => `v1,${await hmac(s, `${id}.${timestamp}.${body}`)}`));
  return parts.join(' ');
}
