// One webhook delivery: queued → sending → succeeded, or backoff and retry on a named
// schedule, then failed. `queued` means ready to be sent, waiting for a slot at its endpoint:
// its zero delay makes it due at once, and a worker claims it when the endpoint has room.
// Backoff's timer leads back to `queued`, so it fires on time even when the endpoint is busy.
// `sending` has a safety timeout that doubles as the worker's lease: a worker that dies
// mid-request leaves a timer that retries the delivery.
// A paused webhook's deliveries are `held` (resumed: queued again; held too long: failed as
// held_expired); a disabled webhook's are `skipped`, and a recovery sends them.
import { assign, setup, type StateValueFrom } from 'xstate';
import { DEFAULT_RETRY_SCHEDULE_MS, DEFAULTS, FIXED } from '../src/defaults.ts';

/** How a send went, as the machine reads it (the HTTP client classifies each response so). */
export type DeliveryOutcome = 'success' | 'retryable' | 'gone' | 'client_error';

export interface DeliveryInput {
  /** Delays in ms before each attempt; element 0 is the first attempt. */
  schedule?: number[];
  jitterRatio?: number;
  /** Attempts allowed when the receiver answers a 4xx other than 408, 410 and 429. */
  clientErrorBudget?: number;
  /** Request timeout plus lease slack: how long `sending` may last. */
  sendTimeoutMs?: number;
}

export interface DeliveryContext {
  schedule: number[];
  jitterRatio: number;
  clientErrorBudget: number;
  sendTimeoutMs: number;
  attempt: number;
  /** Attempts allowed in all (grows by one on a manual retry). */
  maxAttempts: number;
  clientErrors: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  /** The delay before backoff's next attempt. */
  nextDelayMs: number | null;
  /** Why backoff waits what it waits: the published schedule (jittered), the receiver's Retry-After, or a lease that ran out. */
  nextDelayReason: DelayReason | null;
  failureReason: 'exhausted' | 'gone' | 'client_error' | 'cancelled' | 'held_expired' | null;
}

export type DelayReason = 'schedule' | 'retry_after' | 'lease_expired';

export type DeliveryEvent =
  | {
      type: 'RESULT';
      outcome: DeliveryOutcome;
      status?: number | null;
      retryAfterMs?: number | null;
      jitter: number;
      at: string;
      error?: string | null;
    }
  | { type: 'RETRY' }
  | { type: 'CANCEL'; reason?: string }
  /** Its webhook is paused: wait, at most `expiresInMs` (what retention leaves of its history). */
  | { type: 'HOLD'; expiresInMs: number }
  /** Its webhook was resumed (or re-enabled). */
  | { type: 'RELEASE' }
  /** Its webhook is disabled: not sent; `reason` is recorded, and a recovery sends it. */
  | { type: 'SKIP'; reason: string };

type Result = Extract<DeliveryEvent, { type: 'RESULT' }>;

function nextDelay(
  context: DeliveryContext,
  jitter: number,
  retryAfterMs: number | null | undefined,
): { nextDelayMs: number; nextDelayReason: DelayReason } {
  const base = context.schedule[Math.min(context.attempt, context.schedule.length - 1)] ?? 0;
  const jittered = Math.round(base * (1 + context.jitterRatio * (2 * jitter - 1)));
  // A receiver may ask for longer than the schedule's next delay, never for longer than its
  // longest one: a Retry-After of years would park the delivery past its retention.
  const asked = retryAfterMs == null ? null : Math.min(Math.max(0, retryAfterMs), Math.max(...context.schedule));
  return asked !== null && asked > jittered
    ? { nextDelayMs: asked, nextDelayReason: 'retry_after' }
    : { nextDelayMs: jittered, nextDelayReason: 'schedule' };
}

const noDelay = { nextDelayMs: null, nextDelayReason: null };

