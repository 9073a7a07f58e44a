// The delivery engine's worker: claim → prepare → send → record, as typed phases.
//
// claim    one transaction per batch: due deliveries are locked (SKIP LOCKED, so workers
//          share them), their timers fired through the delivery machine, their next columns
//          written; a lease that ran out becomes an attempt row with the reason.
// prepare  the request: the event's stored data as the body, Standard Webhooks signatures.
// send     through the endpoint's gate (a per-endpoint cap), no redirects, a hard timeout.
// record   results are batched: one transaction writes the deliveries' next columns and their
//          attempt rows in one statement, and tells the subscriptions what happened.
//
// Nothing is kept in memory that a crash would lose: a delivery claimed and never recorded
// is claimed again when its lease runs out.
import type { Db, Queryable } from '../../db/index.ts';
import { notify } from '../../db/index.ts';
import type { ActorSystem, MachineDefinition, Unit } from '../../actors/runtime.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { Metrics } from '../../metrics.ts';
import type { DeliveryEvent, DeliveryOutcome } from '../../../machines/delivery.ts';
import { inGrace } from '../../../machines/graceWindow.ts';
import type { SubscriptionEvent, subscriptionMachine } from '../../../machines/subscription.ts';
import { SYSTEM_EVENT_TYPES } from '../catalog.ts';
import { signatureHeader } from '../signing.ts';
import { deliveryHeaders } from '../request.ts';
import { checkTarget } from '../target-check.ts';
import { outcomeOf, postWebhook, type SendResult } from '../http-client.ts';
import { Batcher } from './batching.ts';
import { EndpointGate } from './gate.ts';
import {
  DeliverySteps,
  SKIPPED_WHILE_DISABLED,
  timerEvent,
  type DeliveryEffect,
  type DeliveryRecord,
  type DeliveryState,
} from './steps.ts';
import { byPartition, dispatchStore, recordOf, type AttemptRecord, type ClaimedRow, type Transition } from './store.ts';
import { observeDeliveries, type DeliveryObserver } from '../delivery-metrics.ts';
import { DeliveryTraces } from '../../telemetry/delivery-traces.ts';

export const DELIVERIES_CHANNEL = 'argus_deliveries';

export type DispatchConfig = Pick<
  Config,
  | 'allowPrivateTargets'
  | 'webhookTimeoutMs'
  | 'webhookCa'
  | 'webhookEndpointConcurrency'
  | 'leaseMs'
  | 'workerBatchSize'
  | 'workerPollMs'
  | 'workerMaxInFlight'
  | 'deliveryRetentionDays'
  | 'webhookRetrySchedule'
>;

/** An operational event for the tenant (delivery.exhausted), published by the webhook service. */
export type Announce = (tenantId: string, type: string, data: Record<string, unknown>) => Promise<void>;

/** A delivery this worker claimed and is sending: its row as claimed and its record now. */
interface Claimed {
  row: ClaimedRow;
  record: DeliveryRecord;
  startedAt: string;
}
interface Prepared {
  claimed: Claimed;
  body: string;
  timestamp: number;
  secrets: string[] | null;
}
interface Sent {
  claimed: Claimed;
  result: SendResult;
  outcome: DeliveryOutcome;
  timestamp: number | null;
}

/** The ordered webhooks whose line moved: one of these deliveries, in line, reached a state it does not leave by itself. */
function outOfLine(
  rows: readonly ClaimedRow[],
  moves: ReadonlyArray<{ id: string; record: DeliveryRecord }>,
): string[] {
  const done = new Set(
    moves
      .filter((m) => m.record.state === 'succeeded' || m.record.state === 'failed' || m.record.state === 'skipped')
      .map((m) => m.id),
  );
  return rows.filter((r) => r.order_seq !== null && done.has(r.id)).map((r) => r.subscription_id);
}

const LOST = 'no result within the send timeout (the worker sending it stopped or lost its database connection)';

