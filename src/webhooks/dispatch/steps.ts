// A delivery's machine over its typed columns. The persisted truth of a delivery is the few
// columns of DeliveryRecord; the XState snapshot is rebuilt from them (with the engine's
// schedule, which is configuration, not per-row data), stepped with the machine's own pure
// transition (src/actors/step.ts) and read back into columns. Nothing here does I/O.
import {
  deliveryMachine,
  timerEvent,
  type DeliveryContext,
  type DeliveryEvent,
  type DeliveryInput,
  type DeliveryState,
} from '../../../machines/delivery.ts';
import {
  earliest,
  nextStep,
  startStep,
  stateOf,
  type Effect,
  type Persisted,
  type Step,
  type StepEvent,
  type Timer,
} from '../../actors/step.ts';

export type { DeliveryState } from '../../../machines/delivery.ts';
/** Every state of the machine, once (checked against it where the timers are read). */
export const DELIVERY_STATES = [
  'queued',
  'sending',
  'backoff',
  'held',
  'skipped',
  'succeeded',
  'failed',
] as const satisfies readonly DeliveryState[];
type None<T extends never> = T;
/** A state added to the machine and missing from DELIVERY_STATES fails to compile here. */
export type MissingDeliveryStates = None<Exclude<DeliveryState, (typeof DELIVERY_STATES)[number]>>;

/** What a delivery row stores of its machine: its state, the per-delivery context, its one timer. */
export type DeliveryRecord = Pick<
  DeliveryContext,
  | 'attempt'
  | 'maxAttempts'
  | 'clientErrors'
  | 'lastStatus'
  | 'lastError'
  | 'lastAttemptAt'
  | 'nextDelayMs'
  | 'nextDelayReason'
  | 'failureReason'
> & {
  state: DeliveryState;
  /** The state's one timer (see the machine): ISO time, or null in a final state. */
  dueAt: string | null;
};

/** A new delivery's columns, its timer as an offset from the time it is entered (see createdAs). */
export type DeliveryTemplate = Omit<DeliveryRecord, 'dueAt'> & { dueInMs: number | null };

export type DeliveryEffect =
  | { type: 'deliver'; params: { attempt: number } }
  | { type: 'markSubscriptionGone'; params: Record<string, never> }
  | { type: 'announceExhausted'; params: { attempts: number; lastStatus: number | null } }
  | { type: 'announceHeldExpired'; params: Record<string, never> };

export interface DeliveryStep {
  record: DeliveryRecord;
  effects: DeliveryEffect[];
  /** False when the machine ignored the event (a retry of a delivery that has not failed). */
  changed: boolean;
}

/** What a delivery to a disabled webhook records as its reason. */
export const SKIPPED_WHILE_DISABLED = 'not sent: the webhook is disabled; re-enable it, then recover';

export class DeliverySteps {
  private readonly settings: Pick<DeliveryContext, 'schedule' | 'jitterRatio' | 'clientErrorBudget' | 'sendTimeoutMs'>;
  readonly initial: DeliveryRecord;

  constructor(
    input: DeliveryInput,
    readonly now: () => number,
  ) {
    const start = startStep(deliveryMachine, input, now());
    const c = start.snapshot.context;
    this.settings = {
      schedule: c.schedule,
      jitterRatio: c.jitterRatio,
      clientErrorBudget: c.clientErrorBudget,
      sendTimeoutMs: c.sendTimeoutMs,
    };
    this.initial = this.read(start);
    if (this.initial.state !== 'queued' || start.effects.length)
      throw new Error('delivery machine: expected to start queued, with no effects');
  }

  /** The retry schedule in ms (the README publishes it). */
  get schedule(): readonly number[] {
    return this.settings.schedule;
  }

  /** A new delivery, due at `createdAtMs`. */
  created(createdAtMs: number): DeliveryRecord {
    return { ...this.initial, dueAt: new Date(createdAtMs).toISOString() };
  }

  /**
   * A new delivery as its webhook's status makes it: queued (active, failing), held (paused;
   * at most `holdMs`) or skipped (disabled). It is stepped through the machine at time zero,
   * and its timer kept as an offset from the time the delivery is entered: publishing does not
   * run the machine, it writes the template with that time.
   */
  createdAs(status: string, holdMs: number): DeliveryTemplate {
    const event: DeliveryEvent | null =
      status === 'paused'
        ? { type: 'HOLD', expiresInMs: holdMs }
        : status === 'disabled'
          ? { type: 'SKIP', reason: SKIPPED_WHILE_DISABLED }
          : null;
    const { dueAt, ...record } = event ? this.send(this.created(0), event, 0).record : this.created(0);
    return { ...record, dueInMs: dueAt === null ? null : Date.parse(dueAt) };
  }

