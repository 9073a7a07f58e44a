// One app's client secrets: `single` (one valid secret) ⇄ `overlapping` (the new secret and
// the previous one, until the grace window ends). A second rotation inside the window
// retires the oldest secret at once. Which secrets authenticate is read from this machine's
// context: `previousValidUntil` is fixed when the rotation happens, so a late timer never
// extends a grace window. The window's rule is shared with webhook secrets (./graceWindow.ts,
// which says why the two rotations are two machines).
import { assign, setup, type StateValueFrom } from 'xstate';
import { graceUntil } from './graceWindow.ts';

export interface ClientSecretRotationInput {
  secretId: string;
}

export interface ClientSecretRotationContext {
  currentSecretId: string;
  previousSecretId: string | null;
  /** ISO time the previous secret stops authenticating; null when there is none. */
  previousValidUntil: string | null;
  graceMs: number;
}

export type ClientSecretRotationEvent = {
  type: 'ROTATE';
  newSecretId: string;
  /** Grace window for the secret being replaced; 0 retires it at once. */
  graceMs: number;
  /** When the rotation happened (ISO 8601). */
  at: string;
};

export const clientSecretRotationMachine = setup({
  types: {
    input: {} as ClientSecretRotationInput,
    context: {} as ClientSecretRotationContext,
    events: {} as ClientSecretRotationEvent,
  },
  guards: {
    immediate: ({ event }) => event.graceMs <= 0,
  },
  delays: {
    grace: ({ context }) => context.graceMs,
  },
  actions: {
    retireSecret: (_, _params: { secretId: string }) => {},
    replaceCurrent: assign({
      currentSecretId: ({ event }) => event.newSecretId,
      previousSecretId: () => null,
      previousValidUntil: () => null,
      graceMs: () => 0,
    }),
    keepPrevious: assign({
      previousSecretId: ({ context }) => context.currentSecretId,
      currentSecretId: ({ event }) => event.newSecretId,
      graceMs: ({ event }) => event.graceMs,
      previousValidUntil: ({ event }) => graceUntil(event.at, event.graceMs),
    }),
    forgetPrevious: assign({ previousSecretId: () => null, previousValidUntil: () => null }),
  },
}).createMachine({
  id: 'clientSecretRotation',
  context: ({ input }) => ({
    currentSecretId: input.secretId,
    previousSecretId: null,
    previousValidUntil: null,
    graceMs: 0,
  }),
  initial: 'single',
  states: {
    single: {
      on: {
        ROTATE: [
          {
            guard: 'immediate',
            target: 'single',
            reenter: true,
            actions: [
              { type: 'retireSecret', params: ({ context }) => ({ secretId: context.currentSecretId }) },
              'replaceCurrent',
            ],
          },
          { target: 'overlapping', actions: 'keepPrevious' },
        ],
      },
    },
    overlapping: {
      after: {
        grace: {
          target: 'single',
          actions: [
            { type: 'retireSecret', params: ({ context }) => ({ secretId: context.previousSecretId ?? '' }) },
            'forgetPrevious',
          ],
        },
      },
      on: {
        ROTATE: [
          {
            guard: 'immediate',
            target: 'single',
            actions: [
              { type: 'retireSecret', params: ({ context }) => ({ secretId: context.previousSecretId ?? '' }) },
              { type: 'retireSecret', params: ({ context }) => ({ secretId: context.currentSecretId }) },
              'replaceCurrent',
            ],
          },
          {
            // The oldest secret goes at once; the one being replaced gets a fresh window.
            target: 'overlapping',
            reenter: true,
            actions: [
              { type: 'retireSecret', params: ({ context }) => ({ secretId: context.previousSecretId ?? '' }) },
              'keepPrevious',
            ],
          },
        ],
      },
    },
  },
});

export type ClientSecretRotationState = StateValueFrom<typeof clientSecretRotationMachine>;
