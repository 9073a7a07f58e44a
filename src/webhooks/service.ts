// Webhook subscriptions, event publishing with fan-out in the caller's transaction, delivery
// history, test sends, manual retry and recovery. Subscriptions are machines persisted through
// the generic runtime; deliveries are the delivery engine's (./dispatch/).
import type { Db, Queryable } from '../db/index.ts';
import type { ReadRouting } from '../db/read-replica.ts';
import type { ActorSystem, Unit } from '../actors/runtime.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Config } from '../config.ts';
import { idTime, newId } from '../ids.ts';
import { invalidRequest, notFound, apiError, forbidden, webhookDisabled } from '../errors.ts';
import type { Page } from '../db/page.ts';
import { ownerScope, tenantWide, type Principal } from '../identity/principal.ts';
import type { SubscriptionEvent } from '../../machines/subscription.ts';
import { isEventType } from './catalog.ts';
import { generateSecret, secretProblem } from './signing.ts';
import { resolvedProblem } from '../outbound/target-check.ts';
import { recordedHeaders } from './request.ts';
import { webhookStore, type DeliveryFilter, type DeliveryRow, type SubscriptionRow } from './store.ts';
import { Dispatcher, type DispatchConfig } from './dispatch/dispatcher.ts';
import { commandDeliveries } from './dispatch/commands.ts';
import { dispatchStore } from './dispatch/store.ts';
import type { DeliverySteps, DeliveryState } from './dispatch/steps.ts';
import type { DeliveryWakeup } from './dispatch/wakeup.ts';
import type { EventPublisher } from '../events/publisher.ts';
import { defineSubscriptions, type SubscriptionDefinition } from './subscriptions.ts';
import { FIXED, holdExpiresInMs } from '../defaults.ts';

/** A delivery's state as the API names it. */
export const deliveryStatus = (state: DeliveryState) => (state === 'backoff' ? 'retrying' : state);

export function subscriptionView(s: SubscriptionRow) {
  return {
    id: s.id,
    url: s.url,
    events: s.events,
    status: s.status,
    app_id: s.app_id,
    ordering: s.ordering,
    rate_limit: s.rate_per_second === null ? null : { per_second: s.rate_per_second },
    disabled_reason: s.status === 'disabled' ? s.snapshot.context.disabledReason : null,
    secret_rotation: s.state.includes('secret.rotating')
      ? { previous_secret_expires_at: s.snapshot.context.previousSecretUntil }
      : null,
    created_at: s.created_at.toISOString(),
    updated_at: s.updated_at.toISOString(),
  };
}

/** What a delivery that is not in flight and not done waits for. */
function waitingFor(d: DeliveryRow): string | null {
  switch (d.state) {
    case 'queued':
      return d.due_at === null ? 'previous_delivery' : 'endpoint_slot';
    case 'backoff':
      return 'next_attempt';
    case 'held':
      return 'webhook_resume';
    default:
      return null;
  }
}

export function deliveryView(d: DeliveryRow) {
  return {
    id: d.id,
    event_id: d.event_id,
    event_type: d.event_type,
    status: d.status,
    attempt: d.attempt,
    attempted_at: d.attempted_at ? d.attempted_at.toISOString() : null,
    response_status: d.last_status,
    duration_ms: d.duration_ms,
    error: d.last_error,
    next_attempt_at: d.state === 'backoff' && d.due_at ? d.due_at.toISOString() : null,
    // 'schedule' (jittered ±20 %), 'retry_after' (the receiver asked for longer) or 'lease_expired'.
    next_attempt_reason: d.state === 'backoff' ? d.next_delay_reason : null,
    // A held delivery (its webhook is paused) expires then unless the webhook is resumed.
    held_expires_at: d.state === 'held' && d.due_at ? d.due_at.toISOString() : null,
    failure_reason: d.state === 'failed' ? d.failure_reason : null,
    waiting_for: waitingFor(d),
    created_at: d.created_at.toISOString(),
  };
}

/** The parts of the delivery engine the composition root makes once (src/services.ts): its steps, its wake-ups, and the event publisher. */
export interface DeliveryEngineParts {
  steps: DeliverySteps;
  wakeup: DeliveryWakeup;
  publisher: EventPublisher;
  reads?: ReadRouting;
}

