import { WebhookVerificationError } from 'standardwebhooks';
import { type ReceivedEvent } from './events.ts';
export { WebhookVerificationError };
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
export declare function webhookReceiver(secret: string | string[]): WebhookReceiver;
