// A webhook subscription. Two parallel regions: `health` (active ⇄ failing → disabled after
// failing for too long, or at once on 410 Gone; paused and resumed by the user; re-enabled
// explicitly; entering and leaving `failing` is announced) and `secret` (a rotation keeps the
// previous signing secret in use, alongside the new one, for a grace window: the rule of
// ./graceWindow.ts, shared with app client secrets, which says why those are another machine).
import { assign, setup } from 'xstate';
import { graceUntil } from './graceWindow.ts';
import { DEFAULTS } from '../src/defaults.ts';

export interface SubscriptionInput {
  /** How long a subscription may keep failing before it is disabled (default 5 days). */
  disableAfterMs?: number;
  /** How long the previous secret still signs after a rotation (default 24 h). */
  secretGraceMs?: number;
}

export interface SubscriptionContext {
  disableAfterMs: number;
  secretGraceMs: number;
  consecutiveFailures: number;
  failingSince: string | null;
  disabledReason: 'failing' | 'gone' | null;
  /** ISO time the previous secret stops signing; null when there is none. */
  previousSecretUntil: string | null;
}

export type SubscriptionEvent =
  | { type: 'DELIVERY_SUCCEEDED' }
  | { type: 'DELIVERY_FAILED'; at: string }
  | { type: 'GONE' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'ENABLE' }
  | { type: 'ROTATE_SECRET'; at: string; graceMs?: number };

export const subscriptionMachine = setup({
  types: {
    input: {} as SubscriptionInput | undefined,
    context: {} as SubscriptionContext,
    events: {} as SubscriptionEvent,
  },
  delays: {
    disableAfter: ({ context }) => context.disableAfterMs,
    secretGrace: ({ context }) => context.secretGraceMs,
  },
  actions: {
    announceDisabled: (_, _params: { reason: string }) => {},
    announceFailing: (_, _params: { failingSince: string | null; consecutiveFailures: number }) => {},
    announceRecovered: () => {},
    countFailure: assign(({ context, event }) => ({
      consecutiveFailures: context.consecutiveFailures + 1,
      failingSince: context.failingSince ?? (event.type === 'DELIVERY_FAILED' ? event.at : null),
    })),
    clearFailures: assign({ consecutiveFailures: 0, failingSince: null, disabledReason: null }),
    disabledBy: assign((_, params: { reason: 'failing' | 'gone' }) => ({ disabledReason: params.reason })),
    keepPreviousSecret: assign(({ context, event }) => {
      const e = event as Extract<SubscriptionEvent, { type: 'ROTATE_SECRET' }>;
      const grace = e.graceMs ?? context.secretGraceMs;
      return { secretGraceMs: grace, previousSecretUntil: graceUntil(e.at, grace) };
    }),
    forgetPreviousSecret: assign({ previousSecretUntil: null }),
  },
}).createMachine({
  id: 'subscription',
  type: 'parallel',
  context: ({ input }) => ({
    disableAfterMs: input?.disableAfterMs ?? DEFAULTS.WEBHOOK_DISABLE_AFTER_SECONDS * 1000,
    secretGraceMs: input?.secretGraceMs ?? DEFAULTS.SECRET_GRACE_SECONDS * 1000,
    consecutiveFailures: 0,
    failingSince: null,
    disabledReason: null,
    previousSecretUntil: null,
  }),
  states: {
    health: {
      initial: 'active',
      states: {
        active: {
          on: {
            DELIVERY_FAILED: {
              target: 'failing',
              actions: [
                'countFailure',
                {
                  type: 'announceFailing',
                  params: ({ context }) => ({
                    failingSince: context.failingSince,
                    consecutiveFailures: context.consecutiveFailures,
                  }),
                },
              ],
            },
            DELIVERY_SUCCEEDED: { actions: 'clearFailures' },
            PAUSE: 'paused',
          },
        },
        failing: {
          after: {
            disableAfter: {
              target: 'disabled',
              actions: [
                { type: 'disabledBy', params: { reason: 'failing' } },
                { type: 'announceDisabled', params: { reason: 'failing' } },
              ],
            },
          },
          on: {
            DELIVERY_FAILED: { actions: 'countFailure' },
            DELIVERY_SUCCEEDED: { target: 'active', actions: ['clearFailures', 'announceRecovered'] },
            PAUSE: 'paused',
          },
        },
        paused: { on: { RESUME: { target: 'active', actions: 'clearFailures' } } },
        disabled: { on: { ENABLE: { target: 'active', actions: 'clearFailures' } } },
      },
      on: {
        GONE: {
          target: '.disabled',
          actions: [
            { type: 'disabledBy', params: { reason: 'gone' } },
            { type: 'announceDisabled', params: { reason: 'gone' } },
          ],
        },
      },
    },
    secret: {
      initial: 'single',
      states: {
        single: { on: { ROTATE_SECRET: { target: 'rotating', actions: 'keepPreviousSecret' } } },
        rotating: {
          after: { secretGrace: { target: 'single', actions: 'forgetPreviousSecret' } },
          on: { ROTATE_SECRET: { target: 'rotating', reenter: true, actions: 'keepPreviousSecret' } },
        },
      },
    },
  },
});