export class Dispatcher {
  readonly steps: DeliverySteps;
  private readonly gate: EndpointGate;
  private readonly results: Batcher<Sent, undefined>;
  private readonly secrets = new Map<string, string>();
  /** Claims whose commit went unanswered, to ask about once the database is back. */
  private inDoubt: Array<{ at: string; claimed: Claimed[]; until: number }> = [];
  /** Rate-limited webhooks whose bucket was found empty, until their next token (clock ms). */
  private readonly limitedUntil = new Map<string, number>();
  private inFlight = 0;
  /** Deliveries this process has claimed since it started. */
  private claimedCount = 0;
  private roomWaiters: Array<() => void> = [];
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  /** A wake-up that came while the loop was busy: the next sleep is skipped, not lost. */
  private wokenWhileBusy = false;
  private unlisten: (() => Promise<void>) | null = null;
  private notifying: Promise<void> | null = null;
  private notifyAgain = false;
  private readonly claimedTotal;
  private readonly attemptsTotal;
  private readonly staleTotal;
  private readonly recordedLateTotal;
  private readonly observe: DeliveryObserver;
  private readonly traces: DeliveryTraces;

  constructor(
    private readonly db: Db,
    private readonly actors: ActorSystem,
    private readonly subscriptions: MachineDefinition<typeof subscriptionMachine>,
    private readonly box: SecretBox,
    private readonly config: DispatchConfig,
    private readonly announce: Announce,
    private readonly log: Logger,
    metrics: Metrics,
  ) {
    this.steps = new DeliverySteps({ sendTimeoutMs: config.leaseMs, schedule: config.webhookRetrySchedule }, () =>
      actors.clock.now(),
    );
    this.gate = new EndpointGate(config.webhookEndpointConcurrency, () => this.wake());
    this.results = new Batcher((items) => this.record(items), 500);
    this.claimedTotal = metrics.counter(
      'argus_deliveries_claimed_total',
      'Deliveries claimed by this process (timers fired)',
    );
    this.attemptsTotal = metrics.counter('argus_delivery_attempts_total', 'Delivery attempts recorded, by outcome');
    this.recordedLateTotal = metrics.counter(
      'argus_delivery_results_recorded_late_total',
      'Results recorded after the database came back (they were kept in memory, not lost)',
    );
    this.staleTotal = metrics.counter(
      'argus_delivery_stale_results_total',
      'Results not recorded because their delivery had moved on (its lease ran out first)',
    );
    this.traces = new DeliveryTraces(db);
    this.observe = observeDeliveries(metrics, db, {
      gate: this.gate,
      inFlight: () => this.inFlight,
      now: () => actors.clock.now(),
    });
  }

