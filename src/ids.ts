// The one id scheme: a type prefix and base62 characters, e.g. app_4Fq…. Most ids are 22
// random characters (~131 bits). Ids of rows kept in time-partitioned history (events,
// deliveries) carry their creation time instead: 8 characters of milliseconds since the
// epoch, then 15 random ones (~89 bits), 23 in all. The time names the row's partition, so a
// lookup by id reads one partition; the length tells the two kinds apart, so ids issued
// before time-carrying ones existed keep working (their lookups read every partition).
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const TIME_CHARS = 8;
const TIMED_LENGTH = 23;

export function randomToken(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 248) continue; // 248 = 62 * 4: rejection keeps the alphabet uniform
    out += ALPHABET[b % 62];
    if (out.length === length) return out;
  }
  return out + randomToken(length - out.length);
}

export type IdPrefix =
  | 'req'
  | 'ten'
  | 'usr'
  | 'app'
  | 'sec'
  | 'wh'
  | 'dlv'
  | 'evt'
  | 'key'
  | 'ses'
  | 'tok'
  | 'rt'
  | 'aud'
  | 'inc'
  | 'case'
  | 'ir'
  | 'plk'
  | 'test';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomToken(22)}`;
}

/** An id that carries `atMs` (whole milliseconds since the epoch): see idTime(). */
export function newTimedId(prefix: IdPrefix, atMs: number): string {
  return `${timedIdPrefix(prefix, atMs)}${randomToken(TIMED_LENGTH - TIME_CHARS)}`;
}

/**
 * The part of a time-carrying id before its random characters. Deliveries are written by the
 * publish statement itself, which draws their 15 random characters in hex (a subset of the
 * alphabet, 60 bits): see eventStore.publish.
 */
export function timedIdPrefix(prefix: IdPrefix, atMs: number): string {
  let n = Math.floor(atMs);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`newTimedId: ${atMs} is not a time`);
  let time = '';
  for (let i = 0; i < TIME_CHARS; i++) {
    time = ALPHABET[n % 62] + time;
    n = Math.floor(n / 62);
  }
  if (n > 0) throw new RangeError(`newTimedId: ${atMs} is past what 8 characters hold`);
  return `${prefix}_${time}`;
}

/** The creation time a time-carrying id names (ms), or null for any other string. */
export function idTime(id: string): number | null {
  const body = id.slice(id.indexOf('_') + 1);
  if (id.indexOf('_') < 1 || body.length !== TIMED_LENGTH) return null;
  let n = 0;
  for (let i = 0; i < TIME_CHARS; i++) {
    const digit = ALPHABET.indexOf(body[i]!);
    if (digit < 0) return null;
    n = n * 62 + digit;
  }
  for (let i = TIME_CHARS; i < TIMED_LENGTH; i++) if (ALPHABET.indexOf(body[i]!) < 0) return null;
  return n;
}

/** The partition range a time-carrying id names ([t, t]), or every partition for an id without one. */
export function createdRange(id: string): [string, string] {
  const t = idTime(id);
  // Real dates, not ±infinity: a JS Date (and so the driver's timestamp parameter) has no infinity.
  return t === null
    ? ['0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']
    : [new Date(t).toISOString(), new Date(t).toISOString()];
}
