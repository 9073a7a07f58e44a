// Password guessing is limited per address and account and per address over all accounts,
// from the configuration, in the studio and on the authorization page alike; only failures
// count.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { SignInLimits } from '../../src/identity/sign-in-limits.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

describe('SignInLimits', () => {
  test('per account, per address across accounts, and free again after the minute', () => {
    let now = 1_000_000;
    const limits = new SignInLimits({ signInFailuresPerMinute: 2, addressAuthFailuresPerMinute: 3 }, () => now);
    limits.failed('10.0.0.1', 'acme', 'a@x.example');
    expect(limits.wait('10.0.0.1', 'acme', 'a@x.example')).toBe(0);
    limits.failed('10.0.0.1', 'acme', 'A@X.example '); // the same account, however it is typed
    expect(limits.wait('10.0.0.1', 'acme', 'a@x.example')).toBe(60);
    expect(limits.wait('10.0.0.1', 'acme', 'b@x.example')).toBe(0); // another account: not yet
    expect(limits.wait('10.0.0.2', 'acme', 'a@x.example')).toBe(0); // another address
    limits.failed('10.0.0.1', 'other', 'c@x.example');
    expect(limits.wait('10.0.0.1', 'acme', 'b@x.example')).toBe(60); // the address: 3 failures
    expect(limits.wait('10.0.0.1', 'other', 'd@x.example')).toBe(60);
    now += 60_000;
    expect(limits.wait('10.0.0.1', 'acme', 'a@x.example')).toBe(0);
  });
});

describe('sign-in limits through the service', () => {
  let service: TestService;
  let tenant: Awaited<ReturnType<typeof newTenant>>;
  let email = '';
  beforeAll(async () => {
    service = await startTestService({
      workers: false,
      env: { SIGN_IN_FAILURES_PER_MINUTE: '3', ADDRESS_AUTH_FAILURES_PER_MINUTE: '5' },
    });
    tenant = await newTenant(service);
    email = (
      await service.db.query<{ email: string }>('select email from users where id = $1', [tenant.adminUserId])
    )[0]!.email;
  }, 30_000);
  afterAll(() => service.stop());

  const studioSignIn = (as: string, password: string, tenantName = tenant.name) =>
    fetch(`${service.url}/v1/studio/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: tenantName, email: as, password }),
    });

  test('successes do not count; one account is held back after SIGN_IN_FAILURES_PER_MINUTE, the address after ADDRESS_AUTH_FAILURES_PER_MINUTE over many emails', async () => {
    for (let i = 0; i < 6; i++) expect((await studioSignIn(email, 'correct horse battery staple')).status).toBe(200);

    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await studioSignIn(email, `guess ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);

    // Other emails, one guess each: two more failures reach the address's five.
    expect((await studioSignIn('someone@else.example', 'guess')).status).toBe(401);
    expect((await studioSignIn('third@else.example', 'guess')).status).toBe(401);
    const held = await studioSignIn('fourth@else.example', 'guess');
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await held.json()).toMatchObject({ error: 'rate_limited' });
    // The address is held back for every account, the right password included.
    expect((await studioSignIn(email, 'correct horse battery staple')).status).toBe(429);
  }, 60_000);
});
