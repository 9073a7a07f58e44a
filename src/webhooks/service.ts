// Webhook subscriptions, event publishing with fan-out in the caller's transaction, delivery
// history, test sends, manual retry and recovery. Subscriptions are machines persisted through
// the generic runtime; deliveries are the delivery engine's (./dispatch/).
import type { Db, Queryable } from '../db/index.ts';
import type { ActorSystem, MachineDefinition, Unit } from '../actors/runtime.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { newId, newTimedId, timedIdPrefix } from '../ids.ts';
import { ApiError, invalidRequest, notFound } from '../http/errors.ts';
import { pageOf, type Page } from '../http/pagination.ts';
import type { Principal } from '../oauth/tokens/service.ts';
import { subscriptionMachine } from '../../machines/subscription.ts';
import { isEventType, SYSTEM_EVENT_TYPES } from './catalog.ts';
import { generateSecret, secretProblem } from './signing.ts';
import { resolvedProblem } from './target-check.ts';
import { recordedHeaders } from './request.ts';
import { webhookStore, type DeliveryRow, type SubscriptionRow } from './store.ts';
import { Dispatcher } from './dispatch/dispatcher.ts';
import { activeTraceparent, publishSpan } from '../telemetry/spans.ts';
import { commandDeliveries } from './dispatch/commands.ts';
import type { DeliveryState } from './dispatch/steps.ts';

export interface PublishedEvent { id: string; type: string; deliveries: number; created_at: string }

/** An event to publish: to every subscription of the tenant that receives its type, or to one. */
export interface Publish { tenantId: string; type: string; data: unknown; idempotencyKey?: string | null; onlySubscription?: string }

/** A delivery's state as the API names it. */
export const deliveryStatus = (state: DeliveryState | string) => (state === 'backoff' ? 'retrying' : state);

/** Two publishes with one Idempotency-Key at once: the later one rolls back and answers with the first. */
class IdempotencyConflict extends Error {}

function healthOf(value: unknown): string {
  return typeof value === 'object' && value !== null && 'health' in value ? String((value as { health: unknown }).health) : 'active';
}

export function subscriptionView(s: SubscriptionRow) {
  return {
    id: s.id,
    url: s.url,
    events: s.events,
    status: s.status,
    disabled_reason: s.status === 'disabled' ? s.snapshot.context.disabledReason : null,
    secret_rotation: s.state.includes('secret.rotating') ? { previous_secret_expires_at: s.snapshot.context.previousSecretUntil } : null,
    created_at: s.created_at.toISOString(),
    updated_at: s.updated_at.toISOString(),
  };
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
    created_at: d.created_at.toISOString(),
  };
}

export class WebhookService {
  readonly subscriptions: MachineDefinition;
  /** The delivery engine: claims, sends and records deliveries (started by workers only). */
  readonly dispatcher: Dispatcher;

