// The arithmetic of fair claims, with no I/O (the claimer asks; src/webhooks/dispatch/claimer.ts).
//
// The rule: a claim goes round the tenants that have deliveries ready, from where the last
// claim stopped, and splits its batch equally between them (a tenant that wants less leaves
// the rest to the others); inside a tenant it splits that tenant's part the same way between its
// endpoints, each wanting what it has ready and room for. A tenant may hold at most its share of the process's in-flight
// budget: all of it while it is the only tenant with work, an equal part while others have
// work too.

/**
 * Splits `total` between claimants in order, each getting at most its demand and no one more
 * than an equal part of what the others leave (max-min fairness). Earlier claimants get the
 * odd units, so a split of 5 between 2 is 3 and 2.
 */
export function waterFill(total: number, demands: readonly number[]): number[] {
  const out = demands.map(() => 0);
  let left = Math.max(0, Math.floor(total));
  // Smallest demands first: each takes what it wants if that is within an equal part.
  const order = demands.map((d, i) => ({ d: Math.max(0, Math.floor(d)), i })).sort((a, b) => a.d - b.d || a.i - b.i);
  let k = 0;
  for (; k < order.length; k++) {
    const part = Math.floor(left / (order.length - k));
    const claimant = order[k]!;
    if (claimant.d > part) break;
    out[claimant.i] = claimant.d;
    left -= claimant.d;
  }
  // The rest want more than an equal part: they share what is left equally, in their order.
  const rest = order.slice(k).sort((a, b) => a.i - b.i);
  rest.forEach((claimant, j) => {
    out[claimant.i] = Math.floor(left / rest.length) + (j < left % rest.length ? 1 : 0);
  });
  return out;
}

/** A tenant's share of the process's in-flight budget while `activeTenants` tenants have work (itself included). */
export function tenantShare(budget: number, activeTenants: number): number {
  return Math.max(1, Math.ceil(budget / Math.max(1, activeTenants)));
}

export interface TenantFound {
  tenantId: string;
  /** Its endpoints this claim may take from, in the order the walk found them, with what each could take now. */
  endpoints: ReadonlyArray<{ endpointId: string; room: number }>;
}

export interface ClaimPlanInput {
  batch: number;
  /** The process's budget (WORKER_MAX_IN_FLIGHT). */
  budget: number;
  /** Requests in flight in this process, in all and by tenant. */
  inFlight: number;
  inFlightByTenant: ReadonlyMap<string, number>;
  tenants: readonly TenantFound[];
}

export interface ClaimPlan {
  /** Deliveries to take per endpoint (endpoints given nothing are left out). */
  takes: Array<{ tenantId: string; endpointId: string; take: number }>;
  /** Per tenant: what it was given, and whether it could have used more (its share or the process's room held it back). */
  quotas: Map<string, { quota: number; limited: boolean }>;
  share: number;
}

/**
 * How many deliveries to take from each endpoint. The process may go over its budget while a
 * tenant that held all of it comes down to its share, never past twice the budget.
 */
export function planClaim(input: ClaimPlanInput): ClaimPlan {
  const active = new Set<string>(input.tenants.map((t) => t.tenantId));
  for (const [tenantId, n] of input.inFlightByTenant) if (n > 0) active.add(tenantId);
  const share = tenantShare(input.budget, active.size);
  const room = Math.min(input.batch, Math.max(0, 2 * input.budget - input.inFlight));
  const reach = input.tenants.map((t) => t.endpoints.reduce((sum, e) => sum + e.room, 0));
  const wants = input.tenants.map((t, i) =>
    Math.min(Math.max(0, share - (input.inFlightByTenant.get(t.tenantId) ?? 0)), reach[i]!),
  );
  const given = waterFill(room, wants);
  const takes: ClaimPlan['takes'] = [];
  const quotas: ClaimPlan['quotas'] = new Map();
  input.tenants.forEach((t, i) => {
    const quota = given[i]!;
    quotas.set(t.tenantId, { quota, limited: quota < reach[i]! });
    const perEndpoint = waterFill(
      quota,
      t.endpoints.map((e) => e.room),
    );
    t.endpoints.forEach((e, j) => {
      if (perEndpoint[j]! > 0) takes.push({ tenantId: t.tenantId, endpointId: e.endpointId, take: perEndpoint[j]! });
    });
  });
  return { takes, quotas, share };
}
