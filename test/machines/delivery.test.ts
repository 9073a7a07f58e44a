import { describe, expect, test } from 'bun:test';
import { initialTransition, transition } from 'xstate';
import { deliveryMachine as machine } from '../../machines/delivery.ts';
import { atomicStates, explore, fire, replay } from '../support/machine-paths.ts';

const at = '2026-01-01T00:00:00.000Z';
const QUEUED = { type: 'xstate.after.immediately.delivery.queued' };
const BACKOFF = { type: 'xstate.after.backoff.delivery.backoff' };
const TIMEOUT = { type: 'xstate.after.sendTimeout.delivery.sending' };
const result = (outcome: 'success' | 'retryable' | 'gone' | 'client_error', extra: Record<string, unknown> = {}) => ({ type: 'RESULT' as const, outcome, status: 500, jitter: 0.5, at, ...extra });

describe('delivery machine', () => {
  test('every state is reached by some path, and every path replays', () => {
    const events = [QUEUED, BACKOFF, TIMEOUT, result('success'), result('retryable'), result('gone'), result('client_error'), { type: 'RETRY' }, { type: 'CANCEL' }];
    const input = { schedule: [0, 1000] };
    const { reached, paths } = explore(machine, events, input);
    expect([...reached].sort()).toEqual(atomicStates(machine).sort());
    for (const p of paths) expect(replay(machine, p.events, input)).toEqual(p.end);
  });

  test('the default schedule, jittered ±20 %, and Retry-After when it is longer', () => {
    let [s] = initialTransition(machine, {});
    [s] = fire(machine, s, QUEUED);
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const [b] = transition(machine, s, result('retryable', { jitter: 0 }));
      delays.push(b.context.nextDelayMs!);
      [s] = fire(machine, b, BACKOFF);
    }
    expect(delays).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000].map((d) => d * 0.8));
    const [last, actions] = transition(machine, s, result('retryable'));
    expect(last.value).toBe('failed');
    expect(last.context).toMatchObject({ attempt: 8, failureReason: 'exhausted' });
    expect(actions.map((a) => a.type)).toContain('announceExhausted');

    let [r] = initialTransition(machine, {});
    [r] = fire(machine, r, QUEUED);
    const [late] = transition(machine, r, result('retryable', { jitter: 1, retryAfterMs: 60_000 }));
    expect(late.context.nextDelayMs).toBe(60_000);
  });

  test('a success records the response and leaves no next attempt', () => {
    let [s] = initialTransition(machine, {});
    [s] = fire(machine, s, QUEUED);
    const [done] = transition(machine, s, result('success', { status: 200, jitter: 0.9 }));
    expect(done.value).toBe('succeeded');
    expect(done.context).toMatchObject({ attempt: 1, lastStatus: 200, lastAttemptAt: at, nextDelayMs: null });
  });

  test('410 fails at once and marks the subscription gone; other 4xx fail after a short budget', () => {
    let [s] = initialTransition(machine, {});
    [s] = fire(machine, s, QUEUED);
    const [gone, goneActions] = transition(machine, s, result('gone', { status: 410 }));
    expect(gone.value).toBe('failed');
    expect(goneActions.map((a) => a.type)).toContain('markSubscriptionGone');
    const [once] = transition(machine, s, result('client_error', { status: 400 }));
    expect(once.value).toBe('backoff');
    const [again] = transition(machine, fire(machine, once, BACKOFF)[0], result('client_error', { status: 400 }));
    expect(again.value).toBe('failed');
    expect(again.context.failureReason).toBe('client_error');
  });

  test('a lost worker is a retry; a manual retry grants exactly one more attempt', () => {
    let [s] = initialTransition(machine, { schedule: [0] });
    [s] = fire(machine, s, QUEUED);
    const [timedOut] = fire(machine, s, TIMEOUT);
    expect(timedOut.value).toBe('failed');
    const [requeued] = transition(machine, timedOut, { type: 'RETRY' });
    expect(requeued.value).toBe('queued');
    const [sending, actions] = fire(machine, requeued, QUEUED);
    expect(actions.find((a) => a.type === 'deliver')?.params).toEqual({ attempt: 2 });
    expect(transition(machine, sending, result('retryable'))[0].value).toBe('failed');
  });
});