/** A bulk action reads one row past its batch, to tell whether more match. */
const BATCH_READ = FIXED.resendBatchMax + 1;
/** The batch a bulk action acts on (the first FIXED.resendBatchMax rows read), and whether more matched. */
const oneBatch = <T>(rows: readonly T[]) => ({
  batch: rows.slice(0, FIXED.resendBatchMax),
  more: rows.length > FIXED.resendBatchMax,
});

export class WebhookService {
  readonly subscriptions: SubscriptionDefinition;
  /** The delivery engine: claims, sends and records deliveries (started by workers only). */
  readonly dispatcher: Dispatcher;
  private readonly publisher: EventPublisher;

  constructor(
    private readonly db: Db,
    private readonly actors: ActorSystem,
    private readonly box: SecretBox,
    private readonly config: DispatchConfig &
      Pick<Config, 'webhookDisableAfterSeconds' | 'secretGraceSeconds' | 'maxWebhooksPerTenant'>,
    engine: DeliveryEngineParts,
    log: Logger,
    metrics: Metrics,
  ) {
    this.publisher = engine.publisher;
    this.subscriptions = defineSubscriptions(actors, this.publisher);
    this.dispatcher = new Dispatcher({
      db,
      actors,
      steps: engine.steps,
      subscriptions: this.subscriptions,
      box,
      config,
      wakeup: engine.wakeup,
      announce: (tenantId, type, data) => this.publisher.announce(tenantId, type, data),
      log,
      metrics,
      reads: engine.reads,
    });
  }

  // ---- subscriptions -------------------------------------------------------------------

  private checkEvents(events: string[]) {
    if (events.length === 0) throw invalidRequest('events: at least one event type is required');
    // webhooks:write covers every published type: the guide's own flow subscribes to
    // case.updated with a webhooks:write token and nothing else.
    for (const type of events) {
      if (!isEventType(type)) throw invalidRequest(`events: "${type}" is not an event type; see GET /v1/events/types`);
    }
  }

  private async checkUrl(url: string) {
    const problem = await resolvedProblem(url, this.config.allowPrivateTargets);
    if (problem) throw invalidRequest(`url: ${problem}`);
  }

  async create(
    principal: Principal,
    body: {
      url: string;
      events: string[];
      secret?: string;
      ordering?: 'none' | 'fifo';
      rate_limit?: { per_second: number } | null;
      app_id?: string | null;
    },
  ) {
    const events = [...new Set(body.events)];
    const appId = await this.ownerFor(principal, body.app_id);
    this.checkEvents(events);
    await this.checkUrl(body.url);
    if (body.secret !== undefined) {
      const problem = secretProblem(body.secret);
      if (problem) throw invalidRequest(`secret: ${problem}`);
    }
    const secret = body.secret ?? generateSecret();
    const id = newId('wh');
    await this.actors.transaction(async (unit) => {
      const limit = this.config.maxWebhooksPerTenant;
      if ((await webhookStore.countForCreate(unit.tx, principal.tenantId)) >= limit)
        throw apiError(
          'webhook_limit_reached',
          `this tenant has ${limit} webhooks, the most it may have (MAX_WEBHOOKS_PER_TENANT); delete one before creating another`,
          { extra: { limit } },
        );
      await this.actors.create(unit, this.subscriptions, {
        id,
        tenantId: principal.tenantId,
        input: {
          disableAfterMs: this.config.webhookDisableAfterSeconds * 1000,
          secretGraceMs: this.config.secretGraceSeconds * 1000,
        },
        columns: {
          url: body.url,
          events,
          secret_sealed: await this.box.seal(secret),
          created_by: principal.subject,
          app_id: appId,
          ordering: body.ordering ?? 'none',
          rate_per_second: body.rate_limit?.per_second ?? null,
        },
      });
    });
    const view = await this.get(principal, id);
    return body.secret === undefined ? { ...view, secret } : view;
  }

  // Reads take `from`: the studio passes a standby (see db/read-replica.ts); the API, the primary.
  /** The tenant's webhooks, newest first, a page at a time; of these statuses only when given. */
  async list(principal: Principal, page: Page, from: Queryable = this.db, statuses: readonly string[] | null = null) {
    const { items, next_cursor } = await webhookStore.subscriptions(
      from,
      principal.tenantId,
      page,
      statuses,
      ownerScope(principal),
    );
    return { webhooks: items.map(subscriptionView), next_cursor };
  }

