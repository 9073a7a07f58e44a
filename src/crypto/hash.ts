import { toBase64Url, toHex, utf8 } from './encoding.ts';

export async function sha256(data: string | Uint8Array): Promise<Uint8Array> {
  const bytes = typeof data === 'string' ? utf8(data) : data;
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

export const sha256Hex = async (data: string | Uint8Array) => toHex(await sha256(data));
export const sha256Base64Url = async (data: string | Uint8Array) => toBase64Url(await sha256(data));

/** Compares without an early exit, so timing reveals nothing about where inputs differ. */
export function constantTimeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  const x = typeof a === 'string' ? utf8(a) : a;
  const y = typeof b === 'string' ? utf8(b) : b;
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
