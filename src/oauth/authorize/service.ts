// The authorization code flow: the request's checks, the login and consent steps, and the
// code's redemption, all through the authorizationSession machine (one row per request). The
// refresh tokens it issues are rotated by src/oauth/grants/refresh-token.ts.
import type { Db, Queryable } from '../../db/index.ts';
import type { ActorSystem, MachineDefinition } from '../../actors/runtime.ts';
import {
  authorizationSessionMachine,
  type AuthorizationSessionContext,
} from '../../../machines/authorizationSession.ts';
import { constantTimeEqual, sha256Base64Url, sha256Hex } from '../../crypto/hash.ts';
import { newId, randomToken } from '../../ids.ts';
import type { AppRow, AppService } from '../../identity/apps/service.ts';
import type { TenantService } from '../../identity/tenants/service.ts';
import type { SignInLimits } from '../../identity/sign-in-limits.ts';
import type { TokenService } from '../tokens/service.ts';
import { oauthErrors } from '../errors.ts';
import { issueUserTokens, type IssueContext } from '../grants/issue.ts';
import type { TokenResponse } from '../grants/token-response.ts';
import { authorizeStore } from './store.ts';
import { RateLimiter } from '../../rate-limit.ts';
import {
  AuthorizePageError,
  AuthorizeRedirectError,
  checkClient,
  checkRedirectUri,
  checkRequest,
  type AuthorizeQuery,
} from './checks.ts';
import { governanceOf } from '../../identity/apps/service.ts';
import type { PushedRequests } from '../par/service.ts';
import type { Config } from '../../config.ts';

const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

export type AuthorizeStep =
  | {
      kind: 'login';
      sessionId: string;
      csrf: string;
      appName: string;
      clientOrigin: string;
      error?: string;
      email?: string;
      retryAfter?: number;
    }
  | { kind: 'consent'; sessionId: string; csrf: string; appName: string; clientOrigin: string; scopes: string[] }
  | { kind: 'redirect'; location: string }
  | { kind: 'error'; message: string; retryAfter?: number };

export class AuthorizationService {
  readonly definition: MachineDefinition<typeof authorizationSessionMachine>;
  private readonly starts: RateLimiter;
  /** What issuing the grant's tokens at a code's redemption uses. */
  private readonly issuing: IssueContext;

  constructor(
    private readonly db: Db,
    private readonly actors: ActorSystem,
    private readonly apps: AppService,
    private readonly tenants: TenantService,
    private readonly tokens: TokenService,
    private readonly pushed: PushedRequests,
    private readonly signIns: SignInLimits,
    private readonly config: { issuer: string } & Pick<
      Config,
      'accessTokenTtlSeconds' | 'refreshTokenTtlSeconds' | 'authorizeRequestsPerMinute'
    >,
  ) {
    this.starts = new RateLimiter(config.authorizeRequestsPerMinute, 60_000);
    this.issuing = {
      tokens,
      clock: actors.clock,
      accessTokenTtlSeconds: config.accessTokenTtlSeconds,
      refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
    };
    this.definition = actors.define({
      name: 'authorizationSession',
      machine: authorizationSessionMachine,
      table: 'authorization_sessions',
      columns: { app_id: 'text', csrf_hash: 'text' },
      effects: {
        revokeIssuedTokens: (_e, on) => this.db.transaction((tx) => this.revokeSession(tx, on.instanceId)),
      },
    });
  }

  /** Revokes a session's tokens in `tx`, announced in it: every process forgets them when it commits. */
  private async revokeSession(tx: Queryable, sessionId: string): Promise<void> {
    await this.tokens.revoked(tx, await authorizeStore.revokeSession(tx, sessionId));
  }

  private redirect(redirectUri: string, params: Record<string, string | null>): AuthorizeStep {
    const url = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
    url.searchParams.set('iss', this.config.issuer); // RFC 9207
    return { kind: 'redirect', location: url.toString() };
  }

