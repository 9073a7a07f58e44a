import { describe, expect, test } from 'bun:test';
import { initialTransition, transition } from 'xstate';
import { deliveryMachine as machine, type DeliveryOutcome } from '../../machines/delivery.ts';
import { atomicStates, explore, fire, replay } from '../support/machine-paths.ts';

const at = '2026-01-01T00:00:00.000Z';
const QUEUED = { type: 'xstate.after.immediately.delivery.queued' };
const BACKOFF = { type: 'xstate.after.backoff.delivery.backoff' };
const TIMEOUT = { type: 'xstate.after.sendTimeout.delivery.sending' };
const HELD_EXPIRY = { type: 'xstate.after.holdExpiry.delivery.held' };
const HOLD = { type: 'HOLD' as const, expiresInMs: 86_400_000 };
const SKIP = { type: 'SKIP' as const, reason: 'not sent: the webhook is disabled' };
const result = (outcome: DeliveryOutcome, extra: Record<string, unknown> = {}) => ({
  type: 'RESULT' as const,
  outcome,
  status: 500,
  jitter: 0.5,
  at,
  ...extra,
});

describe('delivery machine', () => {
  test('every state is reached by some path, and every path replays', () => {
    const events = [
      QUEUED,
      BACKOFF,
      TIMEOUT,
      HELD_EXPIRY,
      result('success'),
      result('retryable'),
      result('gone'),
      result('client_error'),
      { type: 'RETRY' },
      { type: 'CANCEL' },
      HOLD,
      { type: 'RELEASE' },
      SKIP,
    ];
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
      // Backoff's timer makes it queued again: it waits there for a slot at its endpoint.
      const [q] = fire(machine, b, BACKOFF);
      expect(q.value).toBe('queued');
      [s] = fire(machine, q, QUEUED);
    }
    expect(delays).toEqual(
      [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000].map((d) => d * 0.8),
    );
    const [last, actions] = transition(machine, s, result('retryable'));
    expect(last.value).toBe('failed');
    expect(last.context).toMatchObject({ attempt: 8, failureReason: 'exhausted' });
    expect(actions.map((a) => a.type)).toContain('announceExhausted');

    let [r] = initialTransition(machine, {});
    [r] = fire(machine, r, QUEUED);
    const [late] = transition(machine, r, result('retryable', { jitter: 1, retryAfterMs: 60_000 }));
    expect(late.context).toMatchObject({ nextDelayMs: 60_000, nextDelayReason: 'retry_after' });
    const [short] = transition(machine, r, result('retryable', { jitter: 1, retryAfterMs: 1_000 }));
    expect(short.context).toMatchObject({ nextDelayMs: 6_000, nextDelayReason: 'schedule' });
    // Asked for years, or past what an integer column holds: the schedule's longest delay (10 h).
    for (const retryAfterMs of [99_999_999_000, Number.MAX_SAFE_INTEGER]) {
      const [far] = transition(machine, r, result('retryable', { jitter: 1, retryAfterMs }));
      expect(far.context).toMatchObject({ nextDelayMs: 36_000_000, nextDelayReason: 'retry_after' });
    }
    const [negative] = transition(machine, r, result('retryable', { jitter: 1, retryAfterMs: -5_000 }));
    expect(negative.context).toMatchObject({ nextDelayMs: 6_000, nextDelayReason: 'schedule' });
    const [lost] = fire(machine, r, TIMEOUT);
    expect(lost.context).toMatchObject({ nextDelayMs: 5_000, nextDelayReason: 'lease_expired' });
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
    const [again] = transition(
      machine,
      fire(machine, fire(machine, once, BACKOFF)[0], QUEUED)[0],
      result('client_error', { status: 400 }),
    );
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

  test('a paused webhook holds a delivery until it is released, or until the hold expires', () => {
    const [s] = initialTransition(machine, {});
    const [held, heldActions] = transition(machine, s, HOLD);
    expect(held.value).toBe('held');
    expect(heldActions.map((a) => a.type)).not.toContain('deliver');
    expect(heldActions).toContainEqual(
      expect.objectContaining({ type: 'xstate.raise', params: expect.objectContaining({ delay: 86_400_000 }) }),
    );
    const [released] = transition(machine, held, { type: 'RELEASE' });
    expect(released.value).toBe('queued');
    expect(released.context.nextDelayMs).toBeNull();
    const [expired, expiredActions] = fire(machine, held, HELD_EXPIRY);
    expect(expired.value).toBe('failed');
    expect(expired.context.failureReason).toBe('held_expired');
    expect(expiredActions.map((a) => a.type)).toContain('announceHeldExpired');
    // A retry in backoff is held too, and keeps its attempt count.
    let [r] = fire(machine, s, QUEUED);
    [r] = transition(machine, r, result('retryable'));
    const [heldRetry] = transition(machine, r, HOLD);
    expect(heldRetry.value).toBe('held');
    expect(heldRetry.context.attempt).toBe(1);
  });

  test('a disabled webhook skips a delivery; a recovery sends it with the attempts it had left', () => {
    const [s] = initialTransition(machine, { schedule: [0, 1000, 2000] });
    const [skipped] = transition(machine, s, SKIP);
    expect(skipped.value).toBe('skipped');
    expect(skipped.context.lastError).toBe(SKIP.reason);
    const [queued] = transition(machine, skipped, { type: 'RETRY' });
    expect(queued.value).toBe('queued');
    expect(queued.context).toMatchObject({ maxAttempts: 3, attempt: 0, lastError: null });
    expect(transition(machine, skipped, { type: 'RELEASE' })[0].value).toBe('skipped');
  });
});