  // ---- lifecycle ------------------------------------------------------------------------

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.unlisten = await this.db.listen(DELIVERIES_CHANNEL, () => this.wake());
    this.loop = this.run();
  }

  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.wokenWhileBusy = true;
  }

  /** Stops claiming; resolves when the requests in flight are recorded. Safe to call twice. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    while (this.inFlight > 0) await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    const unlisten = this.unlisten;
    this.unlisten = null;
    await unlisten?.();
    this.log.info('delivery worker stopped', { deliveries_claimed: this.claimedCount });
  }

  /**
   * Wakes idle workers of every process, after a commit that made deliveries due. Coalesced:
   * Postgres serializes the commits of notifying transactions, so callers share one NOTIFY
   * in flight, and one more follows when others asked meanwhile.
   */
  notifyWorkers(): Promise<void> {
    this.wake();
    if (this.notifying) {
      this.notifyAgain = true;
      return this.notifying;
    }
    this.notifying = (async () => {
      try {
        do {
          this.notifyAgain = false;
          await notify(this.db, DELIVERIES_CHANNEL, '');
        } while (this.notifyAgain);
      } finally {
        this.notifying = null;
      }
    })();
    return this.notifying;
  }

  /** Claims and starts everything due now, once; answers how many deliveries it claimed. */
  async tick(): Promise<number> {
    let claimed = 0;
    const cap = this.config.workerMaxInFlight;
    const batch = this.config.workerBatchSize;
    for (;;) {
      // Claim no more than the requests in flight leave room for: a due delivery waits in the
      // database, not in this process. At the cap, wait for room for a whole batch (at most
      // half the cap): claiming one row per transaction is the costliest way to drain.
      await this.belowInFlight(cap - Math.min(batch, Math.ceil(cap / 2)) + 1);
      const room = Math.min(batch, cap - this.inFlight);
      const n = await this.claim(room);
      claimed += n;
      // Fewer than asked: nothing else is due (queued deliveries to full endpoints wait for room).
      if (n < room || !this.running) return claimed;
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let wait = this.config.workerPollMs;
      this.wokenWhileBusy = false;
      try {
        if ((await this.tick()) > 0) continue;
        failures = 0;
        // Sleep until the next timer is due (a backoff ending), the poll interval at most.
        const next = await dispatchStore.nextDue(this.db, this.held());
        if (next) wait = Math.max(0, Math.min(wait, next.getTime() - this.actors.clock.now()));
        // A rate-limited webhook's next token.
        for (const until of this.limitedUntil.values())
          wait = Math.max(0, Math.min(wait, until - this.actors.clock.now()));
      } catch (error) {
        failures++;
        wait = Math.min(this.config.workerPollMs * 2 ** failures, 30_000);
        this.log.error('delivery worker failed to claim; retrying', { error, consecutive_failures: failures });
      }
      if (!this.running) break;
      if (this.wokenWhileBusy && failures === 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  private async belowInFlight(limit: number): Promise<void> {
    while (this.inFlight >= limit) await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
  }

  private done(): void {
    this.inFlight--;
    const waiting = this.roomWaiters;
    this.roomWaiters = [];
    for (const w of waiting) w();
  }

  // ---- claim ----------------------------------------------------------------------------

  /**
   * What a claimed delivery is told: its timer fired, or its webhook is paused (HOLD), disabled
   * (SKIP) or deleted (CANCEL); null leaves a queued delivery for later (its endpoint is full).
   */
  private claimEvent(row: ClaimedRow, room: Map<string, number>, now: number): DeliveryEvent | 'timer' | null {
    const waiting = row.state === 'queued' || row.state === 'backoff';
    if (waiting && row.webhook_status === 'paused')
      return {
        type: 'HOLD',
        expiresInMs: Date.parse(row.event_time) + this.config.deliveryRetentionDays * 86_400_000 - now,
      };
    if (waiting && row.webhook_status === 'disabled') return { type: 'SKIP', reason: SKIPPED_WHILE_DISABLED };
    if (waiting && row.webhook_status === 'deleted') return { type: 'CANCEL', reason: 'webhook deleted' };
    if (row.state !== 'queued') return 'timer';
    const left = room.get(row.subscription_id) ?? this.gate.room(row.subscription_id);
    if (left <= 0) return null;
    room.set(row.subscription_id, left - 1);
    return 'timer';
  }

  /**
   * Rate-limited webhooks: of their queued deliveries about to be sent, only as many as their
   * buckets hold now; the others stay queued, and the webhook is left out of claims until its
   * next token comes.
   */
  private async withinRateLimits(
    tx: Queryable,
    at: string,
    now: number,
    decided: Array<{ row: ClaimedRow; event: DeliveryEvent | 'timer' | null }>,
  ) {
    const starts = (d: { row: ClaimedRow; event: DeliveryEvent | 'timer' | null }) =>
      d.event === 'timer' && d.row.state === 'queued' && d.row.rate_per_second !== null;
    const wants = new Map<string, number>();
    for (const d of decided)
      if (starts(d)) wants.set(d.row.subscription_id, (wants.get(d.row.subscription_id) ?? 0) + 1);
    if (wants.size === 0) return decided;
    const grants = await dispatchStore.takeTokens(
      tx,
      at,
      [...wants].map(([id, want]) => ({ id, want })),
    );
    for (const [id, g] of grants) if (g.granted < wants.get(id)!) this.limitedUntil.set(id, now + g.nextInMs);
    const left = new Map([...grants].map(([id, g]) => [id, g.granted]));
    return decided.map((d) => {
      if (!starts(d)) return d;
      const n = left.get(d.row.subscription_id) ?? 0;
      left.set(d.row.subscription_id, n - 1);
      return n > 0 ? d : { row: d.row, event: null };
    });
  }

  /** Endpoints a claim leaves queued deliveries of: no free slot here, or their rate limit is used up. */
  private held(): string[] {
    const now = this.actors.clock.now();
    for (const [id, until] of this.limitedUntil) if (until <= now) this.limitedUntil.delete(id);
    return [...this.gate.full(), ...this.limitedUntil.keys()];
  }

  /**
   * One claiming transaction; the deliveries it moved into sending are sent after it commits.
   * Answers the rows it claimed (a queued delivery its endpoint had no room for is left as it
   * was, and not counted).
   */
  private async claim(limit: number): Promise<number> {
    if (limit <= 0) return 0;
    const now = this.actors.clock.now();
    const at = new Date(now).toISOString();
    await this.resolveInDoubt();
    let attempted: Claimed[] = [];
    const { toSend, count } = await this.actors
      .transaction(async (unit) => {
        const rows = await dispatchStore.claim(unit.tx, at, limit, this.held());
        if (rows.length === 0) return { toSend: [], count: 0 };
        await dispatchStore.hotTransaction(unit.tx);
        const step = this.steps.batch(now);
        const room = new Map<string, number>();
        const toSend: Claimed[] = [];
        const moves: Array<Transition & { part: string }> = [];
        const lost: Array<{ row: ClaimedRow; to: DeliveryState; error: string }> = [];
        // Transitions that make no attempt: a backoff ending, a hold, a skip, a held delivery expiring.
        const journal: Array<{
          id: string;
          tenantId: string;
          from: string;
          event: Record<string, unknown>;
          to: string;
        }> = [];
        const ctids = new Map<string, string>();
        const decided = await this.withinRateLimits(
          unit.tx,
          at,
          now,
          rows.map((row) => ({ row, event: this.claimEvent(row, room, now) })),
        );
        for (const { row, event } of decided) {
          if (event === null) continue;
          const next = step(recordOf(row), event);
          if (!next.changed) continue;
          moves.push({ id: row.id, ctid: row.ctid, part: row.part, prevState: row.state, record: next.record });
          if (row.state === 'sending') lost.push({ row, to: next.record.state, error: LOST });
          else if (next.record.state !== 'sending')
            journal.push({
              id: row.id,
              tenantId: row.tenant_id,
              from: row.state,
              event: event === 'timer' ? { type: timerEvent(row.state) ?? 'timer' } : { ...event },
              to: next.record.state,
            });
          this.afterCommit(unit, row, next.effects);
          if (next.effects.some((e) => e.type === 'deliver')) toSend.push({ row, record: next.record, startedAt: at });
        }
        for (const [part, items] of byPartition(moves, (m) => m.part)) {
          for (const [id, ctid] of await dispatchStore.advance(unit.tx, part, at, items)) ctids.set(id, ctid);
        }
        await dispatchStore.lostAttempts(unit.tx, at, timerEvent('sending') ?? 'timer', lost);
        await dispatchStore.journal(unit.tx, at, journal);
        if (await dispatchStore.nextInLine(unit.tx, outOfLine(rows, moves), at)) unit.afterCommit(() => this.wake());
        unit.afterCommit(async () => this.observe.leasesExpired(lost.length));
        for (const c of toSend) c.row = { ...c.row, ctid: ctids.get(c.row.id) ?? c.row.ctid };
        attempted = toSend;
        return { toSend, count: moves.length };
      })
      .catch((error: unknown) => {
        // The commit may have happened with its answer lost: which of these are ours is asked
        // once the database answers again.
        if (attempted.length) this.inDoubt.push({ at, claimed: attempted, until: Date.now() + this.config.leaseMs });
        throw error;
      });
    this.claimedTotal.inc({}, count);
    this.claimedCount += count;
    await this.traces.claimed(toSend.map((c) => c.row));
    for (const c of toSend) this.dispatch(c);
    return count;
  }

  /**
   * Claims whose commit failed to answer (the database went away): the deliveries that are in
   * sending since that claim, at its attempt, were claimed, and are sent now rather than after
   * their lease; the others were not. Asked until their lease would have ended.
   */
  private async resolveInDoubt(): Promise<void> {
    if (this.inDoubt.length === 0) return;
    const pending = this.inDoubt.splice(0);
    for (const doubt of pending) {
      if (Date.now() >= doubt.until) continue;
      try {
        const ours = await dispatchStore.claimedAt(
          this.db,
          doubt.at,
          doubt.claimed.map((c) => ({ id: c.row.id, createdAt: c.row.created_at, attempt: c.record.attempt })),
        );
        for (const c of doubt.claimed) {
          const ctid = ours.get(c.row.id);
          if (ctid !== undefined) this.dispatch({ ...c, row: { ...c.row, ctid } });
        }
        if (ours.size)
          this.log.info('a claim whose commit went unanswered had committed: its deliveries are sent now', {
            count: ours.size,
          });
      } catch (error) {
        this.inDoubt.push(doubt);
        throw error;
      }
    }
  }

  // ---- prepare, send --------------------------------------------------------------------

  private dispatch(claimed: Claimed): void {
    this.inFlight++;
    const leaseEnds = Date.now() + this.config.leaseMs;
    void (async () => {
      // The endpoint's slot is held until the result is recorded (so that a delivery shown
      // sending is one whose request has not been answered yet), unless the database is away.
      const unrecorded = await this.gate.run(claimed.row.subscription_id, async () => {
        const sent = await this.traced(claimed, async () => this.send(await this.prepare(claimed)));
        try {
          await this.results.add(sent);
          return null;
        } catch (error) {
          return { sent, error };
        }
      });
      if (unrecorded) await this.recordBefore(unrecorded.sent, leaseEnds, unrecorded.error);
    })()
      .catch((error) =>
        this.log.error('a delivery result could not be recorded; its lease will run out and it will be retried', {
          error,
          delivery_id: claimed.row.id,
        }),
      )
      .finally(() => this.done());
  }

  /**
   * Records a result, trying again while the database is away (a restart, a dropped
   * connection) until the delivery's lease ends: recorded late, the result still counts once;
   * given up, the delivery would wait out its whole lease and be sent again.
   */
  private async recordBefore(sent: Sent, leaseEnds: number, error: unknown): Promise<void> {
    this.log.warn('a delivery result could not be recorded; trying again until its lease ends', {
      error,
      delivery_id: sent.claimed.row.id,
    });
    let lastError = error;
    for (let tries = 0; ; tries++) {
      const wait = Math.min(250 * 2 ** tries, 5_000);
      if (Date.now() + wait >= leaseEnds) throw lastError;
      await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        await this.results.add(sent);
        this.recordedLateTotal.inc();
        return;
      } catch (again) {
        lastError = again;
      }
    }
  }

  /** An attempt in its trace span (src/telemetry/spans.ts); just the attempt with tracing off. */
  private traced(claimed: Claimed, attempt: () => Promise<Sent>): Promise<Sent> {
    const { row } = claimed;
    const of = {
      deliveryId: row.id,
      webhookId: row.subscription_id,
      eventId: row.event_id,
      eventType: row.event_type,
      attempt: claimed.record.attempt,
      host: URL.parse(row.url)?.host ?? '',
    };
    return this.traces.attempt(of, attempt, (s) => ({
      status: s.result.status,
      outcome: s.outcome,
      error: s.result.error,
    }));
  }

  private async prepare(claimed: Claimed): Promise<Prepared> {
    const { row } = claimed;
    const body = `{"type":${JSON.stringify(row.event_type)},"timestamp":${JSON.stringify(row.event_time)},"data":${row.data ?? 'null'}}`;
    return { claimed, body, timestamp: Math.floor(Date.now() / 1000), secrets: await this.signingSecrets(row) };
  }

  private async send(p: Prepared): Promise<Sent> {
    const { row } = p.claimed;
    // An unreadable secret is this server's fault, not the receiver's: retried on the
    // schedule, so a corrected key delivers what waited.
    if (!p.secrets) {
      const error =
        'not sent: the signing secret could not be decrypted on this server (MASTER_KEY, or DATA_DIR/master.key, is not the key it was sealed with)';
      return {
        claimed: p.claimed,
        result: { status: null, body: '', durationMs: 0, error, retryAfterMs: null },
        outcome: 'retryable',
        timestamp: null,
      };
    }
    const checked = await checkTarget(row.url, this.config.allowPrivateTargets);
    if (!checked.ok)
      return {
        claimed: p.claimed,
        result: {
          status: null,
          body: '',
          durationMs: 0,
          error: `target refused: ${checked.problem}`,
          retryAfterMs: null,
        },
        outcome: 'client_error',
        timestamp: null,
      };
    const signature = await signatureHeader(p.secrets, row.event_id, p.timestamp, p.body);
    const result = await postWebhook(
      checked.target,
      p.body,
      { ...deliveryHeaders(row.event_id, p.timestamp), 'webhook-signature': signature },
      this.config.webhookTimeoutMs,
      this.config.webhookCa,
    );
    return { claimed: p.claimed, result, outcome: outcomeOf(result), timestamp: p.timestamp };
  }

  /** Decrypted signing secrets, kept in memory: opening them again per delivery is waste. */
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
  private async signingSecrets(row: ClaimedRow): Promise<string[] | null> {
    try {
      const secrets = [await this.secret(row.secret_sealed)];
      if (row.previous_secret_sealed && inGrace(row.previous_until, this.actors.clock.now()))
        secrets.push(await this.secret(row.previous_secret_sealed));
      return secrets;
    } catch (error) {
      this.log.error(
        'webhook signing secret could not be decrypted; the delivery is recorded as not sent and retried',
        { error, webhook_id: row.subscription_id, delivery_id: row.id },
      );
      return null;
    }
  }

  // ---- record ---------------------------------------------------------------------------

  /** One transaction for many results: deliveries, attempt rows, and what subscriptions hear. */
  private async record(items: Sent[]): Promise<undefined[]> {
    const now = this.actors.clock.now();
    const at = new Date(now).toISOString();
    const step = this.steps.batch(now);
    const attempts = items.map((s) => {
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
      const attempt: AttemptRecord = {
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
      };
      return { sent: s, attempt, effects: next.effects };
    });
    await this.actors.transaction(async (unit) => {
      await dispatchStore.hotTransaction(unit.tx);
      const recorded = new Set<string>();
      for (const [part, list] of byPartition(attempts, (a) => a.sent.claimed.row.part)) {
        for (const id of await dispatchStore.recordAttempts(
          unit.tx,
          part,
          at,
          list.map((a) => a.attempt),
        ))
          recorded.add(id);
      }
      const applied = attempts.filter((a) => recorded.has(a.attempt.id));
      const stale = attempts.length - applied.length;
      if (stale) {
        this.staleTotal.inc({}, stale);
        this.log.warn('results not recorded: their deliveries moved on while they were sent (lease ran out)', {
          count: stale,
        });
      }
      // The next in an ordered webhook's line is due now: claimed at once, not at the next poll.
      if (
        await dispatchStore.nextInLine(
          unit.tx,
          outOfLine(
            applied.map((a) => a.sent.claimed.row),
            applied.map((a) => a.attempt),
          ),
          at,
        )
      )
        unit.afterCommit(() => this.wake());
      await this.actors.send(unit, this.subscriptions, await this.subscriptionEvents(unit, applied, at));
      for (const a of applied) this.afterCommit(unit, a.sent.claimed.row, a.effects);
      for (const a of applied) this.attemptsTotal.inc({ outcome: a.sent.outcome });
      unit.afterCommit(async () =>
        this.observe.recorded(
          applied.map((a) => ({
            outcome: a.sent.outcome,
            durationMs: a.sent.result.durationMs,
            sent: a.sent.timestamp !== null,
            state: a.attempt.record.state,
          })),
        ),
      );
    });
    return items.map(() => undefined);
  }

  /**
   * What each subscription hears of a batch of results, in order. DELIVERY_SUCCEEDED only
   * clears the failure count (machines/subscription.ts): for an `active` subscription it
   * changes nothing, and after a first success a second changes nothing either. So successes
   * go only to subscriptions that are not active (read under a row lock: a failure recorded by
   * a batch still in flight is waited for, so it cannot hide this success), and consecutive
   * ones are sent once. Failures are all sent; a 410 also tells the subscription it is gone.
   */
  private async subscriptionEvents(
    unit: Unit,
    items: ReadonlyArray<{ sent: Sent; effects: DeliveryEffect[] }>,
    at: string,
  ) {
    const succeededOnly = [
      ...new Set(items.filter((i) => i.sent.outcome === 'success').map((i) => i.sent.claimed.row.subscription_id)),
    ];
    const notActive = new Set(succeededOnly.length ? await dispatchStore.notActive(unit.tx, succeededOnly) : []);
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

  /** The effects that reach outside the delivery, once its transaction has committed. */
  private afterCommit(unit: Unit, row: ClaimedRow, effects: DeliveryEffect[]): void {
    if (SYSTEM_EVENT_TYPES.has(row.event_type)) return; // never announce about announcements
    const about = {
      delivery_id: row.id,
      webhook_id: row.subscription_id,
      event_id: row.event_id,
      event_type: row.event_type,
    };
    for (const effect of effects) {
      if (effect.type === 'announceExhausted') {
        unit.afterCommit(() =>
          this.announce(row.tenant_id, 'delivery.exhausted', {
            ...about,
            attempts: effect.params.attempts,
            last_status: effect.params.lastStatus,
          }),
        );
      } else if (effect.type === 'announceHeldExpired') {
        unit.afterCommit(() =>
          this.announce(row.tenant_id, 'webhook.held_expired', { ...about, held_since: row.entered_at }),
        );
      }
    }
  }
}