  /**
   * Steps many records at one `now`, computing each distinct (record, event) once: the
   * deliveries of one fan-out are claimed alike and their successes recorded alike. The
   * results are shared: treat them as read-only.
   */
  batch(now = this.now()): (record: DeliveryRecord, event: DeliveryEvent | 'timer') => DeliveryStep {
    const seen = new Map<string, DeliveryStep>();
    return (record, event) => {
      const key = `${record.state}|${record.attempt}|${record.maxAttempts}|${record.clientErrors}|${record.lastStatus}|${record.lastError}|${record.lastAttemptAt}|${record.nextDelayMs}|${record.nextDelayReason}|${record.failureReason}|${record.dueAt}|${event === 'timer' ? 'timer' : JSON.stringify(event)}`;
      let step = seen.get(key);
      if (!step) seen.set(key, (step = event === 'timer' ? this.fire(record, now) : this.send(record, event, now)));
      return step;
    };
  }

  /** The record's timer fired (its due_at has come). */
  fire(record: DeliveryRecord, now = this.now()): DeliveryStep {
    const timer = this.timerOf(record);
    if (!timer) throw new Error(`delivery in ${record.state} has no timer to fire`);
    return this.step(record, [], timer.event, now);
  }

  send(record: DeliveryRecord, event: DeliveryEvent, now = this.now()): DeliveryStep {
    const timer = this.timerOf(record);
    return this.step(record, timer ? [timer] : [], event, now);
  }

  private timerOf(record: DeliveryRecord): Timer | null {
    const type = timerEvent(record.state);
    if (!type || record.dueAt === null) return null;
    return { id: type, event: { type }, due_at: record.dueAt };
  }

  private step(
    record: DeliveryRecord,
    timers: Timer[],
    event: StepEvent<typeof deliveryMachine>,
    now: number,
  ): DeliveryStep {
    const context: DeliveryContext = {
      ...this.settings,
      attempt: record.attempt,
      maxAttempts: record.maxAttempts,
      clientErrors: record.clientErrors,
      lastStatus: record.lastStatus,
      lastError: record.lastError,
      lastAttemptAt: record.lastAttemptAt,
      nextDelayMs: record.nextDelayMs,
      nextDelayReason: record.nextDelayReason,
      failureReason: record.failureReason,
    };
    const persisted: Persisted<DeliveryContext> = { value: record.state, context, status: 'active' };
    const step = nextStep(deliveryMachine, persisted, timers, event, now);
    if (!step.changed) return { record, effects: [], changed: false };
    return { record: this.read(step), effects: step.effects.map(asEffect), changed: true };
  }

  private read(step: Step<DeliveryContext>): DeliveryRecord {
    const state = stateOf<typeof deliveryMachine>(step.snapshot);
    if (step.timers.length > 1)
      throw new Error(`delivery machine: ${state} left ${step.timers.length} timers; a delivery row keeps one`);
    const c = step.snapshot.context;
    return {
      state,
      attempt: c.attempt,
      maxAttempts: c.maxAttempts,
      clientErrors: c.clientErrors,
      lastStatus: c.lastStatus,
      lastError: c.lastError,
      lastAttemptAt: c.lastAttemptAt,
      nextDelayMs: c.nextDelayMs,
      nextDelayReason: c.nextDelayReason,
      failureReason: c.failureReason,
      dueAt: earliest(step.timers),
    };
  }
}

function asEffect(effect: Effect): DeliveryEffect {
  switch (effect.type) {
    case 'deliver':
      return { type: 'deliver', params: { attempt: Number(effect.params.attempt) } };
    case 'markSubscriptionGone':
      return { type: 'markSubscriptionGone', params: {} };
    case 'announceHeldExpired':
      return { type: 'announceHeldExpired', params: {} };
    case 'announceExhausted':
      return {
        type: 'announceExhausted',
        params: {
          attempts: Number(effect.params.attempts),
          lastStatus: (effect.params.lastStatus as number | null) ?? null,
        },
      };
    default:
      throw new Error(`delivery machine asked for an effect the engine does not know: ${effect.type}`);
  }
}
