// A response body read as storable text, up to a cap: what an outbound request (a webhook's
// receiver, an app's jwks_uri) sends back is hostile input, so no more than the cap is ever
// read, and what is kept is valid UTF-8 without NUL (which Postgres text refuses).

/** Bytes of a response body kept (the rest is never read). */
export const BODY_CAP = 4096;

/** Text fit for a Postgres text column: NUL replaced (by U+FFFD, as the decoder replaces invalid bytes), cut to at most `maxBytes` of UTF-8 at a character's end. */
export function storableText(text: string, maxBytes: number): string {
  const clean = text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
  if (clean.length * 3 <= maxBytes) return clean;
  const { read } = new TextEncoder().encodeInto(clean, new Uint8Array(maxBytes));
  return clean.slice(0, read);
}

/**
 * The response body as storable text, read up to `cap` bytes (the rest is never read); the
 * read gives up when `signal` aborts. A body cut mid-character ends with U+FFFD.
 */
export async function readCapped(res: Response, cap = BODY_CAP, signal?: AbortSignal): Promise<string> {
  if (!res.body) return '';
  const aborted = signal ? abortOf(signal) : null;
  const until = <T>(p: Promise<T>): Promise<T> => (aborted ? Promise.race([p, aborted.promise]) : p);
  // A declared length within the cap is all there is to read (HTTP framing stops at it),
  // unless the body is compressed (the length is then the compressed one).
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  const encoding = res.headers.get('content-encoding');
  if (declared >= 0 && declared <= cap && (encoding === null || encoding === 'identity')) {
    try {
      return storableText(await until(res.text()), cap);
    } finally {
      aborted?.dispose();
    }
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < cap) {
      const { value, done } = await until(reader.read());
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    aborted?.dispose();
    void reader.cancel().catch(() => undefined); // the rest is not wanted; a failed cancel changes nothing
  }
  const all = new Uint8Array(Math.min(size, cap));
  let offset = 0;
  for (const c of chunks) {
    const part = c.subarray(0, Math.max(0, all.length - offset));
    all.set(part, offset);
    offset += part.length;
  }
  return storableText(new TextDecoder().decode(all), cap);
}

/** A promise that rejects when `signal` aborts, and its listener's removal. */
function abortOf(signal: AbortSignal): { promise: Promise<never>; dispose(): void } {
  let onAbort = () => {};
  const promise = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  promise.catch(() => undefined);
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}
