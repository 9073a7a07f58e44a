// Webhook subscriptions, event publishing with fan-out in the caller's transaction, delivery
// history, test sends, manual retry and recovery. Subscriptions and deliveries are machines
// (machines/subscription.ts, machines/delivery.ts) persisted through the runtime.
import type { Db } from '../db/index.ts';
import { notify } from '../db/index.ts';
import type { ActorSystem, KnownRow, MachineDefinition, Unit } from '../actors/runtime.ts';
import { TIMERS_CHANNEL } from '../actors/timer-worker.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { newId } from '../ids.ts';
import { ApiError, invalidRequest, notFound } from '../http/errors.ts';
import { pageOf, type Page } from '../http/pagination.ts';
import type { Principal } from '../oauth/tokens/service.ts';
import { deliveryMachine } from '../../machines/delivery.ts';
import { subscriptionMachine } from '../../machines/subscription.ts';
import { isEventType, SYSTEM_EVENT_TYPES } from './catalog.ts';
import { generateSecret, secretProblem, signatureHeader } from './signing.ts';
import { resolvedProblem, urlProblem } from './target-check.ts';
import { outcomeOf, postWebhook } from './http-client.ts';
import { webhookStore, type DeliveryRow, type SendableRow, type SubscriptionRow } from './store.ts';
import { Batcher } from './batching.ts';
import type { SendResult } from './http-client.ts';

interface AttemptResult { row: SendableRow; delivery: KnownRow; attempt: number; result: SendResult; outcome: 'success' | 'retryable' | 'gone' | 'client_error'; headers: Record<string, string> }

export interface PublishedEvent { id: string; type: string; deliveries: number; created_at: string }

const DELIVERY_STATUS: Record<string, string> = { queued: 'queued', sending: 'sending', backoff: 'retrying', succeeded: 'succeeded', failed: 'failed' };

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
    next_attempt_at: d.next_attempt_at ? d.next_attempt_at.toISOString() : null,
    created_at: d.created_at.toISOString(),
  };
}

/** At most `limit` requests in flight per endpoint: one slow receiver never holds the rest. */
class EndpointGate {
  private readonly active = new Map<string, { n: number; waiting: Array<() => void>; reserved: number }>();
  constructor(private readonly limit: number) {}
  /**
   * Endpoints with a full round of requests already queued behind the ones in flight,
   * counting those claimed and on their way (reserved, synchronously at claim time: claims
   * follow each other faster than a request reaches the queue).
   */
  saturated(): string[] {
    const out: string[] = [];
    for (const [key, slot] of this.active) if (slot.waiting.length + slot.reserved >= this.limit) out.push(key);
    return out;
  }

  /** A request for `key` is on its way (claimed, being looked up); release() when it gets to run() or will not. */
  reserve(key: string): { release(): void } {
    const slot = this.slot(key);
    slot.reserved++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        slot.reserved--;
        if (slot.n === 0 && slot.reserved === 0 && slot.waiting.length === 0) this.active.delete(key);
      },
    };
  }

  private slot(key: string) {
    let slot = this.active.get(key);
    if (!slot) this.active.set(key, (slot = { n: 0, waiting: [], reserved: 0 }));
    return slot;
  }

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const slot = this.slot(key);
    if (slot.n >= this.limit) await new Promise<void>((resolve) => slot.waiting.push(resolve));
    slot.n++;
    try {
      return await fn();
    } finally {
      slot.n--;
      const next = slot.waiting.shift();
      if (next) next();
      else if (slot.n === 0 && slot.reserved === 0) this.active.delete(key);
    }
  }
}

export class WebhookService {
  readonly subscriptions: MachineDefinition;
  readonly deliveries: MachineDefinition;
  private readonly gate: EndpointGate;
  private readonly sendables: Batcher<string, SendableRow | null>;
  private readonly results: Batcher<AttemptResult, void>;
  private readonly secrets = new Map<string, string>();
  private waking: Promise<void> | null = null;
  private wakeAgain = false;

