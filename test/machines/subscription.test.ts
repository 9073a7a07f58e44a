import { describe, expect, test } from 'bun:test';
import { initialTransition, transition } from 'xstate';
import { subscriptionMachine as machine } from '../../machines/subscription.ts';
import { atomicStates, explore, fire, replay } from '../support/machine-paths.ts';

const at = '2026-01-01T00:00:00.000Z';
const DISABLE = { type: 'xstate.after.disableAfter.subscription.health.failing' };
const GRACE = { type: 'xstate.after.secretGrace.subscription.secret.rotating' };

describe('subscription machine', () => {
  test('every state of both regions is reached by some path, and every path replays', () => {
    const events = [
      { type: 'DELIVERY_FAILED', at },
      { type: 'DELIVERY_SUCCEEDED' },
      { type: 'GONE' },
      { type: 'PAUSE' },
      { type: 'RESUME' },
      { type: 'ENABLE' },
      { type: 'ROTATE_SECRET', at },
      DISABLE,
      GRACE,
    ];
    const { reached, paths } = explore(machine, events, undefined);
    expect([...reached].sort()).toEqual(atomicStates(machine).sort());
    for (const p of paths) expect(replay(machine, p.events, undefined)).toEqual(p.end);
  });

  test('failing for the configured span disables it and announces why', () => {
    let [s] = initialTransition(machine, { disableAfterMs: 1000 });
    const [failing, armed] = transition(machine, s, { type: 'DELIVERY_FAILED', at });
    expect(failing.value).toEqual({ health: 'failing', secret: 'single' });
    expect(armed).toContainEqual(
      expect.objectContaining({ type: 'xstate.raise', params: expect.objectContaining({ delay: 1000 }) }),
    );
    [s] = transition(machine, failing, { type: 'DELIVERY_SUCCEEDED' });
    expect(s.value).toEqual({ health: 'active', secret: 'single' });
    const [disabled, actions] = fire(machine, failing, DISABLE);
    expect(disabled.value).toEqual({ health: 'disabled', secret: 'single' });
    expect(disabled.context.disabledReason).toBe('failing');
    expect(actions.filter((a) => a.type === 'announceDisabled').map((a) => a.params)).toEqual([{ reason: 'failing' }]);
    expect(transition(machine, disabled, { type: 'DELIVERY_SUCCEEDED' })[0].value).toEqual({
      health: 'disabled',
      secret: 'single',
    });
    expect(transition(machine, disabled, { type: 'ENABLE' })[0].value).toEqual({ health: 'active', secret: 'single' });
  });

  test('a secret rotation keeps the previous secret for the grace window, in its own region', () => {
    const [s0] = initialTransition(machine, { secretGraceMs: 60_000 });
    const [paused] = transition(machine, s0, { type: 'PAUSE' });
    const [rotating] = transition(machine, paused, { type: 'ROTATE_SECRET', at });
    expect(rotating.value).toEqual({ health: 'paused', secret: 'rotating' });
    expect(rotating.context.previousSecretUntil).toBe('2026-01-01T00:01:00.000Z');
    expect(fire(machine, rotating, GRACE)[0].value).toEqual({ health: 'paused', secret: 'single' });
  });

  test('entering failing is announced with when it began; leaving it for active is announced as a recovery', () => {
    const [s] = initialTransition(machine, {});
    const [failing, actions] = transition(machine, s, { type: 'DELIVERY_FAILED', at });
    expect(actions.filter((a) => a.type === 'announceFailing').map((a) => a.params)).toEqual([
      { failingSince: at, consecutiveFailures: 1 },
    ]);
    const [still, again] = transition(machine, failing, { type: 'DELIVERY_FAILED', at });
    expect(still.context.consecutiveFailures).toBe(2);
    expect(again.map((a) => a.type)).not.toContain('announceFailing');
    const [active, recovered] = transition(machine, still, { type: 'DELIVERY_SUCCEEDED' });
    expect(active.value).toEqual({ health: 'active', secret: 'single' });
    expect(recovered.map((a) => a.type)).toContain('announceRecovered');
    // Pausing and resuming a failing webhook is not a recovery.
    const [paused] = transition(machine, failing, { type: 'PAUSE' });
    expect(transition(machine, paused, { type: 'RESUME' })[1].map((a) => a.type)).not.toContain('announceRecovered');
  });
});
