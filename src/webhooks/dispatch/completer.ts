// Recording what sending came to. Results are batched: one transaction writes the deliveries'
// next columns and their attempt rows in one statement (per partition), moves ordered lines on,
// and tells the webhooks what happened. A batch that fails for anything but the database being
// away is split in halves until the one result that cannot be written is found; that one is
// recorded as an error of its own (without what the receiver sent), so no result is ever held
// back by another's.
import { realTime } from '../../actors/clock.ts';
import type { ActorSystem, Unit } from '../../actors/runtime.ts';
import { isDatabaseUnavailable, isTransactionConflict } from '../../db/index.ts';
import type { Logger } from '../../log.ts';
import type { Metrics } from '../../metrics.ts';
import type { DeliveryEvent } from '../../../machines/delivery.ts';
import type { SubscriptionEvent } from '../../../machines/subscription.ts';
import type { SubscriptionDefinition } from '../subscriptions.ts';
import type { DeliveryObserver } from '../delivery-metrics.ts';
import { storableText } from '../../outbound/read-capped.ts';
import { Batcher } from '../../db/batcher.ts';
import { announceAfterCommit, type Announce } from './announcements.ts';
import { recordStore } from './record-store.ts';
import type { Sent } from './sender.ts';
import type { DeliveryEffect, DeliverySteps } from './steps.ts';
import { byPartition, dispatchStore, linesMoved, type AttemptRecord } from './store.ts';

const RESULTS_PER_BATCH = 500;
/**
 * Results commit without waiting for the WAL flush (dispatchStore.hotSettings): a database
 * that crashes loses the last of them, up to three WAL writer rounds (600 ms by default). The
 * results recorded this long before the database went away are recorded again once it is back.
 */
const UNCONFIRMED_MS = 2_000;
const UNCONFIRMED_KEPT = 20_000;

export interface CompleterDeps {
  actors: ActorSystem;
  steps: DeliverySteps;
  subscriptions: SubscriptionDefinition;
  announce: Announce;
  observe: DeliveryObserver;
  log: Logger;
  metrics: Metrics;
  /** Told after a commit that moved ordered lines on (their next deliveries are due now). */
  onLineMoved: (lines: ReadonlyArray<{ endpointId: string; tenantId: string }>) => void;
}

interface Prepared {
  sent: Sent;
  attempt: AttemptRecord;
  effects: DeliveryEffect[];
}

export class Completer {
  /** Each result's error, or undefined once it is recorded. */
  private readonly batcher: Batcher<Sent, unknown>;
  private readonly attemptsTotal;
  private readonly staleTotal;
  private readonly recordedLateTotal;
  private readonly unwritableTotal;
  /** Results recorded lately (their commit may not be on disk yet), oldest first. */
  private recent: Array<{ at: number; sent: Sent }> = [];
  /** Results recorded just before the database went away, to record again once it is back. */
  private unconfirmed: Sent[] | null = null;

  constructor(private readonly deps: CompleterDeps) {
    this.batcher = new Batcher((items) => this.recordSplitting(items), { maxBatch: RESULTS_PER_BATCH });
    const { metrics } = deps;
    this.attemptsTotal = metrics.counter('argus_delivery_attempts_total', 'Delivery attempts recorded, by outcome');
    this.recordedLateTotal = metrics.counter(
      'argus_delivery_results_recorded_late_total',
      'Results recorded after the database came back (they were kept in memory, not lost)',
    );
    this.staleTotal = metrics.counter(
      'argus_delivery_stale_results_total',
      'Results not recorded because their delivery had moved on (its lease ran out first)',
    );
    this.unwritableTotal = metrics.counter(
      'argus_delivery_results_unwritable_total',
      'Results the database refused as received, recorded without the response they carried',
    );
  }

  /** The database went away: the results recorded just before may be lost with their commits. */
  databaseLost(): void {
    const since = realTime() - UNCONFIRMED_MS;
    this.unconfirmed = [...(this.unconfirmed ?? []), ...this.recent.filter((r) => r.at >= since).map((r) => r.sent)];
    this.recent = [];
  }

