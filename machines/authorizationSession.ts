// One OAuth authorization (code flow): the user logs in, consents, a code is issued; the
// client redeems it once. Redeeming it again is a replay: every token it produced is revoked.
import { FIXED } from '../src/defaults.ts';
import { assign, setup, type StateValueFrom } from 'xstate';

const CODE_LIFETIME_MS = FIXED.authorizationCodeSeconds * 1000;

export interface AuthorizationSessionInput {
  clientId: string;
  tenantId: string;
  redirectUri: string;
  /** Whether the request named redirect_uri (then the redemption must name it again). */
  redirectUriGiven?: boolean;
  scope: string;
  state: string | null;
  /** The S256 code challenge, or null when the client sent none (confidential clients only). */
  codeChallenge: string | null;
  /** RFC 9449 §10: the code may only be redeemed with a DPoP proof of this key (its thumbprint). */
  dpopJkt?: string | null;
  interactionTimeoutMs?: number;
  codeLifetimeMs?: number;
}

export interface AuthorizationSessionContext {
  clientId: string;
  tenantId: string;
  redirectUri: string;
  redirectUriGiven: boolean;
  scope: string;
  state: string | null;
  codeChallenge: string | null;
  dpopJkt: string | null;
  userId: string | null;
  interactionTimeoutMs: number;
  codeLifetimeMs: number;
  failedRedemptions: number;
  /** When the code stops being redeemable (ISO 8601), fixed when it is issued. */
  codeExpiresAt: string | null;
}

export type AuthorizationSessionEvent =
  | { type: 'LOGIN'; userId: string }
  | { type: 'APPROVE'; at: string }
  | { type: 'DENY' }
  | {
      type: 'REDEEM';
      clientId: string;
      redirectUri: string | null;
      pkceChallenge: string | null;
      at: string;
      dpopJkt?: string | null;
    };

type Redeem = Extract<AuthorizationSessionEvent, { type: 'REDEEM' }>;

export const authorizationSessionMachine = setup({
  types: {
    input: {} as AuthorizationSessionInput,
    context: {} as AuthorizationSessionContext,
    events: {} as AuthorizationSessionEvent,
  },
  guards: {
    // Same client, same redirect URI, the verifier's S256 equals the challenge (or neither),
    // and a code bound to a DPoP key is redeemed with a proof of that key.
    validRedemption: ({ context, event }) => {
      const e = event as Redeem;
      const inTime = context.codeExpiresAt !== null && e.at < context.codeExpiresAt;
      const keyed = (context.dpopJkt ?? null) === null || context.dpopJkt === e.dpopJkt;
      return (
        inTime &&
        keyed &&
        e.clientId === context.clientId &&
        e.redirectUri === context.redirectUri &&
        e.pkceChallenge === context.codeChallenge
      );
    },
    tooManyFailures: ({ context }) => context.failedRedemptions + 1 >= 3,
  },
  delays: {
    interactionTimeout: ({ context }) => context.interactionTimeoutMs,
    codeLifetime: ({ context }) => context.codeLifetimeMs,
  },
  actions: {
    revokeIssuedTokens: () => {},
    rememberUser: assign({
      userId: ({ event }) => (event as Extract<AuthorizationSessionEvent, { type: 'LOGIN' }>).userId,
    }),
    countFailure: assign({ failedRedemptions: ({ context }) => context.failedRedemptions + 1 }),
    fixCodeExpiry: assign({
      codeExpiresAt: ({ context, event }) =>
        new Date(
          Date.parse((event as Extract<AuthorizationSessionEvent, { type: 'APPROVE' }>).at) + context.codeLifetimeMs,
        ).toISOString(),
    }),
  },
}).createMachine({
  id: 'authorizationSession',
  context: ({ input }) => ({
    clientId: input.clientId,
    tenantId: input.tenantId,
    redirectUri: input.redirectUri,
    redirectUriGiven: input.redirectUriGiven ?? true,
    scope: input.scope,
    state: input.state,
    codeChallenge: input.codeChallenge,
    dpopJkt: input.dpopJkt ?? null,
    userId: null,
    interactionTimeoutMs: input.interactionTimeoutMs ?? FIXED.authorizationInteractionSeconds * 1000,
    // A code lives at most 60 s, whatever is asked.
    codeLifetimeMs: Math.min(input.codeLifetimeMs ?? CODE_LIFETIME_MS, CODE_LIFETIME_MS),
    failedRedemptions: 0,
    codeExpiresAt: null,
  }),
  initial: 'awaitingLogin',
  states: {
    awaitingLogin: {
      on: { LOGIN: { target: 'awaitingConsent', actions: 'rememberUser' }, DENY: 'denied' },
      after: { interactionTimeout: 'expired' },
    },
    awaitingConsent: {
      on: { APPROVE: { target: 'codeIssued', actions: 'fixCodeExpiry' }, DENY: 'denied' },
      after: { interactionTimeout: 'expired' },
    },
    codeIssued: {
      on: {
        REDEEM: [
          { guard: 'validRedemption', target: 'redeemed' },
          { guard: 'tooManyFailures', target: 'expired', actions: 'countFailure' },
          { actions: 'countFailure' },
        ],
      },
      after: { codeLifetime: 'expired' },
    },
    redeemed: {
      on: { REDEEM: { target: 'replayDetected', actions: 'revokeIssuedTokens' } },
    },
    denied: { type: 'final' },
    expired: { type: 'final' },
    replayDetected: { type: 'final' },
  },
});

export type AuthorizationSessionState = StateValueFrom<typeof authorizationSessionMachine>;
