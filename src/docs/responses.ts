// The success a route answers, for its OpenAPI `detail.responses`: its status when not a plain
// 200 (without it the document says 200), and its body: a JSON schema, or the media type of a
// body that is not JSON (a page, a script, Prometheus text, an event stream). Every route
// declares one (src/docs/openapi.ts refuses a route without); test/support/openapi-check.ts
// checks every answer the suite gets against it.
import { Type, type TSchema } from '@sinclair/typebox';
import { ERRORS, type ErrorCode } from '../errors.ts';

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

/**
 * Refusals a route answers beyond those every route of its kind has (src/docs/openapi.ts adds
 * 400, 401, 403, 404, 405, 413, 415, 429 and 500 where they apply), by their codes in the
 * catalogue (src/errors.ts): each under its usual status, in the error envelope.
 */
export function refusals(...codes: ErrorCode[]): Record<string, Answer> {
  const byStatus = new Map<number, string[]>();
  for (const code of codes) {
    const { statuses, means } = ERRORS[code];
    byStatus.set(statuses[0], [...(byStatus.get(statuses[0]) ?? []), `${code}: ${means}`]);
  }
  const envelope = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  return Object.fromEntries(
    [...byStatus].map(([status, lines]) => [String(status), { description: lines.join('; '), content: envelope }]),
  );
}

// Parts the response schemas share. Integers are TypeBox's own: Elysia's t.Integer also takes,
// and documents, a numeric string.
export const Int = Type.Integer;
export const Time = (description?: string) =>
  Type.String({ format: 'date-time', ...(description ? { description } : {}) });
export const orNull = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const oneOf = <const V extends readonly string[]>(values: V, description?: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    description ? { description } : {},
  );
/** A list's next_cursor. */
export const Cursor = orNull(Type.String({ description: 'pass as ?cursor= for the next page; null on the last' }));
