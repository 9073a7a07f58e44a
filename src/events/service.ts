// A tenant's events: publishing one (POST /v1/events, with its Idempotency-Key), the history by
// type and time, one event with every delivery it produced across the tenant's webhooks, and
// replay (fresh deliveries of the stored event, with the same webhook-id, so receivers that
// dedupe on it see it once).
import { FIXED } from '../defaults.ts';
import type { Db, Queryable } from '../db/index.ts';
import type { Clock } from '../actors/clock.ts';
import { invalidRequest, notFound, apiError, conflict, webhookDisabled } from '../errors.ts';
import type { Page } from '../db/page.ts';
import { idTime, randomToken, timedIdPrefix } from '../ids.ts';
import { ownerScope, tenantWide, type Principal } from '../identity/principal.ts';
import { isEventType, SYSTEM_EVENT_TYPES } from '../webhooks/catalog.ts';
import { deliveryView } from '../webhooks/service.ts';
import { webhookStore, type DeliveryRow } from '../webhooks/store.ts';
import { eventStore, type EventFilter, type EventRow } from './store.ts';
import { eventDataProblem } from './schemas.ts';
import { IdempotencyConflict, requestFingerprint, type EventPublisher, type PublishedEvent } from './publisher.ts';

export function eventView(e: EventRow) {
  return { id: e.id, type: e.type, data: e.data, deliveries: e.deliveries, created_at: e.created_at.toISOString() };
}

const eventDeliveryView = (d: DeliveryRow) => ({ ...deliveryView(d), webhook_id: d.subscription_id });

