// One claim, one transaction: the timers that are due fire (a backoff ends, a lease runs out, a
// hold expires), then ready deliveries are taken fairly and moved into sending, to be sent once
// the transaction has committed.
//
// Fairness (the rule is in fair-share.ts): the claim walks the tenants that have ready
// deliveries from where the last claim stopped, and inside each its endpoints from where that
// tenant's last claim stopped, one index probe per tenant and endpoint whatever their backlogs
// (claim-store.ts, walk). A tenant at its share of this process's budget is passed over; an
// endpoint at its cap (counted in the database, so the cap holds across processes) or out of
// rate-limit tokens is passed over until a result or its next token frees it.
import { realTime } from '../../actors/clock.ts';
import { holdExpiresInMs } from '../../defaults.ts';
import type { ActorSystem, Unit } from '../../actors/runtime.ts';
import type { Config } from '../../config.ts';
import type { Db, Queryable } from '../../db/index.ts';
import type { Logger } from '../../log.ts';
import { timerEvent, type DeliveryEvent } from '../../../machines/delivery.ts';
import type { DeliveryObserver } from '../delivery-metrics.ts';
import { announceAfterCommit, type Announce } from './announcements.ts';
import type { EventBodies } from './bodies.ts';
import { eventBody } from './bodies.ts';
import { claimStore, type ReadyRow, type TimerRow, type WalkedTenant } from './claim-store.ts';
import { planClaim, tenantShare } from './fair-share.ts';
import { recordStore } from './record-store.ts';
import type { Claimed } from './sender.ts';
import { type DeliverySteps, SKIPPED_WHILE_DISABLED, type DeliveryState } from './steps.ts';
import {
  byPartition,
  dispatchStore,
  linesMoved,
  recordOf,
  type ClaimedRow,
  type DeliveryRow,
  type EndpointSettings,
  type HotSettings,
  type Transition,
} from './store.ts';

export type ClaimConfig = Pick<
  Config,
  | 'webhookEndpointConcurrency'
  | 'leaseMs'
  | 'workerBatchSize'
  | 'workerPollMs'
  | 'workerMaxInFlight'
  | 'deliveryRetentionDays'
>;

/** What this process has in flight when it claims. */
export interface ClaimLoad {
  inFlight: number;
  inFlightByTenant: ReadonlyMap<string, number>;
  inFlightByEndpoint: ReadonlyMap<string, number>;
  /**
   * Tenants with work at the worker loop's last claim, which every lane shares the budget by
   * (default: this claimer's own last walk).
   */
  activeTenants?: number;
}

export interface ClaimResult {
  /** Deliveries moved into sending, to send now (their events' bodies are held). */
  sending: Claimed[];
  /** Transitions this claim wrote (timers fired, deliveries claimed, held, skipped, cancelled). */
  moved: number;
  /** The claim stopped at its batch size or its walk's end before the last tenant: claim again now. */
  more: boolean;
  /** Tenants with ready deliveries this claim left for lack of share or room: a result of theirs is worth a claim. */
  heldBack: ReadonlySet<string>;
}

/**
 * Which claims a claimer makes. 'all': the worker loop's, timers and every tenant with ready
 * deliveries. 'light': a small claim made beside a running one when a publish wakes the worker,
 * for the tenants with next to nothing in flight here (a tenant publishing now and then), so
 * that they do not wait for a long claim of another tenant's backlog to end first. 'refill':
 * a claim of named endpoints only, made as soon as results free their room (an endpoint at its
 * cap with more ready, an ordered line whose next delivery became due), without a walk and
 * without waiting for the loop's claim: a line moves at its receiver's pace.
 */
export type ClaimLane = 'all' | 'light' | 'refill';

/** The endpoints a refill claim looks at, each with its tenant. */
export type ClaimTargets = ReadonlyMap<string, string>;
/** A tenant is light while what it has in flight here and ready, together, is no more than this. */
const LIGHT_LOAD = 3;
/** What one light claim takes at most. */
const LIGHT_BATCH = 32;

const LOST = 'no result within the send timeout (the worker sending it stopped or lost its database connection)';
/** Cursors kept per tenant (where its endpoint walk goes on); past this, the oldest are forgotten. */
const CURSORS_KEPT = 10_000;

export interface Decided<R extends DeliveryRow> {
  row: R;
  event: DeliveryEvent | 'timer' | null;
}

/** The ready deliveries a claim takes, decided, and what the next claim should know. */
export interface ReadyTaken {
  decided: Array<Decided<ClaimedRow>>;
  more: boolean;
  heldBack: ReadonlySet<string>;
  /** Moves the walk's cursors on, once the claim has committed. */
  cursors: () => void;
}

