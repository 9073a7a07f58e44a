// The service's one error envelope, OAuth style: {"error", "error_description"}, and the one
// catalogue of its error codes. Every refusal is made here (apiError or a named constructor
// below), with a code of the catalogue and one of that code's statuses; the OpenAPI document
// describes a route's refusals from the same entries (refusals() in src/docs/responses.ts).
export interface ErrorEnvelope {
  error: string;
  error_description: string;
  [extra: string]: unknown;
}

interface CatalogueEntry {
  /** The statuses it is answered with, the usual one first. */
  statuses: readonly [number, ...number[]];
  /** When, for the documentation. */
  means: string;
}

export const ERRORS = {
  // ---- requests -------------------------------------------------------------------------
  invalid_request: {
    statuses: [400, 401],
    means:
      'the request is missing or has a malformed field (named in the description); 401 when the Authorization header is missing or malformed',
  },
  not_found: { statuses: [404], means: "no such resource for this tenant (another tenant's ids answer 404 too)" },
  method_not_allowed: { statuses: [405], means: 'the route does not take this method (Allow lists those it does)' },
  not_acceptable: { statuses: [406], means: 'Accept names no media type the route answers' },
  conflict: { statuses: [409], means: 'the resource is not in a state that allows the change' },
  payload_too_large: { statuses: [413], means: 'the body exceeds MAX_BODY_BYTES' },
  unsupported_media_type: { statuses: [415], means: 'send the body as application/json' },
  rate_limited: { statuses: [429], means: 'too many requests; retry after Retry-After seconds' },
  request_header_fields_too_large: { statuses: [431], means: 'the request line and headers exceed MAX_HEADER_BYTES' },
  server_error: { statuses: [500], means: 'a bug; quote the x-request-id' },
  temporarily_unavailable: {
    statuses: [503],
    means: 'the database is unavailable or the request collided with concurrent work; retry (Retry-After)',
  },
  // ---- authentication and access --------------------------------------------------------
  invalid_token: { statuses: [401], means: 'the bearer token is missing, malformed, expired or revoked' },
  invalid_credentials: { statuses: [401], means: 'the tenant, email or password is not right' },
  insufficient_scope: { statuses: [403], means: 'the token lacks the scope or role this route needs' },
  tenant_mismatch: { statuses: [403], means: "X-Tenant-ID is not the access token's tenant" },
  invalid_origin: { statuses: [403], means: 'a studio change not made from the studio page (Origin)' },
  invalid_csrf_token: { statuses: [403], means: "a studio change without the session's csrf_token" },
  metrics_not_public: { statuses: [403], means: 'GET /metrics from outside, without METRICS_TOKEN' },
  reviewed_access_required: {
    statuses: [403],
    means: 'the capability needs reviewed access (see request_access_url)',
  },
  app_disabled: { statuses: [403], means: 'the app is disabled by its governance' },
  service_tokens_not_allowed: { statuses: [403], means: "the app's governance does not allow service tokens" },
  // ---- OAuth (RFC 6749 §5.2, RFC 9449) -----------------------------------------------------
  invalid_client: { statuses: [401], means: 'client authentication failed (WWW-Authenticate when Basic was used)' },
  invalid_grant: { statuses: [400], means: 'the code, refresh token or PKCE verifier is invalid, expired or used' },
  unauthorized_client: { statuses: [400], means: 'the app may not use this grant or response type' },
  unsupported_grant_type: { statuses: [400], means: 'this server does not issue tokens for that grant' },
  unsupported_response_type: { statuses: [400], means: 'response_type must be code' },
  request_not_supported: {
    statuses: [400],
    means: 'a request object (request=) is not accepted; push the request to /v1/oauth/par',
  },
  invalid_scope: { statuses: [400], means: 'a scope is unknown, not approved or not granted to the app' },
  invalid_dpop_proof: {
    statuses: [400, 401],
    means: 'the DPoP proof is missing, malformed or does not match (401 at a protected route)',
  },
  use_dpop_nonce: { statuses: [400, 401], means: 'retry with the nonce of the DPoP-Nonce header' },
  // ---- webhooks and events --------------------------------------------------------------
  webhook_disabled: {
    statuses: [409],
    means: 'the webhook is disabled; enable it with PUT {"enabled": true} first',
  },
  webhook_limit_reached: { statuses: [409], means: 'the tenant has MAX_WEBHOOKS_PER_TENANT webhooks' },
  not_failed: { statuses: [409], means: 'only failed or skipped deliveries can be retried' },
  not_subscribed: { statuses: [409], means: "the webhook does not receive the event's type" },
  not_replayable: { statuses: [409], means: 'operational events and test sends are not replayed' },
  invalid_portal_link: {
    statuses: [400],
    means: 'the portal link is unknown, used or expired; a tenant administrator mints another',
  },
  idempotency_key_reused: {
    statuses: [409],
    means: 'the Idempotency-Key was used in the last 24 hours for another request',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof ERRORS;
type StatusOf<C extends ErrorCode> = (typeof ERRORS)[C]['statuses'][number];

interface ErrorOptions<C extends ErrorCode> {
  /** One of the code's statuses; its usual one when not given. */
  status?: StatusOf<C>;
  headers?: Record<string, string>;
  /** Members of the envelope beyond error and error_description. */
  extra?: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly extra: Record<string, unknown>;

  protected constructor(
    readonly code: ErrorCode,
    readonly description: string,
    options: ErrorOptions<ErrorCode>,
  ) {
    super(description);
    this.status = options.status ?? ERRORS[code].statuses[0];
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }

  static of<C extends ErrorCode>(code: C, description: string, options: ErrorOptions<C> = {}): ApiError {
    return new ApiError(code, description, options);
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

/** A refusal with a code of the catalogue. */
export const apiError = ApiError.of;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERRORS, code);

// ---- the common ones, by name ---------------------------------------------------------------

export const invalidRequest = (description: string, extra?: Record<string, unknown>) =>
  apiError('invalid_request', description, { extra });
/** A fault of ours; the request id lets the operator find it in the log. */
export const serverError = (requestId?: string) =>
  apiError(
    'server_error',
    requestId ? `internal error; quote request id ${requestId} when reporting it` : 'internal error',
  );
export const notFound = (what: string) => apiError('not_found', `${what} was not found`);
export const conflict = (description: string) => apiError('conflict', description);
export const forbidden = (
  code: 'insufficient_scope' | 'tenant_mismatch' | 'invalid_origin' | 'invalid_csrf_token' | 'metrics_not_public',
  description: string,
) => apiError(code, description);
export const unauthorized = (description: string, code: 'invalid_token' | 'invalid_request' = 'invalid_token') =>
  apiError(code, description, {
    status: 401,
    headers: {
      'www-authenticate': `Bearer error="${code}", error_description="${description.replace(/["\\]/g, '')}"`,
    },
  });
export const insufficientScope = (scope: string) =>
  apiError('insufficient_scope', `this token lacks the "${scope}" scope`, {
    headers: { 'www-authenticate': `Bearer error="insufficient_scope", scope="${scope}"` },
  });
export const tooManyRequests = (retryAfterSeconds: number) =>
  apiError('rate_limited', `too many requests; retry after ${retryAfterSeconds} s`, {
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
/** The database could not answer, or rolled the request back: the client retries. */
export const temporarilyUnavailable = (description: string) =>
  apiError('temporarily_unavailable', description, { headers: { 'retry-after': '1' } });

// ---- webhooks and events --------------------------------------------------------------------

/** A change a disabled webhook cannot take (a retry, a recovery, a test send, a replay to it). */
export const webhookDisabled = (webhookId: string, reason: string | null, then = '') =>
  apiError(
    'webhook_disabled',
    `webhook ${webhookId} is disabled (${reason}); enable it with PUT {"enabled": true}${then ? `, then ${then}` : ''}`,
  );

// ---- the GraphQL transport ------------------------------------------------------------------

/**
 * The `errors[].extensions.code` of the GraphQL transport's own refusals: GraphQL responses,
 * not the error envelope. A refusal of a service inside a resolver carries its code of ERRORS
 * upper-cased (INVALID_REQUEST, NOT_FOUND, …). docs/integrating.md lists both.
 */
export const GRAPHQL_ERRORS = {
  OPERATION_NOT_APPROVED: "the document (or documentId, or persisted-query hash) is not one of the app's operations",
  INTROSPECTION_DISABLED: '__schema or __type anywhere in the document',
  DEPTH_LIMIT_EXCEEDED: 'fields nested deeper than the limit',
  COST_LIMIT_EXCEEDED: 'the operation may return more objects than the limit',
  GRAPHQL_PARSE_FAILED: 'the document does not parse, or is too long',
  INVALID_VARIABLES: 'variables are not a JSON object, are missing or of the wrong type',
  BAD_REQUEST: 'not a well-formed GraphQL-over-HTTP request',
  METHOD_NOT_ALLOWED: 'a mutation sent over GET',
  INTERNAL_SERVER_ERROR: 'a bug; quote the request id',
  TEMPORARILY_UNAVAILABLE: 'the database is away; retry',
} as const;

export type GraphqlErrorCode = keyof typeof GRAPHQL_ERRORS;