  /**
   * The webhook with its subscription machine's state and snapshot: a 404 for another tenant's,
   * and for another app's unless a tenant administrator asks (its existence is not told either).
   */
  async subscription(principal: Principal, id: string, from: Queryable = this.db): Promise<SubscriptionRow> {
    const row = await webhookStore.subscription(from, principal.tenantId, id);
    const owner = ownerScope(principal);
    if (!row || (owner !== null && row.app_id !== owner)) throw notFound(`webhook ${id}`);
    return row;
  }

  /**
   * The app a webhook created or updated with `app_id` belongs to. An app's token makes its own
   * app's (and may name only that one); a tenant administrator names any app of the tenant, or
   * none (null: the tenant's own). Undefined when an update leaves the owner as it is.
   */
  private async ownerFor(principal: Principal, asked: string | null | undefined): Promise<string | null> {
    const own = ownerScope(principal);
    if (own !== null) {
      if (asked !== undefined && asked !== own)
        throw forbidden(
          'insufficient_scope',
          `app_id: a token of app ${own} makes and changes that app's webhooks only; a tenant administrator may name another owner`,
        );
      return own;
    }
    if (asked === undefined || asked === null) return null;
    if (!(await webhookStore.hasApp(this.db, principal.tenantId, asked)))
      throw invalidRequest(`app_id: this tenant has no app ${asked}`);
    return asked;
  }

  async get(principal: Principal, id: string, from: Queryable = this.db) {
    return subscriptionView(await this.subscription(principal, id, from));
  }

  /** url, events, a new secret (rotation with grace), paused (pause/resume), enabled. */
  async update(
    principal: Principal,
    id: string,
    body: {
      url?: string;
      events?: string[];
      secret?: string;
      paused?: boolean;
      enabled?: boolean;
      secret_grace_period_seconds?: number;
      ordering?: 'none' | 'fifo';
      rate_limit?: { per_second: number } | null;
      app_id?: string | null;
    },
  ) {
    const current = await this.subscription(principal, id);
    const appId = body.app_id === undefined ? undefined : await this.ownerFor(principal, body.app_id);
    if (body.events) this.checkEvents(body.events);
    if (body.url) await this.checkUrl(body.url);
    if (body.secret !== undefined) {
      const problem = secretProblem(body.secret);
      if (problem) throw invalidRequest(`secret: ${problem}`);
    }
    const at = new Date(this.actors.clock.now()).toISOString();
    let released = 0;
    await this.actors.transaction(async (unit) => {
      await webhookStore.updateSubscription(
        unit.tx,
        principal.tenantId,
        id,
        {
          url: body.url,
          events: body.events ? [...new Set(body.events)] : undefined,
          secretSealed: body.secret ? await this.box.seal(body.secret) : undefined,
          previousSecretSealed: body.secret ? current.secret_sealed : undefined,
          ordering: body.ordering,
          ratePerSecond: body.rate_limit === undefined ? undefined : (body.rate_limit?.per_second ?? null),
          appId,
        },
        ownerScope(principal),
      );
      if (body.ordering === 'none' && current.ordering === 'fifo')
        await webhookStore.leaveLine(unit.tx, principal.tenantId, id, at);
      const events: SubscriptionEvent[] = [];
      if (body.secret)
        events.push({
          type: 'ROTATE_SECRET',
          at,
          ...(body.secret_grace_period_seconds !== undefined
            ? { graceMs: body.secret_grace_period_seconds * 1000 }
            : {}),
        });
      if (body.paused === true) events.push({ type: 'PAUSE' });
      if (body.paused === false) events.push({ type: 'RESUME' });
      if (body.enabled === true) events.push({ type: 'ENABLE' });
      if (events.length)
        await this.actors.send(
          unit,
          this.subscriptions,
          events.map((event) => ({ id, event })),
          { tenantId: principal.tenantId },
        );
      if (body.paused === false || body.enabled === true) released = await this.release(unit, principal.tenantId, id);
    });
    if (released) this.publisher.wakeWorkers();
    return this.get(principal, id);
  }

  /** A resumed (or re-enabled) webhook's held deliveries are queued again, to be sent oldest first. */
  private async release(unit: Unit, tenantId: string, id: string): Promise<number> {
    const held = (await webhookStore.heldDeliveries(unit.tx, tenantId, id)).map((d) => d.id);
    await commandDeliveries(unit.tx, this.dispatcher.steps, { tenantId, subscriptionId: id }, held, {
      type: 'RELEASE',
    });
    if (held.length > 1) await webhookStore.dueInOrder(unit.tx, tenantId, held);
    return held.length;
  }

