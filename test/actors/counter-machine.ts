// A small machine that exercises every runtime feature: context updates, an effect, a
// named delay, a final state.
import { assign, setup } from 'xstate';

export const counterMachine = setup({
  types: {
    context: {} as { count: number },
    events: {} as { type: 'INC' } | { type: 'ARM' } | { type: 'PING' } | { type: 'STOP' },
    input: {} as { start?: number } | undefined,
  },
  delays: { later: 60_000 },
  actions: {
    increment: assign({ count: ({ context }) => context.count + 1 }),
    announce: (_, _params: { count: number }) => {},
  },
}).createMachine({
  id: 'counter',
  context: ({ input }) => ({ count: input?.start ?? 0 }),
  initial: 'idle',
  states: {
    idle: {
      on: {
        INC: { actions: 'increment' },
        PING: { actions: { type: 'announce', params: ({ context }) => ({ count: context.count }) } },
        ARM: 'armed',
      },
    },
    armed: {
      on: { INC: { actions: 'increment' }, STOP: 'idle' },
      after: {
        later: { target: 'fired', actions: { type: 'announce', params: ({ context }) => ({ count: context.count }) } },
      },
    },
    fired: { type: 'final' },
  },
});