export class Claimer {
  /** The tenant the last walk stopped at; '' starts from the first. */
  private tenantCursor = '';
  /** Per tenant, the endpoint its last claim stopped after. */
  private readonly endpointCursors = new Map<string, string>();
  /** Rate-limited endpoints whose bucket was found empty, until their next token (clock ms). */
  private readonly limitedUntil = new Map<string, number>();
  /** Endpoints found at their cap, until a result of theirs here or the poll interval (clock ms). */
  private readonly fullUntil = new Map<string, number>();
  /** Tenants that had work at this lane's last walk ('all': the share every lane uses, see ClaimLoad). */
  private lastActive = 1;
  /** Claims whose commit went unanswered, to ask about once the database is back. */
  private inDoubt: Array<{ at: string; claimed: Claimed[]; until: number }> = [];
  protected readonly batchSize: number;

  constructor(
    protected readonly db: Db,
    protected readonly actors: ActorSystem,
    private readonly steps: DeliverySteps,
    private readonly bodies: EventBodies,
    protected readonly config: ClaimConfig,
    private readonly announce: Announce,
    private readonly observe: DeliveryObserver,
    private readonly log: Logger,
    private readonly lane: ClaimLane = 'all',
  ) {
    this.batchSize = lane === 'light' ? Math.min(LIGHT_BATCH, config.workerBatchSize) : config.workerBatchSize;
  }

  /** Endpoints whose result was recorded while a claim ran: that claim's view of them is out of date. */
  private freedDuringClaim: Set<string> | null = null;

  /** A result of this endpoint was recorded here: it may have room again. */
  endpointFreed(endpointId: string): boolean {
    this.freedDuringClaim?.add(endpointId);
    return this.fullUntil.delete(endpointId);
  }

  /**
   * Passes an endpoint over until a result of its own frees it (or the poll interval ends, for
   * requests another process holds), unless one was recorded while this claim ran.
   */
  private markFull(endpointId: string, now: number): void {
    if (!this.freedDuringClaim?.has(endpointId)) this.fullUntil.set(endpointId, now + this.config.workerPollMs);
  }

  /** Tenants with work at the last walk: what the next claim of every lane shares the budget by. */
  get activeTenants(): number {
    return this.lastActive;
  }

  /** When a passed-over endpoint is worth another look (its next token, or the poll's end for a full one), clock ms; null if none. */
  nextLook(): number | null {
    let next: number | null = null;
    for (const until of [...this.limitedUntil.values(), ...this.fullUntil.values()])
      next = next === null ? until : Math.min(next, until);
    return next;
  }

  /** Endpoints not to take from now. */
  private blocked(now: number): Set<string> {
    const out = new Set<string>();
    for (const map of [this.limitedUntil, this.fullUntil])
      for (const [id, until] of map) {
        if (until <= now) map.delete(id);
        else out.add(id);
      }
    return out;
  }