  /** GET /v1/oauth/authorize: checks the request and opens a session awaiting login. */
  async start(query: AuthorizeQuery, address: string): Promise<AuthorizeStep> {
    // Each request stores a session: AUTHORIZE_REQUESTS_PER_MINUTE per address (60 is plenty for people).
    const wait = this.starts.hit(address);
    if (wait > 0)
      return {
        kind: 'error',
        message: `Too many authorization requests from your address. Try again in ${wait} seconds.`,
        retryAfter: wait,
      };
    let q = query;
    let app: AppRow;
    let redirectUri: string;
    try {
      app = checkClient(q.client_id ? await this.apps.byClientId(q.client_id) : null, q.client_id);
      if (q.request_uri !== undefined) {
        // RFC 9126 §4: the pushed parameters are the request; any others sent along are not.
        const pushed = await this.pushed.take(app.id, q.request_uri);
        if (!pushed)
          throw new AuthorizePageError(
            'The request_uri is unknown, expired or already used. Start again from the application.',
          );
        q = pushed;
      }
      redirectUri = checkRedirectUri(app, q.redirect_uri);
    } catch (error) {
      if (error instanceof AuthorizePageError) return { kind: 'error', message: error.message };
      throw error;
    }
    try {
      if (query.request_uri === undefined && governanceOf(app).require_pushed_authorization_requests) {
        throw new AuthorizeRedirectError(
          'invalid_request',
          'this application must push its authorization requests to /v1/oauth/par (RFC 9126) and send request_uri',
        );
      }
      const { scopes, challenge, dpopJkt } = checkRequest(app, await this.tenants.tenant(app.tenant_id), q);
      const csrf = randomToken(32);
      const csrfHash = await sha256Hex(csrf);
      const id = newId('ses');
      await this.actors.transaction((unit) =>
        this.actors.create(unit, this.definition, {
          id,
          tenantId: app.tenant_id,
          input: {
            clientId: app.id,
            tenantId: app.tenant_id,
            redirectUri,
            redirectUriGiven: q.redirect_uri !== undefined,
            scope: scopes.join(' '),
            state: q.state ?? null,
            codeChallenge: challenge,
            dpopJkt,
          },
          columns: { app_id: app.id, csrf_hash: csrfHash },
        }),
      );
      return { kind: 'login', sessionId: id, csrf, appName: app.name, clientOrigin: new URL(redirectUri).origin };
    } catch (error) {
      if (error instanceof AuthorizeRedirectError)
        return this.redirect(redirectUri, {
          error: error.code,
          error_description: error.description,
          state: q.state ?? null,
        });
      throw error;
    }
  }

  /** The session, when the form's CSRF token and the browser's cookie both match it. */
  private async bound(sessionId: string | undefined, csrf: string | undefined, cookieSession: string | null) {
    if (!sessionId || !csrf || cookieSession !== sessionId) return null;
    const session = await authorizeStore.session(this.db, sessionId);
    if (!session || !constantTimeEqual(await sha256Hex(csrf), session.csrf_hash)) return null;
    return session;
  }

  async login(
    form: { session?: string; csrf?: string; email?: string; password?: string; decision?: string },
    cookieSession: string | null,
    address: string,
  ): Promise<AuthorizeStep> {
    const session = await this.bound(form.session, form.csrf, cookieSession);
    if (!session) return { kind: 'error', message: 'This sign-in form has expired or was not opened in this browser.' };
    const ctx = session.snapshot.context;
    if (session.state !== 'awaitingLogin')
      return { kind: 'error', message: 'This authorization request is no longer waiting for a sign-in.' };
    if (form.decision === 'deny') return this.deny(session.id, ctx);
    const app = await this.apps.byClientId(ctx.clientId);
    const clientOrigin = new URL(ctx.redirectUri).origin;
    const again = (error: string, retryAfter?: number): AuthorizeStep => ({
      kind: 'login',
      sessionId: session.id,
      csrf: form.csrf!,
      appName: app?.name ?? ctx.clientId,
      clientOrigin,
      email: form.email,
      error,
      retryAfter,
    });
    // Password guessing: limited per address and account, and per address (SignInLimits).
    const email = form.email ?? '';
    const wait = this.signIns.wait(address, ctx.tenantId, email);
    if (wait > 0) return again(`Too many failed sign-in attempts. Try again in ${wait} seconds.`, wait);
    const user =
      form.email && form.password ? await this.tenants.authenticate(ctx.tenantId, form.email, form.password) : null;
    if (!user || !app) {
      this.signIns.failed(address, ctx.tenantId, email);
      return again('The email or password is not right.');
    }
    await this.actors.transaction((unit) =>
      this.actors.send(unit, this.definition, [{ id: session.id, event: { type: 'LOGIN', userId: user.id } }]),
    );
    return {
      kind: 'consent',
      sessionId: session.id,
      csrf: form.csrf!,
      appName: app.name,
      clientOrigin,
      scopes: ctx.scope.split(' '),
    };
  }

