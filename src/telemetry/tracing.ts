// OpenTelemetry traces through the official packages, off unless configured (OTEL_* variables,
// src/config.ts). Neither Bun nor Deno runs OpenTelemetry's Node auto-instrumentation, so the
// spans are made where the work is (src/telemetry/spans.ts); this module only installs the
// SDK: a tracer provider exporting in batches over OTLP/HTTP, AsyncLocalStorage for the active
// span (node:async_hooks, on both runtimes), and the W3C trace-context propagator.
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { TracingConfig } from '../config.ts';
import { runtimeName } from '../platform.ts';
import packageJson from '../../package.json' with { type: 'json' };

export interface Tracing {
  /** Sends the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

let installed: { provider: BasicTracerProvider; users: number } | null = null;

/** Whether spans are made at all: with tracing off the span helpers add nothing. */
export const tracingOn = (): boolean => installed !== null;

/** Installs tracing for this process (once; later calls share it). Null when off. */
export function startTracing(config: TracingConfig | null): Tracing | null {
  if (!config) return null;
  if (!installed) {
    const provider = new BasicTracerProvider({
      // Ours first; the SDK's reading of OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME wins.
      resource: resourceFromAttributes({
        'service.name': config.serviceName,
        'service.version': packageJson.version,
        'process.runtime.name': runtimeName,
      }).merge(detectResources({ detectors: [envDetector] })),
      spanProcessors: [
        new BatchSpanProcessor(new OTLPTraceExporter({ url: config.url, headers: config.headers }), {
          scheduledDelayMillis: 500,
        }),
      ],
    });
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(provider);
    installed = { provider, users: 0 };
  }
  const mine = installed;
  mine.users++;
  let done = false;
  return {
    async shutdown() {
      if (done) return;
      done = true;
      if (--mine.users > 0) return void (await mine.provider.forceFlush());
      installed = null;
      await mine.provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