  /**
   * Sends deliveries again (RETRY) for a manual retry or a recovery: refused while the webhook is
   * disabled; held (sent on resume) while it is paused. Answers where each went.
   */
  private async resend(principal: Principal, sub: SubscriptionRow, ids: readonly string[]) {
    if (sub.status === 'disabled') throw webhookDisabled(sub.id, sub.snapshot.context.disabledReason, 'retry');
    const results = await this.actors.transaction(async (unit) => {
      const webhook = { tenantId: principal.tenantId, subscriptionId: sub.id };
      const retried = await commandDeliveries(unit.tx, this.dispatcher.steps, webhook, ids, { type: 'RETRY' });
      const queued = ids.filter((deliveryId) => retried.get(deliveryId)?.changed);
      // In order: at the end of the line (held at its head if the webhook is still paused then).
      if (sub.ordering === 'fifo')
        await dispatchStore.reline(unit.tx, sub.id, queued, new Date(this.actors.clock.now()).toISOString());
      if (sub.status !== 'paused' || sub.ordering === 'fifo') return retried;
      const held = await commandDeliveries(unit.tx, this.dispatcher.steps, webhook, queued, {
        type: 'HOLD',
        expiresInMs: this.holdMsFor(queued),
      });
      for (const [deliveryId, h] of held) retried.set(deliveryId, { ...retried.get(deliveryId)!, to: h.to });
      return retried;
    });
    if (sub.status !== 'paused' && [...results.values()].some((r) => r.changed)) this.publisher.wakeWorkers();
    return results;
  }

  /** How long deliveries created at the oldest of these ids' times may stay held: what retention leaves of their history. */
  private holdMsFor(ids: readonly string[]): number {
    const now = this.actors.clock.now();
    const oldest = Math.min(...ids.map((i) => idTime(i) ?? now), now);
    return holdExpiresInMs(oldest, now, this.config.deliveryRetentionDays);
  }

  /** Deletes a webhook; its deliveries still waiting are cancelled (one already being sent finishes). */
  async remove(principal: Principal, id: string): Promise<void> {
    await this.actors.transaction(async (unit) => {
      const rows = await webhookStore.softDelete(unit.tx, principal.tenantId, id, ownerScope(principal));
      if (rows.length === 0) throw notFound(`webhook ${id}`);
      const pending = await webhookStore.pending(unit.tx, principal.tenantId, id);
      await commandDeliveries(
        unit.tx,
        this.dispatcher.steps,
        { tenantId: principal.tenantId, subscriptionId: id },
        pending.map((d) => d.id),
        { type: 'CANCEL', reason: 'webhook deleted' },
      );
    });
  }

  // ---- events --------------------------------------------------------------------------

  async test(principal: Principal, id: string) {
    const sub = await this.subscription(principal, id);
    if (sub.status === 'disabled') throw webhookDisabled(id, sub.snapshot.context.disabledReason);
    const published = await this.publisher.publishNow({
      tenantId: principal.tenantId,
      type: 'webhook.test',
      data: { webhook_id: id, message: 'This is a test delivery from Argus Integrations.' },
      onlySubscription: id,
    });
    // A paused webhook's test delivery is held, and sent when it is resumed.
    return {
      delivery_id: published.deliveryIds[0],
      status: sub.status === 'paused' ? ('held' as const) : ('queued' as const),
    };
  }

  // ---- delivery history ----------------------------------------------------------------

  /** A webhook's deliveries, newest first, a page at a time, filtered (see DeliveryFilter). */
  async history(principal: Principal, id: string, page: Page, filter: DeliveryFilter, from: Queryable = this.db) {
    await this.subscription(principal, id, from);
    const { items, next_cursor } = await webhookStore.deliveries(from, principal.tenantId, id, page, filter);
    return { deliveries: items.map(deliveryView), next_cursor };
  }

  /** The tenant's webhooks whose URL holds `text` (any case), newest first, at most `limit`. */
  async withUrlContaining(principal: Principal, text: string, limit: number, from: Queryable = this.db) {
    return webhookStore.withUrlContaining(from, tenantWide(principal).tenantId, text, limit);
  }

  /** The webhook a delivery of the tenant belongs to, or null. */
  async webhookOfDelivery(principal: Principal, deliveryId: string, from: Queryable = this.db) {
    return webhookStore.deliveryWebhook(from, tenantWide(principal).tenantId, deliveryId);
  }

