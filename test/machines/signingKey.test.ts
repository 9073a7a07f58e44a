import { describe, expect, test } from 'bun:test';
import { initialTransition, transition } from 'xstate';
import { signingKeyMachine as machine } from '../../machines/signingKey.ts';
import { atomicStates, explore, fire, replay } from '../support/machine-paths.ts';

const input = { kid: 'key_1', alg: 'RS256', maxTokenLifetimeMs: 3_600_000, skewMs: 60_000 };
const RETIRED = { type: 'xstate.after.retireAfter.signingKey.retiring' } as const;

describe('signingKey machine', () => {
  test('every state is reached by some path, and every path replays', () => {
    const { reached, paths } = explore(machine, [{ type: 'ACTIVATE' }, { type: 'RETIRE' }, RETIRED], input);
    expect([...reached].sort()).toEqual(atomicStates(machine).sort());
    for (const p of paths) expect(replay(machine, p.events, input)).toEqual(p.end);
  });

  test('a retiring key stays published for the longest token lifetime plus skew', () => {
    let [s] = initialTransition(machine, input);
    [s] = transition(machine, s, { type: 'ACTIVATE' });
    const [retiring, actions] = transition(machine, s, { type: 'RETIRE' });
    expect(retiring.value).toBe('retiring');
    expect(actions).toEqual([
      expect.objectContaining({
        type: 'xstate.raise',
        params: expect.objectContaining({ delay: 3_660_000, event: RETIRED }),
      }),
    ]);
    expect(fire(machine, retiring, RETIRED)[0].value).toBe('retired');
  });

  test('a next key cannot retire before it ever signed; a retired key stays retired', () => {
    const [next] = initialTransition(machine, input);
    expect(transition(machine, next, { type: 'RETIRE' })[0].value).toBe('next');
    let [s] = initialTransition(machine, input);
    for (const e of [{ type: 'ACTIVATE' }, { type: 'RETIRE' }, RETIRED]) [s] = fire(machine, s, e);
    expect(s.status).toBe('done');
    expect(transition(machine, s, { type: 'ACTIVATE' })[0].value).toBe('retired');
  });
});