  /**
   * The database is back: what was recorded just before it went is recorded again. A result
   * whose commit survived changes nothing (its delivery is no longer sending that attempt); one
   * whose commit was lost is recorded now, instead of its delivery waiting out its lease.
   */
  async databaseBack(): Promise<void> {
    const again = this.unconfirmed;
    this.unconfirmed = null;
    if (!again?.length) return;
    let recorded = 0;
    for (let i = 0; i < again.length; i += RESULTS_PER_BATCH)
      recorded += await this.recordBatch(again.slice(i, i + RESULTS_PER_BATCH), 'again');
    this.recordedLateTotal.inc({}, recorded);
    if (recorded)
      this.deps.log.warn('results lost with the database were recorded again', { count: recorded, of: again.length });
  }

  /** Records a result with others that finish at the same time; rejects only when the database is away. */
  async record(sent: Sent): Promise<void> {
    const error = await this.batcher.add(sent);
    if (error !== undefined) throw error;
  }

  /**
   * Records a result, trying again while the database is away (a restart, a dropped
   * connection) until the delivery's lease ends: recorded late, the result still counts once;
   * given up, the delivery waits out its whole lease and is sent again.
   */
  async recordBefore(sent: Sent, leaseEnds: number): Promise<void> {
    let lastError: unknown;
    for (let tries = 0; ; tries++) {
      try {
        await this.record(sent);
        if (tries > 0) this.recordedLateTotal.inc();
        return;
      } catch (error) {
        lastError = error;
        if (tries === 0)
          this.deps.log.warn('a delivery result could not be recorded; trying again until its lease ends', {
            error,
            delivery_id: sent.claimed.row.id,
          });
      }
      const wait = Math.min(250 * 2 ** tries, 5_000);
      if (realTime() + wait >= leaseEnds) throw lastError;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /**
   * A batch, split in halves while it fails for a reason of its own (not the database being
   * away). Answers each result's error, or undefined once it is recorded.
   */
  private async recordSplitting(items: Sent[]): Promise<unknown[]> {
    try {
      await this.recordBatch(items);
      return items.map(() => undefined);
    } catch (error) {
      if (isDatabaseUnavailable(error) || isTransactionConflict(error)) return items.map(() => error);
      if (items.length > 1) {
        const half = Math.ceil(items.length / 2);
        return [
          ...(await this.recordSplitting(items.slice(0, half))),
          ...(await this.recordSplitting(items.slice(half))),
        ];
      }
      try {
        await this.recordUnwritable(items[0]!, error);
        return [undefined];
      } catch (again) {
        return [again];
      }
    }
  }

  /** The one result the database refused as received: recorded with its outcome and status, and the refusal as its error. */
  private async recordUnwritable(sent: Sent, error: unknown): Promise<void> {
    this.unwritableTotal.inc();
    this.deps.log.error('a delivery result was refused by the database; recorded without the response it carried', {
      error,
      delivery_id: sent.claimed.row.id,
    });
    const why = error instanceof Error ? error.message : String(error);
    await this.recordBatch([
      {
        ...sent,
        result: {
          status: sent.result.status,
          body: '',
          durationMs: Math.max(0, Math.min(2_147_483_647, Math.round(sent.result.durationMs) || 0)),
          error: storableText(`the result could not be recorded as received: ${why}`, 1000),
          retryAfterMs: null,
        },
      },
    ]);
  }

  private prepare(items: Sent[], at: string, now: number): Prepared[] {
    const step = this.deps.steps.batch(now);
    return items.map((s) => {
      // Jitter spreads retries; a success has none, and with a fixed value the successes of a
      // batch are one event, computed once.
      const event: DeliveryEvent = {
        type: 'RESULT',
        outcome: s.outcome,
        status: s.result.status,
        retryAfterMs: s.result.retryAfterMs,
        jitter: s.outcome === 'success' ? 0.5 : Math.random(),
        at,
        error: s.result.error,
      };
      const next = step(s.claimed.record, event);
      return {
        sent: s,
        effects: next.effects,
        attempt: {
          id: s.claimed.row.id,
          ctid: s.claimed.row.ctid,
          prevState: 'sending',
          record: next.record,
          attempt: s.claimed.record.attempt,
          fromState: s.claimed.row.state,
          startedAt: s.claimed.startedAt,
          durationMs: s.result.durationMs,
          responseStatus: s.result.status,
          responseBody: s.result.body,
          error: s.result.error,
          requestTimestamp: s.timestamp,
        },
      };
    });
  }

  /**
   * One transaction for many results: deliveries, attempt rows, ordered lines, and what webhooks
   * hear. Answers how many were recorded. 'again' (after the database came back): a result
   * already recorded is not a stale one, and what was announced is not announced twice.
   */
  private async recordBatch(items: Sent[], mode: 'first' | 'again' = 'first'): Promise<number> {
    const { actors } = this.deps;
    const now = actors.clock.now();
    const at = new Date(now).toISOString();
    const prepared = this.prepare(items, at, now);
    return actors.transaction(async (unit) => {
      const hot = dispatchStore.hotSettings(unit.tx);
      const recorded = new Set<string>();
      for (const [part, list] of byPartition(prepared, (p) => p.sent.claimed.row.part)) {
        const ids = await hot(() =>
          recordStore.recordAttempts(
            unit.tx,
            part,
            at,
            list.map((p) => p.attempt),
          ),
        );
        for (const id of ids) recorded.add(id);
      }
      const applied = prepared.filter((p) => recorded.has(p.attempt.id));
      const stale = prepared.length - applied.length;
      if (stale && mode === 'first') {
        this.staleTotal.inc({}, stale);
        this.deps.log.warn('results not recorded: their deliveries moved on while they were sent (lease ran out)', {
          count: stale,
        });
      }
      // The next in an ordered webhook's line is due now: claimed at once, not at the next poll.
      const moved = linesMoved(
        applied.map((p) => p.sent.claimed.row),
        applied.map((p) => p.attempt),
      );
      // Both sent at once (pipelined): the webhooks' state is read beside the lines' next step.
      const [lines, events] = await Promise.all([
        dispatchStore.nextInLine(unit.tx, moved, at),
        this.subscriptionEvents(unit, applied, at),
      ]);
      if (lines.length) unit.afterCommit(() => this.deps.onLineMoved(lines));
      await actors.send(unit, this.deps.subscriptions, events);
      if (mode === 'first')
        for (const p of applied) announceAfterCommit(unit, this.deps.announce, p.sent.claimed.row, p.effects);
      unit.afterCommit(() => {
        if (mode === 'first') this.keepRecent(applied.map((p) => p.sent));
        for (const p of applied) this.attemptsTotal.inc({ outcome: p.sent.outcome });
        this.deps.observe.recorded(
          applied.map((p) => ({
            outcome: p.sent.outcome,
            durationMs: p.sent.result.durationMs,
            sent: p.sent.timestamp !== null,
            state: p.attempt.record.state,
          })),
        );
      });
      return applied.length;
    });
  }

  private keepRecent(sents: readonly Sent[]): void {
    const now = realTime();
    for (const sent of sents) this.recent.push({ at: now, sent });
    const since = now - UNCONFIRMED_MS;
    let drop = 0;
    while (drop < this.recent.length && (this.recent[drop]!.at < since || this.recent.length - drop > UNCONFIRMED_KEPT))
      drop++;
    if (drop) this.recent = this.recent.slice(drop);
  }

  /**
   * What each subscription hears of a batch of results, in order. DELIVERY_SUCCEEDED only
   * clears the failure count (machines/subscription.ts): for an `active` subscription it
   * changes nothing, and after a first success a second changes nothing either. So successes
   * go only to subscriptions that are not active (read under a row lock: a failure recorded by
   * a batch still in flight is waited for, so it cannot hide this success), and consecutive
   * ones are sent once. Failures are all sent; a 410 also tells the subscription it is gone.
   */
  private async subscriptionEvents(unit: Unit, items: readonly Prepared[], at: string) {
    const succeededOnly = [
      ...new Set(items.filter((i) => i.sent.outcome === 'success').map((i) => i.sent.claimed.row.subscription_id)),
    ];
    const notActive = new Set(succeededOnly.length ? await recordStore.notActive(unit.tx, succeededOnly) : []);
    const last = new Map<string, string>();
    const out: Array<{ id: string; event: SubscriptionEvent }> = [];
    for (const i of items) {
      const id = i.sent.claimed.row.subscription_id;
      if (i.sent.outcome === 'success') {
        if (last.get(id) === 'DELIVERY_SUCCEEDED' || (!last.has(id) && !notActive.has(id))) continue;
        out.push({ id, event: { type: 'DELIVERY_SUCCEEDED' } });
      } else {
        out.push({ id, event: { type: 'DELIVERY_FAILED', at } });
        if (i.effects.some((e) => e.type === 'markSubscriptionGone')) out.push({ id, event: { type: 'GONE' } });
      }
      last.set(id, out[out.length - 1]!.event.type);
    }
    return out;
  }
}
