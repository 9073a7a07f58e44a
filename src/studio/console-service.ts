// What the studio's console answers, read through the webhook and event services (which own
// their SQL): finding a delivery or an event by id, a webhook's deliveries by filter, why a
// delivery or a webhook waits (its pending timers, from its state as stored), and each
// webhook's last hour. Reads take `from`: a fresh standby or the primary (db/read-replica.ts).
import type { AnyStateMachine } from 'xstate';
import type { Clock } from '../actors/clock.ts';
import type { Config } from '../config.ts';
import type { Queryable } from '../db/index.ts';
import type { Page } from '../db/page.ts';
import { FIXED } from '../defaults.ts';
import { invalidRequest, notFound } from '../errors.ts';
import type { EventService } from '../events/service.ts';
import type { Principal } from '../identity/principal.ts';
import type { deliveryView, WebhookService } from '../webhooks/service.ts';
import type { DeliveryFilter, HealthRow, SubscriptionRow } from '../webhooks/store.ts';
import { humanDelay, retrySchedule } from './model.ts';

/** A pending timer, or a wait without one, and what happens when it ends. */
export interface Pending {
  kind: string;
  at: string | null;
  does: string;
}

type DeliveryView = ReturnType<typeof deliveryView>;

export interface ConsoleDeps {
  clock: Clock;
  config: Pick<Config, 'leaseMs' | 'webhookEndpointConcurrency' | 'webhookRetrySchedule'>;
  webhooks: WebhookService;
  events: EventService;
  machines: Map<string, AnyStateMachine>;
}

const HEALTH_WINDOW_MS = 3_600_000;
const HEALTH_BUCKETS = 12;

interface WebhookHealth {
  attempts: number;
  success_rate: number | null;
  p50_ms: number | null;
  p95_ms: number | null;
  buckets: Array<{ attempts: number; succeeded: number }>;
}

/** What a webhook's own clocks will do: disable it if it keeps failing; stop signing with the previous secret. */
export function webhookTimers(sub: Pick<SubscriptionRow, 'state' | 'snapshot'>): Pending[] {
  const out: Pending[] = [];
  const context = sub.snapshot.context as SubscriptionRow['snapshot']['context'] & {
    failingSince?: string | null;
    disableAfterMs?: number;
  };
  if (sub.state.includes('health.failing') && context.failingSince && context.disableAfterMs) {
    out.push({
      kind: 'auto_disable',
      at: new Date(Date.parse(context.failingSince) + context.disableAfterMs).toISOString(),
      does: `disables the webhook unless a delivery succeeds first (failing since ${context.failingSince}, ${context.consecutiveFailures} failures in a row)`,
    });
  }
  if (sub.state.includes('secret.rotating') && context.previousSecretUntil) {
    out.push({
      kind: 'secret_grace',
      at: context.previousSecretUntil,
      does: 'the previous signing secret stops signing (end of the grace window)',
    });
  }
  return out;
}

/** Each webhook's window from the health rows: totals and percentiles (bucket null), and per-bucket counts. */
function healthByWebhook(rows: readonly HealthRow[]): Record<string, WebhookHealth> {
  const by = new Map<string, WebhookHealth>();
  const of = (id: string) => {
    const h = by.get(id) ?? {
      attempts: 0,
      success_rate: null,
      p50_ms: null,
      p95_ms: null,
      buckets: Array.from({ length: HEALTH_BUCKETS }, () => ({ attempts: 0, succeeded: 0 })),
    };
    by.set(id, h);
    return h;
  };
  for (const r of rows) {
    const h = of(r.subscription_id);
    if (r.bucket === null)
      Object.assign(h, {
        attempts: r.attempts,
        success_rate: r.attempts ? r.succeeded / r.attempts : null,
        p50_ms: r.p50,
        p95_ms: r.p95,
      });
    else if (r.bucket >= 0 && r.bucket < HEALTH_BUCKETS)
      h.buckets[r.bucket] = { attempts: r.attempts, succeeded: r.succeeded };
  }
  return Object.fromEntries(by);
}

export class ConsoleService {
  private readonly jitter: number;

  constructor(private readonly deps: ConsoleDeps) {
    const delivery = deps.machines.get('delivery');
    this.jitter = (delivery && retrySchedule(delivery)?.jitter_ratio) ?? FIXED.retryJitterRatio;
  }

