// The request a delivery makes, in one place: the engine sends these headers (plus the
// signature), and an attempt stores only its timestamp, from which the history shows them again.
export const USER_AGENT = 'Argus-Webhooks/1.0';

/** The headers of a delivery's request, without its signature. */
export function deliveryHeaders(eventId: string, timestamp: number): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'webhook-id': eventId,
    'webhook-timestamp': String(timestamp),
  };
}

/** The headers an attempt sent, as its history shows them (signature redacted); none when nothing was sent. */
export function recordedHeaders(eventId: string, timestamp: number | null): Record<string, string> {
  return timestamp === null ? {} : { ...deliveryHeaders(eventId, timestamp), 'webhook-signature': '(redacted)' };
}
