// The arithmetic of fair claims: max-min fair splits, a tenant's share of the budget, and a
// claim's plan across tenants and their endpoints.
import { describe, expect, test } from 'bun:test';
import fc from 'fast-check';
import { planClaim, tenantShare, waterFill } from '../../../src/webhooks/dispatch/fair-share.ts';

describe('waterFill', () => {
  test('examples: equal parts, small demands served whole, the odd units to the first', () => {
    expect(waterFill(10, [100, 100])).toEqual([5, 5]);
    expect(waterFill(5, [100, 100])).toEqual([3, 2]);
    expect(waterFill(10, [1, 100, 100])).toEqual([1, 5, 4]);
    expect(waterFill(10, [2, 3])).toEqual([2, 3]);
    expect(waterFill(0, [5])).toEqual([0]);
    expect(waterFill(7, [])).toEqual([]);
  });

  test('properties: within demand and total, nothing idle while a demand is unmet, max-min fair', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.array(fc.nat(2000), { maxLength: 40 }), (total, demands) => {
        const got = waterFill(total, demands);
        const sum = got.reduce((a, b) => a + b, 0);
        got.forEach((g, i) => {
          expect(g).toBeGreaterThanOrEqual(0);
          expect(g).toBeLessThanOrEqual(demands[i]!);
        });
        expect(sum).toBeLessThanOrEqual(total);
        // Work-conserving: either the total is used up or every demand is met.
        if (sum < total) expect(got).toEqual(demands);
        // Max-min: a claimant short of its demand has no less than anyone else, but for one unit.
        got.forEach((g, i) => {
          if (g < demands[i]!) for (const other of got) expect(g).toBeGreaterThanOrEqual(other - 1);
        });
      }),
    );
  });
});

describe('tenantShare', () => {
  test('all of the budget alone, an equal part beside others, at least one', () => {
    expect(tenantShare(1000, 1)).toBe(1000);
    expect(tenantShare(1000, 0)).toBe(1000);
    expect(tenantShare(1000, 3)).toBe(334);
    expect(tenantShare(10, 50)).toBe(1);
  });
});

describe('planClaim', () => {
  const base = { batch: 200, budget: 1000, inFlight: 0, inFlightByTenant: new Map<string, number>() };
  /** Endpoints named `prefix`0… each with `room` deliveries it could take now. */
  const endpoints = (prefix: string, n: number, room = 8) =>
    Array.from({ length: n }, (_, i) => ({ endpointId: `${prefix}${i}`, room }));

  test('an endpoint with less than its part leaves the rest to the others of its tenant', () => {
    const plan = planClaim({
      ...base,
      batch: 20,
      tenants: [{ tenantId: 'ten_a', endpoints: [{ endpointId: 'a', room: 1 }, ...endpoints('b', 2)] }],
    });
    expect(plan.takes.map((t) => t.take)).toEqual([1, 8, 8]);
  });

  test('a tenant alone takes the whole batch, spread over its endpoints', () => {
    const plan = planClaim({ ...base, tenants: [{ tenantId: 'ten_a', endpoints: endpoints('wh_', 50) }] });
    expect(plan.share).toBe(1000);
    expect(plan.takes.reduce((s, t) => s + t.take, 0)).toBe(200);
    expect(new Set(plan.takes.map((t) => t.take))).toEqual(new Set([4]));
  });

  test("a burst beside a quiet tenant: the quiet one's endpoint gets what it can take, the burst the rest", () => {
    const burst = { tenantId: 'ten_a', endpoints: endpoints('wh_a', 200) };
    const quiet = { tenantId: 'ten_b', endpoints: [{ endpointId: 'wh_b', room: 1 }] };
    const plan = planClaim({ ...base, tenants: [burst, quiet] });
    const byTenant = (t: string) => plan.takes.filter((x) => x.tenantId === t).reduce((s, x) => s + x.take, 0);
    expect(byTenant('ten_b')).toBe(1);
    expect(byTenant('ten_a')).toBe(199);
    expect(plan.share).toBe(500);
  });

  test('a tenant holding the whole budget with hanging requests gets nothing more while another has work; the other gets its share at once', () => {
    const inFlightByTenant = new Map([['ten_a', 1000]]);
    const plan = planClaim({
      ...base,
      inFlight: 1000,
      inFlightByTenant,
      tenants: [
        { tenantId: 'ten_a', endpoints: endpoints('wh_a', 2) },
        { tenantId: 'ten_b', endpoints: endpoints('wh_b', 1) },
      ],
    });
    expect(plan.takes).toEqual([{ tenantId: 'ten_b', endpointId: 'wh_b0', take: 8 }]);
    expect(plan.quotas.get('ten_a')).toEqual({ quota: 0, limited: true });
  });

  test('never past twice the budget in flight', () => {
    const plan = planClaim({
      ...base,
      inFlight: 1995,
      inFlightByTenant: new Map([['ten_a', 1995]]),
      tenants: [{ tenantId: 'ten_b', endpoints: endpoints('wh_b', 2) }],
    });
    expect(plan.takes.reduce((s, t) => s + t.take, 0)).toBe(5);
  });

  test('10,000 tenants with a few each: one each, in the order found', () => {
    const tenants = Array.from({ length: 10_000 }, (_, i) => ({
      tenantId: `ten_${i}`,
      endpoints: endpoints(`wh_${i}_`, 1, 3),
    }));
    const plan = planClaim({ ...base, tenants });
    expect(plan.takes).toHaveLength(200);
    expect(plan.takes.every((t) => t.take === 1)).toBe(true);
    expect(plan.takes[0]!.tenantId).toBe('ten_0');
  });
});