  /** What an id names: a delivery (with its webhook) or an event of the tenant; a 404 otherwise. */
  async search(p: Principal, q: string, from: Queryable) {
    if (q.startsWith('dlv_')) {
      const webhookId = await this.deps.webhooks.webhookOfDelivery(p, q, from);
      if (webhookId) return { kind: 'delivery' as const, delivery_id: q, webhook_id: webhookId };
    } else if (q.startsWith('evt_')) {
      if (await this.deps.events.exists(p, q, from)) return { kind: 'event' as const, event_id: q };
    } else {
      throw invalidRequest('q: an event id (evt_…) or a delivery id (dlv_…)');
    }
    throw notFound(q);
  }

  deliveries(p: Principal, webhookId: string, page: Page, filter: DeliveryFilter, from: Queryable) {
    return this.deps.webhooks.history(p, webhookId, page, filter, from);
  }

  /** A delivery's pending timers and its webhook's, and the body every attempt sends. */
  async deliveryWhy(p: Principal, webhookId: string, deliveryId: string, from: Queryable) {
    const sub = await this.deps.webhooks.subscription(p, webhookId, from);
    const d = await this.deps.webhooks.delivery(p, webhookId, deliveryId, from);
    const clock = await this.deps.webhooks.deliveryClock(p, deliveryId, from);
    const payload = await this.deps.events.deliveryBody(p, d, from);
    return {
      now: new Date(this.deps.clock.now()).toISOString(),
      delivery: this.deliveryTimers(d, clock?.entered_at ?? null, clock?.due_at ?? null, sub.status),
      webhook: webhookTimers(sub),
      // The same body for every attempt; the headers are rebuilt from the attempt's stored timestamp.
      payload,
      headers_note:
        'Request headers are rebuilt from what each attempt stored (its timestamp and the event id): the engine sends exactly these, and the signature, never stored, is shown redacted.',
    };
  }

  async webhookWhy(p: Principal, webhookId: string, from: Queryable) {
    const sub = await this.deps.webhooks.subscription(p, webhookId, from);
    return { now: new Date(this.deps.clock.now()).toISOString(), webhook: webhookTimers(sub) };
  }

  /** Each webhook's last hour: success rate, p50/p95 latency, attempts per bucket. */
  async health(p: Principal, from: Queryable) {
    const until = new Date(this.deps.clock.now());
    const since = new Date(until.getTime() - HEALTH_WINDOW_MS);
    const rows = await this.deps.webhooks.attemptHealth(p, since, until, HEALTH_BUCKETS, from);
    return {
      since: since.toISOString(),
      until: until.toISOString(),
      bucket_ms: HEALTH_WINDOW_MS / HEALTH_BUCKETS,
      webhooks: healthByWebhook(rows),
    };
  }

  /** A delivery's pending timers (or the wait it is in), from its state as stored. */
  private deliveryTimers(
    d: DeliveryView,
    enteredAt: Date | null,
    dueAt: Date | null,
    webhookStatus: string,
  ): Pending[] {
    const { leaseMs, webhookEndpointConcurrency, webhookRetrySchedule: schedule } = this.deps.config;
    switch (d.status) {
      case 'sending': {
        const at = dueAt ?? (enteredAt ? new Date(enteredAt.getTime() + leaseMs) : null);
        return [
          {
            kind: 'send_timeout',
            at: at?.toISOString() ?? null,
            does: `send timeout: without a result by then (${humanDelay(leaseMs)} after sending began) the attempt counts as failed and is retried`,
          },
        ];
      }
      case 'retrying': {
        const base = schedule[Math.min(d.attempt, schedule.length - 1)] ?? 0;
        const why =
          d.next_attempt_reason === 'retry_after'
            ? 'the receiver asked for this wait (Retry-After)'
            : d.next_attempt_reason === 'lease_expired'
              ? 'the previous attempt had no result within the send timeout'
              : `backoff ${humanDelay(base)} ± ${Math.round(this.jitter * 100)} %`;
        return [{ kind: 'next_attempt', at: d.next_attempt_at, does: `next attempt (#${d.attempt + 1}), ${why}` }];
      }
      case 'queued':
        return [
          d.waiting_for === 'previous_delivery'
            ? {
                kind: 'previous_delivery',
                at: null,
                does: 'waiting for the previous delivery of this ordered webhook to succeed or fail for good',
              }
            : {
                kind: 'endpoint_slot',
                at: null,
                does: `due now: waiting for one of ${webhookEndpointConcurrency} slots at this endpoint`,
              },
        ];
      case 'held':
        return [
          {
            kind: 'hold_expiry',
            at: d.held_expires_at,
            does: `held while the webhook is ${webhookStatus}; fails as held_expired then unless the webhook is resumed`,
          },
        ];
      case 'skipped':
        return [
          {
            kind: 'skipped',
            at: null,
            does: 'not sent: the webhook was disabled; re-enable it and recover to send it',
          },
        ];
      default:
        return [];
    }
  }
}