export class EventService {
  constructor(
    private readonly db: Db,
    private readonly publisher: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /** POST /v1/events: publish with an optional Idempotency-Key (24 h). */
  async publish(
    principal: Principal,
    body: { type: string; data: unknown },
    idempotencyKey: string | null,
  ): Promise<{ event: PublishedEvent; replayed: boolean }> {
    if (!isEventType(body.type) || SYSTEM_EVENT_TYPES.has(body.type))
      throw invalidRequest(`type: "${body.type}" cannot be published; see GET /v1/events/types`);
    const problem = eventDataProblem(body.type, body.data);
    if (problem) throw invalidRequest(problem);
    if (!idempotencyKey) {
      const { deliveryIds: _ids, ...event } = await this.publisher.publishNow({
        tenantId: principal.tenantId,
        ...body,
      });
      return { event, replayed: false };
    }
    const requestSha256 = await requestFingerprint(body.type, body.data);
    const replay = (first: NonNullable<Awaited<ReturnType<typeof eventStore.byKey>>>) => {
      // The same key with another request is a mistake to say, not a replay to answer.
      if (first.request_sha256 !== null && first.request_sha256 !== requestSha256)
        throw apiError(
          'idempotency_key_reused',
          `Idempotency-Key: this key was used in the last 24 hours for another request (event ${first.id}, another type or data); send this one with a new key`,
          { extra: { event_id: first.id } },
        );
      return {
        event: {
          id: first.id,
          type: first.type,
          deliveries: first.deliveries,
          created_at: first.created_at.toISOString(),
        },
        replayed: true,
      };
    };
    const first = await eventStore.byKey(this.db, principal.tenantId, idempotencyKey);
    if (first) return replay(first);
    try {
      const published = await this.publisher.publishNow({
        tenantId: principal.tenantId,
        ...body,
        idempotencyKey,
        requestSha256,
      });
      const { deliveryIds: _ids, ...event } = published;
      return { event, replayed: false };
    } catch (error) {
      if (!(error instanceof IdempotencyConflict)) throw error;
      // Two requests with one key at once: the later one answers as a replay of the first.
      const winner = await eventStore.byKey(this.db, principal.tenantId, idempotencyKey);
      if (!winner) throw conflict('Idempotency-Key: a request with this key is still being processed; retry shortly');
      return replay(winner);
    }
  }

  // Reads take `from`: the studio passes a standby (see db/read-replica.ts); the API, the primary.
  async list(principal: Principal, page: Page, filter: EventFilter, from: Queryable = this.db) {
    const { items, next_cursor } = await eventStore.list(from, principal.tenantId, page, filter, ownerScope(principal));
    return { events: items.map(eventView), next_cursor };
  }

  private async row(principal: Principal, id: string, from: Queryable = this.db): Promise<EventRow> {
    const row = await eventStore.event(from, principal.tenantId, id, ownerScope(principal));
    if (!row) throw notFound(`event ${id}`);
    return row;
  }

  /**
   * The tenant's newest events in a time range whose data holds `value` (a string, or the number
   * it spells) at `path` (keys from the top; none: at any depth), read from the newest
   * FIXED.payloadSearchScan events of the range. `complete` is false when the range held more.
   */
  async findByValue(
    principal: Principal,
    path: readonly string[],
    value: string,
    range: { since: string; until: string | null },
    from: Queryable = this.db,
  ) {
    // Keys are checked by the caller (PAYLOAD_KEY): quoted, they cannot leave the path.
    const where = path.length ? `$${path.map((k) => `."${k}"`).join('')}` : '$.**';
    // A value that is a JSON number is matched as that number too, as written (no rounding).
    const number = JSON_NUMBER.test(value) ? value : null;
    const scan = FIXED.payloadSearchScan;
    const [found, inRange] = await Promise.all([
      eventStore.withValue(
        from,
        tenantWide(principal).tenantId,
        `${where} ? (@ == $v || @ == $n)`,
        { v: value, number },
        range,
        scan,
        FIXED.payloadSearchResults,
      ),
      eventStore.countInRange(from, principal.tenantId, range, scan + 1),
    ]);
    return {
      events: found.map((e) => ({ id: e.id, type: e.type, created_at: e.created_at.toISOString() })),
      searched: Math.min(inRange, scan),
      complete: inRange <= scan,
    };
  }

  /** Whether the tenant has an event of this id. */
  async exists(principal: Principal, id: string, from: Queryable = this.db): Promise<boolean> {
    return (await eventStore.event(from, tenantWide(principal).tenantId, id)) !== null;
  }

  /** The body every request of a delivery of this event carries, as the engine builds it (null if the event is gone). */
  async deliveryBody(
    principal: Principal,
    delivery: { event_id: string; event_type: string; created_at: string },
    from: Queryable = this.db,
  ): Promise<string | null> {
    return eventStore.deliveryBody(
      from,
      tenantWide(principal).tenantId,
      delivery.event_id,
      delivery.event_type,
      new Date(delivery.created_at),
    );
  }

  /** The event and its deliveries (a page of them: a fan-out may hold thousands), newest first. */
  async get(principal: Principal, id: string, page: Page, from: Queryable = this.db) {
    const event = await this.row(principal, id, from);
    const { items, next_cursor } = await webhookStore.eventDeliveries(
      from,
      principal.tenantId,
      event,
      page,
      ownerScope(principal),
    );
    return { event: eventView(event), deliveries: items.map(eventDeliveryView), next_cursor };
  }

  /**
   * Fresh deliveries of a stored event, now, written as a publish writes them: to every webhook
   * of the tenant (of the app, for an app's token) that receives its type (held while paused, skipped while disabled, in line
   * for an ordered one), or to `webhookId` alone, which must receive the type and not be
   * disabled. Operational events are not replayed: they report on deliveries, and a new one says more.
   */
  async replay(principal: Principal, id: string, webhookId: string | null) {
    const event = await this.row(principal, id);
    if (SYSTEM_EVENT_TYPES.has(event.type)) {
      throw apiError(
        'not_replayable',
        `event ${id} is ${event.type}, which this service publishes about its own operation; it cannot be replayed`,
      );
    }
    if (webhookId !== null) {
      const sub = await webhookStore.subscription(this.db, principal.tenantId, webhookId);
      const owner = ownerScope(principal);
      if (!sub || (owner !== null && sub.app_id !== owner)) throw notFound(`webhook ${webhookId}`);
      if (!sub.events.includes(event.type))
        throw apiError(
          'not_subscribed',
          `webhook ${webhookId} does not receive ${event.type}; add it to the webhook's events first`,
        );
      if (sub.status === 'disabled') throw webhookDisabled(webhookId, sub.snapshot.context.disabledReason);
    }
    const written = (
      await eventStore.publish(
        this.db,
        [
          {
            id: event.id,
            tenantId: principal.tenantId,
            type: event.type,
            data: null,
            idempotencyKey: null,
            requestSha256: null,
            only: webhookId,
            // An app's token replays to its own webhooks only.
            onlyApp: ownerScope(principal),
            createdAt: event.cursor_at,
            deliveryIdPrefix: deliveryIdPrefix(event.id),
            traceparent: null,
            replayAt: new Date(this.clock.now()).toISOString(),
          },
        ],
        this.publisher.templates,
      )
    )[0]!;
    if (!written.keyed) throw notFound(`event ${id}`); // its day was retired meanwhile
    if (written.deliveries.length) this.publisher.wakeWorkers();
    return { event_id: event.id, deliveries: written.deliveries };
  }

  /**
   * Replays many events to one webhook, as replay() does each with `webhook_id`: the webhook
   * must not be disabled; an event of a type it no longer receives, or of the service's own
   * operational types, is left out and counted. Written `REPLAY_CHUNK` events a statement.
   */
  async replayToWebhook(
    principal: Principal,
    webhook: { id: string; events: readonly string[]; status: string; disabledReason: string | null },
    events: ReadonlyArray<{ event_id: string; event_type: string; cursor_at: string }>,
  ) {
    if (webhook.status === 'disabled') throw webhookDisabled(webhook.id, webhook.disabledReason);
    const replayable = events.filter((e) => replaysTo(webhook, e.event_type));
    const replayAt = new Date(this.clock.now()).toISOString();
    let deliveries = 0;
    let gone = 0;
    for (let i = 0; i < replayable.length; i += REPLAY_CHUNK) {
      const written = await eventStore.publish(
        this.db,
        replayable.slice(i, i + REPLAY_CHUNK).map((e) => ({
          id: e.event_id,
          tenantId: principal.tenantId,
          type: e.event_type,
          data: null,
          idempotencyKey: null,
          requestSha256: null,
          only: webhook.id,
          createdAt: e.cursor_at,
          deliveryIdPrefix: deliveryIdPrefix(e.event_id),
          traceparent: null,
          replayAt,
        })),
        this.publisher.templates,
      );
      for (const w of written) {
        deliveries += w.deliveries.length;
        if (!w.keyed) gone += 1; // its day was retired meanwhile
      }
    }
    if (deliveries) this.publisher.wakeWorkers();
    return { replayed: deliveries, not_replayable: events.length - replayable.length, gone };
  }
}

/** A number as JSON writes it: a value spelling one is searched as that number too. */
const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** Whether an event of this type may be replayed to the webhook: one it receives, not one of the service's own. */
export const replaysTo = (webhook: { events: readonly string[] }, type: string) =>
  webhook.events.includes(type) && !SYSTEM_EVENT_TYPES.has(type);

/** Events replayed by one statement of a bulk replay. */
const REPLAY_CHUNK = 500;

/**
 * The start of a replayed delivery's id: like a publish's, the event's time, so the delivery is
 * found in the event's partition. An event from before time-carrying ids has a created_at in
 * microseconds, which an id cannot carry: its deliveries get ids without a time (7 random
 * characters here, with the statement's 15, make a 22-character body).
 */
function deliveryIdPrefix(eventId: string): string {
  const at = idTime(eventId);
  return at === null ? `dlv_${randomToken(7)}` : timedIdPrefix('dlv', at);
}
