// The authorization code flow in Chromium, as a person does it: the client sends the browser
// to /v1/oauth/authorize, the person signs in (once with a wrong password), reads what the app
// asks for, allows it, and lands on the client's callback with a code that the client then
// redeems with its PKCE verifier. Cancelling sends access_denied back. Pages are checked for
// labelled fields and an announced error.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { sha256Base64Url } from '../../src/crypto/hash.ts';
import { randomToken } from '../../src/ids.ts';
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
  service = await startTestService({ workers: false });
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

async function publicApp() {
  const res = await fetch(`${service.url}/v1/platform/apps`, {
    method: 'POST',
    headers: { authorization: `Bearer ${acme.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Case sync desktop',
      client_type: 'public',
      grant_types: ['authorization_code'],
      redirect_uris: [redirectUri],
      requested_scopes: ['cases:read', 'webhooks:read'],
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { client_id: string }).client_id;
}

async function authorizeUrl(clientId: string, challenge: string, state: string) {
  const url = new URL(`${service.url}/v1/oauth/authorize`);
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'cases:read webhooks:read',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }))
    url.searchParams.set(k, v);
  return url.toString();
}

describe.skipIf(!haveBrowser)('authorization code flow in a browser', () => {
  test('sign in, consent, and the client redeems the code with its verifier', async () => {
    const clientId = await publicApp();
    const verifier = randomToken(64);
    const state = randomToken(16);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(await authorizeUrl(clientId, await sha256Base64Url(verifier), state));
    expect(await page.title()).toContain('Sign in');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Sign in');

    // A wrong password: the page says so in an alert, keeps the email, marks the field.
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await submit(page, 'Sign in');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not right');
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: screenshotPath('authorize-login-error') });

    await page.getByLabel('Password').fill(password);
    await submit(page, 'Sign in');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Allow Case sync desktop');
    const asked = await page.locator('#scopes li code').allTextContents();
    expect(asked.sort()).toEqual(['cases:read', 'webhooks:read']);
    await page.screenshot({ path: screenshotPath('authorize-consent') });

    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL((u) => u.pathname === '/callback');
    const landed = callbacks.at(-1)!;
    expect(landed.searchParams.get('state')).toBe(state);
    expect(landed.searchParams.get('iss')).toBe(service.url);
    const code = landed.searchParams.get('code');
    expect(code).toBeTruthy();
    await page.close();

    const token = await fetch(`${service.url}/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: clientId,
        code: code!,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
    });
    const body = (await token.json()) as Record<string, unknown>;
    expect(token.status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'cases:read webhooks:read' });
    const claims = JSON.parse(atob((body.access_token as string).split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    expect(claims).toMatchObject({ sub: acme.adminUserId, client_id: clientId, tenant_id: acme.tenantId });
  }, 60_000);

  test('cancelling at sign-in sends access_denied back with the state', async () => {
    const clientId = await publicApp();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(await authorizeUrl(clientId, await sha256Base64Url(randomToken(64)), 'st-cancel'));
    // The whole form is reachable from the keyboard: Email, Password, Sign in, Cancel.
    await page.getByLabel('Email').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/callback');
    const landed = callbacks.at(-1)!;
    expect(landed.searchParams.get('error')).toBe('access_denied');
    expect(landed.searchParams.get('state')).toBe('st-cancel');
    expect(landed.searchParams.get('code')).toBeNull();
    await page.close();
  }, 60_000);

  test('a redirect URI that is not registered is shown on the page, never followed', async () => {
    const clientId = await publicApp();
    const page = await browser.newPage();
    const url = new URL(await authorizeUrl(clientId, await sha256Base64Url(randomToken(64)), 's'));
    url.searchParams.set('redirect_uri', `${redirectUri}/../evil`);
    const before = callbacks.length;
    const res = await page.goto(url.toString());
    expect(res?.status()).toBe(400);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('redirect_uri is not registered');
    expect(callbacks.length).toBe(before);
    await page.screenshot({ path: screenshotPath('authorize-bad-redirect') });
    await page.close();
  }, 60_000);
});