  constructor(
    private readonly db: Db,
    private readonly actors: ActorSystem,
    private readonly box: SecretBox,
    private readonly config: Pick<Config, 'allowPrivateTargets' | 'webhookTimeoutMs' | 'webhookEndpointConcurrency' | 'leaseMs'>,
    private readonly log: Logger,
  ) {
    this.gate = new EndpointGate(config.webhookEndpointConcurrency);
    this.sendables = new Batcher<string, SendableRow | null>(async (ids) => {
      const rows = new Map<string, SendableRow>((await webhookStore.sendable(this.db, ids)).map((r) => [r.id, r]));
      return ids.map((id) => rows.get(id) ?? null);
    }, 500);
    this.results = new Batcher((items) => this.recordResults(items), 500);
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
    this.deliveries = actors.define({
      name: 'delivery',
      machine: deliveryMachine,
      table: 'webhook_deliveries',
      // A backlogged endpoint is not claimed for while its requests queue here: its due
      // deliveries wait in the database, and the other endpoints keep the in-flight budget.
      holdBack: { column: 'subscription_id', values: () => this.gate.saturated() },
      columns: { status: 'text', attempt: 'integer', last_status: 'integer', last_error: 'text', next_attempt_at: 'timestamptz' },
      project: (s, dueAt) => {
        const c = s.context as { attempt: number; lastStatus: number | null; lastError: string | null };
        // In backoff the row's only timer is the next attempt.
        return { status: DELIVERY_STATUS[String(s.value)] ?? String(s.value), attempt: c.attempt, last_status: c.lastStatus, last_error: c.lastError, next_attempt_at: s.value === 'backoff' ? dueAt : null };
      },
      effects: {
        deliver: (effect, on) => this.deliver(on.row, Number(effect.params.attempt)),
        markSubscriptionGone: (_e, on) => this.toSubscription(on.instanceId, { type: 'GONE' }),
        announceExhausted: async (effect, on) => {
          const row = await this.sendables.add(on.instanceId);
          if (!row || SYSTEM_EVENT_TYPES.has(row.event_type)) return; // never announce about announcements
          await this.publishOperational(on.tenantId, 'delivery.exhausted', {
            delivery_id: on.instanceId, webhook_id: row.subscription_id, event_id: row.event_id, event_type: row.event_type, attempts: effect.params.attempts, last_status: effect.params.lastStatus,
          });
        },
      },
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
      await this.actors.send(unit, this.deliveries, pending.map((d) => ({ id: d.id, event: { type: 'CANCEL', reason: 'webhook deleted' } })));
    });
  }

  // ---- events --------------------------------------------------------------------------

  /**
   * Writes the event and one delivery per matching subscription in the caller's transaction:
   * a committed change always has its deliveries; a rolled-back one never does.
   */
  async publish(unit: Unit, e: { tenantId: string; type: string; data: unknown; idempotencyKey?: string | null; onlySubscription?: string }): Promise<PublishedEvent & { deliveryIds: string[] }> {
    const id = newId('evt');
    // The event and its receivers in one statement; the deliveries and their journal entries
    // in a second.
    const receivers = await webhookStore.openEvent(unit.tx, {
      id, tenantId: e.tenantId, type: e.type, data: e.data, idempotencyKey: e.idempotencyKey ?? null, only: e.onlySubscription ?? null,
    });
    const rows = receivers.map((subscriptionId) => ({ id: newId('dlv'), tenantId: e.tenantId, columns: { subscription_id: subscriptionId, event_id: id, event_type: e.type } }));
    await this.actors.createMany(unit, this.deliveries, { sendTimeoutMs: this.config.leaseMs }, rows, { subscription_id: 'text', event_id: 'text', event_type: 'text' });
    // Wakes idle workers, after the commit and outside the transaction: a NOTIFY inside it
    // would serialize the commits of all publishers (measured: publishing 2x slower).
    if (rows.length) unit.afterCommit(() => this.wakeWorkers());
    return { id, type: e.type, deliveries: rows.length, created_at: new Date(this.actors.clock.now()).toISOString(), deliveryIds: rows.map((r) => r.id) };
  }

  /** POST /v1/events: publish with an optional Idempotency-Key (24 h). */
  async publishEvent(principal: Principal, body: { type: string; data: unknown }, idempotencyKey: string | null): Promise<{ event: PublishedEvent; replayed: boolean }> {
    if (!isEventType(body.type) || SYSTEM_EVENT_TYPES.has(body.type)) throw invalidRequest(`type: "${body.type}" cannot be published; see GET /v1/events/types`);
    if (idempotencyKey) {
      const first = await webhookStore.eventByKey(this.db, principal.tenantId, idempotencyKey);
      if (first) return { event: { id: first.id, type: first.type, deliveries: first.deliveries, created_at: first.created_at.toISOString() }, replayed: true };
    }
    try {
      const published = await this.actors.transaction((unit) => this.publish(unit, { tenantId: principal.tenantId, type: body.type, data: body.data, idempotencyKey }));
      const { deliveryIds: _ids, ...event } = published;
      return { event, replayed: false };
    } catch (error) {
      // Two requests with one key at once: the loser answers with the winner's event.
      const first = idempotencyKey ? await webhookStore.eventByKey(this.db, principal.tenantId, idempotencyKey) : null;
      if (first) return { event: { id: first.id, type: first.type, deliveries: first.deliveries, created_at: first.created_at.toISOString() }, replayed: true };
      throw error;
    }
  }

