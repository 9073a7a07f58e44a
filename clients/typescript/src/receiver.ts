// A webhook receiver's half: verify a delivery's Standard Webhooks signature (webhook-id,
// webhook-timestamp, webhook-signature; HMAC-SHA256 with the whsec_ secret, timestamps more
// than 5 minutes away refused) with the `standardwebhooks` library, and answer the typed event.
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { DOMAIN_EVENT_TYPES, SYSTEM_EVENT_TYPES, type ReceivedEvent } from './events.ts';

export { WebhookVerificationError };

const KNOWN = new Set<string>([...DOMAIN_EVENT_TYPES, ...SYSTEM_EVENT_TYPES]);

export interface WebhookReceiver {
  /** Verifies a delivery as a fetch Request (Bun.serve, Deno.serve, a framework's request). */
  verify(request: Request): Promise<ReceivedEvent>;
  /** Verifies a raw body (as received, not re-encoded) with its headers. */
  verifyBody(body: string, headers: Headers | Record<string, string | string[] | undefined>): ReceivedEvent;
}

/**
 * A receiver for the webhook whose signing secret is `secret` (or secrets: during a rotation,
 * either the new or the old one verifies). Throws WebhookVerificationError for a delivery that
 * is not signed by it, is too old or too new, or is not an Argus event.
 */
export function webhookReceiver(secret: string | string[]): WebhookReceiver {
  const verifiers = (Array.isArray(secret) ? secret : [secret]).map((s) => new Webhook(s));
  if (verifiers.length === 0) throw new TypeError('webhookReceiver needs a signing secret');
  const verifyBody = (
    body: string,
    headers: Headers | Record<string, string | string[] | undefined>,
  ): ReceivedEvent => {
    const flat: Record<string, string> = {};
    const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
    for (const [name, value] of entries)
      if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    let last: unknown;
    for (const verifier of verifiers) {
      try {
        const event = verifier.verify(body, flat) as { type?: unknown; timestamp?: unknown; data?: unknown };
        if (
          typeof event.type !== 'string' ||
          !KNOWN.has(event.type) ||
          typeof event.timestamp !== 'string' ||
          typeof event.data !== 'object' ||
          event.data === null
        ) {
          throw new WebhookVerificationError('signed, but not an Argus event (type, timestamp, data)');
        }
        return { ...(event as Omit<ReceivedEvent, 'id'>), id: flat['webhook-id'] } as ReceivedEvent;
      } catch (error) {
        last = error;
      }
    }
    throw last;
  };
  return {
    verifyBody,
    verify: async (request) => verifyBody(await request.text(), request.headers),
  };
}
