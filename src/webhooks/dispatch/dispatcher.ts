// The delivery engine's worker, in three parts with typed hand-offs:
//
//   claimer    one transaction per claim: due timers fire, ready deliveries are taken fairly
//              across tenants and their endpoints (claimer.ts) → Claimed[]
//   sender     each claimed delivery signed and POSTed (sender.ts) → Sent
//   completer  results recorded in batches (completer.ts)
//
// This file is the loop that joins them: it claims when woken (a publish, a timer) or polled,
// refills an endpoint as soon as results free room where work waits (a refill claim of those
// endpoints alone), keeps count of what is in flight per tenant, and stops cleanly.
// Nothing is kept in memory that a crash would lose: a delivery claimed and never recorded is
// claimed again when its lease runs out.
import { realTime } from '../../actors/clock.ts';
import { primaryOnly, type ReadRouting } from '../../db/read-replica.ts';
import type { ActorSystem } from '../../actors/runtime.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import { isDatabaseUnavailable, type Db } from '../../db/index.ts';
import type { Logger } from '../../log.ts';
import type { Metrics } from '../../metrics.ts';
import { DeliveryTraces } from '../../telemetry/delivery-traces.ts';
import { observeDeliveries } from '../delivery-metrics.ts';
import type { SubscriptionDefinition } from '../subscriptions.ts';
import type { Announce } from './announcements.ts';
import { EventBodies } from './bodies.ts';
import { claimStore } from './claim-store.ts';
import { Claimer, type ClaimConfig, type ClaimTargets } from './claimer.ts';
import { Completer } from './completer.ts';
import { SigningSecrets } from './secrets.ts';
import { Sender, type Claimed, type SenderConfig, type Sent } from './sender.ts';
import type { DeliverySteps } from './steps.ts';
import type { DeliveryWakeup } from './wakeup.ts';

export type DispatchConfig = ClaimConfig & SenderConfig;

/** Requests started in one turn of the event loop. */
const SEND_CHUNK = 32;

/** Adds `by` to a key's count; a count that reaches zero goes. */
function count(counts: Map<string, number>, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}

export interface DispatcherDeps {
  db: Db;
  actors: ActorSystem;
  steps: DeliverySteps;
  subscriptions: SubscriptionDefinition;
  box: SecretBox;
  config: DispatchConfig;
  wakeup: DeliveryWakeup;
  announce: Announce;
  log: Logger;
  metrics: Metrics;
  /** Where the backlog gauges of /metrics read (a standby when one is configured and fresh). */
  reads?: ReadRouting;
  /** Another way to claim (bench/baselines/due-order-claimer.ts); the fair Claimer by default. */
  claimer?: (...args: ConstructorParameters<typeof Claimer>) => Claimer;
}

export class Dispatcher {
  private readonly claimer: Claimer;
  /** Claims beside the loop's for light tenants, when a publish wakes the worker mid-claim. */
  private readonly light: Claimer;
  private claiming = false;
  private lightClaim: Promise<void> | null = null;
  private lightAgain = false;
  /** Claims of endpoints whose room results freed (see ClaimLane); off on PGlite, where the loop's claim takes them. */
  private readonly refill: Claimer | null;
  private refilling: Promise<void> | null = null;
  /** Endpoints to refill next, with their tenants. */
  private refillTargets = new Map<string, string>();
  /** Endpoints whose last refill took something: more may wait, so their next result refills them too. */
  private readonly backlogged = new Set<string>();
  private readonly sender: Sender;
  private readonly completer: Completer;
  private readonly bodies = new EventBodies();
  private readonly traces: DeliveryTraces;
  private inFlight = 0;
  private readonly inFlightByTenant = new Map<string, number>();
  private readonly inFlightByEndpoint = new Map<string, number>();
  /** Tenants the last claim left ready work to for lack of share or room. */
  private heldBack: ReadonlySet<string> = new Set();
  /** Deliveries this process has claimed since it started. */
  private claimedCount = 0;
  private idleWaiters: Array<() => void> = [];
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  /** A wake-up that came while the loop was busy: the next sleep is skipped, not lost. */
  private wokenWhileBusy = false;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly claimedTotal;

