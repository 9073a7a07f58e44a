// What the studio's console answers, read through the webhook and event services (which own
// their SQL): finding a delivery or an event by id, a webhook's deliveries by filter, why a
// delivery or a webhook waits (its pending timers, from its state as stored), and each
// webhook's last hour. Reads take `from`: a fresh standby or the primary (db/read-replica.ts).
import type { AnyStateMachine } from 'xstate';
import type { Clock } from '../actors/clock.ts';
import type { Config } from '../config.ts';
import type { Queryable } from '../db/index.ts';
import type { Page } from '../db/page.ts';
import { DAY_MS, FIXED } from '../defaults.ts';
import { invalidRequest, notFound } from '../errors.ts';
import { replaysTo, type EventService } from '../events/service.ts';
import type { Principal } from '../identity/principal.ts';
import type { deliveryView, WebhookService } from '../webhooks/service.ts';
import type { DeliveryFilter, DeliveryWait, HealthRow, SubscriptionRow } from '../webhooks/store.ts';
import { humanDelay, retrySchedule } from './model.ts';
import { displayUrl } from './redaction.ts';

/** A pending timer, or a wait without one, and what happens when it ends. */
export interface Pending {
  kind: string;
  at: string | null;
  does: string;
}

type DeliveryView = ReturnType<typeof deliveryView>;

export interface ConsoleDeps {
  clock: Clock;
  config: Pick<Config, 'leaseMs' | 'webhookTimeoutMs' | 'webhookEndpointConcurrency' | 'webhookRetrySchedule'>;
  webhooks: WebhookService;
  events: EventService;
  machines: Map<string, AnyStateMachine>;
}

/** Webhooks read for a URL search, and those answered. */
const URL_CANDIDATES = 200;
const URL_MATCHES = 20;
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

const FIRST_TIME_MS = Date.parse('0001-01-01T00:00:00Z');

