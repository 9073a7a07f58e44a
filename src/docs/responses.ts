// The success a route answers, for its OpenAPI `detail.responses`: its status when not a plain
// 200 (without it the document says 200), and its body's schema where one is written (without
// one, an open object). test/docs/openapi.test.ts checks both against what routes really answer.
import type { TSchema } from '@sinclair/typebox';

const OPEN_OBJECT = { type: 'object' as const, additionalProperties: true };

type Answer = { description: string; content?: { 'application/json': { schema: object } } };

export function answers(status: 200 | 201 | 202 | 204, description: string, schema?: TSchema): Record<string, Answer> {
  if (status === 204) return { '204': { description } };
  // Plain JSON Schema: TypeBox's own markers stay out of the document.
  const body = schema ? (JSON.parse(JSON.stringify(schema)) as object) : OPEN_OBJECT;
  return { [String(status)]: { description, content: { 'application/json': { schema: body } } } };
}
