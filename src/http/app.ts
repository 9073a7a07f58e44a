// Elysia composition: request ids, JSON access logs, body parsing and limits, the error
// envelope for every failure (unknown route, wrong method, bad JSON, oversized body,
// validation), and the plugins of each domain mounted once.
import { Elysia, ParseError, ValidationError } from 'elysia';
import type { AnyElysia } from 'elysia';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { ApiError, invalidRequest, serverError, apiError, temporarilyUnavailable } from '../errors.ts';
import { requestInfo, type RequestInfo } from './request-info.ts';
import { isDatabaseUnavailable, isDataException, isTransactionConflict } from '../db/db.ts';
import { parseBody, payloadTooLarge } from './body.ts';
import { headerBytes, headersTooLarge } from './header-size.ts';
import { httpSpan } from '../telemetry/spans.ts';
import { clientOf } from './client-address.ts';
import { TrustedProxies, type ForwardedHeaders } from '../net/trusted-proxies.ts';

export interface HttpOptions {
  log: Logger;
  metrics: Metrics;
  maxBodyBytes: number;
  /** Request line and headers; see headerBytes. Unset: no check beyond the runtime's own. */
  maxHeaderBytes?: number;
  maxJsonDepth: number;
  /** One `request` line at info per answer (ACCESS_LOG). */
  accessLog?: boolean;
  /** Whose forwarded headers are believed (TRUSTED_PROXIES; none by default), and which ones. */
  trustedProxies?: TrustedProxies;
  forwardedHeaders?: ForwardedHeaders;
}