  constructor(private readonly deps: DispatcherDeps) {
    const { db, actors, config, log, metrics } = deps;
    const now = () => actors.clock.now();
    this.traces = new DeliveryTraces(db);
    this.claimedTotal = metrics.counter(
      'argus_deliveries_claimed_total',
      'Deliveries claimed by this process (timers fired)',
    );
    const observe = observeDeliveries(metrics, deps.reads ?? primaryOnly(db), {
      inFlight: () => this.inFlight,
      inFlightByTenant: () => this.inFlightByTenant,
      bodies: () => this.bodies.stats(),
      now,
    });
    const claimer = deps.claimer ?? ((...args) => new Claimer(...args));
    this.claimer = claimer(db, actors, deps.steps, this.bodies, config, deps.announce, observe, log);
    this.light = claimer(db, actors, deps.steps, this.bodies, config, deps.announce, observe, log, 'light');
    this.refill =
      db.kind === 'pglite'
        ? null
        : claimer(db, actors, deps.steps, this.bodies, config, deps.announce, observe, log, 'refill');
    this.sender = new Sender(config, new SigningSecrets(deps.box, now), this.bodies, this.traces, now, log);
    this.completer = new Completer({
      actors,
      steps: deps.steps,
      subscriptions: deps.subscriptions,
      announce: deps.announce,
      observe,
      log,
      metrics,
      onLineMoved: (lines) => {
        if (!this.refill) return this.wake();
        for (const line of lines) this.refillSoon(line.endpointId, line.tenantId);
      },
    });
  }

  get steps(): DeliverySteps {
    return this.deps.steps;
  }

