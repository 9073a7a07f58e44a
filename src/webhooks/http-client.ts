// The outbound request: no redirects followed, a hard timeout over the whole exchange (the
// response body included), the response body read up to a small cap. Every failure becomes
// data for the delivery machine, never an exception: a certificate the receiver presents is
// checked (against the system's roots and WEBHOOK_CA_FILE) and a refused one is recorded as
// such, with nothing sent. A checked target with an address is connected to that address and
// nowhere else.
//
// Everything the receiver sends back is hostile input. What reaches the database from it is
// normalised here: the status a number HTTP allows, Retry-After a bounded delay, the body at
// most BODY_CAP bytes of valid UTF-8 without NUL (which Postgres text refuses; read by
// src/outbound/read-capped.ts), error text bounded too.
import { realTime } from '../actors/clock.ts';
import { outboundFetch, type SharedBody } from '../outbound/fetch.ts';
import { BODY_CAP, readCapped, storableText } from '../outbound/read-capped.ts';
import type { CheckedTarget } from '../outbound/target-check.ts';
import { sendError } from './send-errors.ts';
import type { DeliveryOutcome } from '../../machines/delivery.ts';

export interface SendResult {
  status: number | null;
  body: string;
  durationMs: number;
  error: string | null;
  retryAfterMs: number | null;
}

/** Bytes of an error kept. */
const ERROR_CAP = 1000;
/** A Retry-After longer than this is no date or number HTTP would send. */
const RETRY_AFTER_CHARS = 64;

const HTTP_DATE = /^[A-Za-z]{3},? .*\bGMT$|^[A-Za-z]{3} [A-Za-z]{3} +\d{1,2} \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * A receiver's Retry-After as a delay in ms, at most `capMs`: delta-seconds or an HTTP date;
 * anything else (negative, fractional, garbage, too long) is no request at all (null).
 */
export function retryAfterMs(header: string | null, nowMs: number, capMs: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (value.length === 0 || value.length > RETRY_AFTER_CHARS) return null;
  if (/^\d+$/.test(value)) return Math.min(capMs, Number(value) * 1000);
  if (!HTTP_DATE.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.min(capMs, Math.max(0, at - nowMs));
}

export interface SendOptions {
  timeoutMs: number;
  /** PEM trusted besides the system's roots (WEBHOOK_CA_FILE). */
  extraCa?: string | null;
  /** The longest delay a Retry-After may ask for (the retry schedule's longest, by default one day). */
  retryAfterCapMs?: number;
  /** The clock HTTP dates in Retry-After are read against. */
  now?: () => number;
}

/**
 * POSTs to a target: a URL string is fetched as it is (its own lookup, if it names a host);
 * a checked target is sent to the address that was checked (see checkTarget).
 */
export async function postWebhook(
  target: string | CheckedTarget,
  body: string | SharedBody,
  headers: Record<string, string>,
  timeoutMs: number,
  extraCa: string | null = null,
  options: Omit<SendOptions, 'timeoutMs' | 'extraCa'> = {},
): Promise<SendResult> {
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    const { url, address } = typeof target === 'string' ? { url: target, address: null } : target;
    res = await outboundFetch(new URL(url), address, { method: 'POST', body, headers, signal, extraCa });
  } catch (error) {
    return {
      status: null,
      body: '',
      durationMs: durationMs(),
      error: storableText(sendError(error, timeoutMs), ERROR_CAP),
      retryAfterMs: null,
    };
  }
  if (!Number.isInteger(res.status) || res.status < 100 || res.status > 599) {
    await res.body?.cancel().catch(() => undefined);
    return { status: null, body: '', durationMs: durationMs(), error: 'invalid response status', retryAfterMs: null };
  }
  const retryAfter = retryAfterMs(
    res.headers.get('retry-after'),
    (options.now ?? realTime)(),
    options.retryAfterCapMs ?? 86_400_000,
  );
  // The status decides the outcome: a body cut short (a reset, a timeout while it drips) is
  // said beside it, with what was read.
  try {
    return {
      status: res.status,
      body: await readCapped(res, BODY_CAP, signal),
      durationMs: durationMs(),
      error: null,
      retryAfterMs: retryAfter,
    };
  } catch (error) {
    return {
      status: res.status,
      body: '',
      durationMs: durationMs(),
      error: storableText(`response body not read: ${sendError(error, timeoutMs)}`, ERROR_CAP),
      retryAfterMs: retryAfter,
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
