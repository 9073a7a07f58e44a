// The security profile end to end, as an integrator's server does it with openid-client
// unmodified and a person in Chromium: the client authenticates with private_key_jwt, pushes
// its authorization request with a DPoP proof (the server wants nonces: the first proof is
// answered use_dpop_nonce and the client retries), the browser carries only the request_uri,
// the person signs in and consents, the callback carries iss, and the code is redeemed for
// DPoP-bound tokens used on a protected route and refreshed.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import * as client from 'openid-client';
import { calculateJwkThumbprint, decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { callbackReceiver, launchBrowser, screenshotPath, submit, haveBrowser } from '../support/browser.ts';

let service: TestService;
let browser: Browser;
let acme: Awaited<ReturnType<typeof newTenant>>;
let email = '';
const password = 'correct horse battery staple';
const { callbacks, redirectUri, stop: stopCallbacks } = callbackReceiver();

beforeAll(async () => {
  if (!haveBrowser) return;
  service = await startTestService({ workers: false, env: { DPOP_REQUIRE_NONCE: 'true' } });
  acme = await newTenant(service);
  email = (await service.db.query<{ email: string }>('select email from users where id = $1', [acme.adminUserId]))[0]!
    .email;
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await service?.stop();
  stopCallbacks();
});

async function admin(method: string, path: string, body: unknown) {
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${acme.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
}

describe.skipIf(!haveBrowser)('PAR + DPoP + private_key_jwt with openid-client and a browser', () => {
  test("pushed, signed in, consented, redeemed, used and refreshed, every token bound to the client's DPoP key", async () => {
    const signing = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(signing.publicKey)), kid: 'integrator-1', alg: 'ES256', use: 'sig' };
    const app = await admin('POST', '/v1/platform/apps', {
      name: 'Case sync server',
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: [redirectUri],
      requested_scopes: ['webhooks:read'],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [jwk] },
    });
    const clientId = app.client_id as string;
    await admin('PATCH', `/v1/platform/apps/${clientId}/governance`, {
      require_pushed_authorization_requests: true,
      require_dpop: true,
    });

    const config = await client.discovery(
      new URL(service.url),
      clientId,
      { token_endpoint_auth_method: 'private_key_jwt' },
      client.PrivateKeyJwt({ key: signing.privateKey, kid: 'integrator-1' }),
      { execute: [client.allowInsecureRequests], algorithm: 'oauth2' },
    );
    const dpopKeys = await client.randomDPoPKeyPair('ES256');
    const DPoP = client.getDPoPHandle(config, dpopKeys);
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const authorizeUrl = await client.buildAuthorizationUrlWithPAR(
      config,
      {
        redirect_uri: redirectUri,
        scope: 'webhooks:read',
        state,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      },
      { DPoP },
    );
    expect([...authorizeUrl.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
    // That took a retry: a proof without a nonce is answered use_dpop_nonce here.
    const proof = await new SignJWT({
      jti: crypto.randomUUID(),
      iat: Math.floor(Date.now() / 1000),
      htm: 'POST',
      htu: `${service.url}/v1/oauth/par`,
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: await exportJWK(dpopKeys.publicKey) })
      .sign(dpopKeys.privateKey);
    const bare = await fetch(`${service.url}/v1/oauth/par`, {
      method: 'POST',
      headers: { dpop: proof, 'content-type': 'application/x-www-form-urlencoded' },
      body: `client_id=${clientId}`,
    });
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { error: string }).error).toBe('use_dpop_nonce');
    expect(bare.headers.get('dpop-nonce')).toBeTruthy();

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(authorizeUrl.toString());
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Sign in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await submit(page, 'Sign in');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Allow Case sync server');
    await page.screenshot({ path: screenshotPath('authorize-par-consent') });
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((u) => u.pathname === '/callback');
    await page.close();
    const landed = callbacks.at(-1)!;
    expect(landed.searchParams.get('iss')).toBe(service.url);

    // openid-client checks iss (advertised) and state, then redeems with the DPoP key.
    const tokens = await client.authorizationCodeGrant(
      config,
      landed,
      { pkceCodeVerifier: verifier, expectedState: state },
      undefined,
      { DPoP },
    );
    expect(tokens.token_type).toBe('dpop');
    const jkt = (decodeJwt(tokens.access_token).cnf as { jkt: string }).jkt;
    expect(jkt).toBe(await calculateJwkThumbprint(await exportJWK(dpopKeys.publicKey)));
    const res = await client.fetchProtectedResource(
      config,
      tokens.access_token,
      new URL(`${service.url}/v1/webhooks`),
      'GET',
      undefined,
      undefined,
      { DPoP },
    );
    expect(res.status).toBe(200);

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!, undefined, { DPoP });
    expect(refreshed.token_type).toBe('dpop');
    expect((decodeJwt(refreshed.access_token).cnf as { jkt: string }).jkt).toBe(jkt);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    // The refreshed token is bound too: sent as Bearer, without a proof, it is refused.
    const bearer = await fetch(`${service.url}/v1/webhooks`, {
      headers: { authorization: `Bearer ${refreshed.access_token}` },
    });
    expect(bearer.status).toBe(401);
  }, 60_000);
});