/** Sent on every answer to a client that came over HTTPS: browsers keep to HTTPS for a year. */
const HSTS = 'max-age=31536000';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function describeValidation(error: ValidationError): string {
  const first = error.all[0] as
    | {
        path?: string;
        summary?: string;
        message?: string;
        schema?: { title?: unknown; anyOf?: Array<{ type?: unknown; format?: unknown }> };
      }
    | undefined;
  const where = error.type === 'body' ? 'body' : error.type;
  if (!first) return `invalid ${where}`;
  // A query value checked after its conversion (a number) has no path: its schema's title names it.
  const title = typeof first.schema?.title === 'string' ? first.schema.title : '';
  const field = (first.path ?? '').replace(/^\//, '').replace(/\//g, '.') || title;
  // An integer in a query is a union of its text and its value: "should be one of" says little.
  const wholeNumber =
    first.schema?.anyOf?.length && first.schema.anyOf.every((s) => s.type === 'integer' || s.format === 'integer');
  const message = wholeNumber ? 'must be a whole number' : (first.summary ?? first.message ?? 'is invalid');
  return field ? `${field}: ${message}` : `${where}: ${message}`;
}

function pathPattern(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg === '*' ? '.*' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

/**
 * What every answer carries: its request id; no answer of this service is to be sniffed into
 * another media type (an error page as HTML, say); over HTTPS, every answer says to keep to it
 * (HSTS). Set on the answer itself, after the router: a header put in Elysia's `set` makes it
 * rebuild a Response a route returned around its body as a stream, which costs a request on
 * GraphQL about 10 µs more, and as much again when the stream is written to the socket.
 */
function withResponseHeaders(response: Response, https: boolean, requestId: string): Response {
  const set = (headers: Headers) => {
    headers.set('x-request-id', requestId);
    headers.set('x-content-type-options', 'nosniff');
    if (https) headers.set('strict-transport-security', HSTS);
  };
  try {
    set(response.headers);
    return response;
  } catch {
    // Immutable headers (Response.redirect): the same answer, with headers of its own.
    const copy = new Response(response.body, response);
    set(copy.headers);
    return copy;
  }
}

export function createHttpApp(options: HttpOptions, plugins: AnyElysia[]) {
  const { log, metrics } = options;
  const proxies = options.trustedProxies ?? TrustedProxies.none;
  const forwarded = options.forwardedHeaders ?? 'x-forwarded';
  const requests = metrics.counter('argus_http_requests_total', 'HTTP requests answered, by route and status');
  const latency = metrics.histogram('argus_http_request_duration_seconds', 'HTTP request latency by route');

  const app = new Elysia({ normalize: false })
    .onRequest(({ request }) => {
      const info = requestInfo(request);
      if (request.url.includes('%00'))
        return invalidRequest('the URL must not contain NUL (%00) characters').toResponse(info.id);
      const length = Number(request.headers.get('content-length') ?? '0');
      if (BODY_METHODS.has(request.method) && length > options.maxBodyBytes) {
        return payloadTooLarge(options.maxBodyBytes, length).toResponse(info.id);
      }
      if (options.maxHeaderBytes !== undefined) {
        const size = headerBytes(request);
        if (size > options.maxHeaderBytes) return headersTooLarge(options.maxHeaderBytes, size).toResponse(info.id);
      }
    })
    .onTransform(({ request, route }) => {
      requestInfo(request).route = route;
    })
    .onParse(({ request, contentType }) => parseBody(request, contentType ?? '', options))
    .onError(({ code, error, request }) => {
      const info = requestInfo(request);
      if (error instanceof ApiError) return error.toResponse(info.id);
      if (error instanceof ParseError && error.cause instanceof ApiError) return error.cause.toResponse(info.id);
      if (error instanceof ValidationError) return invalidRequest(describeValidation(error)).toResponse(info.id);
      if (code === 'NOT_FOUND') {
        const path = new URL(request.url).pathname;
        const allowed = [...new Set(app.routes.filter((r) => pathPattern(r.path).test(path)).map((r) => r.method))];
        if (allowed.length > 0) {
          return apiError(
            'method_not_allowed',
            `${request.method} is not allowed on ${path}; use ${allowed.join(', ')}`,
            {
              headers: { allow: allowed.join(', ') },
            },
          ).toResponse(info.id);
        }
        return apiError('not_found', `no route for ${request.method} ${path}`).toResponse(info.id);
      }
      if (code === 'PARSE') return invalidRequest('request body could not be parsed').toResponse(info.id);
      if (isDataException(error)) {
        log.warn('a value was refused by the database', { request_id: info.id, error });
        // The database's own text names its internals; the client gets the service's words.
        return invalidRequest(
          'a value in the request is out of range or malformed (a date, time or number the database cannot store)',
        ).toResponse(info.id);
      }
      if (isDatabaseUnavailable(error)) {
        log.warn('database unavailable', { request_id: info.id, error });
        return temporarilyUnavailable(
          'the database is unavailable; retry shortly (with the same Idempotency-Key when publishing)',
        ).toResponse(info.id);
      }
      if (isTransactionConflict(error)) {
        log.warn('transaction conflict persisted after retries', { request_id: info.id, error });
        return temporarilyUnavailable(
          'the request collided with concurrent work and was rolled back; retry it (with the same Idempotency-Key when publishing)',
        ).toResponse(info.id);
      }
      log.error('unhandled error', { request_id: info.id, error });
      return serverError(info.id).toResponse(info.id);
    });

  for (const plugin of plugins) app.use(plugin);

  return {
    app,
    /**
     * Entry point for the platform server: records who sent the request (the socket's address,
     * or the client a trusted proxy reports; the socket's scheme is the request URL's), then routes.
     */
    handle: (request: Request, peer: { remoteAddress: string }): Promise<Response> =>
      handleRouted(request, peer).catch((error: unknown) => {
        // Past the router's own error handling (a hook of ours or the tracing threw): still the envelope.
        const id = requestInfo(request).id;
        log.error('unhandled error', { request_id: id, error });
        return withResponseHeaders(serverError(id).toResponse(id), request.url.startsWith('https:'), id);
      }),
  };

  async function handleRouted(request: Request, peer: { remoteAddress: string }): Promise<Response> {
    const info: RequestInfo = requestInfo(request);
    const scheme = request.url.startsWith('https:') ? 'https' : 'http';
    info.client = clientOf(peer.remoteAddress, request.headers, scheme, proxies, forwarded);
    const given = request.headers.get('x-request-id');
    if (given && REQUEST_ID.test(given)) info.id = given;
    return httpSpan(
      request,
      () => app.handle(request),
      () => ({ route: info.route ?? 'unmatched' }),
      (traceId) => {
        info.traceId = traceId;
      },
    ).then((answered) => {
      const { client } = info;
      const response = withResponseHeaders(answered, client.scheme === 'https', info.id);
      const seconds = (performance.now() - info.start) / 1000;
      const route = info.route ?? 'unmatched';
      requests.inc({ method: request.method, route, status: String(response.status) });
      latency.observe(seconds, { route });
      if (options.accessLog)
        log.info('request', {
          request_id: info.id,
          ...(info.traceId ? { trace_id: info.traceId } : {}),
          method: request.method,
          route,
          status: response.status,
          duration_ms: Math.round(seconds * 10_000) / 10,
          client_address: client.address,
          scheme: client.scheme,
          host: client.host,
          ...(client.proxy ? { proxy: client.proxy } : {}),
        });
      return response;
    });
  }
}