  constructor(
    private readonly db: Db,
    private readonly actors: ActorSystem,
    private readonly box: SecretBox,
    private readonly config: Pick<Config, 'allowPrivateTargets' | 'webhookTimeoutMs' | 'webhookEndpointConcurrency' | 'leaseMs' | 'workerBatchSize' | 'workerPollMs' | 'workerMaxInFlight'>,
    private readonly log: Logger,
    metrics: Metrics,
  ) {
    this.subscriptions = actors.define({
      name: 'subscription',
      machine: subscriptionMachine,
      table: 'webhook_subscriptions',
      columns: { status: 'text', url: 'text', events: 'text[]', secret_sealed: 'text', created_by: 'text' },
      project: (s) => ({ status: healthOf(s.value) }),
      effects: {
        announceDisabled: (effect, on) =>
          this.publishOperational(on.tenantId, 'webhook.disabled', { webhook_id: on.instanceId, reason: effect.params.reason }),
      },
    });
    this.dispatcher = new Dispatcher(db, actors, this.subscriptions, box, config, (tenantId, type, data) => this.publishOperational(tenantId, type, data), log, metrics);
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

  async create(principal: Principal, body: { url: string; events: string[]; secret?: string }) {
    const events = [...new Set(body.events)];
    this.checkEvents(events);
    await this.checkUrl(body.url);
    if (body.secret !== undefined) {
      const problem = secretProblem(body.secret);
      if (problem) throw invalidRequest(`secret: ${problem}`);
    }
    const secret = body.secret ?? generateSecret();
    const id = newId('wh');
    await this.actors.transaction(async (unit) => {
      await this.actors.create(unit, this.subscriptions, {
        id, tenantId: principal.tenantId,
        columns: { url: body.url, events, secret_sealed: await this.box.seal(secret), created_by: principal.subject },
      });
    });
    const view = await this.get(principal, id);
    return body.secret === undefined ? { ...view, secret } : view;
  }

  async list(principal: Principal, page: Page) {
    const { items, next_cursor } = pageOf(await webhookStore.subscriptions(this.db, principal.tenantId, page), page);
    return { webhooks: items.map(subscriptionView), next_cursor };
  }

  private async row(principal: Principal, id: string): Promise<SubscriptionRow> {
    const row = await webhookStore.subscription(this.db, principal.tenantId, id);
    if (!row) throw notFound(`webhook ${id}`);
    return row;
  }

  async get(principal: Principal, id: string) {
    return subscriptionView(await this.row(principal, id));
  }

  /** url, events, a new secret (rotation with grace), paused (pause/resume), enabled. */
  async update(principal: Principal, id: string, body: { url?: string; events?: string[]; secret?: string; paused?: boolean; enabled?: boolean; secret_grace_period_seconds?: number }) {
    const current = await this.row(principal, id);
    if (body.events) this.checkEvents(body.events);
    if (body.url) await this.checkUrl(body.url);
    if (body.secret !== undefined) {
      const problem = secretProblem(body.secret);
      if (problem) throw invalidRequest(`secret: ${problem}`);
    }
    const at = new Date(this.actors.clock.now()).toISOString();
    await this.actors.transaction(async (unit) => {
      await webhookStore.updateSubscription(unit.tx, principal.tenantId, id, {
        url: body.url,
        events: body.events ? [...new Set(body.events)] : undefined,
        secretSealed: body.secret ? await this.box.seal(body.secret) : undefined,
        previousSecretSealed: body.secret ? current.secret_sealed : undefined,
      });
      const events = [];
      if (body.secret) events.push({ type: 'ROTATE_SECRET', at, ...(body.secret_grace_period_seconds !== undefined ? { graceMs: body.secret_grace_period_seconds * 1000 } : {}) });
      if (body.paused === true) events.push({ type: 'PAUSE' });
      if (body.paused === false) events.push({ type: 'RESUME' });
      if (body.enabled === true) events.push({ type: 'ENABLE' });
      if (events.length) await this.actors.send(unit, this.subscriptions, events.map((event) => ({ id, event })), { tenantId: principal.tenantId });
    });
    return this.get(principal, id);
  }

  /** Deletes a webhook; its deliveries still waiting are cancelled (one already being sent finishes). */
  async remove(principal: Principal, id: string): Promise<void> {
    await this.actors.transaction(async (unit) => {
      const rows = await webhookStore.softDelete(unit.tx, principal.tenantId, id);
      if (rows.length === 0) throw notFound(`webhook ${id}`);
      const pending = await webhookStore.pending(unit.tx, principal.tenantId, id);
      await commandDeliveries(unit.tx, this.dispatcher.steps, principal.tenantId, pending.map((d) => d.id), { type: 'CANCEL', reason: 'webhook deleted' });
    });
  }

  // ---- events --------------------------------------------------------------------------

  /**
   * Writes the event and one delivery per matching subscription in the caller's transaction:
   * a committed change always has its deliveries; a rolled-back one never does.
   */
  async publish(unit: Unit, e: Publish): Promise<PublishedEvent & { deliveryIds: string[] }> {
    const published = await this.write(unit.tx, e);
    // Wakes idle workers, after the commit and outside the transaction: a NOTIFY inside it
    // would serialize the commits of all publishers (measured: publishing 2x slower).
    if (published.deliveries) unit.afterCommit(() => this.dispatcher.notifyWorkers());
    return published;
  }

  /** The same as publish(), on its own: one statement, committed when it returns. */
  async publishNow(e: Publish): Promise<PublishedEvent & { deliveryIds: string[] }> {
    const published = await this.write(this.db, e);
    if (published.deliveries) void this.dispatcher.notifyWorkers().catch((error) => this.log.warn('could not wake the delivery workers; they find the deliveries at their next poll', { error }));
    return published;
  }

  private write(q: Queryable, e: Publish): Promise<PublishedEvent & { deliveryIds: string[] }> {
    return publishSpan(e.type, e.tenantId, () => this.written(q, e), (p) => ({ eventId: p.id, deliveries: p.deliveries }));
  }

  private async written(q: Queryable, e: Publish): Promise<PublishedEvent & { deliveryIds: string[] }> {
    // The event, its deliveries and (later) their attempts share this time: it names their
    // partition, and the ids carry it.
    const at = this.actors.clock.now();
    const createdAt = new Date(at).toISOString();
    const id = newTimedId('evt', at);
    const written = await webhookStore.publish(q, {
      id, tenantId: e.tenantId, type: e.type, data: e.data, idempotencyKey: e.idempotencyKey ?? null, only: e.onlySubscription ?? null, createdAt,
      deliveryIdPrefix: timedIdPrefix('dlv', at), record: this.dispatcher.steps.created(at), traceparent: activeTraceparent(),
    });
    if (!written.keyed) throw new IdempotencyConflict();
    return { id, type: e.type, deliveries: written.delivery_ids.length, created_at: createdAt, deliveryIds: written.delivery_ids };
  }

  /** POST /v1/events: publish with an optional Idempotency-Key (24 h). */
  async publishEvent(principal: Principal, body: { type: string; data: unknown }, idempotencyKey: string | null): Promise<{ event: PublishedEvent; replayed: boolean }> {
    if (!isEventType(body.type) || SYSTEM_EVENT_TYPES.has(body.type)) throw invalidRequest(`type: "${body.type}" cannot be published; see GET /v1/events/types`);
    if (idempotencyKey) {
      const first = await webhookStore.eventByKey(this.db, principal.tenantId, idempotencyKey);
      if (first) return { event: { id: first.id, type: first.type, deliveries: first.deliveries, created_at: first.created_at.toISOString() }, replayed: true };
    }
    try {
      const published = await this.publishNow({ tenantId: principal.tenantId, type: body.type, data: body.data, idempotencyKey });
      const { deliveryIds: _ids, ...event } = published;
      return { event, replayed: false };
    } catch (error) {
      if (!(error instanceof IdempotencyConflict)) throw error;
      // Two requests with one key at once: the later one answers with the first one's event.
      const first = idempotencyKey ? await webhookStore.eventByKey(this.db, principal.tenantId, idempotencyKey) : null;
      if (!first) throw new ApiError(409, 'conflict', 'Idempotency-Key: a request with this key is still being processed; retry shortly');
      return { event: { id: first.id, type: first.type, deliveries: first.deliveries, created_at: first.created_at.toISOString() }, replayed: true };
    }
  }

  private async publishOperational(tenantId: string, type: string, data: Record<string, unknown>) {
    await this.publishNow({ tenantId, type, data });
  }

  async test(principal: Principal, id: string) {
    const sub = await this.row(principal, id);
    if (sub.status === 'disabled') throw new ApiError(409, 'webhook_disabled', `webhook ${id} is disabled (${sub.snapshot.context.disabledReason}); enable it with PUT {"enabled": true}`);
    const published = await this.publishNow({ tenantId: principal.tenantId, type: 'webhook.test', data: { webhook_id: id, message: 'This is a test delivery from Argus Integrations.' }, onlySubscription: id });
    return { delivery_id: published.deliveryIds[0], status: 'queued' as const };
  }

  // ---- delivery history ----------------------------------------------------------------

  async history(principal: Principal, id: string, page: Page, status: string | null) {
    await this.row(principal, id);
    const { items, next_cursor } = pageOf(await webhookStore.deliveries(this.db, principal.tenantId, id, page, status), page);
    return { deliveries: items.map(deliveryView), next_cursor };
  }

  async delivery(principal: Principal, id: string, deliveryId: string) {
    await this.row(principal, id);
    const d = await webhookStore.delivery(this.db, principal.tenantId, id, deliveryId);
    if (!d) throw notFound(`delivery ${deliveryId}`);
    const attempts = await webhookStore.attempts(this.db, deliveryId, d.created_at);
    return {
      ...deliveryView(d),
      attempts: attempts.map((a) => ({
        attempt: a.attempt, attempted_at: a.attempted_at.toISOString(), duration_ms: a.duration_ms, response_status: a.response_status,
        response_body: a.response_body, error: a.error, request_headers: recordedHeaders(d.event_id, a.request_timestamp),
      })),
    };
  }

  async retry(principal: Principal, id: string, deliveryId: string) {
    await this.row(principal, id);
    const r = (await this.actors.transaction((unit) => commandDeliveries(unit.tx, this.dispatcher.steps, principal.tenantId, [deliveryId], { type: 'RETRY' }))).get(deliveryId);
    if (!r) throw notFound(`delivery ${deliveryId}`);
    if (!r.changed) throw new ApiError(409, 'not_failed', `delivery ${deliveryId} is ${deliveryStatus(r.to)}; only failed deliveries can be retried`);
    await this.dispatcher.notifyWorkers();
    return { delivery_id: deliveryId, status: 'queued' as const };
  }

  async recover(principal: Principal, id: string, since: string) {
    await this.row(principal, id);
    if (Number.isNaN(Date.parse(since))) throw invalidRequest('since: not an ISO 8601 time');
    const failed = await webhookStore.failedSince(this.db, principal.tenantId, id, since);
    await this.actors.transaction((unit) => commandDeliveries(unit.tx, this.dispatcher.steps, principal.tenantId, failed.map((f) => f.id), { type: 'RETRY' }));
    if (failed.length) await this.dispatcher.notifyWorkers();
    return { requeued: failed.length };
  }
}