  /**
   * NOTIFY on the timers channel, coalesced: Postgres serializes the commits of notifying
   * transactions, so publishers share one NOTIFY in flight, and one more is sent after it when
   * others asked meanwhile (every commit is still followed by a wake-up).
   */
  private wakeWorkers(): Promise<void> {
    if (this.waking) {
      this.wakeAgain = true;
      return this.waking;
    }
    this.waking = (async () => {
      try {
        do {
          this.wakeAgain = false;
          await notify(this.db, TIMERS_CHANNEL, 'delivery');
        } while (this.wakeAgain);
      } finally {
        this.waking = null;
      }
    })();
    return this.waking;
  }

  private async publishOperational(tenantId: string, type: string, data: Record<string, unknown>) {
    await this.actors.transaction((unit) => this.publish(unit, { tenantId, type, data }));
  }

  async test(principal: Principal, id: string) {
    const sub = await this.row(principal, id);
    if (sub.status === 'disabled') throw new ApiError(409, 'webhook_disabled', `webhook ${id} is disabled (${sub.snapshot.context.disabledReason}); enable it with PUT {"enabled": true}`);
    const published = await this.actors.transaction((unit) =>
      this.publish(unit, { tenantId: principal.tenantId, type: 'webhook.test', data: { webhook_id: id, message: 'This is a test delivery from Argus Integrations.' }, onlySubscription: id }),
    );
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
    const attempts = await webhookStore.attempts(this.db, deliveryId);
    return {
      ...deliveryView(d),
      attempts: attempts.map((a) => ({
        attempt: a.attempt, attempted_at: a.attempted_at.toISOString(), duration_ms: a.duration_ms, response_status: a.response_status,
        response_body: a.response_body, error: a.error, request_headers: a.request_headers,
      })),
    };
  }

  async retry(principal: Principal, id: string, deliveryId: string) {
    await this.row(principal, id);
    const sent = await this.actors.transaction((unit) => this.actors.send(unit, this.deliveries, [{ id: deliveryId, event: { type: 'RETRY' } }], { tenantId: principal.tenantId }));
    const r = sent.get(deliveryId);
    if (!r) throw notFound(`delivery ${deliveryId}`);
    if (!r.changed) throw new ApiError(409, 'not_failed', `delivery ${deliveryId} is ${DELIVERY_STATUS[r.to] ?? r.to}; only failed deliveries can be retried`);
    await this.wakeWorkers();
    return { delivery_id: deliveryId, status: 'queued' as const };
  }

  async recover(principal: Principal, id: string, since: string) {
    await this.row(principal, id);
    if (Number.isNaN(Date.parse(since))) throw invalidRequest('since: not an ISO 8601 time');
    const failed = await webhookStore.failedSince(this.db, principal.tenantId, id, since);
    await this.actors.transaction((unit) => this.actors.send(unit, this.deliveries, failed.map((f) => ({ id: f.id, event: { type: 'RETRY' } })), { tenantId: principal.tenantId }));
    if (failed.length) await this.wakeWorkers();
    return { requeued: failed.length };
  }

  // ---- sending -------------------------------------------------------------------------

  private async toSubscription(deliveryId: string, event: { type: string; at?: string }) {
    const row = await this.sendables.add(deliveryId);
    if (!row) return;
    await this.actors.transaction((unit) => this.actors.send(unit, this.subscriptions, [{ id: row.subscription_id, event }]));
  }

  /** Decrypted signing secrets, kept in memory: sealing them again per delivery is waste. */
  private async secret(sealed: string): Promise<string> {
    let plain = this.secrets.get(sealed);
    if (plain === undefined) {
      plain = await this.box.open(sealed);
      if (this.secrets.size > 10_000) this.secrets.clear();
      this.secrets.set(sealed, plain);
    }
    return plain;
  }

  /** The secrets to sign with (two during a rotation's grace window); null if they cannot be decrypted. */
  private async signingSecrets(row: SendableRow): Promise<string[] | null> {
    try {
      const secrets = [await this.secret(row.secret_sealed)];
      if (row.previous_secret_sealed && row.previous_until && Date.parse(row.previous_until) > this.actors.clock.now()) secrets.push(await this.secret(row.previous_secret_sealed));
      return secrets;
    } catch (error) {
      this.log.error('webhook signing secret could not be decrypted; the delivery is recorded as not sent and retried', { error, webhook_id: row.subscription_id, delivery_id: row.id });
      return null;
    }
  }