  /** One claim ('refill': of `targets` only). */
  async claim(load: ClaimLoad, targets?: ClaimTargets): Promise<ClaimResult> {
    const now = this.actors.clock.now();
    const at = new Date(now).toISOString();
    const held: string[] = [];
    let attempted: Claimed[] = [];
    this.freedDuringClaim = new Set();
    const after: { cursors: () => void } = { cursors: () => {} };
    try {
      const result = await this.actors.transaction(async (unit) => {
        // Run again after a lost deadlock: the holds of the attempt rolled back are let go.
        for (const eventId of held.splice(0)) this.bodies.release(eventId);
        // 1. Timers (none of them sends): in due order, up to a batch (the light lane leaves them).
        const timers = this.lane === 'all' ? await claimStore.dueTimers(unit.tx, at, this.batchSize) : [];
        const moves: Array<Transition & { part: string }> = [];
        const journal: Array<{
          id: string;
          tenantId: string;
          from: string;
          event: Record<string, unknown>;
          to: string;
        }> = [];
        const lost: Array<{ row: DeliveryRow; to: DeliveryState; error: string }> = [];
        const step = this.steps.batch(now);
        const apply = <R extends DeliveryRow>(d: Decided<R>): ReturnType<typeof step> | null => {
          if (d.event === null) return null;
          const next = step(recordOf(d.row), d.event);
          if (!next.changed) return null;
          moves.push({ id: d.row.id, ctid: d.row.ctid, part: d.row.part, prevState: d.row.state, record: next.record });
          if (d.row.state === 'sending') lost.push({ row: d.row, to: next.record.state, error: LOST });
          else if (next.record.state !== 'sending')
            journal.push({
              id: d.row.id,
              tenantId: d.row.tenant_id,
              from: d.row.state,
              event: d.event === 'timer' ? { type: timerEvent(d.row.state) ?? 'timer' } : { ...d.event },
              to: next.record.state,
            });
          announceAfterCommit(unit, this.announce, d.row, next.effects);
          return next;
        };

        for (const row of timers) apply({ row, event: this.timerEvent(row, now) });

        // 2. Ready deliveries, fairly.
        const hot = dispatchStore.hotSettings(unit.tx);
        const ready = await this.takeReady(unit, load, now, at, targets, hot);
        const sending: Claimed[] = [];
        for (const d of ready.decided) {
          const next = apply(d);
          if (next?.effects.some((e) => e.type === 'deliver'))
            sending.push({ row: d.row, record: next.record, startedAt: at });
        }
        held.push(...(await this.holdBodies(unit.tx, sending)));

        const ctids = new Map<string, string>();
        for (const [part, items] of byPartition(moves, (m) => m.part)) {
          const advanced = await hot(() => dispatchStore.advance(unit.tx, part, at, items));
          for (const [id, ctid] of advanced) ctids.set(id, ctid);
        }
        await recordStore.lostAttempts(unit.tx, at, timerEvent('sending') ?? 'timer', lost);
        await dispatchStore.journal(unit.tx, at, journal);
        const lines = linesMoved([...timers, ...ready.decided.map((d) => d.row)], moves);
        const lineMoved = (await dispatchStore.nextInLine(unit.tx, lines, at)).length > 0;
        unit.afterCommit(async () => this.observe.leasesExpired(lost.length));
        for (const c of sending) c.row = { ...c.row, ctid: ctids.get(c.row.id) ?? c.row.ctid };
        attempted = sending;
        after.cursors = ready.cursors;
        return {
          sending,
          moved: moves.length,
          more: lineMoved || timers.length >= this.batchSize || ready.more,
          heldBack: ready.heldBack,
        };
      });
      after.cursors();
      return result;
    } catch (error) {
      for (const eventId of held) this.bodies.release(eventId);
      // The commit may have happened with its answer lost: which of these are ours is asked
      // once the database answers again (their bodies are held again then).
      if (attempted.length) this.inDoubt.push({ at, claimed: attempted, until: realTime() + this.config.leaseMs });
      throw error;
    } finally {
      this.freedDuringClaim = null;
    }
  }

  /**
   * What a due timer is told: its timer fired, or, for a delivery waiting for its next attempt,
   * that its webhook is paused (HOLD), disabled (SKIP) or deleted (CANCEL).
   */
  private timerEvent(row: TimerRow, now: number): DeliveryEvent | 'timer' {
    return row.state === 'backoff' ? (this.waitingEvent(row, row.webhook_status, now) ?? 'timer') : 'timer';
  }

  private waitingEvent(row: DeliveryRow, status: string, now: number): DeliveryEvent | null {
    if (status === 'paused')
      return {
        type: 'HOLD',
        expiresInMs: holdExpiresInMs(Date.parse(row.event_time), now, this.config.deliveryRetentionDays),
      };
    if (status === 'disabled') return { type: 'SKIP', reason: SKIPPED_WHILE_DISABLED };
    if (status === 'deleted') return { type: 'CANCEL', reason: 'webhook deleted' };
    return null;
  }

