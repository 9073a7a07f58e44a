// The outbound request: no redirects followed, a hard timeout, the response body read up to
// a small cap. Every failure becomes data for the delivery machine, never an exception: a
// certificate the receiver presents is checked (against the system's roots and WEBHOOK_CA_FILE)
// and a refused one is recorded as such, with nothing sent. A checked target with an address is
// connected to that address and nowhere else.
import { outboundFetch } from '../outbound.ts';
import type { CheckedTarget } from './target-check.ts';
import { sendError } from './send-errors.ts';
import type { DeliveryOutcome } from '../../machines/delivery.ts';

export interface SendResult {
  status: number | null;
  body: string;
  durationMs: number;
  error: string | null;
  retryAfterMs: number | null;
}

const BODY_CAP = 4096;

/** The response body as text, read up to `cap` bytes (the rest is never read). */
export async function readCapped(res: Response, cap = BODY_CAP): Promise<string> {
  if (!res.body) return '';
  // A declared length within the cap is all there is to read (HTTP framing stops at it),
  // unless the body is compressed (the length is then the compressed one).
  const declared = Number(res.headers.get('content-length') ?? NaN);
  const encoding = res.headers.get('content-encoding');
  if (declared >= 0 && declared <= cap && (encoding === null || encoding === 'identity')) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < cap) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined); // the rest is not wanted; a failed cancel changes nothing
  const all = new Uint8Array(Math.min(size, cap));
  let offset = 0;
  for (const c of chunks) {
    const part = c.subarray(0, Math.max(0, all.length - offset));
    all.set(part, offset);
    offset += part.length;
  }
  return new TextDecoder().decode(all);
}

function retryAfter(header: string | null): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/**
 * POSTs to a target: a URL string is fetched as it is (its own lookup, if it names a host);
 * a checked target is sent to the address that was checked (see checkTarget). `extraCa` (PEM)
 * is trusted besides the system's roots.
 */
export async function postWebhook(
  target: string | CheckedTarget,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  extraCa: string | null = null,
): Promise<SendResult> {
  const started = performance.now();
  try {
    const { url, address } = typeof target === 'string' ? { url: target, address: null } : target;
    const res = await outboundFetch(new URL(url), address, {
      method: 'POST',
      body,
      headers,
      signal: AbortSignal.timeout(timeoutMs),
      extraCa,
    });
    const text = await readCapped(res);
    return {
      status: res.status,
      body: text,
      durationMs: Math.round(performance.now() - started),
      error: null,
      retryAfterMs: retryAfter(res.headers.get('retry-after')),
    };
  } catch (error) {
    return {
      status: null,
      body: '',
      durationMs: Math.round(performance.now() - started),
      error: sendError(error, timeoutMs),
      retryAfterMs: null,
    };
  }
}

/** How the delivery machine should read a response. */
export function outcomeOf(r: SendResult): DeliveryOutcome {
  if (r.status === null) return 'retryable';
  if (r.status >= 200 && r.status < 300) return 'success';
  if (r.status === 410) return 'gone';
  if (r.status === 429 || r.status === 408 || r.status >= 500) return 'retryable';
  if (r.status >= 300 && r.status < 400) return 'client_error'; // redirects are not followed
  return 'client_error';
}