/** A payload search: `key=value`, the key a path of plain keys (`incident.id`). */
const PAYLOAD_FIELD = /^([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)=(.+)$/;

/** The time range a payload search covers; either end may be left to the default (the last day). */
export interface SearchRange {
  since: string | null;
  until: string | null;
}

export class ConsoleService {
  private readonly jitter: number;

  constructor(private readonly deps: ConsoleDeps) {
    const delivery = deps.machines.get('delivery');
    this.jitter = (delivery && retrySchedule(delivery)?.jitter_ratio) ?? FIXED.retryJitterRatio;
  }

  /**
   * What `q` names: a delivery (with its webhook) or an event of the tenant by its id; events
   * whose data holds a value (`case_id=c1`, `incident.id=INC-7`) within a time range (the last
   * day unless given); or the webhooks whose URL, as the studio shows it (no credentials, no
   * query values, no token-like segments), holds the text, and failing that, events whose data
   * holds it anywhere. A 404 when nothing does.
   */
  async search(p: Principal, q: string, range: SearchRange, from: Queryable) {
    if (/^dlv_\w+$/.test(q)) {
      const webhookId = await this.deps.webhooks.webhookOfDelivery(p, q, from);
      if (webhookId) return { kind: 'delivery' as const, delivery_id: q, webhook_id: webhookId };
      throw notFound(`delivery ${q}`);
    }
    if (/^evt_\w+$/.test(q)) {
      if (await this.deps.events.exists(p, q, from)) return { kind: 'event' as const, event_id: q };
      throw notFound(`event ${q}`);
    }
    const field = PAYLOAD_FIELD.exec(q);
    if (field) return this.eventsHolding(p, field[1]!.split('.'), field[2]!, range, from);
    const needle = q.toLowerCase();
    // Candidates by the stored URL, kept only where the shown URL holds the text: a match in
    // a hidden part (a query value, a token in the path) would tell what the page hides.
    const candidates = await this.deps.webhooks.withUrlContaining(p, q, URL_CANDIDATES, from);
    const webhooks = candidates
      .map((w) => ({ id: w.id, url: displayUrl(w.url), status: w.status }))
      .filter((w) => w.url.toLowerCase().includes(needle))
      .slice(0, URL_MATCHES);
    if (webhooks.length > 0) return { kind: 'webhooks' as const, webhooks };
    return this.eventsHolding(p, [], q, range, from);
  }

  /** Events of the range whose data holds `value` at `path` (anywhere when empty); a 404 saying what was searched when none does. */
  private async eventsHolding(p: Principal, path: string[], value: string, range: SearchRange, from: Queryable) {
    // Without an end, up to now and whatever is published while it runs.
    const now = this.deps.clock.now();
    const until = range.until ?? new Date(now).toISOString();
    // A day before `until`, but never before the year 1 (Postgres' first).
    const since = range.since ?? new Date(Math.max(Date.parse(until) - DAY_MS, FIRST_TIME_MS)).toISOString();
    if (Date.parse(since) >= Date.parse(until)) throw invalidRequest('until: must be later than since');
    const found = await this.deps.events.findByValue(p, path, value, { since, until: range.until }, from);
    const what = path.length ? `${path.join('.')} = ${value}` : `"${value}"`;
    if (found.events.length === 0)
      throw notFound(
        `an event whose data holds ${what}${path.length ? '' : ', or a webhook whose URL does'} among the ${found.searched} published from ${since} to ${until}${found.complete ? '' : ` (the newest ${found.searched} of that range: narrow it to search further back)`}`,
      );
    return {
      kind: 'events' as const,
      field: path.length ? path.join('.') : null,
      value,
      since,
      until,
      ...found,
    };
  }

  /** How many events a replay of the webhook's deliveries matching `filter` would send again; nothing changes. */
  async replayPreview(p: Principal, webhookId: string, filter: DeliveryFilter, from: Queryable) {
    const { webhook, events, more } = await this.deps.webhooks.eventsMatching(p, webhookId, filter, from);
    return {
      matched: events.length,
      more,
      not_replayable: events.filter((e) => !replaysTo(webhook, e.event_type)).length,
      oldest_created_at: events[0]?.created_at.toISOString() ?? null,
      newest_created_at: events.at(-1)?.created_at.toISOString() ?? null,
      webhook_status: webhook.status,
    };
  }

  /** Replays to the webhook the events of its deliveries matching `filter` (from the primary: it writes). */
  async replayMatching(p: Principal, webhookId: string, filter: DeliveryFilter) {
    const { webhook, events, more } = await this.deps.webhooks.eventsMatching(p, webhookId, filter);
    const done = await this.deps.events.replayToWebhook(
      p,
      {
        id: webhook.id,
        events: webhook.events,
        status: webhook.status,
        disabledReason: webhook.snapshot.context.disabledReason ?? null,
      },
      events,
    );
    return { matched: events.length, ...done, more };
  }

  deliveries(p: Principal, webhookId: string, page: Page, filter: DeliveryFilter, from: Queryable) {
    return this.deps.webhooks.history(p, webhookId, page, filter, from);
  }

  /** A delivery's pending timers and its webhook's, and the body every attempt sends. */
  async deliveryWhy(p: Principal, webhookId: string, deliveryId: string, from: Queryable) {
    const sub = await this.deps.webhooks.subscription(p, webhookId, from);
    const d = await this.deps.webhooks.delivery(p, webhookId, deliveryId, from);
    const wait = await this.deps.webhooks.deliveryWait(p, deliveryId, from);
    const payload = await this.deps.events.deliveryBody(p, d, from);
    const now = this.deps.clock.now();
    return {
      now: new Date(now).toISOString(),
      delivery: this.deliveryTimers(d, wait, sub, now),
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

  /** Each webhook's last hour (success rate, p50/p95 latency, attempts per bucket) and its queue now. */
  async health(p: Principal, from: Queryable) {
    const until = new Date(this.deps.clock.now());
    const since = new Date(until.getTime() - HEALTH_WINDOW_MS);
    const [rows, queues] = await Promise.all([
      this.deps.webhooks.attemptHealth(p, since, until, HEALTH_BUCKETS, from),
      this.deps.webhooks.queues(p, FIXED.studioQueueCountCap, from),
    ]);
    return {
      since: since.toISOString(),
      until: until.toISOString(),
      bucket_ms: HEALTH_WINDOW_MS / HEALTH_BUCKETS,
      webhooks: healthByWebhook(rows),
      count_cap: FIXED.studioQueueCountCap,
      queues: Object.fromEntries(
        queues.map((q) => [
          q.subscription_id,
          {
            due: q.due,
            oldest_due_at: q.oldest_due_at?.toISOString() ?? null,
            in_line: q.in_line,
            in_flight: q.sending,
            retrying: q.backoff,
            next_retry_at: q.next_retry_at?.toISOString() ?? null,
            held: q.held,
          },
        ]),
      ),
    };
  }

  /** A delivery's pending timers (or the wait it is in), from its state as stored and its place beside others. */
  private deliveryTimers(d: DeliveryView, wait: DeliveryWait | null, sub: SubscriptionRow, now: number): Pending[] {
    const { leaseMs, webhookTimeoutMs, webhookEndpointConcurrency, webhookRetrySchedule: schedule } = this.deps.config;
    const max = wait?.max_attempts ?? schedule.length;
    const after = (attempt: number) =>
      attempt >= max
        ? 'then it fails for good'
        : `${max - attempt} more attempt${max - attempt === 1 ? '' : 's'} after it`;
    switch (d.status) {
      case 'sending': {
        const started = wait?.entered_at?.getTime() ?? null;
        return [
          {
            kind: 'send_timeout',
            at: started === null ? null : new Date(started + webhookTimeoutMs).toISOString(),
            does: `attempt ${d.attempt} of ${max} is in flight: the receiver must answer within ${humanDelay(webhookTimeoutMs)} (WEBHOOK_TIMEOUT_MS) of the request starting, or the attempt counts as failed; ${after(d.attempt)}`,
          },
          {
            kind: 'lease_expiry',
            at: (wait?.due_at ?? (started === null ? null : new Date(started + leaseMs)))?.toISOString() ?? null,
            does: `if the worker sending it stops, another worker takes it over then (${humanDelay(leaseMs)}, LEASE_MS, after sending began)`,
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
        return [
          {
            kind: 'next_attempt',
            at: d.next_attempt_at,
            does: `attempt ${d.attempt + 1} of ${max}, ${why}; ${after(d.attempt + 1)}`,
          },
        ];
      }
      case 'queued':
        return [this.queuedWait(d, wait, sub, now, webhookEndpointConcurrency)];
      case 'held':
        return [
          {
            kind: 'hold_expiry',
            at: d.held_expires_at,
            does: `held while the webhook is ${sub.status}; fails as held_expired then unless the webhook is resumed`,
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

  /**
   * Why a queued delivery is not in flight yet, telling the waits apart: its place in an ordered
   * line, the endpoint's slots all taken, the webhook's rate limit, or a worker's next claim
   * (where a tenant with more due work than its share of the workers' budget waits its turn).
   */
  private queuedWait(
    d: DeliveryView,
    wait: DeliveryWait | null,
    sub: SubscriptionRow,
    now: number,
    slots: number,
  ): Pending {
    if (d.waiting_for === 'previous_delivery') {
      const ahead = wait?.line_ahead ?? null;
      return {
        kind: 'previous_delivery',
        at: null,
        does:
          ahead === null
            ? 'waiting for the previous delivery of this ordered webhook to succeed or fail for good'
            : `position ${ahead + 1} in this ordered webhook's line: waits for the ${ahead} ahead of it, one at a time, each to succeed or fail for good`,
      };
    }
    const ahead = wait?.queued_ahead ?? 0;
    const inFlight = wait?.in_flight ?? 0;
    const queue = ahead === 0 ? 'first in its queue' : `${ahead} due deliver${ahead === 1 ? 'y' : 'ies'} ahead of it`;
    if (inFlight >= slots)
      return {
        kind: 'endpoint_slot',
        at: null,
        does: `all ${slots} slots at this endpoint are taken (${inFlight} requests in flight, WEBHOOK_ENDPOINT_CONCURRENCY); ${queue}`,
      };
    if (sub.rate_per_second) {
      const seconds = Math.ceil(ahead / sub.rate_per_second);
      return {
        kind: 'rate_limit',
        at: new Date(now + seconds * 1000).toISOString(),
        does: `the webhook's rate limit (${sub.rate_per_second}/s): ${queue}, ${seconds === 0 ? 'sent with the next token (within 1 s)' : `about ${humanDelay(seconds * 1000)} at that rate`}`,
      };
    }
    return {
      kind: 'claim',
      at: null,
      does: `due now, ${queue}: a worker claims it in its next round (${inFlight} of ${slots} slots in use); a tenant with more due work than its share of WORKER_MAX_IN_FLIGHT waits its turn`,
    };
  }
}
