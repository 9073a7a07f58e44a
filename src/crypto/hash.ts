import { createHash } from 'node:crypto';
import { utf8 } from './encoding.ts';

// node:crypto (Bun and Deno both provide it) rather than crypto.subtle.digest, which costs
// several times more per call here; it sits on the token endpoint's path (client secrets).
// Async, as callers were written for crypto.subtle.
export const sha256Hex = async (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
export const sha256Base64Url = async (data: string | Uint8Array) =>
  createHash('sha256').update(data).digest('base64url');

/** Compares without an early exit, so timing reveals nothing about where inputs differ. */
export function constantTimeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  const x = typeof a === 'string' ? utf8(a) : a;
  const y = typeof b === 'string' ? utf8(b) : b;
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
