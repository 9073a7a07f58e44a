// One webhook delivery: queued → sending → succeeded, or backoff and retry on a named
// schedule, then failed. `queued` has a zero delay, so workers claim new and retried
// deliveries alike as due timers; `sending` has a safety timeout that doubles as the
// worker's lease: a worker that dies mid-request leaves a timer that retries the delivery.
import { assign, setup } from 'xstate';

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
  nextDelayMs: number | null;
  failureReason: 'exhausted' | 'gone' | 'client_error' | 'cancelled' | null;
}

export type DeliveryEvent =
  | { type: 'RESULT'; outcome: DeliveryOutcome; status?: number | null; retryAfterMs?: number | null; jitter: number; at: string; error?: string | null }
  | { type: 'RETRY' }
  | { type: 'CANCEL'; reason?: string };

type Result = Extract<DeliveryEvent, { type: 'RESULT' }>;

function nextDelay(context: DeliveryContext, jitter: number, retryAfterMs: number | null | undefined): number {
  const base = context.schedule[Math.min(context.attempt, context.schedule.length - 1)] ?? 0;
  const jittered = Math.round(base * (1 + context.jitterRatio * (2 * jitter - 1)));
  return Math.max(jittered, retryAfterMs ?? 0);
}

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
      return event.outcome === 'retryable' || (event.outcome === 'client_error' && context.clientErrors + 1 < context.clientErrorBudget);
    },
    attemptsLeft: ({ context }) => context.attempt < context.maxAttempts,
  },
  delays: {
    immediately: 0,
    backoff: ({ context }) => context.nextDelayMs ?? 0,
    sendTimeout: ({ context }) => context.sendTimeoutMs,
  },
  actions: {
    deliver: (_, _params: { attempt: number }) => {},
    markSubscriptionGone: () => {},
    announceExhausted: (_, _params: { attempts: number; lastStatus: number | null }) => {},
    countAttempt: assign({ attempt: ({ context }) => context.attempt + 1 }),
    recordResult: assign(({ context, event }) => {
      const e = event as Result;
      return {
        lastStatus: e.status ?? null,
        lastError: e.error ?? null,
        lastAttemptAt: e.at,
        clientErrors: context.clientErrors + (e.outcome === 'client_error' ? 1 : 0),
        nextDelayMs: e.outcome === 'success' ? null : nextDelay(context, e.jitter, e.retryAfterMs),
      };
    }),
    recordLostWorker: assign(({ context }) => ({ lastError: 'no result within the send timeout', lastStatus: null, nextDelayMs: nextDelay(context, 0.5, null) })),
    setFailure: assign((_, params: { reason: DeliveryContext['failureReason'] }) => ({ failureReason: params.reason, nextDelayMs: null })),
    allowOneMore: assign(({ context }) => ({ maxAttempts: context.attempt + 1, failureReason: null, clientErrors: 0 })),
  },
}).createMachine({
  id: 'delivery',
  context: ({ input }) => {
    const schedule = input?.schedule ?? [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
    return {
      schedule,
      jitterRatio: input?.jitterRatio ?? 0.2,
      clientErrorBudget: input?.clientErrorBudget ?? 2,
      sendTimeoutMs: input?.sendTimeoutMs ?? 30_000,
      attempt: 0,
      maxAttempts: schedule.length,
      clientErrors: 0,
      lastStatus: null,
      lastError: null,
      lastAttemptAt: null,
      nextDelayMs: null,
      failureReason: null,
    };
  },
  initial: 'queued',
  states: {
    queued: {
      after: { immediately: 'sending' },
      on: { CANCEL: { target: 'failed', actions: { type: 'setFailure', params: { reason: 'cancelled' } } } },
    },
    sending: {
      entry: ['countAttempt', { type: 'deliver', params: ({ context }) => ({ attempt: context.attempt }) }],
      on: {
        RESULT: [
          { guard: 'succeeded', target: 'succeeded', actions: 'recordResult' },
          { guard: 'gone', target: 'failed', actions: ['recordResult', { type: 'setFailure', params: { reason: 'gone' } }, 'markSubscriptionGone'] },
          { guard: 'canRetry', target: 'backoff', actions: 'recordResult' },
          {
            target: 'failed',
            actions: [
              'recordResult',
              { type: 'setFailure', params: ({ event }) => ({ reason: (event as Result).outcome === 'client_error' ? 'client_error' : 'exhausted' }) },
              { type: 'announceExhausted', params: ({ context }) => ({ attempts: context.attempt, lastStatus: context.lastStatus }) },
            ],
          },
        ],
      },
      after: {
        sendTimeout: [
          { guard: 'attemptsLeft', target: 'backoff', actions: 'recordLostWorker' },
          {
            target: 'failed',
            actions: ['recordLostWorker', { type: 'setFailure', params: { reason: 'exhausted' } }, { type: 'announceExhausted', params: ({ context }) => ({ attempts: context.attempt, lastStatus: null }) }],
          },
        ],
      },
    },
    backoff: {
      after: { backoff: 'sending' },
      on: { CANCEL: { target: 'failed', actions: { type: 'setFailure', params: { reason: 'cancelled' } } } },
    },
    succeeded: { type: 'final' },
    failed: {
      on: { RETRY: { target: 'queued', actions: 'allowOneMore' } },
    },
  },
});
