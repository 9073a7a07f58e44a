// The TypeScript client in clients/typescript, against the running server: generated from the
// document it serves (and still what the generator writes), typed requests through
// openapi-fetch, and the webhook receiver verifying real deliveries.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPI3 } from 'openapi-typescript';
import {
  createArgusClient,
  webhookReceiver,
  WebhookVerificationError,
  DOMAIN_EVENT_TYPES,
  SYSTEM_EVENT_TYPES,
  type ReceivedEvent,
} from '../../clients/typescript/src/index.ts';
import { SCHEMA_FILE, schemaSource } from '../../clients/typescript/generate.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

let service: TestService;
let receiver: ReturnType<typeof Bun.serve>;
const deliveries: Array<{ body: string; headers: Headers }> = [];

beforeAll(async () => {
  service = await startTestService();
  receiver = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (req) => {
      deliveries.push({ body: await req.text(), headers: req.headers });
      return new Response('ok');
    },
  });
}, 30_000);
afterAll(async () => {
  await service.stop();
  receiver.stop(true);
});

async function delivered(n: number) {
  for (let i = 0; i < 200 && deliveries.length < n; i++) await Bun.sleep(25);
  expect(deliveries.length).toBeGreaterThanOrEqual(n);
  return deliveries[n - 1]!;
}

describe('clients/typescript', () => {
  test('its types are what the generator makes of the document the server serves', async () => {
    const served = (await (await fetch(`${service.url}/api/docs`)).json()) as OpenAPI3;
    expect(await schemaSource(served)).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  test('dist/ is what the build makes of src/ (the JavaScript and declarations Node, Bun and Deno import)', async () => {
    const root = join(import.meta.dir, '../..');
    const out = mkdtempSync(join(tmpdir(), 'argus-client-build-'));
    try {
      const build = Bun.spawnSync(
        [join(root, 'node_modules/.bin/tsc'), '-p', 'clients/typescript/tsconfig.build.json', '--outDir', out],
        { cwd: root, stdout: 'pipe', stderr: 'pipe' },
      );
      expect(build.exitCode, build.stdout.toString() + build.stderr.toString()).toBe(0);
      const dist = join(root, 'clients/typescript/dist');
      const built = readdirSync(out).sort();
      expect(readdirSync(dist).sort(), 'run npm run client:build').toEqual(built);
      for (const file of built)
        expect(readFileSync(join(dist, file), 'utf8'), `dist/${file}: run npm run client:build`).toBe(
          readFileSync(join(out, file), 'utf8'),
        );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  test("its event types are the server's catalogue", async () => {
    const argus = createArgusClient({ baseUrl: service.url });
    const { data, error } = await argus.GET('/v1/events/types');
    expect(error).toBeUndefined();
    const served = (data!.event_types as Array<{ type: string }>).map((e) => e.type);
    expect([...served].sort()).toEqual([...DOMAIN_EVENT_TYPES, ...SYSTEM_EVENT_TYPES].sort());
  });

  test('a webhook created, an event published and a test sent through the client; the receiver verifies them, typed', async () => {
    const t = await newTenant(service);
    let calls = 0;
    const argus = createArgusClient({
      baseUrl: `${service.url}/`,
      token: () => {
        calls++;
        return t.adminToken;
      },
    });
    const created = await argus.POST('/v1/webhooks', {
      body: { url: `http://127.0.0.1:${receiver.port}/hooks`, events: ['case.updated'] },
    });
    expect(created.response.status).toBe(201);
    const hook = created.data as { id: string; secret: string };
    expect(hook.secret).toMatch(/^whsec_/);
    const receive = webhookReceiver(hook.secret);

    const published = await argus.POST('/v1/events', {
      body: { type: 'case.updated', data: { case_id: 'c_1', status: 'open' } },
      headers: { 'idempotency-key': 'client-test-1' },
    });
    expect(published.response.status).toBe(202);
    const first = await delivered(1);
    const event: ReceivedEvent = receive.verifyBody(first.body, first.headers);
    expect(event.type).toBe('case.updated');
    expect(event.id).toBe((published.data as { id: string }).id);
    if (event.type === 'case.updated') expect(event.data).toEqual({ case_id: 'c_1', status: 'open' });

    const sent = await argus.POST('/v1/webhooks/{webhook_id}/test', { params: { path: { webhook_id: hook.id } } });
    expect(sent.response.status).toBe(202);
    const second = await delivered(2);
    const test = await receive.verify(
      new Request('http://receiver/hooks', { method: 'POST', body: second.body, headers: second.headers }),
    );
    // Narrowed by its type: a test delivery's data names its webhook.
    if (test.type !== 'webhook.test') throw new Error(`expected webhook.test, got ${test.type}`);
    expect(test.data.webhook_id).toBe(hook.id);
    expect(calls).toBe(3);

    // Tampered, or signed with another secret: refused.
    expect(() => receive.verifyBody(first.body.replace('open', 'shut'), first.headers)).toThrow(
      WebhookVerificationError,
    );
    expect(() =>
      webhookReceiver(`whsec_${btoa('another secret of 24 bytes!')}`).verifyBody(first.body, first.headers),
    ).toThrow(WebhookVerificationError);
    // During a rotation either secret verifies.
    expect(
      webhookReceiver([`whsec_${btoa('another secret of 24 bytes!')}`, hook.secret]).verifyBody(
        first.body,
        first.headers,
      ).id,
    ).toBe(event.id);
  });

  test("refusals come back as the service's error envelope", async () => {
    const t = await newTenant(service);
    const argus = createArgusClient({ baseUrl: service.url, token: t.adminToken });
    const bad = await argus.POST('/v1/webhooks', { body: { url: 'not a url', events: ['case.updated'] } });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toMatchObject({ error: 'invalid_request' });
    expect(bad.error!.error_description).toContain('url');
    const anonymous = await createArgusClient({ baseUrl: service.url }).GET('/v1/webhooks');
    expect(anonymous.response.status).toBe(401);
    expect(typeof anonymous.error!.error_description).toBe('string');
    expect(anonymous.response.headers.get('www-authenticate')).toStartWith('Bearer');
  });
});
