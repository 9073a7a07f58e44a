// The one error envelope of the service, OAuth style: {"error", "error_description"}.
export interface ErrorEnvelope {
  error: string;
  error_description: string;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(description);
  }

  toResponse(requestId?: string): Response {
    const body: ErrorEnvelope = { error: this.code, error_description: this.description, ...this.extra };
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      ...this.headers,
    };
    if (requestId) headers['x-request-id'] = requestId;
    return new Response(JSON.stringify(body), { status: this.status, headers });
  }
}

export const invalidRequest = (description: string, extra?: Record<string, unknown>) =>
  new ApiError(400, 'invalid_request', description, {}, extra);
/** A fault of ours; the request id lets the operator find it in the log. */
export const serverError = (requestId?: string) =>
  new ApiError(
    500,
    'server_error',
    requestId ? `internal error; quote request id ${requestId} when reporting it` : 'internal error',
  );
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found`);
export const conflict = (description: string) => new ApiError(409, 'conflict', description);
export const forbidden = (code: string, description: string) => new ApiError(403, code, description);
export const unauthorized = (description: string, code = 'invalid_token') =>
  new ApiError(401, code, description, {
    'www-authenticate': `Bearer error="${code}", error_description="${description.replace(/["\\]/g, '')}"`,
  });
export const insufficientScope = (scope: string) =>
  new ApiError(403, 'insufficient_scope', `this token lacks the "${scope}" scope`, {
    'www-authenticate': `Bearer error="insufficient_scope", scope="${scope}"`,
  });
export const tooManyRequests = (retryAfterSeconds: number) =>
  new ApiError(429, 'rate_limited', `too many requests; retry after ${retryAfterSeconds} s`, {
    'retry-after': String(retryAfterSeconds),
  });
