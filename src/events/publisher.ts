// Publishing an event: the event and one delivery per matching webhook written in one
// statement, in the caller's transaction or on its own, then the delivery workers woken. The
// tenant's own publishes (POST /v1/events, GraphQL mutations), replays and the operational
// events the delivery engine announces (delivery.exhausted, webhook.disabled, …) all come
// through here; it knows the engine's first state of a delivery and how to wake it, not the
// webhook service.
import { isDatabaseUnavailable, type Db } from '../db/index.ts';
import { Batcher, ItemFailure } from '../db/batcher.ts';
import type { Unit } from '../actors/runtime.ts';
import type { Clock } from '../actors/clock.ts';
import type { Logger } from '../log.ts';
import { newTimedId, timedIdPrefix } from '../ids.ts';
import { activeTraceparent, publishSpan } from '../telemetry/spans.ts';
import { sha256Hex } from '../crypto/hash.ts';
import type { DeliverySteps, DeliveryTemplate } from '../webhooks/dispatch/steps.ts';
import type { DeliveryWakeup } from '../webhooks/dispatch/wakeup.ts';
import { eventStore, type PublishOutcome, type PublishRow } from './store.ts';

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
  /** An operational event's webhook: it goes to that webhook's app's webhooks and the tenant's own only. */
  aboutWebhook?: string;
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

/**
 * Group commit: publishes that arrive while the groups before them are being written are
 * written together, in one statement and one commit, up to this many; each caller is answered
 * after that commit, with its own event. A lone publish waits for no one.
 */
const PUBLISHES_PER_GROUP = 64;
/** Groups written at once (each takes a pooled connection). */
const GROUPS_AT_ONCE = 2;

/** Operational events written at once: a wave of them (1,000 webhooks failing together) waits its turn instead of taking every database connection. */
const ANNOUNCING_AT_ONCE = 2;

export class EventPublisher {
  private readonly announcements: Array<() => Promise<void>> = [];
  private announcing = 0;

  /** A new delivery's columns by its webhook's status (a publish's, and a replay's: src/events/service.ts). */
  readonly templates: Readonly<Record<string, DeliveryTemplate>>;
  private readonly groups: Batcher<PublishRow, PublishOutcome>;

  constructor(
    private readonly db: Db,
    steps: DeliverySteps,
    private readonly wakeup: DeliveryWakeup,
    private readonly clock: Clock,
    private readonly log: Logger,
    retentionMs: number,
  ) {
    const queued = steps.createdAs('active', 0);
    this.templates = {
      active: queued,
      failing: queued,
      paused: steps.createdAs('paused', retentionMs),
      disabled: steps.createdAs('disabled', 0),
    };
    this.groups = new Batcher((rows) => this.writeGroup(rows), {
      maxBatch: PUBLISHES_PER_GROUP,
      concurrency: GROUPS_AT_ONCE,
      // One statement cannot take a key twice: the later publish with a key waits for the next group.
      keyOf: (row) => (row.idempotencyKey === null ? null : `${row.tenantId}\n${row.idempotencyKey}`),
    });
  }

  /**
   * Writes the event and one delivery per matching subscription in the caller's transaction:
   * a committed change always has its deliveries; a rolled-back one never does.
   */
  async publish(unit: Unit, e: Publish): Promise<PublishedEvent & { deliveryIds: string[] }> {
    const published = await this.write(e, async (row) => {
      const [outcome] = await eventStore.publish(unit.tx, [row], this.templates);
      return outcome!;
    });
    // Wakes idle workers, after the commit and outside the transaction: a NOTIFY inside it
    // would serialize the commits of all publishers (measured: publishing 2x slower).
    if (published.deliveries) unit.afterCommit(() => this.wakeup.notify());
    return published;
  }

  /**
   * The same as publish(), on its own, committed when it returns: with the publishes that
   * arrive meanwhile, in one statement and one commit (see the class comment).
   */
  publishNow(e: Publish): Promise<PublishedEvent & { deliveryIds: string[] }> {
    return this.write(e, (row) => this.groups.add(row));
  }

  /**
   * Publishes an operational event for a tenant (delivery.exhausted, webhook.disabled, …), on
   * its own, behind the ones before it: at most ANNOUNCING_AT_ONCE are written at a time, so
   * that one tenant's receivers failing together cannot fill the connection pool every other
   * tenant's claims and publishes need. One about a webhook (`data.webhook_id`) goes only to
   * that webhook's app's webhooks and the tenant's own. Resolves when it is written.
   */
  announce(tenantId: string, type: string, data: Record<string, unknown>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const about = typeof data.webhook_id === 'string' ? data.webhook_id : undefined;
      this.announcements.push(() =>
        this.publishNow({ tenantId, type, data, aboutWebhook: about }).then(() => resolve(), reject),
      );
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

  private write(
    e: Publish,
    written: (row: PublishRow) => Promise<PublishOutcome>,
  ): Promise<PublishedEvent & { deliveryIds: string[] }> {
    return publishSpan(
      e.type,
      e.tenantId,
      async () => {
        // The event, its deliveries and (later) their attempts share this time: it names their
        // partition, and the ids carry it.
        const at = this.clock.now();
        const createdAt = new Date(at).toISOString();
        const id = newTimedId('evt', at);
        const outcome = await written({
          id,
          tenantId: e.tenantId,
          type: e.type,
          data: e.data,
          idempotencyKey: e.idempotencyKey ?? null,
          requestSha256: e.requestSha256 ?? null,
          only: e.onlySubscription ?? null,
          aboutWebhook: e.aboutWebhook ?? null,
          createdAt,
          deliveryIdPrefix: timedIdPrefix('dlv', at),
          traceparent: activeTraceparent(),
        });
        if (!outcome.keyed) throw new IdempotencyConflict();
        return {
          id,
          type: e.type,
          deliveries: outcome.deliveries.length,
          created_at: createdAt,
          deliveryIds: outcome.deliveries.map((d) => d.id),
        };
      },
      (p) => ({ eventId: p.id, deliveries: p.deliveries }),
    );
  }

  /**
   * A group of publishes in one statement. When it fails for a reason of one publish (a value
   * the database refuses, a bug one input reaches), the group is split in halves until that
   * one is found: it gets its error, the others are written. The database being away fails
   * them all at once; each caller gets the error.
   */
  private async writeGroup(rows: PublishRow[]): Promise<Array<PublishOutcome | ItemFailure>> {
    try {
      const outcomes = await eventStore.publish(this.db, rows, this.templates);
      if (outcomes.some((o) => o.deliveries.length)) this.wakeWorkers();
      return outcomes;
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      if (rows.length === 1) return [new ItemFailure(error)];
      const half = Math.ceil(rows.length / 2);
      return [...(await this.writeGroup(rows.slice(0, half))), ...(await this.writeGroup(rows.slice(half)))];
    }
  }
}
