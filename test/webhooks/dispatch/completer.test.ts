// Recording results: a batch the database refuses is split until the one result that cannot be
// written is found; that one is recorded as an error of its own, the others as they came, and
// none waits for another.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../../support/service.ts';
import { silentLogger } from '../../../src/log.ts';
import { Metrics } from '../../../src/metrics.ts';
import { testClaimer } from '../../support/webhooks.ts';
import { Completer } from '../../../src/webhooks/dispatch/completer.ts';
import type { Sent } from '../../../src/webhooks/dispatch/sender.ts';
import type { Principal } from '../../../src/identity/principal.ts';

let service: TestService;

beforeAll(async () => {
  service = await startTestService({ workers: false, isolated: true });
}, 30_000);
afterAll(() => service.stop());

describe('the completer', () => {
  test('one result the database refuses is recorded as an error of its own; the rest of its batch as they came', async () => {
    const t = await newTenant(service);
    const principal = (await service.tokens.verify(t.adminToken)) as Principal;
    const hook = await service.webhooks.create(principal, {
      url: 'http://127.0.0.1:9/never',
      events: ['case.updated'],
    });
    for (let i = 0; i < 7; i++)
      await service.publisher.publishNow({ tenantId: t.tenantId, type: 'case.updated', data: { case_id: `c${i}` } });
    const observe = { recorded: () => {}, leasesExpired: () => {} };
    const claimer = testClaimer(service);
    const { sending } = await claimer.claim({
      inFlight: 0,
      inFlightByTenant: new Map(),
      inFlightByEndpoint: new Map(),
    });
    expect(sending).toHaveLength(7);
    const metrics = new Metrics();
    const completer = new Completer({
      actors: service.actors,
      steps: service.webhooks.dispatcher.steps,
      subscriptions: service.webhooks.subscriptions,
      announce: async () => {},
      observe,
      log: silentLogger,
      metrics,
      onLineMoved: () => {},
    });
    // The fourth result carries a NUL byte past the HTTP client's normalisation: Postgres refuses it.
    const results: Sent[] = sending.map((claimed, i) => ({
      claimed,
      result: {
        status: 200,
        body: i === 3 ? 'poisoned\u0000body' : `ok ${i}`,
        durationMs: 12,
        error: null,
        retryAfterMs: null,
      },
      outcome: 'success',
      timestamp: Math.floor(Date.now() / 1000),
    }));
    // All at once: they share a batch.
    await Promise.all(results.map((r) => completer.record(r)));
    const rows = await service.db.query<{ id: string; state: string; response_body: string; error: string | null }>(
      `select d.id, d.state, a.response_body, a.error from webhook_deliveries d
         join webhook_attempts a on a.delivery_id = d.id and a.delivery_created_at = d.created_at
        where d.subscription_id = $1`,
      [hook.id],
    );
    expect(rows).toHaveLength(7);
    const byId = new Map(rows.map((r) => [r.id, r]));
    results.forEach((r, i) => {
      const row = byId.get(r.claimed.row.id)!;
      expect(row.state).toBe('succeeded');
      if (i === 3) {
        expect(row.response_body).toBe('');
        expect(row.error).toContain('could not be recorded as received');
      } else {
        expect(row).toMatchObject({ response_body: `ok ${i}`, error: null });
      }
    });
    expect(await metrics.scrape()).toContain('argus_delivery_results_unwritable_total 1');
  });
});