  // ---- lifecycle ------------------------------------------------------------------------

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.unlisten = await this.deps.wakeup.listen(() => this.published());
    this.loop = this.run();
  }

  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.wokenWhileBusy = true;
  }

  /**
   * Deliveries were published (here or in another process): the loop is woken, and if it is in
   * the middle of a claim, a light claim runs beside it at once (one at a time, once more if
   * more was published meanwhile).
   */
  private published(): void {
    this.wake();
    // Embedded PGlite runs one statement at a time: a claim beside another would only queue.
    if (!this.claiming || !this.running || this.deps.db.kind === 'pglite') return;
    if (this.lightClaim) {
      this.lightAgain = true;
      return;
    }
    this.lightClaim = (async () => {
      do {
        this.lightAgain = false;
        const claim = await this.light.claim(this.load());
        this.count(claim.moved);
        this.send(claim.sending);
      } while (this.lightAgain && this.claiming && this.running);
    })()
      .catch((error) => this.deps.log.warn('a light claim failed; the next claim takes its deliveries', { error }))
      .finally(() => {
        this.lightClaim = null;
      });
  }

  private load() {
    return {
      inFlight: this.inFlight,
      inFlightByTenant: this.inFlightByTenant,
      inFlightByEndpoint: this.inFlightByEndpoint,
      activeTenants: this.claimer.activeTenants,
    };
  }

  /**
   * Claims `endpointId`'s ready deliveries soon: with the other endpoints freed in this turn of
   * the event loop (a batch of results), in one refill claim, one at a time, again while more
   * were freed meanwhile. A refill that fails leaves its endpoints to the loop's claim.
   */
  private refillSoon(endpointId: string, tenantId: string): void {
    const refill = this.refill;
    if (!refill || !this.running) return;
    this.refillTargets.set(endpointId, tenantId);
    if (this.refilling) return;
    this.refilling = (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      while (this.refillTargets.size && this.running) {
        const targets: ClaimTargets = this.refillTargets;
        this.refillTargets = new Map();
        const claim = await refill.claim(this.load(), targets);
        const took = new Set(claim.sending.map((c) => c.row.subscription_id));
        for (const endpointId of targets.keys())
          if (took.has(endpointId)) this.backlogged.add(endpointId);
          else this.backlogged.delete(endpointId);
        this.count(claim.moved);
        this.send(claim.sending);
      }
    })()
      .catch((error) => {
        this.deps.log.warn('a refill claim failed; the next claim takes its deliveries', { error });
        for (const endpointId of this.refillTargets.keys()) this.backlogged.delete(endpointId);
        this.refillTargets.clear();
        this.wake();
      })
      .finally(() => {
        this.refilling = null;
        const [next] = this.refillTargets;
        if (next) this.refillSoon(...next);
      });
  }

  private count(moved: number): void {
    this.claimedTotal.inc({}, moved);
    this.claimedCount += moved;
  }

  /** Stops claiming; resolves when the requests in flight are recorded. Safe to call twice. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.lightClaim;
    await this.refilling;
    while (this.inFlight > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    const unlisten = this.unlisten;
    this.unlisten = null;
    await unlisten?.();
    this.deps.log.info('delivery worker stopped', { deliveries_claimed: this.claimedCount });
  }

  /** Claims and starts everything due now, once; answers how many transitions it made. */
  async tick(): Promise<number> {
    this.claiming = true;
    try {
      // A claim of any lane (walk, light, refill) whose commit went unanswered (the database
      // went away) is asked about first: left alone, its deliveries would wait out their lease.
      for (const claimer of [this.claimer, this.light, this.refill])
        if (claimer) this.send(await claimer.resolveInDoubt());
      let moved = 0;
      for (;;) {
        const claim = await this.claimer.claim(this.load());
        moved += claim.moved;
        this.heldBack = claim.heldBack;
        this.count(claim.moved);
        this.send(claim.sending);
        if (!claim.more || !this.running) return moved;
      }
    } finally {
      this.claiming = false;
    }
  }

  private async run(): Promise<void> {
    const { config, log } = this.deps;
    let failures = 0;
    let lost = false;
    while (this.running) {
      let wait = config.workerPollMs;
      this.wokenWhileBusy = false;
      try {
        await this.tick();
        // Back after the database went away: what was recorded just before may be lost with it.
        if (lost) await this.completer.databaseBack();
        lost = false;
        failures = 0;
        // Woken meanwhile: claim again at once (the next timer is not worth a read).
        if (this.wokenWhileBusy || !this.running) continue;
        // Sleep until the next timer is due or a passed-over endpoint is worth a look, the poll
        // interval at most; a publish or a result that frees room wakes the loop sooner.
        const now = this.deps.actors.clock.now();
        const next = await claimStore.nextTimer(this.deps.db);
        if (next) wait = Math.min(wait, next.getTime() - now);
        const look = this.claimer.nextLook();
        if (look !== null) wait = Math.min(wait, look - now);
        wait = Math.max(0, wait);
      } catch (error) {
        if (isDatabaseUnavailable(error) && !lost) {
          lost = true;
          this.completer.databaseLost();
        }
        failures++;
        wait = Math.min(config.workerPollMs * 2 ** failures, 30_000);
        log.error('delivery worker failed to claim; retrying', { error, consecutive_failures: failures });
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

  // ---- one delivery: send, then record ---------------------------------------------------

  /**
   * Sends claimed deliveries, without waiting for them: they count as in flight at once, and
   * start in turns of SEND_CHUNK, the tenants with fewest in the claim first, so that starting
   * hundreds of one tenant's requests neither holds up the next claim nor another tenant's
   * request. Their attempts' spans link to their events' publish spans (read first, while
   * tracing is on).
   */
  private send(claimed: readonly Claimed[]): void {
    if (claimed.length === 0) return;
    const perTenant = new Map<string, number>();
    for (const c of claimed) {
      count(perTenant, c.row.tenant_id, 1);
      this.inFlight++;
      count(this.inFlightByTenant, c.row.tenant_id, 1);
      count(this.inFlightByEndpoint, c.row.subscription_id, 1);
    }
    const ordered = [...claimed].sort((a, b) => perTenant.get(a.row.tenant_id)! - perTenant.get(b.row.tenant_id)!);
    void (async () => {
      await this.traces.claimed(ordered.map((c) => c.row)).catch((error: unknown) =>
        this.deps.log.warn("could not read the events' trace context; their attempts start traces of their own", {
          error,
        }),
      );
      for (let i = 0; i < ordered.length; i++) {
        if (i > 0 && i % SEND_CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
        this.dispatch(ordered[i]!);
      }
    })();
  }

  /** One delivery, already counted in flight: sent, then its result recorded. */
  private dispatch(claimed: Claimed): void {
    const { tenant_id: tenantId, subscription_id: endpointId, event_id: eventId } = claimed.row;
    const leaseEnds = realTime() + this.deps.config.leaseMs;
    void (async () => {
      let sent: Sent;
      try {
        sent = await this.sender.send(claimed);
      } finally {
        // The event's body is let go once sent; the endpoint's slot (its `sending` row) is held
        // until the result is recorded, so that a delivery shown sending is one not answered yet.
        this.bodies.release(eventId);
      }
      try {
        await this.completer.record(sent);
      } catch (error) {
        await this.completer.recordBefore(sent, leaseEnds).catch(() => {
          throw error;
        });
      }
    })()
      .catch((error) =>
        this.deps.log.error('a delivery result could not be recorded; its lease will run out and it will be retried', {
          error,
          delivery_id: claimed.row.id,
        }),
      )
      .finally(() => this.done(tenantId, endpointId));
  }

  private done(tenantId: string, endpointId: string): void {
    this.inFlight--;
    count(this.inFlightByTenant, tenantId, -1);
    count(this.inFlightByEndpoint, endpointId, -1);
    // Room freed where a claim left work: refilled now (results recorded together, in one claim).
    const freed = [this.claimer, this.light, this.refill].map((c) => c?.endpointFreed(endpointId)).includes(true);
    if (this.refill && (freed || this.backlogged.has(endpointId))) this.refillSoon(endpointId, tenantId);
    else if (freed) this.wake();
    if (this.heldBack.has(tenantId)) this.wake();
    if (this.inFlight === 0) {
      const waiting = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiting) w();
    }
  }
}
