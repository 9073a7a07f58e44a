// A webhook receiver's half: verify a delivery's Standard Webhooks signature (webhook-id,
// webhook-timestamp, webhook-signature; HMAC-SHA256 with the whsec_ secret, timestamps more
// than 5 minutes away refused) with the `standardwebhooks` library, and answer the typed event.
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { DOMAIN_EVENT_TYPES, SYSTEM_EVENT_TYPES } from "./events.js";
export { WebhookVerificationError };
const KNOWN = new Set([...DOMAIN_EVENT_TYPES, ...SYSTEM_EVENT_TYPES]);
/**
 * A receiver for the webhook whose signing secret is `secret` (or secrets: during a rotation,
 * either the new or the old one verifies). Throws WebhookVerificationError for a delivery that
 * is not signed by it, is too old or too new, or is not an Argus event.
 */
export function webhookReceiver(secret) {
    const verifiers = (Array.isArray(secret) ? secret : [secret]).map((s) => new Webhook(s));
    if (verifiers.length === 0)
        throw new TypeError('webhookReceiver needs a signing secret');
    const verifyBody = (body, headers) => {
        const flat = {};
        const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
        for (const [name, value] of entries)
            if (value !== undefined)
                flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        let last;
        for (const verifier of verifiers) {
            try {
                const event = verifier.verify(body, flat);
                if (typeof event.type !== 'string' ||
                    !KNOWN.has(event.type) ||
                    typeof event.timestamp !== 'string' ||
                    typeof event.data !== 'object' ||
                    event.data === null) {
                    throw new WebhookVerificationError('signed, but not an Argus event (type, timestamp, data)');
                }
                return { ...event, id: flat['webhook-id'] };
            }
            catch (error) {
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
