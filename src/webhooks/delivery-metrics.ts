// What operators alert on about deliveries, beside the dispatcher's own counters: outcomes,
// attempt latency, lease expiries, the endpoint gates, and (read when scraped, from the small
// hot index of rows with a timer) the backlog by state and the age of the oldest due delivery.
// The dispatcher calls in with a few hooks; everything else is here.
import type { Db } from '../db/index.ts';
import type { Metrics } from '../metrics.ts';
import type { EndpointGate } from './dispatch/gate.ts';
import type { DeliveryOutcome } from '../../machines/delivery.ts';

/** Attempt latency buckets, in seconds: a receiver has WEBHOOK_TIMEOUT_MS (15 s by default). */
const ATTEMPT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 60];
const BACKLOG_STATES = ['queued', 'sending', 'backoff'] as const;

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
  db: Db,
  dispatch: { gate: EndpointGate; inFlight: () => number; now: () => number },
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
    'Deliveries this process has claimed and not yet recorded (WORKER_MAX_IN_FLIGHT at most)',
    (g) => g.set(dispatch.inFlight()),
  );
  metrics.gauge(
    'argus_delivery_gate_requests',
    'Requests at the per-endpoint gates of this process, by whether they are running or waiting for a slot (WEBHOOK_ENDPOINT_CONCURRENCY per endpoint)',
    (g) => {
      const { running, waiting } = dispatch.gate.stats();
      g.set(running, { phase: 'running' });
      g.set(waiting, { phase: 'waiting' });
    },
  );
  metrics.gauge(
    'argus_delivery_gate_saturated_endpoints',
    'Endpoints with no free slot in this process: claims leave their queued deliveries in the database',
    (g) => g.set(dispatch.gate.full().length),
  );
  metrics.gauge(
    'argus_delivery_backlog',
    'Deliveries with a timer, by state: queued (due now), sending (leased), backoff (waiting for a retry); all processes',
    async (g) => {
      const rows = await db.query<{ state: string; n: number }>(
        'select state, count(*)::int as n from webhook_deliveries where due_at is not null group by state',
      );
      for (const state of BACKLOG_STATES) g.set(rows.find((r) => r.state === state)?.n ?? 0, { state });
    },
  );
  metrics.gauge(
    'argus_delivery_oldest_due_age_seconds',
    'How long the longest-waiting due delivery (a queued one, a retry due, a lease run out) has been due; 0 when none is',
    async (g) => {
      const [row] = await db.query<{ due_at: Date | null }>(
        'select min(due_at) as due_at from webhook_deliveries where due_at is not null and due_at <= $1',
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
