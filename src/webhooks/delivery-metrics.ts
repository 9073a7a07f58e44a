// What operators alert on about deliveries, beside the dispatcher's own counters: outcomes,
// attempt latency, lease expiries, what is in flight (per tenant too), the event bodies held,
// and (read when scraped, from the small indexes of ready deliveries and of timers) the
// backlog by state, per tenant, and the age of the oldest due delivery. The dispatcher calls
// in with a few hooks; everything else is here.
//
// Per tenant, the families say how work is spread, not whose it is: the series of the tenants
// with most are labelled by rank (rank="1" holds the most), the rest summed as rank="other",
// beside the number of tenants with any. Tenant ids are not label values: /metrics answers
// without credentials, so one tenant would read the ids of the others (and how busy they are),
// and an install with 10,000 tenants would have 10,000 series per family. Which tenant holds
// rank 1 is for the studio and the logs to say.
import type { ReadRouting } from '../db/read-replica.ts';
import type { Gauge, Metrics } from '../metrics.ts';
import type { DeliveryOutcome } from '../../machines/delivery.ts';

/** Attempt latency buckets, in seconds: a receiver has WEBHOOK_TIMEOUT_MS (15 s by default). */
const ATTEMPT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 60];
const BACKLOG_STATES = ['queued', 'sending', 'backoff'] as const;

/** Ranks shown one by one in the per-tenant families; the others are summed as rank="other". */
export const TENANT_RANKS = 10;

/** Sets a per-tenant gauge by rank: the largest TENANT_RANKS one by one, the rest as "other"; ranks gone since the last scrape are dropped. */
function setByRank(g: Gauge, values: Iterable<number>): void {
  g.values.clear();
  const sorted = [...values].filter((n) => n > 0).sort((a, b) => b - a);
  sorted.slice(0, TENANT_RANKS).forEach((n, i) => {
    g.set(n, { rank: String(i + 1) });
  });
  if (sorted.length > TENANT_RANKS)
    g.set(
      sorted.slice(TENANT_RANKS).reduce((sum, n) => sum + n, 0),
      { rank: 'other' },
    );
}

export interface RecordedAttempt {
  outcome: DeliveryOutcome;
  durationMs: number;
  /** Whether a request went out (not when the target was refused or the secret unreadable). */
  sent: boolean;
  /** The delivery's state after the attempt. */
  state: string;
}

export interface DeliveryObserver {
  /** Attempts whose results were recorded (after their transaction committed). */
  recorded(attempts: readonly RecordedAttempt[]): void;
  /** Deliveries claimed again because the worker sending them let their lease run out. */
  leasesExpired(count: number): void;
}

export function observeDeliveries(
  metrics: Metrics,
  reads: ReadRouting,
  dispatch: {
    inFlight: () => number;
    inFlightByTenant: () => ReadonlyMap<string, number>;
    bodies: () => { events: number; chars: number };
    now: () => number;
  },
): DeliveryObserver {
  const completed = metrics.counter(
    'argus_deliveries_completed_total',
    'Deliveries that reached a final state through an attempt, by state (succeeded, failed)',
  );
  const latency = metrics.histogram(
    'argus_delivery_attempt_duration_seconds',
    'Time from request to response (or timeout, or connection error) of a delivery attempt, by outcome',
    ATTEMPT_BUCKETS,
  );
  const expired = metrics.counter(
    'argus_delivery_lease_expiries_total',
    'Deliveries whose lease ran out while being sent (their worker stopped or lost the database), claimed again',
  );
  // Present from the start, at 0: an alert on their rate needs a first sample.
  for (const state of ['succeeded', 'failed']) completed.inc({ state }, 0);
  expired.inc({}, 0);
  metrics.gauge(
    'argus_deliveries_in_flight',
    'Deliveries this process has claimed and not yet recorded (WORKER_MAX_IN_FLIGHT once tenants are at their shares; never twice that)',
    (g) => g.set(dispatch.inFlight()),
  );
  metrics.gauge(
    'argus_tenant_deliveries_in_flight',
    `Deliveries this process has claimed and not yet recorded, per tenant by rank (rank="1" has most; past ${TENANT_RANKS}, rank="other" sums the rest)`,
    (g) => setByRank(g, dispatch.inFlightByTenant().values()),
  );
  metrics.gauge(
    'argus_delivery_event_bodies',
    'Event bodies this process holds for deliveries in flight, and their size: one per event, whatever its fan-out',
    (g) => {
      const { events, chars } = dispatch.bodies();
      g.set(events, { measure: 'events' });
      g.set(chars, { measure: 'characters' });
    },
  );
  const tenantsWithWork = metrics.gauge(
    'argus_tenants_with_work',
    'Tenants with deliveries ready to send (all processes), and with deliveries in flight in this process',
  );
  metrics.gauge(
    'argus_tenant_deliveries_ready',
    `Deliveries ready to send (queued and due), all processes, per tenant by rank (rank="1" has most; past ${TENANT_RANKS}, rank="other" sums the rest)`,
    async (g) => {
      const rows = await reads
        .reader()
        .query<{ n: number }>(
          `select count(*)::int as n from webhook_deliveries where state = 'queued' and due_at is not null group by tenant_id`,
        );
      setByRank(
        g,
        rows.map((r) => r.n),
      );
      tenantsWithWork.set(rows.length, { work: 'ready' });
      tenantsWithWork.set(dispatch.inFlightByTenant().size, { work: 'in_flight' });
    },
  );
  metrics.gauge(
    'argus_delivery_backlog',
    'Deliveries with a timer, by state: queued (due now), sending (leased), backoff (waiting for a retry); all processes',
    async (g) => {
      const rows = await reads.reader().query<{ state: string; n: number }>(
        `select 'queued' as state, count(*)::int as n from webhook_deliveries where state = 'queued' and due_at is not null
         union all
         select state, count(*)::int as n from webhook_deliveries where due_at is not null and state <> 'queued' group by state`,
      );
      for (const state of BACKLOG_STATES) g.set(rows.find((r) => r.state === state)?.n ?? 0, { state });
    },
  );
  metrics.gauge(
    'argus_delivery_oldest_due_age_seconds',
    'How long the longest-waiting due delivery (a queued one, a retry due, a lease run out) has been due; 0 when none is',
    async (g) => {
      const [row] = await reads.reader().query<{ due_at: Date | null }>(
        `select least((select min(due_at) from webhook_deliveries where state = 'queued' and due_at is not null and due_at <= $1),
                      (select min(due_at) from webhook_deliveries where due_at is not null and state <> 'queued' and due_at <= $1)) as due_at`,
        [new Date(dispatch.now())],
      );
      g.set(row?.due_at ? Math.max(0, (dispatch.now() - new Date(row.due_at).getTime()) / 1000) : 0);
    },
  );
  return {
    recorded(attempts) {
      for (const a of attempts) {
        if (a.sent) latency.observe(a.durationMs / 1000, { outcome: a.outcome });
        if (a.state === 'succeeded' || a.state === 'failed') completed.inc({ state: a.state });
      }
    },
    leasesExpired(count) {
      if (count > 0) expired.inc({}, count);
    },
  };
}
