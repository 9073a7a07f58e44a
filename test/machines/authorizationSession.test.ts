import { describe, expect, test } from 'bun:test';
import { initialTransition, transition } from 'xstate';
import { authorizationSessionMachine as machine } from '../../machines/authorizationSession.ts';
import { atomicStates, explore, fire, replay } from '../support/machine-paths.ts';

const input = {
  clientId: 'app_a',
  tenantId: 'ten_a',
  redirectUri: 'https://a.example/cb',
  scope: 'cases:read',
  state: 's',
  codeChallenge: 'c'.repeat(43),
  codeLifetimeMs: 600_000,
};
const at = '2026-01-01T00:00:00.000Z';
const good = {
  type: 'REDEEM' as const,
  clientId: 'app_a',
  redirectUri: 'https://a.example/cb',
  pkceChallenge: 'c'.repeat(43),
  at: '2026-01-01T00:00:30.000Z',
};

describe('authorizationSession machine', () => {
  test('every state is reached by some path, and every path replays', () => {
    const events = [
      { type: 'LOGIN', userId: 'usr_1' },
      { type: 'APPROVE', at },
      { type: 'DENY' },
      good,
      { ...good, clientId: 'app_b' },
      { type: 'xstate.after.interactionTimeout.authorizationSession.awaitingLogin' },
      { type: 'xstate.after.interactionTimeout.authorizationSession.awaitingConsent' },
      { type: 'xstate.after.codeLifetime.authorizationSession.codeIssued' },
    ];
    const { reached, paths } = explore(machine, events, input);
    expect([...reached].sort()).toEqual(atomicStates(machine).sort());
    for (const p of paths) expect(replay(machine, p.events, input)).toEqual(p.end);
  });

  const issued = () => {
    let [s] = initialTransition(machine, input);
    [s] = transition(machine, s, { type: 'LOGIN', userId: 'usr_1' });
    [s] = transition(machine, s, { type: 'APPROVE', at });
    return s;
  };

  test('a code lives at most 60 s whatever is asked, and is checked against the redemption time', () => {
    const s = issued();
    expect(s.context.codeLifetimeMs).toBe(60_000);
    expect(s.context.codeExpiresAt).toBe('2026-01-01T00:01:00.000Z');
    expect(transition(machine, s, { ...good, at: '2026-01-01T00:01:00.000Z' })[0].value).toBe('codeIssued');
    expect(transition(machine, s, good)[0].value).toBe('redeemed');
    expect(fire(machine, s, { type: 'xstate.after.codeLifetime.authorizationSession.codeIssued' })[0].value).toBe(
      'expired',
    );
  });

  test('a second redemption is a replay that revokes the tokens; three bad attempts expire the code', () => {
    const [redeemed] = transition(machine, issued(), good);
    const [replayed, actions] = transition(machine, redeemed, good);
    expect(replayed.value).toBe('replayDetected');
    expect(actions.map((a) => a.type)).toContain('revokeIssuedTokens');
    let s = issued();
    for (const bad of [
      { ...good, clientId: 'app_b' },
      { ...good, redirectUri: 'https://a.example/cb2' },
    ]) {
      [s] = transition(machine, s, bad);
      expect(s.value).toBe('codeIssued');
    }
    [s] = transition(machine, s, { ...good, pkceChallenge: null });
    expect(s.value).toBe('expired');
  });
});