  /** What a delivery waits on: its state's timer, its attempts, its place in the queue or the line. */
  async deliveryWait(principal: Principal, deliveryId: string, from: Queryable = this.db) {
    return webhookStore.deliveryWait(from, tenantWide(principal).tenantId, deliveryId);
  }

  /** Attempts per webhook in [since, until): the whole window and each of `buckets` slices. */
  async attemptHealth(principal: Principal, since: Date, until: Date, buckets: number, from: Queryable = this.db) {
    return webhookStore.attemptHealth(from, tenantWide(principal).tenantId, since, until, buckets);
  }

  /** The tenant's webhooks with deliveries not yet settled, counted by what they wait for (up to `cap` each). */
  async queues(principal: Principal, cap: number, from: Queryable = this.db) {
    return webhookStore.queues(from, tenantWide(principal).tenantId, cap);
  }

  async delivery(principal: Principal, id: string, deliveryId: string, from: Queryable = this.db) {
    await this.subscription(principal, id, from);
    const d = await webhookStore.delivery(from, principal.tenantId, id, deliveryId);
    if (!d) throw notFound(`delivery ${deliveryId}`);
    const attempts = await webhookStore.attempts(from, deliveryId, d.created_at);
    return {
      ...deliveryView(d),
      attempts: attempts.map((a) => ({
        attempt: a.attempt,
        attempted_at: a.attempted_at.toISOString(),
        duration_ms: a.duration_ms,
        response_status: a.response_status,
        response_body: a.response_body,
        error: a.error,
        request_headers: recordedHeaders(d.event_id, a.request_timestamp),
      })),
    };
  }

  async retry(principal: Principal, id: string, deliveryId: string) {
    const sub = await this.subscription(principal, id);
    const r = (await this.resend(principal, sub, [deliveryId])).get(deliveryId);
    if (!r) throw notFound(`delivery ${deliveryId}`);
    if (!r.changed)
      throw apiError(
        'not_failed',
        `delivery ${deliveryId} is ${deliveryStatus(r.from)}; only failed or skipped deliveries can be retried`,
      );
    return { delivery_id: deliveryId, status: deliveryStatus(r.to) };
  }

  /** Sends again every failed or skipped delivery of the webhook created since `since` (held while it is paused). */
  async recover(principal: Principal, id: string, since: string) {
    if (Number.isNaN(Date.parse(since))) throw invalidRequest('since: not an ISO 8601 time');
    const { requeued } = await this.retryMatching(principal, id, { since });
    return { requeued };
  }

  /**
   * What a retry of the failed or skipped deliveries matching `filter` would send again: how
   * many (at most FIXED.resendBatchMax, `more` when others wait for another call), and the
   * creation times of the oldest and the newest. Nothing changes.
   */
  async previewRetry(principal: Principal, id: string, filter: DeliveryFilter, from: Queryable = this.db) {
    const sub = await this.subscription(principal, id, from);
    const { batch, more } = oneBatch(await webhookStore.retriable(from, principal.tenantId, id, filter, BATCH_READ));
    return {
      matched: batch.length,
      more,
      oldest_created_at: batch[0]?.created_at.toISOString() ?? null,
      newest_created_at: batch.at(-1)?.created_at.toISOString() ?? null,
      webhook_status: sub.status,
    };
  }

  /**
   * The events of the webhook's deliveries matching `filter` (any status), each once, oldest
   * first: at most FIXED.resendBatchMax, `more` when others match.
   */
  async eventsMatching(principal: Principal, id: string, filter: DeliveryFilter, from: Queryable = this.db) {
    const sub = await this.subscription(principal, id, from);
    const { batch, more } = oneBatch(
      await webhookStore.eventsDelivered(from, principal.tenantId, id, filter, BATCH_READ),
    );
    return { webhook: sub, events: batch, more };
  }

  /**
   * Sends again the failed or skipped deliveries matching `filter`, the oldest first and at most
   * FIXED.resendBatchMax, as a single retry does each (held while the webhook is paused; a
   * disabled webhook refuses). `requeued` counts those that were still failed or skipped when sent.
   */
  async retryMatching(principal: Principal, id: string, filter: DeliveryFilter) {
    const sub = await this.subscription(principal, id);
    const { batch, more } = oneBatch(await webhookStore.retriable(this.db, principal.tenantId, id, filter, BATCH_READ));
    const results = await this.resend(
      principal,
      sub,
      batch.map((r) => r.id),
    );
    return {
      matched: batch.length,
      requeued: [...results.values()].filter((r) => r.changed).length,
      more,
    };
  }
}