export const deliveryMachine = setup({
  types: {
    input: {} as DeliveryInput | undefined,
    context: {} as DeliveryContext,
    events: {} as DeliveryEvent,
  },
  guards: {
    succeeded: ({ event }) => event.type === 'RESULT' && event.outcome === 'success',
    gone: ({ event }) => event.type === 'RESULT' && event.outcome === 'gone',
    canRetry: ({ context, event }) => {
      if (event.type !== 'RESULT' || context.attempt >= context.maxAttempts) return false;
      return (
        event.outcome === 'retryable' ||
        (event.outcome === 'client_error' && context.clientErrors + 1 < context.clientErrorBudget)
      );
    },
    attemptsLeft: ({ context }) => context.attempt < context.maxAttempts,
  },
  delays: {
    immediately: 0,
    backoff: ({ context }) => context.nextDelayMs ?? 0,
    sendTimeout: ({ context }) => context.sendTimeoutMs,
    // Read from the HOLD event: the hold's length is not kept in the context (it may be years).
    holdExpiry: ({ event }) => (event.type === 'HOLD' ? Math.max(0, event.expiresInMs) : 0),
  },
  actions: {
    deliver: (_, _params: { attempt: number }) => {},
    markSubscriptionGone: () => {},
    announceExhausted: (_, _params: { attempts: number; lastStatus: number | null }) => {},
    announceHeldExpired: () => {},
    countAttempt: assign({ attempt: ({ context }) => context.attempt + 1 }),
    recordResult: assign(({ context, event }) => {
      const e = event as Result;
      return {
        lastStatus: e.status ?? null,
        lastError: e.error ?? null,
        lastAttemptAt: e.at,
        clientErrors: context.clientErrors + (e.outcome === 'client_error' ? 1 : 0),
        ...(e.outcome === 'success' ? noDelay : nextDelay(context, e.jitter, e.retryAfterMs)),
      };
    }),
    recordLostWorker: assign(({ context }) => ({
      lastError: 'no result within the send timeout',
      lastStatus: null,
      nextDelayMs: nextDelay(context, 0.5, null).nextDelayMs,
      nextDelayReason: 'lease_expired' as const,
    })),
    setFailure: assign((_, params: { reason: DeliveryContext['failureReason'] }) => ({
      failureReason: params.reason,
      ...noDelay,
    })),
    clearDelay: assign(noDelay),
    recordSkip: assign(({ event }) => ({
      lastError: event.type === 'SKIP' ? event.reason : null,
      lastStatus: null,
      ...noDelay,
    })),
    allowOneMore: assign(({ context }) => ({ maxAttempts: context.attempt + 1, failureReason: null, clientErrors: 0 })),
    /** A skipped delivery goes on with the attempts its schedule had left (one at least). */
    allowRemaining: assign(({ context }) => ({
      maxAttempts: Math.max(context.maxAttempts, context.attempt + 1),
      lastError: null,
    })),
  },
}).createMachine({
  id: 'delivery',
  context: ({ input }) => {
    const schedule = input?.schedule ?? [...DEFAULT_RETRY_SCHEDULE_MS];
    return {
      schedule,
      jitterRatio: input?.jitterRatio ?? FIXED.retryJitterRatio,
      clientErrorBudget: input?.clientErrorBudget ?? FIXED.clientErrorBudget,
      sendTimeoutMs: input?.sendTimeoutMs ?? DEFAULTS.LEASE_MS,
      attempt: 0,
      maxAttempts: schedule.length,
      clientErrors: 0,
      lastStatus: null,
      lastError: null,
      lastAttemptAt: null,
      nextDelayMs: null,
      nextDelayReason: null,
      failureReason: null,
    };
  },
  initial: 'queued',
  states: {
    queued: {
      after: { immediately: 'sending' },
      on: {
        CANCEL: { target: 'failed', actions: { type: 'setFailure', params: { reason: 'cancelled' } } },
        HOLD: { target: 'held', actions: 'clearDelay' },
        SKIP: { target: 'skipped', actions: 'recordSkip' },
      },
    },
    sending: {
      entry: ['countAttempt', { type: 'deliver', params: ({ context }) => ({ attempt: context.attempt }) }],
      on: {
        RESULT: [
          { guard: 'succeeded', target: 'succeeded', actions: 'recordResult' },
          {
            guard: 'gone',
            target: 'failed',
            actions: ['recordResult', { type: 'setFailure', params: { reason: 'gone' } }, 'markSubscriptionGone'],
          },
          { guard: 'canRetry', target: 'backoff', actions: 'recordResult' },
          {
            target: 'failed',
            actions: [
              'recordResult',
              {
                type: 'setFailure',
                params: ({ event }) => ({
                  reason: (event as Result).outcome === 'client_error' ? 'client_error' : 'exhausted',
                }),
              },
              {
                type: 'announceExhausted',
                params: ({ context }) => ({ attempts: context.attempt, lastStatus: context.lastStatus }),
              },
            ],
          },
        ],
      },
      after: {
        sendTimeout: [
          { guard: 'attemptsLeft', target: 'backoff', actions: 'recordLostWorker' },
          {
            target: 'failed',
            actions: [
              'recordLostWorker',
              { type: 'setFailure', params: { reason: 'exhausted' } },
              { type: 'announceExhausted', params: ({ context }) => ({ attempts: context.attempt, lastStatus: null }) },
            ],
          },
        ],
      },
    },
    backoff: {
      after: { backoff: 'queued' },
      on: {
        CANCEL: { target: 'failed', actions: { type: 'setFailure', params: { reason: 'cancelled' } } },
        HOLD: { target: 'held', actions: 'clearDelay' },
        SKIP: { target: 'skipped', actions: 'recordSkip' },
      },
    },
    held: {
      after: {
        holdExpiry: {
          target: 'failed',
          actions: [{ type: 'setFailure', params: { reason: 'held_expired' } }, 'announceHeldExpired'],
        },
      },
      on: {
        RELEASE: { target: 'queued', actions: 'clearDelay' },
        CANCEL: { target: 'failed', actions: { type: 'setFailure', params: { reason: 'cancelled' } } },
      },
    },
    skipped: {
      on: {
        RETRY: { target: 'queued', actions: 'allowRemaining' },
        CANCEL: { target: 'failed', actions: { type: 'setFailure', params: { reason: 'cancelled' } } },
      },
    },
    succeeded: { type: 'final' },
    failed: {
      on: { RETRY: { target: 'queued', actions: 'allowOneMore' } },
    },
  },
});

/** The delivery machine's states. */
export type DeliveryState = StateValueFrom<typeof deliveryMachine>;

/** The event a state's timer sends when it fires (XState's `xstate.after.<delay>.<state>`). */
function timerEvents(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [state, node] of Object.entries(deliveryMachine.root.states)) {
    // One entry per guarded candidate: the timers are the distinct event types.
    const types = [...new Set((node.after ?? []).map((t) => t.eventType))];
    if (types.length > 1)
      throw new Error(`delivery machine: state ${state} has ${types.length} timers; a delivery row keeps one`);
    if (types[0]) out.set(state, types[0]);
  }
  return out;
}

const TIMER_EVENTS = timerEvents();

/** The event type of a state's timer ('xstate.after.backoff.delivery.backoff'), or null. */
export function timerEvent(state: DeliveryState): string | null {
  return TIMER_EVENTS.get(state) ?? null;
}
