// The authorization code flow in Chromium against the server serving HTTPS itself, on Bun and
// on Deno, with a certificate made by the test. Chromium trusts exactly that certificate's key
// (--ignore-certificate-errors-spki-list), nothing else: the page is HTTPS, sends HSTS, its
// session cookie is Secure, and the issuer the client gets back is the https PUBLIC_URL.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createHash, X509Certificate } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { sha256Base64Url } from '../../src/crypto/hash.ts';
import { randomToken } from '../../src/ids.ts';
import { makeTestPki } from '../support/certs.ts';
import { callbackReceiver, launchBrowser, screenshotPath, submit, haveBrowser } from '../support/browser.ts';
import { bootstrapTenant, RUNTIMES, spawnServe, type Spawned } from '../support/spawned.ts';

const pki = makeTestPki();
const leaf = pki.leaf('server');
const spki = createHash('sha256')
  .update(new X509Certificate(leaf.cert).publicKey.export({ type: 'spki', format: 'der' }))
  .digest('base64');
const password = 'correct horse battery staple';
const { callbacks, redirectUri, stop: stopCallbacks } = callbackReceiver();
let browser: Browser;

beforeAll(async () => {
  if (!haveBrowser) return;
  browser = await launchBrowser([`--ignore-certificate-errors-spki-list=${spki}`]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  stopCallbacks();
});

for (const runtime of RUNTIMES) {
  describe.skipIf(!haveBrowser)(`authorization code flow in a browser, over HTTPS served on ${runtime}`, () => {
    let server: Spawned;
    let admin: Awaited<ReturnType<typeof bootstrapTenant>>;
    beforeAll(async () => {
      server = await spawnServe(
        runtime,
        { TLS_CERT_FILE: leaf.certFile, TLS_KEY_FILE: leaf.keyFile, RUN_WORKERS: 'false' },
        { ca: pki.ca },
      );
      admin = await bootstrapTenant(server, { password });
    }, 90_000);
    afterAll(async () => {
      await server?.stop();
    });

    test('sign in, consent, and the client redeems the code', async () => {
      const app = await fetch(`${server.url}/v1/platform/apps`, {
        method: 'POST',
        tls: { ca: pki.ca },
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Case sync desktop',
          client_type: 'public',
          grant_types: ['authorization_code'],
          redirect_uris: [redirectUri],
          requested_scopes: ['cases:read'],
        }),
      });
      expect(app.status).toBe(201);
      const clientId = ((await app.json()) as { client_id: string }).client_id;
      const verifier = randomToken(64);
      const authorize = new URL(`${server.url}/v1/oauth/authorize`);
      for (const [k, v] of Object.entries({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: redirectUri,
        scope: 'cases:read',
        state: `st-${runtime}`,
        code_challenge: await sha256Base64Url(verifier),
        code_challenge_method: 'S256',
      }))
        authorize.searchParams.set(k, v);

      const context = await browser.newContext();
      const page = await context.newPage();
      const first = await page.goto(authorize.toString());
      expect(first?.url()).toStartWith('https://');
      expect(first?.headers()['strict-transport-security']).toBe('max-age=31536000');
      const cert = await first?.securityDetails();
      expect(cert?.subjectName).toBe('localhost');
      expect(await page.title()).toContain('Sign in');
      const cookies = await context.cookies(authorize.toString());
      expect(cookies.find((c) => c.name === 'argus_authorize')).toMatchObject({ secure: true, httpOnly: true });

      await page.getByLabel('Email').fill(admin.email);
      await page.getByLabel('Password').fill(password);
      await submit(page, 'Sign in');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Allow Case sync desktop');
      await page.screenshot({ path: screenshotPath(`authorize-https-consent-${runtime}`) });
      await page.getByRole('button', { name: 'Allow' }).click();
      await page.waitForURL((u) => u.pathname === '/callback');
      const landed = callbacks.at(-1)!;
      expect(landed.searchParams.get('state')).toBe(`st-${runtime}`);
      expect(landed.searchParams.get('iss')).toBe(server.url);
      await context.close();

      const token = await fetch(`${server.url}/v1/oauth/token`, {
        method: 'POST',
        tls: { ca: pki.ca },
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: clientId,
          code: landed.searchParams.get('code')!,
          redirect_uri: redirectUri,
          code_verifier: verifier,
        }),
      });
      expect(token.status).toBe(200);
      const claims = JSON.parse(
        atob(
          ((await token.json()) as { access_token: string }).access_token
            .split('.')[1]!
            .replace(/-/g, '+')
            .replace(/_/g, '/'),
        ),
      ) as { iss: string };
      expect(claims.iss).toBe(server.url);
    }, 60_000);
  });
}
