// The one id scheme: a type prefix and 22 random base62 characters (~131 bits), e.g. app_4Fq…
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomToken(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
  let out = '';
  for (const b of bytes) {
    if (b >= 248) continue; // 248 = 62 * 4: rejection keeps the alphabet uniform
    out += ALPHABET[b % 62];
    if (out.length === length) return out;
  }
  return out + randomToken(length - out.length);
}

export type IdPrefix = 'req' | 'ten' | 'usr' | 'app' | 'sec' | 'wh' | 'dlv' | 'evt' | 'key' | 'ses' | 'tok' | 'rt' | 'aud' | 'inc' | 'case' | 'ir' | 'test';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomToken(22)}`;
}
