import { describe, expect, test } from 'bun:test';
import { initialTransition, transition } from 'xstate';
import { clientSecretRotationMachine as machine } from '../../machines/clientSecretRotation.ts';
import { atomicStates, explore, fire, replay } from '../support/machine-paths.ts';

const at = '2026-01-01T00:00:00.000Z';
const GRACE = { type: 'xstate.after.grace.clientSecretRotation.overlapping' } as const;
const events = [
  { type: 'ROTATE', newSecretId: 'sec_b', graceMs: 60_000, at },
  { type: 'ROTATE', newSecretId: 'sec_c', graceMs: 0, at },
  GRACE,
];

describe('clientSecretRotation machine', () => {
  test('every state is reached by some path, and every path replays', () => {
    const { reached, paths } = explore(machine, events, { secretId: 'sec_a' });
    expect([...reached].sort()).toEqual(atomicStates(machine).sort());
    for (const p of paths) expect(replay(machine, p.events, { secretId: 'sec_a' })).toEqual(p.end);
  });

  test('rotation with grace keeps the previous secret until the window ends', () => {
    let [s] = initialTransition(machine, { secretId: 'sec_a' });
    let actions: Array<{ type: string; params?: unknown }>;
    [s, actions] = transition(machine, s, { type: 'ROTATE', newSecretId: 'sec_b', graceMs: 60_000, at });
    expect(s.value).toBe('overlapping');
    expect(s.context).toMatchObject({
      currentSecretId: 'sec_b',
      previousSecretId: 'sec_a',
      previousValidUntil: '2026-01-01T00:01:00.000Z',
    });
    expect(actions).toEqual([
      expect.objectContaining({
        type: 'xstate.raise',
        params: expect.objectContaining({ delay: 60_000, event: GRACE }),
      }),
    ]);
    [s, actions] = fire(machine, s, GRACE);
    expect(s.value).toBe('single');
    expect(s.context).toMatchObject({ currentSecretId: 'sec_b', previousSecretId: null, previousValidUntil: null });
    expect(actions.filter((a) => !a.type.startsWith('xstate.')).map((a) => [a.type, a.params])).toEqual([
      ['retireSecret', { secretId: 'sec_a' }],
    ]);
  });

  test('grace 0 retires the old secret at once', () => {
    const [s0] = initialTransition(machine, { secretId: 'sec_a' });
    const [s, actions] = transition(machine, s0, { type: 'ROTATE', newSecretId: 'sec_b', graceMs: 0, at });
    expect(s.value).toBe('single');
    expect(s.context.currentSecretId).toBe('sec_b');
    expect(actions.map((a) => [a.type, a.params])).toEqual([['retireSecret', { secretId: 'sec_a' }]]);
  });

  test('a second rotation inside the window retires the oldest at once and restarts the window', () => {
    let [s] = initialTransition(machine, { secretId: 'sec_a' });
    [s] = transition(machine, s, { type: 'ROTATE', newSecretId: 'sec_b', graceMs: 60_000, at });
    const [s2, actions] = transition(machine, s, {
      type: 'ROTATE',
      newSecretId: 'sec_c',
      graceMs: 120_000,
      at: '2026-01-01T00:00:30.000Z',
    });
    expect(s2.value).toBe('overlapping');
    expect(s2.context).toMatchObject({
      currentSecretId: 'sec_c',
      previousSecretId: 'sec_b',
      previousValidUntil: '2026-01-01T00:02:30.000Z',
    });
    const types = actions.map((a) => [
      a.type,
      (a.params as { secretId?: string; delay?: number }).secretId ?? (a.params as { delay?: number }).delay,
    ]);
    expect(types).toContainEqual(['retireSecret', 'sec_a']);
    expect(types).toContainEqual(['xstate.cancel', undefined]);
    expect(types).toContainEqual(['xstate.raise', 120_000]);
  });

  test('grace 0 while overlapping retires both older secrets', () => {
    let [s] = initialTransition(machine, { secretId: 'sec_a' });
    [s] = transition(machine, s, { type: 'ROTATE', newSecretId: 'sec_b', graceMs: 60_000, at });
    const [s2, actions] = transition(machine, s, { type: 'ROTATE', newSecretId: 'sec_c', graceMs: 0, at });
    expect(s2.value).toBe('single');
    expect(
      actions
        .filter((a) => a.type === 'retireSecret')
        .map((a) => (a.params as { secretId: string }).secretId)
        .sort(),
    ).toEqual(['sec_a', 'sec_b']);
  });
});
