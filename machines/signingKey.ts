// A JWT signing key: next (published, not yet signing) → active → retiring (published until
// every token it signed has expired) → retired.
import { setup, type StateValueFrom } from 'xstate';

export interface SigningKeyInput {
  kid: string;
  alg: string;
  /** The longest lifetime of any token this key may sign. */
  maxTokenLifetimeMs?: number;
  /** Clock skew verifiers are allowed. */
  skewMs?: number;
}

export interface SigningKeyContext {
  kid: string;
  alg: string;
  maxTokenLifetimeMs: number;
  skewMs: number;
}

export type SigningKeyEvent = { type: 'ACTIVATE' } | { type: 'RETIRE' };

export const signingKeyMachine = setup({
  types: {
    input: {} as SigningKeyInput,
    context: {} as SigningKeyContext,
    events: {} as SigningKeyEvent,
  },
  delays: {
    retireAfter: ({ context }) => context.maxTokenLifetimeMs + context.skewMs,
  },
}).createMachine({
  id: 'signingKey',
  context: ({ input }) => ({
    kid: input.kid,
    alg: input.alg,
    maxTokenLifetimeMs: input.maxTokenLifetimeMs ?? 3_600_000,
    skewMs: input.skewMs ?? 60_000,
  }),
  initial: 'next',
  states: {
    next: { on: { ACTIVATE: 'active' } },
    active: { on: { RETIRE: 'retiring' } },
    retiring: { after: { retireAfter: 'retired' } },
    retired: { type: 'final' },
  },
});

export type SigningKeyState = StateValueFrom<typeof signingKeyMachine>;
