// OpenTelemetry traces, exported for real over OTLP/HTTP to a collector this test runs on
// loopback: a caller's W3C traceparent on POST /v1/events continues into the HTTP span, the
// publish span is its child and is stored with the event, and the delivery attempt's span
// links to it. On Bun in-process, and on Deno as a spawned server.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, newTenant, startTestService, untilReady, type TestService } from '../support/service.ts';

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Array<{ key: string; value: OtlpValue }>;
  links?: Array<{ traceId: string; spanId: string }>;
}
interface Exported {
  resource: Record<string, string>;
  span: OtlpSpan;
}

const exported: Exported[] = [];
let collector: ReturnType<typeof Bun.serve>;
let hooks: ReturnType<typeof Bun.serve>;
let received = 0;

beforeAll(() => {
  // The OTLP/HTTP collector: JSON export requests on /v1/traces.
  collector = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (req) => {
      if (req.method !== 'POST' || new URL(req.url).pathname !== '/v1/traces')
        return new Response('not found', { status: 404 });
      const body = (await req.json()) as {
        resourceSpans: Array<{
          resource: { attributes: Array<{ key: string; value: OtlpValue }> };
          scopeSpans: Array<{ spans: OtlpSpan[] }>;
        }>;
      };
      for (const rs of body.resourceSpans) {
        const resource = Object.fromEntries(
          rs.resource.attributes.map((a) => [a.key, String(a.value.stringValue ?? a.value.intValue)]),
        );
        for (const ss of rs.scopeSpans) for (const span of ss.spans) exported.push({ resource, span });
      }
      return Response.json({});
    },
  });
  hooks = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (req) => {
      await req.text();
      received++;
      return new Response('ok');
    },
  });
});
afterAll(() => {
  collector.stop(true);
  hooks.stop(true);
});

const attr = (span: OtlpSpan, key: string) => {
  const v = span.attributes.find((a) => a.key === key)?.value;
  return v === undefined ? undefined : (v.stringValue ?? Number(v.intValue));
};

async function spansOf(traceId: string, names: string[], limitMs = 15_000): Promise<Exported[]> {
  for (const deadline = Date.now() + limitMs; ; await Bun.sleep(100)) {
    const found = exported.filter(
      (e) => e.span.traceId === traceId || e.span.links?.some((l) => l.traceId === traceId),
    );
    if (names.every((n) => found.some((e) => e.span.name === n)) || Date.now() > deadline) return found;
  }
}

const hex = (bytes: number) =>
  [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Publishes with a caller's traceparent and checks the three spans and how they connect. */
async function publishTraced(url: string, token: string, runtime: 'bun' | 'deno') {
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const hook = await fetch(`${url}/v1/webhooks`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ url: `http://127.0.0.1:${hooks.port}/h`, events: ['case.updated'] }),
  });
  expect(hook.status).toBe(201);
  const traceId = hex(16);
  const callerSpan = hex(8);
  const before = received;
  const res = await fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { ...auth, traceparent: `00-${traceId}-${callerSpan}-01` },
    body: JSON.stringify({ type: 'case.updated', data: { traced: true } }),
  });
  expect(res.status).toBe(202);
  const event = (await res.json()) as { id: string };
  for (let i = 0; i < 200 && received === before; i++) await Bun.sleep(25);
  expect(received).toBe(before + 1);

  const spans = await spansOf(traceId, ['POST /v1/events', 'publish case.updated', 'deliver case.updated']);
  const http = spans.find((e) => e.span.name === 'POST /v1/events');
  const publish = spans.find((e) => e.span.name === 'publish case.updated');
  const deliver = spans.find((e) => e.span.name === 'deliver case.updated');
  expect([http?.span.name, publish?.span.name, deliver?.span.name]).toEqual([
    'POST /v1/events',
    'publish case.updated',
    'deliver case.updated',
  ]);
  // The caller's trace continues: HTTP span under the caller's span, publish under the HTTP span.
  expect(http!.span).toMatchObject({ traceId, parentSpanId: callerSpan, kind: 2 });
  expect(attr(http!.span, 'http.route')).toBe('/v1/events');
  expect(attr(http!.span, 'http.response.status_code')).toBe(202);
  expect(publish!.span).toMatchObject({ traceId, parentSpanId: http!.span.spanId, kind: 4 });
  expect(attr(publish!.span, 'argus.event.id')).toBe(event.id);
  // The attempt: a trace of its own, linked to the publish span.
  expect(deliver!.span.traceId).not.toBe(traceId);
  expect(deliver!.span.links).toEqual([expect.objectContaining({ traceId, spanId: publish!.span.spanId })]);
  expect(deliver!.span.kind).toBe(3);
  expect(attr(deliver!.span, 'http.response.status_code')).toBe(200);
  expect(attr(deliver!.span, 'argus.delivery.outcome')).toBe('success');
  expect(attr(deliver!.span, 'argus.event.id')).toBe(event.id);
  // OTEL_RESOURCE_ATTRIBUTES, read by the SDK itself, adds to the resource.
  for (const e of [http!, publish!, deliver!])
    expect(e.resource).toMatchObject({
      'service.name': 'argus-traced',
      'process.runtime.name': runtime,
      'deployment.environment': 'staging',
    });
  return { event, publish: publish!.span, traceId };
}