  /** The walk, the plan, the endpoints' locks and the ready deliveries they have room for, decided. */
  protected async takeReady(
    unit: Unit,
    load: ClaimLoad,
    now: number,
    at: string,
    targets?: ClaimTargets,
    hot: HotSettings = (first) => first(),
  ): Promise<ReadyTaken> {
    const nothing: ReadyTaken = { decided: [], more: false, heldBack: new Set(), cursors: () => {} };
    const budget = this.config.workerMaxInFlight;
    if (load.inFlight >= 2 * budget) return nothing;
    const share = tenantShare(budget, load.activeTenants ?? this.lastActive);
    const light = this.lane === 'light';
    const most = light ? Math.min(share, LIGHT_LOAD) : share;
    const skip = [...load.inFlightByTenant].filter(([, n]) => n >= most).map(([t]) => t);
    const cap = this.config.webhookEndpointConcurrency;
    const walked = targets
      ? targetsWalked(targets, new Set(skip), cap, load.inFlightByEndpoint)
      : await claimStore.walk(unit.tx, {
          after: this.tenantCursor,
          maxTenants: this.batchSize,
          cap,
          // A light claim needs to see only whether a tenant has more than a light load ready.
          target: light ? LIGHT_LOAD + 1 : this.batchSize,
          inFlightHere: load.inFlightByEndpoint,
          endpointProbes: 2 * this.batchSize,
          skipTenants: skip,
          endpointCursors: [...this.endpointCursors].map(([tenantId, after]) => ({ tenantId, after })),
        });
    const blocked = this.blocked(now);
    // Endpoints found at their cap are passed over until a result frees them (or the poll ends).
    for (const t of walked.tenants) for (const e of t.endpoints) if (e.room === 0) this.markFull(e.endpointId, now);
    const heavy = (t: WalkedTenant) =>
      t.cut ||
      t.endpoints.reduce((sum, e) => sum + e.room, 0) + (load.inFlightByTenant.get(t.tenantId) ?? 0) > LIGHT_LOAD;
    const tenants = walked.tenants
      .filter((t) => !t.skipped && !(light && heavy(t)))
      .map((t) => ({
        tenantId: t.tenantId,
        endpoints: t.endpoints.filter((e) => e.room > 0 && !blocked.has(e.endpointId)),
      }))
      .filter((t) => t.endpoints.length > 0);
    if (!targets)
      this.lastActive = new Set([
        ...walked.tenants.map((t) => t.tenantId),
        ...[...load.inFlightByTenant].filter(([, n]) => n > 0).map(([t]) => t),
      ]).size;
    const plan = planClaim({
      batch: this.batchSize,
      budget,
      inFlight: load.inFlight,
      inFlightByTenant: load.inFlightByTenant,
      tenants,
    });
    // The hot settings go with the first read of known endpoints, and only when there is one: a
    // claim that finds nothing costs two reads.
    const settings = plan.takes.length
      ? await hot(() =>
          claimStore.lockEndpoints(
            unit.tx,
            plan.takes.map((t) => t.endpointId),
          ),
        )
      : new Map<string, EndpointSettings & { tenant_id: string }>();
    const takes = plan.takes
      .filter((t) => settings.has(t.endpointId))
      .map((t) => {
        const status = settings.get(t.endpointId)!.webhook_status;
        return { ...t, cap: status === 'active' || status === 'failing' ? cap : null };
      });
    const rows = takes.length ? await claimStore.takeReady(unit.tx, at, takes) : [];

    // Endpoints now at their cap are passed over until a result frees them (or the poll ends).
    const taken = new Map<string, number>();
    const sendingBefore = new Map<string, number>();
    for (const r of rows) {
      taken.set(r.subscription_id, (taken.get(r.subscription_id) ?? 0) + 1);
      sendingBefore.set(r.subscription_id, r.endpoint_sending);
    }
    for (const t of takes)
      if (t.cap !== null && (sendingBefore.get(t.endpointId) ?? 0) + (taken.get(t.endpointId) ?? 0) >= cap)
        this.markFull(t.endpointId, now);

    const decided = await this.withinRateLimits(
      unit,
      at,
      now,
      rows.map((r) => this.readyDecision(r, settings.get(r.subscription_id)!, now)),
    );

    const byTenant = new Map<string, number>();
    for (const r of rows) byTenant.set(r.tenant_id, (byTenant.get(r.tenant_id) ?? 0) + 1);
    const heldBack = new Set<string>();
    for (const [tenantId, q] of plan.quotas)
      if (q.limited && (byTenant.get(tenantId) ?? 0) >= q.quota) heldBack.add(tenantId);

    const cursors = () => {
      if (targets) return;
      this.tenantCursor = walked.end ? '' : (walked.tenants.at(-1)?.tenantId ?? '');
      const served = new Map<string, string>();
      for (const t of plan.takes) served.set(t.tenantId, t.endpointId);
      for (const t of walked.tenants) {
        if (t.skipped) continue;
        const last = served.get(t.tenantId) ?? t.endpoints.at(-1)?.endpointId;
        // Went on inside the tenant: the next claim starts after the last endpoint served.
        if (last !== undefined && (t.cut || last !== t.endpoints.at(-1)?.endpointId))
          this.endpointCursors.set(t.tenantId, last);
        else this.endpointCursors.delete(t.tenantId);
      }
      if (this.endpointCursors.size > CURSORS_KEPT) this.endpointCursors.clear();
    };
    // Claim again at once when this one filled its batch or stopped before the last tenant.
    const room = Math.min(this.batchSize, 2 * budget - load.inFlight);
    return {
      decided,
      more: !targets && (rows.length >= room || (!walked.end && rows.length > 0)),
      heldBack,
      cursors,
    };
  }