  async consent(
    form: { session?: string; csrf?: string; decision?: string },
    cookieSession: string | null,
  ): Promise<AuthorizeStep> {
    const session = await this.bound(form.session, form.csrf, cookieSession);
    if (!session) return { kind: 'error', message: 'This consent form has expired or was not opened in this browser.' };
    const ctx = session.snapshot.context;
    if (session.state !== 'awaitingConsent')
      return {
        kind: 'error',
        message: 'This authorization request is no longer waiting for consent; start again from the application.',
      };
    if (form.decision !== 'approve') return this.deny(session.id, ctx);
    const code = randomToken(43);
    const result = await this.actors.transaction(async (unit) => {
      const sent = await this.actors.send(unit, this.definition, [
        { id: session.id, event: { type: 'APPROVE', at: new Date(this.actors.clock.now()).toISOString() } },
      ]);
      // Only the transition out of awaitingConsent issues a code: a form posted twice (or
      // raced) must not replace the code already sent to the client.
      const r = sent.get(session.id);
      if (r?.from !== 'awaitingConsent' || r.to !== 'codeIssued') return null;
      await authorizeStore.setCode(unit.tx, session.id, await sha256Hex(code));
      return sent;
    });
    if (!result)
      return { kind: 'error', message: 'This authorization request has expired; start again from the application.' };
    return this.redirect(ctx.redirectUri, { code, state: ctx.state });
  }

  private async deny(sessionId: string, ctx: AuthorizationSessionContext): Promise<AuthorizeStep> {
    await this.actors.transaction((unit) =>
      this.actors.send(unit, this.definition, [{ id: sessionId, event: { type: 'DENY' } }]),
    );
    return this.redirect(ctx.redirectUri, {
      error: 'access_denied',
      error_description: 'the user denied the request',
      state: ctx.state,
    });
  }

  /** grant_type=authorization_code, for an app allowed it (src/oauth/grants/). */
  async redeem(
    app: AppRow,
    body: { code?: string; redirect_uri?: string; code_verifier?: string },
    jkt: string | null,
  ): Promise<TokenResponse> {
    if (!body.code) throw oauthErrors.invalidRequest('code is required');
    if (body.code_verifier !== undefined && !VERIFIER.test(body.code_verifier))
      throw oauthErrors.invalidGrant('code_verifier must be 43 to 128 characters of [A-Za-z0-9._~-]');
    const found = await authorizeStore.sessionByCodeHash(this.db, await sha256Hex(body.code));
    if (!found) throw oauthErrors.invalidGrant('the authorization code is invalid');
    const pkceChallenge = body.code_verifier ? await sha256Base64Url(body.code_verifier) : null;
    // The transition commits even when the redemption fails: a replay must stay detected
    // (and its tokens revoked), a failed attempt must stay counted.
    const outcome = await this.actors.transaction(async (unit) => {
      const session = await authorizeStore.session(unit.tx, found.id);
      const ctx = session!.snapshot.context;
      const sent = await this.actors.send(unit, this.definition, [
        {
          id: found.id,
          // RFC 6749 §4.1.3: redirect_uri must be sent again when the request carried one.
          event: {
            type: 'REDEEM',
            clientId: app.id,
            redirectUri: body.redirect_uri ?? (ctx.redirectUriGiven === false ? ctx.redirectUri : null),
            pkceChallenge,
            at: new Date(this.actors.clock.now()).toISOString(),
            dpopJkt: jkt,
          },
        },
      ]);
      const r = sent.get(found.id);
      if (r?.to === 'replayDetected') {
        // Revoked in this transaction, not only by the effect after commit: a crash in between
        // must not leave the stolen tokens valid. (The effect repeats it; it is idempotent.)
        await this.revokeSession(unit.tx, found.id);
        return { replay: true };
      }
      if (r?.from !== 'codeIssued' || r.to !== 'redeemed') return { replay: false };
      return {
        tokens: await issueUserTokens(
          this.issuing,
          unit.tx,
          app,
          found.id,
          ctx.userId!,
          ctx.scope.split(' '),
          newId('rt'),
          jkt,
        ),
      };
    });
    if ('tokens' in outcome && outcome.tokens) return outcome.tokens;
    throw oauthErrors.invalidGrant(
      'replay' in outcome && outcome.replay
        ? 'the authorization code was already used; the tokens it produced are revoked'
        : 'the authorization code is invalid, expired, or was issued to another client or redirect URI',
    );
  }

  /** Recent sessions of a tenant, for the studio: states only, never codes or tokens. */
  async recent(tenantId: string) {
    return (await authorizeStore.recentSessions(this.db, tenantId, 50)).map((s) => ({
      id: s.id,
      client_id: s.app_id,
      state: s.state,
      created_at: s.created_at.toISOString(),
      updated_at: s.updated_at.toISOString(),
    }));
  }
}