const RESOURCE_ATTRIBUTES = 'deployment.environment=staging';

describe('tracing on Bun', () => {
  let service: TestService;
  beforeAll(async () => {
    // The SDK reads the process's environment (only this file turns tracing on in the suite's process).
    process.env.OTEL_RESOURCE_ATTRIBUTES = RESOURCE_ATTRIBUTES;
    service = await startTestService({
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collector.port}`, OTEL_SERVICE_NAME: 'argus-traced' },
    });
  }, 30_000);
  afterAll(async () => {
    await service.stop();
    delete process.env.OTEL_RESOURCE_ATTRIBUTES;
  });

  test('a traceparent on POST /v1/events: HTTP span, publish span stored with the event, attempt span linked to it', async () => {
    const t = await newTenant(service);
    const { event, publish, traceId } = await publishTraced(service.url, t.adminToken, 'bun');
    const [row] = await service.db.query<{ traceparent: string }>('select traceparent from events where id = $1', [
      event.id,
    ]);
    expect(row?.traceparent).toBe(`00-${traceId}-${publish.spanId}-01`);
  });

  test('a request without a traceparent starts a trace of its own; a malformed one is ignored', async () => {
    const before = exported.length;
    await fetch(`${service.url}/healthz`, { headers: { traceparent: 'not-a-trace-context' } });
    await fetch(`${service.url}/nope`);
    for (let i = 0; i < 100 && exported.length < before + 2; i++) await Bun.sleep(50);
    const spans = exported.slice(before).map((e) => e.span);
    const health = spans.find((s) => s.name === 'GET /healthz');
    expect(health?.parentSpanId ?? '').toBe('');
    expect(spans.find((s) => s.name === 'GET unmatched')).toBeDefined();
  });
});

describe('tracing on Deno', () => {
  test('the same spans from a Deno server', async () => {
    const port = freePort();
    const url = `http://127.0.0.1:${port}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'argus-deno-otel-'));
    const root = join(import.meta.dir, '../..');
    const proc = Bun.spawn([join(root, 'node_modules/.bin/deno'), 'run', '--allow-all', 'src/cli.ts', 'serve'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        PUBLIC_URL: url,
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        ALLOW_PRIVATE_TARGETS: 'true',
        WORKER_POLL_MS: '50',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collector.port}`,
        OTEL_SERVICE_NAME: 'argus-traced',
        OTEL_RESOURCE_ATTRIBUTES: RESOURCE_ATTRIBUTES,
        LOG_FORMAT: 'json',
      },
      stdin: 'ignore',
      stdout: 'pipe',
      stderr: 'pipe',
    });
    const stdout = new Response(proc.stdout).text();
    let traced = '';
    try {
      await untilReady(url, proc, 60_000, () => new Response(proc.stderr).text());
      const boot = Bun.spawn(
        [
          process.execPath,
          'src/cli.ts',
          'bootstrap',
          '--tenant',
          'Traced',
          '--admin-email',
          'a@traced.example',
          '--json',
        ],
        { cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, stdout: 'pipe', stderr: 'pipe' },
      );
      const [out, code] = await Promise.all([new Response(boot.stdout).text(), boot.exited]);
      expect(code).toBe(0);
      traced = (
        await publishTraced(url, (JSON.parse(out) as { admin_access_token: string }).admin_access_token, 'deno')
      ).traceId;
    } finally {
      proc.kill('SIGTERM');
      await proc.exited;
    }
    // Its stdout: JSON lines only, an access line per request carrying the request's trace, one shutdown line.
    const lines = (await stdout)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((l) => l.msg === 'request' && l.route === '/v1/events')).toMatchObject({
      level: 'info',
      method: 'POST',
      status: 202,
      trace_id: traced,
      request_id: expect.stringMatching(/^req_/),
      duration_ms: expect.any(Number),
    });
    expect(lines.filter((l) => l.msg === 'shutting down')).toHaveLength(1);
  }, 120_000);
});
