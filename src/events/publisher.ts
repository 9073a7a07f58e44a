// Publishing an event: the event and one delivery per matching webhook written in one
// statement, in the caller's transaction or on its own, then the delivery workers woken. The
// tenant's own publishes (POST /v1/events, GraphQL mutations), replays and the operational
// events the delivery engine announces (delivery.exhausted, webhook.disabled, …) all come
// through here; it knows the engine's first state of a delivery and how to wake it, not the
// webhook service.
import type { Db, Queryable } from '../db/index.ts';
import type { Unit } from '../actors/runtime.ts';
import type { Clock } from '../actors/clock.ts';
import type { Logger } from '../log.ts';
import { newTimedId, timedIdPrefix } from '../ids.ts';
import { activeTraceparent, publishSpan } from '../telemetry/spans.ts';
import { sha256Hex } from '../crypto/hash.ts';
import type { DeliverySteps } from '../webhooks/dispatch/steps.ts';
import type { DeliveryWakeup } from '../webhooks/dispatch/wakeup.ts';
import { eventStore } from './store.ts';

export interface PublishedEvent {
  id: string;
  type: string;
  deliveries: number;
  created_at: string;
}

/** An event to publish: to every subscription of the tenant that receives its type, or to one. */
export interface Publish {
  tenantId: string;
  type: string;
  data: unknown;
  idempotencyKey?: string | null;
  /** A fingerprint of the request the key was sent with (see requestFingerprint). */
  requestSha256?: string | null;
  onlySubscription?: string;
}

/** JSON with object keys sorted, at every depth: the same value, whatever the order it was written in. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** What an Idempotency-Key is checked against: a SHA-256 of the event's type and data (keys sorted). */
export function requestFingerprint(type: string, data: unknown): Promise<string> {
  return sha256Hex(sortedJson({ type, data }));
}

/** Another publish holds the Idempotency-Key: nothing was written. */
export class IdempotencyConflict extends Error {}

/** Operational events written at once: a wave of them (1,000 webhooks failing together) waits its turn instead of taking every database connection. */
const ANNOUNCING_AT_ONCE = 2;

export class EventPublisher {
  private readonly announcements: Array<() => Promise<void>> = [];
  private announcing = 0;

  constructor(
    private readonly db: Db,
    private readonly steps: DeliverySteps,
    private readonly wakeup: DeliveryWakeup,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly retentionMs: number,
  ) {}

  /**
   * Writes the event and one delivery per matching subscription in the caller's transaction:
   * a committed change always has its deliveries; a rolled-back one never does.
   */
  async publish(unit: Unit, e: Publish): Promise<PublishedEvent & { deliveryIds: string[] }> {
    const published = await this.write(unit.tx, e);
    // Wakes idle workers, after the commit and outside the transaction: a NOTIFY inside it
    // would serialize the commits of all publishers (measured: publishing 2x slower).
    if (published.deliveries) unit.afterCommit(() => this.wakeup.notify());
    return published;
  }

  /** The same as publish(), on its own: one statement, committed when it returns. */
  async publishNow(e: Publish): Promise<PublishedEvent & { deliveryIds: string[] }> {
    const published = await this.write(this.db, e);
    if (published.deliveries) this.wakeWorkers();
    return published;
  }

  /**
   * Publishes an operational event for a tenant (delivery.exhausted, webhook.disabled, …), on
   * its own, behind the ones before it: at most ANNOUNCING_AT_ONCE are written at a time, so
   * that one tenant's receivers failing together cannot fill the connection pool every other
   * tenant's claims and publishes need. Resolves when it is written.
   */
  announce(tenantId: string, type: string, data: Record<string, unknown>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.announcements.push(() => this.publishNow({ tenantId, type, data }).then(() => resolve(), reject));
      this.nextAnnouncement();
    });
  }

  private nextAnnouncement(): void {
    while (this.announcing < ANNOUNCING_AT_ONCE && this.announcements.length) {
      const write = this.announcements.shift()!;
      this.announcing++;
      void write().finally(() => {
        this.announcing--;
        this.nextAnnouncement();
      });
    }
  }

  /** Wakes the delivery workers (after a commit that made deliveries due); a failed NOTIFY is logged, the poll finds them. */
  wakeWorkers(): void {
    void this.wakeup
      .notify()
      .catch((error: unknown) =>
        this.log.warn('could not wake the delivery workers; they find the deliveries at their next poll', { error }),
      );
  }

  /** A new delivery's columns by its webhook's status (a publish's, and a replay's: src/events/). */
  initialRecords(at: number) {
    const queued = this.steps.createdFor('active', at, 0);
    return {
      active: queued,
      failing: queued,
      paused: this.steps.createdFor('paused', at, this.retentionMs),
      disabled: this.steps.createdFor('disabled', at, 0),
    };
  }

  private write(q: Queryable, e: Publish): Promise<PublishedEvent & { deliveryIds: string[] }> {
    return publishSpan(
      e.type,
      e.tenantId,
      () => this.written(q, e),
      (p) => ({ eventId: p.id, deliveries: p.deliveries }),
    );
  }

  private async written(q: Queryable, e: Publish): Promise<PublishedEvent & { deliveryIds: string[] }> {
    // The event, its deliveries and (later) their attempts share this time: it names their
    // partition, and the ids carry it.
    const at = this.clock.now();
    const createdAt = new Date(at).toISOString();
    const id = newTimedId('evt', at);
    const written = await eventStore.publish(q, {
      id,
      tenantId: e.tenantId,
      type: e.type,
      data: e.data,
      idempotencyKey: e.idempotencyKey ?? null,
      requestSha256: e.requestSha256 ?? null,
      only: e.onlySubscription ?? null,
      createdAt,
      deliveryIdPrefix: timedIdPrefix('dlv', at),
      records: this.initialRecords(at),
      traceparent: activeTraceparent(),
    });
    if (!written.keyed) throw new IdempotencyConflict();
    return {
      id,
      type: e.type,
      deliveries: written.delivery_ids.length,
      created_at: createdAt,
      deliveryIds: written.delivery_ids,
    };
  }
}