  /** A ready delivery is sent, unless its webhook is paused, disabled or deleted. */
  protected readyDecision(row: ReadyRow, endpoint: EndpointSettings, now: number): Decided<ClaimedRow> {
    const claimed: ClaimedRow = {
      ...row,
      url: endpoint.url,
      secret_sealed: endpoint.secret_sealed,
      previous_secret_sealed: endpoint.previous_secret_sealed,
      previous_until: endpoint.previous_until,
      webhook_status: endpoint.webhook_status,
      rate_per_second: endpoint.rate_per_second,
    };
    return { row: claimed, event: this.waitingEvent(row, endpoint.webhook_status, now) ?? 'timer' };
  }

  /**
   * Rate-limited webhooks: of their deliveries about to be sent, only as many as their buckets
   * hold now; the others stay queued, and the webhook is passed over until its next token.
   */
  protected async withinRateLimits(unit: Unit, at: string, now: number, decided: Array<Decided<ClaimedRow>>) {
    const starts = (d: Decided<ClaimedRow>) => d.event === 'timer' && d.row.rate_per_second !== null;
    const wants = new Map<string, number>();
    for (const d of decided)
      if (starts(d)) wants.set(d.row.subscription_id, (wants.get(d.row.subscription_id) ?? 0) + 1);
    if (wants.size === 0) return decided;
    const grants = await claimStore.takeTokens(
      unit.tx,
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

  /**
   * Holds the bodies of the events these deliveries send (reading the data of events not held
   * yet, in the claim's transaction); answers the holds taken, one per delivery.
   */
  private async holdBodies(tx: Queryable, sending: readonly Claimed[]): Promise<string[]> {
    const holds: string[] = [];
    const missing = new Map<string, Claimed>();
    for (const c of sending) {
      if (this.bodies.holdIfHeld(c.row.event_id)) holds.push(c.row.event_id);
      else if (!missing.has(c.row.event_id)) missing.set(c.row.event_id, c);
    }
    if (missing.size === 0) return holds;
    const data = await claimStore.eventData(
      tx,
      [...missing.values()].map((c) => ({ id: c.row.event_id, createdAt: c.row.created_at })),
    );
    for (const c of sending) {
      if (!missing.has(c.row.event_id)) continue;
      const { row } = c;
      this.bodies.hold(row.event_id, () => eventBody(row.event_type, row.event_time, data.get(row.event_id) ?? null));
      holds.push(row.event_id);
    }
    return holds;
  }

  /**
   * Claims whose commit failed to answer (the database went away): the deliveries that are in
   * sending since that claim, at its attempt, were claimed, and are sent now rather than after
   * their lease; the others were not. Asked until their lease would have ended. Answers the
   * deliveries to send, their events' bodies held.
   */
  async resolveInDoubt(): Promise<Claimed[]> {
    if (this.inDoubt.length === 0) return [];
    const out: Claimed[] = [];
    const pending = this.inDoubt.splice(0);
    for (const doubt of pending) {
      if (realTime() >= doubt.until) continue;
      try {
        const ours = await claimStore.claimedAt(
          this.db,
          doubt.at,
          doubt.claimed.map((c) => ({ id: c.row.id, createdAt: c.row.created_at, attempt: c.record.attempt })),
        );
        const mine = doubt.claimed
          .filter((c) => ours.has(c.row.id))
          .map((c) => ({ ...c, row: { ...c.row, ctid: ours.get(c.row.id)! } }));
        if (mine.length === 0) continue;
        await this.holdBodies(this.db, mine);
        out.push(...mine);
        this.log.info('a claim whose commit went unanswered had committed: its deliveries are sent now', {
          count: mine.length,
        });
      } catch (error) {
        this.inDoubt.push(doubt);
        for (const c of out) this.bodies.release(c.row.event_id);
        throw error;
      }
    }
    return out;
  }
}

/**
 * A refill's endpoints as a walk would have found them: each with room for what this process
 * does not have in flight to it (the claim counts the endpoint's requests in the database, under
 * its lock, and takes what is ready within the cap), its tenant passed over at its share.
 */
function targetsWalked(
  targets: ClaimTargets,
  skip: ReadonlySet<string>,
  cap: number,
  inFlightHere: ReadonlyMap<string, number>,
): { tenants: WalkedTenant[]; end: boolean } {
  const byTenant = new Map<string, WalkedTenant>();
  for (const [endpointId, tenantId] of targets) {
    let t = byTenant.get(tenantId);
    if (!t) byTenant.set(tenantId, (t = { tenantId, skipped: skip.has(tenantId), endpoints: [], cut: false }));
    if (!t.skipped) t.endpoints.push({ endpointId, room: Math.max(0, cap - (inFlightHere.get(endpointId) ?? 0)) });
  }
  return { tenants: [...byTenant.values()], end: true };
}
