// The success a route answers when it is not a plain 200, for its OpenAPI `detail.responses`:
// without it the document says 200 (test/docs/openapi.test.ts checks what routes really answer).
const OPEN_OBJECT = { 'application/json': { schema: { type: 'object' as const, additionalProperties: true } } };

type Answer = { description: string; content?: typeof OPEN_OBJECT };

export function answers(status: 200 | 201 | 202 | 204, description: string): Record<string, Answer> {
  return { [String(status)]: status === 204 ? { description } : { description, content: OPEN_OBJECT } };
}