  /** The deliver effect: sign and POST, then record the attempt (batched with others). */
  private async deliver(delivery: KnownRow, attempt: number): Promise<void> {
    // Counted against its endpoint from the moment it was claimed (EndpointGate.saturated);
    // released just before run() counts it instead (no await in between).
    const reservation = delivery.hold_key ? this.gate.reserve(delivery.hold_key) : null;
    let row: SendableRow | null;
    try {
      row = await this.sendables.add(delivery.id);
    } finally {
      reservation?.release();
    }
    if (!row) return;
    await this.gate.run(row.subscription_id, async () => {
      const secrets = await this.signingSecrets(row);
      const body = JSON.stringify({ type: row.event_type, timestamp: row.event_at.toISOString(), data: row.data });
      const timestamp = Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': 'Argus-Webhooks/1.0',
        'webhook-id': row.event_id,
        'webhook-timestamp': String(timestamp),
      };
      const problem = secrets ? await resolvedProblem(row.url, this.config.allowPrivateTargets) : null;
      const result = !secrets
        ? { status: null, body: '', durationMs: 0, error: 'not sent: the signing secret could not be decrypted on this server (MASTER_KEY, or DATA_DIR/master.key, is not the key it was sealed with)', retryAfterMs: null }
        : problem
        ? { status: null, body: '', durationMs: 0, error: `target refused: ${problem}`, retryAfterMs: null }
        : await postWebhook(row.url, body, { ...headers, 'webhook-signature': await signatureHeader(secrets, row.event_id, timestamp, body) }, this.config.webhookTimeoutMs);
      // An unreadable secret is this server's fault, not the receiver's: retried on the
      // schedule, so a corrected key delivers what waited.
      await this.results.add({ row, delivery, attempt, result, outcome: !secrets ? 'retryable' : problem ? 'client_error' : outcomeOf(result), headers: { ...headers, 'webhook-signature': '(redacted)' } });
    });
  }

  /**
   * What each subscription hears of a batch of attempts, in order. DELIVERY_SUCCEEDED only
   * clears the failure count (machines/subscription.ts): for an `active` subscription it
   * changes nothing, and after a first success a second changes nothing either. So successes
   * go only to subscriptions that are not active (read under a row lock: a failure recorded by
   * a batch still in flight is waited for, so it cannot hide this success), and consecutive
   * ones are sent once.
   * Failures are all sent.
   */
  private async subscriptionOutcomes(unit: Unit, items: AttemptResult[], at: string): Promise<Array<{ id: string; event: { type: string; at?: string } }>> {
    const succeededOnly = [...new Set(items.filter((i) => i.outcome === 'success').map((i) => i.row.subscription_id))];
    const notActive = new Set(succeededOnly.length ? (await webhookStore.notActive(unit.tx, succeededOnly)).map((r) => r.id) : []);
    const last = new Map<string, string>();
    const out: Array<{ id: string; event: { type: string; at?: string } }> = [];
    for (const i of items) {
      const id = i.row.subscription_id;
      if (i.outcome === 'success') {
        if (last.get(id) === 'DELIVERY_SUCCEEDED' || (!last.has(id) && !notActive.has(id))) continue;
        out.push({ id, event: { type: 'DELIVERY_SUCCEEDED' } });
      } else {
        out.push({ id, event: { type: 'DELIVERY_FAILED', at } });
      }
      last.set(id, out[out.length - 1].event.type);
    }
    return out;
  }

  /** One transaction for many attempts: their rows, their deliveries' and subscriptions' events. */
  private async recordResults(items: AttemptResult[]): Promise<void[]> {
    const at = new Date(this.actors.clock.now()).toISOString();
    await this.actors.transaction(async (unit) => {
      await webhookStore.insertAttempts(unit.tx, items.map((i) => ({
        delivery_id: i.row.id, tenant_id: i.row.tenant_id, attempt: i.attempt, attempted_at: at, duration_ms: i.result.durationMs,
        response_status: i.result.status, response_body: i.result.body, error: i.result.error, request_headers: i.headers,
      })));
      await this.actors.send(unit, this.deliveries, items.map((i) => ({
        id: i.row.id,
        // Jitter spreads retries; a success has none, and with a fixed value the successes of
        // a batch are one event, computed once (ActorSystem's per-batch step cache).
        event: { type: 'RESULT', outcome: i.outcome, status: i.result.status, retryAfterMs: i.result.retryAfterMs, jitter: i.outcome === 'success' ? 0.5 : Math.random(), at, error: i.result.error },
      })), { known: items.map((i) => i.delivery) });
      await this.actors.send(unit, this.subscriptions, await this.subscriptionOutcomes(unit, items, at));
    });
    return items.map(() => undefined);
  }
}
