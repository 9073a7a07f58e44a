// The spans of the service, made explicitly (no auto-instrumentation runs on Bun or Deno):
//   HTTP  <METHOD> <route>     one per request (server), continuing a W3C traceparent sent
//   publish <event type>       one per published event (producer); its trace context is stored
//                              with the event
//   deliver <event type>       one per delivery attempt (client), in a trace of its own, linked
//                              to its event's publish span
// With tracing off (no provider installed) each helper runs its work and nothing else.
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Link,
  type Span,
} from '@opentelemetry/api';
import packageJson from '../../package.json' with { type: 'json' };
import { tracingOn } from './tracing.ts';

const tracer = () => trace.getTracer('argus', packageJson.version);
const headerGetter = { get: (h: Headers, key: string) => h.get(key) ?? undefined, keys: (h: Headers) => [...h.keys()] };

function ended<T>(span: Span, work: Promise<T>, after: (value: T) => Attributes & { error?: boolean }): Promise<T> {
  return work.then(
    (value) => {
      const { error, ...attributes } = after(value);
      span.setAttributes(attributes);
      if (error) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      return value;
    },
    (failure: unknown) => {
      span.recordException(failure instanceof Error ? failure : String(failure));
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: failure instanceof Error ? failure.message : String(failure),
      });
      span.end();
      throw failure;
    },
  );
}

/** The server span of an HTTP request; `answered` names its route and status once routed. */
export function httpSpan(
  request: Request,
  run: () => Promise<Response>,
  answered: (response: Response) => { route: string },
  /** Told the trace id of the request's span (for the access log line, written after it ends). */
  traced?: (traceId: string) => void,
): Promise<Response> {
  if (!tracingOn()) return run();
  const parent = propagation.extract(ROOT_CONTEXT, request.headers, headerGetter);
  const url = new URL(request.url);
  const span = tracer().startSpan(
    request.method,
    {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': request.method,
        'url.path': url.pathname,
        'url.scheme': url.protocol.slice(0, -1),
      },
    },
    parent,
  );
  traced?.(span.spanContext().traceId);
  return ended(span, context.with(trace.setSpan(parent, span), run), (response) => {
    const { route } = answered(response);
    span.updateName(`${request.method} ${route}`);
    return { 'http.route': route, 'http.response.status_code': response.status, error: response.status >= 500 };
  });
}

/** The span of one publish; the work runs with it active (see activeTraceparent). */
export function publishSpan<T>(
  eventType: string,
  tenantId: string,
  run: () => Promise<T>,
  published: (value: T) => { eventId: string; deliveries: number },
): Promise<T> {
  if (!tracingOn()) return run();
  const span = tracer().startSpan(`publish ${eventType}`, {
    kind: SpanKind.PRODUCER,
    attributes: { 'messaging.operation.type': 'publish', 'argus.event.type': eventType, 'argus.tenant.id': tenantId },
  });
  return ended(span, context.with(trace.setSpan(context.active(), span), run), (value) => {
    const { eventId, deliveries } = published(value);
    return { 'argus.event.id': eventId, 'argus.event.deliveries': deliveries };
  });
}

/** The active span's W3C traceparent when it is sampled (stored with an event); null otherwise. */
export function activeTraceparent(): string | null {
  if (!tracingOn()) return null;
  const span = trace.getActiveSpan();
  if (!span || !(span.spanContext().traceFlags & 1)) return null;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

export interface AttemptOf {
  deliveryId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  attempt: number;
  host: string;
}

/** The span of one delivery attempt, linked to the publish span named by `traceparent`. */
export function attemptSpan<T>(
  of: AttemptOf,
  traceparent: string | null,
  run: () => Promise<T>,
  result: (value: T) => { status: number | null; outcome: string; error: string | null },
): Promise<T> {
  if (!tracingOn()) return run();
  const links: Link[] = [];
  if (traceparent) {
    const published = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent }));
    if (published) links.push({ context: published });
  }
  const span = tracer().startSpan(`deliver ${of.eventType}`, {
    kind: SpanKind.CLIENT,
    root: true,
    links,
    attributes: {
      'http.request.method': 'POST',
      'server.address': of.host,
      'argus.delivery.id': of.deliveryId,
      'argus.webhook.id': of.webhookId,
      'argus.event.id': of.eventId,
      'argus.event.type': of.eventType,
      'argus.delivery.attempt': of.attempt,
    },
  });
  return ended(span, context.with(trace.setSpan(ROOT_CONTEXT, span), run), (value) => {
    const r = result(value);
    return {
      ...(r.status === null ? {} : { 'http.response.status_code': r.status }),
      'argus.delivery.outcome': r.outcome,
      ...(r.error ? { 'error.type': r.error.slice(0, 200) } : {}),
      error: r.outcome !== 'success',
    };
  });
}
