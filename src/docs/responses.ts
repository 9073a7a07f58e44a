// The success a route answers, for its OpenAPI `detail.responses`: its status when not a plain
// 200 (without it the document says 200), and its body: a JSON schema, or the media type of a
// body that is not JSON (a page, a script, Prometheus text, an event stream). Every route
// declares one (src/docs/openapi.ts refuses a route without); test/support/openapi-check.ts
// checks every answer the suite gets against it.
import type { TSchema } from '@sinclair/typebox';

type Answer = { description: string; content?: Record<string, { schema: object }> };

/** A body that is not JSON, by its media type. */
export type MediaType = 'text/html' | 'text/plain' | 'text/javascript' | 'image/svg+xml' | 'text/event-stream';

export function answers(
  /** 503: /readyz's not-ready answer, which is not an error envelope. */
  status: 200 | 201 | 202 | 204 | 503,
  description: string,
  body?: TSchema | MediaType,
): Record<string, Answer> {
  if (status === 204 || body === undefined) return { [String(status)]: { description } };
  if (typeof body === 'string')
    return { [String(status)]: { description, content: { [body]: { schema: { type: 'string' } } } } };
  // Plain JSON Schema: TypeBox's own markers stay out of the document.
  const schema = JSON.parse(JSON.stringify(body)) as object;
  return { [String(status)]: { description, content: { 'application/json': { schema } } } };
}
