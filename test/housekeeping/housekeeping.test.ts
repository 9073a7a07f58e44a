// Housekeeping removes what no rule needs any more (expired revocations, issued and refresh
// tokens, old authorization sessions with their journal), and nothing still in use.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { ManualClock } from '../../src/actors/clock.ts';
import { Housekeeping } from '../../src/housekeeping/service.ts';
import { silentLogger } from '../../src/log.ts';
import { sha256Base64Url } from '../../src/crypto/hash.ts';
import { randomToken } from '../../src/ids.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { completeAuthorize, startAuthorize } from '../oauth/support.ts';

let service: TestService;
let clock: ManualClock;
beforeAll(async () => {
  clock = new ManualClock(Date.now());
  service = await startTestService({ clock, workers: false });
}, 30_000);
afterAll(async () => {
  await service.stop();
});

const REDIRECT = 'http://127.0.0.1:8765/callback';

describe('housekeeping', () => {
  test('keeps what is in use, removes what expired, and old sessions with their journal', async () => {
    const t = await newTenant(service);
    const { email } = (
      await service.db.query<{ email: string }>('select email from users where id = $1', [t.adminUserId])
    )[0]!;
    const created = await fetch(`${service.url}/v1/platform/apps`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Sweep',
        client_type: 'public',
        grant_types: ['authorization_code', 'refresh_token'],
        redirect_uris: [REDIRECT],
        requested_scopes: ['incidents:read'],
      }),
    });
    const clientId = ((await created.json()) as { client_id: string }).client_id;
    const verifier = randomToken(64);
    const params = {
      client_id: clientId,
      redirect_uri: REDIRECT,
      scope: 'incidents:read',
      code_challenge: await sha256Base64Url(verifier),
      code_challenge_method: 'S256',
    };
    const cb = await completeAuthorize(service, params, { email, password: 'correct horse battery staple' });
    const tokenRes = await fetch(`${service.url}/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: clientId,
        code: cb.searchParams.get('code')!,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      }),
    });
    const tokens = (await tokenRes.json()) as { access_token: string; refresh_token: string };
    await service.tokens.revoke(await service.tokens.verify(tokens.access_token));
    await startAuthorize(service, params); // a session left awaiting login
    const count = async () => {
      const [r] = await service.db.query<{
        sessions: number;
        issued: number;
        refresh: number;
        revoked: number;
        journal: number;
      }>(
        `select (select count(*)::int from authorization_sessions where app_id = $1) as sessions,
                (select count(*)::int from issued_tokens i join authorization_sessions s on s.id = i.session_id where s.app_id = $1) as issued,
                (select count(*)::int from refresh_tokens where app_id = $1) as refresh,
                (select count(*)::int from revoked_tokens where tenant_id = $2) as revoked,
                (select count(*)::int from machine_journal where machine = 'authorizationSession' and instance_id in (select id from authorization_sessions where app_id = $1)) as journal`,
        [clientId, t.tenantId],
      );
      return r!;
    };
    const before = await count();
    expect(before).toMatchObject({ sessions: 2, issued: 1, refresh: 1, revoked: 1 });
    expect(before.journal).toBeGreaterThan(0);
    const sweeper = new Housekeeping(service.db, clock, silentLogger, 3650);
    await sweeper.sweep();
    expect(await count()).toEqual(before); // nothing of it has expired yet

    clock.advance(32 * 86_400_000); // the access token (1 h) and the refresh family (30 d) are over, with a day of slack
    await sweeper.sweep();
    const after = await count();
    expect(after).toMatchObject({ sessions: 0, issued: 0, refresh: 0, revoked: 0, journal: 0 });
    const { journal } = (
      await service.db.query<{ journal: number }>(
        `select count(*)::int as journal from machine_journal where machine = 'authorizationSession' and tenant_id = $1`,
        [t.tenantId],
      )
    )[0]!;
    expect(journal).toBe(0);
  }, 30_000);
});
