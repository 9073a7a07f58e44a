// Policy numbers from configuration reach the machine that applies them: a new webhook's
// failing span and secret grace window.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { ManualClock } from '../../src/actors/clock.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { api as callApi, type Json } from '../support/webhooks.ts';

let service: TestService;
const clock = new ManualClock(Date.now());
let acme: Awaited<ReturnType<typeof newTenant>>;

beforeAll(async () => {
  service = await startTestService({
    clock,
    workers: false,
    env: { WEBHOOK_DISABLE_AFTER_SECONDS: '3600', SECRET_GRACE_SECONDS: '600' },
  });
  acme = await newTenant(service);
}, 30_000);
afterAll(async () => {
  await service.stop();
});

const api = (method: string, path: string, body?: unknown) => callApi(service.url, method, path, acme.adminToken, body);

describe('configured policy', () => {
  test('a new webhook keeps WEBHOOK_DISABLE_AFTER_SECONDS and SECRET_GRACE_SECONDS in its machine', async () => {
    const hook = (await api('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['incident.updated'] }))
      .body;
    const rows = await service.db.query<{ snapshot: { context: Json } }>(
      'select snapshot from webhook_subscriptions where id = $1',
      [hook.id],
    );
    expect(rows[0]!.snapshot.context).toMatchObject({ disableAfterMs: 3_600_000, secretGraceMs: 600_000 });
    const rotated = (
      await api('PUT', `/v1/webhooks/${hook.id}`, { secret: `whsec_${btoa('new-secret-new-secret-new-secret')}` })
    ).body;
    expect(rotated.secret_rotation).toEqual({
      previous_secret_expires_at: new Date(clock.now() + 600_000).toISOString(),
    });
  });
});
