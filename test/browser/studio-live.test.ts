// The studio's live views in Chromium: a webhook's delivery to a failing receiver moves to
// backoff on the page as it happens, then succeeds once the receiver recovers (no reload);
// recent authorization sessions show where each stands; another tenant's admin sees none of it;
// nothing secret reaches the page.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import * as oauth from 'oauth4webapi';
import { ManualClock } from '../../src/actors/clock.ts';
import { mintAdminToken } from '../../src/services.ts';
import { randomToken } from '../../src/ids.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { launchBrowser, screenshotPath, haveBrowser } from '../support/browser.ts';
import { completeAuthorize, startAuthorize } from '../oauth/support.ts';

const PASSWORD = 'correct horse battery staple';
const REDIRECT = 'http://127.0.0.1:8765/callback';

let service: TestService;
let browser: Browser;
let clock: ManualClock;
type Admin = { tenantId: string; name: string; email: string; token: string };
let acme: Admin;
let globex: Admin;

async function admin(): Promise<Admin> {
  const name = `Studio ${randomToken(8)}`;
  const email = `admin-${randomToken(6).toLowerCase()}@example.com`;
  const created = await service.tenants.createTenant({ name, adminEmail: email, adminPassword: PASSWORD });
  const minted = await mintAdminToken(service, created.tenantId, created.adminUserId);
  return { tenantId: created.tenantId, name, email, token: minted.token };
}

beforeAll(async () => {
  if (!haveBrowser) return;
  clock = new ManualClock(Date.now());
  service = await startTestService({ clock });
  acme = await admin();
  globex = await admin();
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

type Json = Record<string, unknown>;
async function api(method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null) as Json,
  };
}

/** A real receiver on loopback that answers what `answer` says, keeping every request. */
function receiver(answer: () => number) {
  const got: Array<{ headers: Record<string, string>; body: string }> = [];
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(req) {
      got.push({ headers: Object.fromEntries(req.headers), body: await req.text() });
      const status = answer();
      return new Response(status === 200 ? 'thanks' : 'receiver is down', { status });
    },
  });
  return { url: `http://127.0.0.1:${server.port}/hooks/argus`, got, stop: () => server.stop(true) };
}

async function signIn(page: Page, who: Admin, hash = '') {
  await page.goto(`${service.url}/studio${hash}`);
  await page.getByLabel('Tenant', { exact: true }).fill(who.name);
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('#studio:not([hidden])');
}

describe.skipIf(!haveBrowser)('studio: a webhook live', () => {
  test('a delivery to a failing receiver moves to backoff live, then succeeds after the receiver recovers', async () => {
    let healthy = false;
    const r = receiver(() => (healthy ? 200 : 500));
    const created = await api('POST', '/v1/webhooks', acme.token, { url: r.url, events: ['case.created'] });
    expect(created.status).toBe(201);
    const hook = created.body as { id: string; secret: string };

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, acme, `#/webhooks/${hook.id}`);
    await page.waitForSelector('#live:has-text("Live")');
    expect(await page.locator('#deliveries tbody tr[data-delivery]').count()).toBe(0);
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    const published = await api('POST', '/v1/events', acme.token, {
      type: 'case.created',
      data: { case_id: 'case_live' },
    });
    expect(published.status).toBe(202);
    // The first attempt fails (500): the row appears and reaches backoff ("retrying") on its own.
    await page.waitForSelector('#deliveries tbody tr[data-status="retrying"]', { timeout: 15_000 });
    expect(r.got).toHaveLength(1);
    const deliveryId = (await page.getAttribute('#deliveries tbody tr[data-status="retrying"]', 'data-delivery'))!;
    expect(await page.textContent(`#deliveries tbody tr[data-delivery="${deliveryId}"]`)).toContain('↻ retrying');
    await page.getByRole('button', { name: `Delivery ${deliveryId}, retrying` }).click();
    await page.waitForSelector('#delivery-detail[data-state="backoff"]');
    expect(await page.getAttribute('#delivery-diagram g.state[data-state="backoff"]', 'class')).toContain('current');
    expect(await page.getAttribute('#delivery-diagram g.state[data-state="backoff"]', 'aria-label')).toContain(
      '(current)',
    );
    expect(await page.$$eval('#delivery-path li', (lis) => lis.map((li) => (li as HTMLElement).dataset.to))).toEqual([
      'queued',
      'sending',
      'backoff',
    ]);
    expect(await page.textContent('#attempts tbody tr[data-attempt="1"]')).toContain('500');
    expect(await page.textContent('#attempts tbody tr[data-attempt="1"]')).toContain('receiver is down');
    await page.waitForSelector('#webhook-detail[data-state*="health.failing"]');
    await page.screenshot({ path: screenshotPath('studio-webhook-backoff'), fullPage: true });

    // The receiver recovers; the retry is due once the clock passes the backoff (5 s ± 20 %).
    healthy = true;
    clock.advance(6_001);
    service.workers.wake();
    await page.waitForSelector('#delivery-detail[data-state="succeeded"]', { timeout: 15_000 });
    await page.waitForSelector(`#deliveries tbody tr[data-delivery="${deliveryId}"][data-status="succeeded"]`);
    await page.waitForSelector('#webhook-detail[data-state*="health.active"]');
    expect(r.got).toHaveLength(2);
    // backoff's timer leads back to queued, and the claim from there to sending (machines/delivery.ts)
    expect(await page.$$eval('#delivery-path li', (lis) => lis.map((li) => (li as HTMLElement).dataset.to))).toEqual([
      'queued',
      'sending',
      'backoff',
      'queued',
      'sending',
      'succeeded',
    ]);
    await page.waitForSelector('#attempts tbody tr[data-attempt="2"]');
    expect(await page.textContent('#attempts tbody tr[data-attempt="2"]')).toContain('200');
    expect(await page.getAttribute('#delivery-diagram g.state[data-state="succeeded"]', 'class')).toContain('current');
    expect(await page.getAttribute('#delivery-diagram g.state[data-state="backoff"]', 'class')).toContain('visited');
    // Still the same document: nothing was reloaded.
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await page.screenshot({ path: screenshotPath('studio-webhook-live'), fullPage: true });

    // Nothing secret reached the page: not the signing secret, not a signature, not a token.
    const html = await page.content();
    expect(html).not.toContain(hook.secret);
    for (const g of r.got) expect(html).not.toContain(g.headers['webhook-signature']!.split(' ')[0]!.slice(3));
    expect(html).not.toContain(acme.token);
    expect(await page.evaluate(() => document.cookie)).toBe(''); // the session cookie is HttpOnly
    const detail = await api('GET', `/v1/studio/webhooks/${hook.id}/deliveries/${deliveryId}`, acme.token);
    // The signature header is named, its value never shown.
    expect(detail.text).toContain('"webhook-signature":"(redacted)"');
    for (const g of r.got) expect(detail.text).not.toContain(g.headers['webhook-signature']!.split(' ')[0]!.slice(3));
    expect(detail.text).not.toContain(hook.secret);

    const narrow = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(narrow, acme, `#/webhooks/${hook.id}/deliveries/${deliveryId}`);
    await narrow.waitForSelector('#delivery-detail[data-state="succeeded"]');
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await narrow.screenshot({ path: screenshotPath('studio-webhook-narrow'), fullPage: true });
    r.stop();
  });

  test("another tenant's admin cannot see the webhook, its deliveries or their journal", async () => {
    const r = receiver(() => 200);
    const hook = (await api('POST', '/v1/webhooks', acme.token, { url: r.url, events: ['incident.created'] })).body as {
      id: string;
    };
    await api('POST', '/v1/events', acme.token, { type: 'incident.created', data: {} });
    const mine = await api('GET', `/v1/studio/webhooks/${hook.id}/deliveries`, acme.token);
    const d = (mine.body.deliveries as Array<{ id: string }>)[0]!;
    expect(d.id).toMatch(/^dlv_/);

    for (const path of [
      `/v1/studio/webhooks/${hook.id}`,
      `/v1/studio/webhooks/${hook.id}/deliveries`,
      `/v1/studio/webhooks/${hook.id}/deliveries/${d.id}`,
      `/v1/studio/webhooks/${hook.id}/stream`,
      `/v1/machines/delivery/instances/${d.id}/journal`,
      `/v1/machines/subscription/instances/${hook.id}/journal`,
      `/v1/machines/delivery/instances/${d.id}/stream`,
    ]) {
      const theirs = await api('GET', path, globex.token);
      expect({ path, status: theirs.status, error: theirs.body?.error }).toEqual({
        path,
        status: 404,
        error: 'not_found',
      });
      expect(theirs.text).not.toContain(r.url);
    }
    const list = await api('GET', '/v1/studio/webhooks', globex.token);
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(hook.id);

    // In the browser too: signed in as the other tenant, the webhook's link shows nothing of it.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, globex, `#/webhooks/${hook.id}`);
    await page.waitForSelector('#status:has-text("not found")');
    expect(await page.locator('#deliveries tbody tr[data-delivery]').count()).toBe(0);
    expect(await page.content()).not.toContain(d.id);
    await page.screenshot({ path: screenshotPath('studio-other-tenant') });

    // Without a sign-in or token: 401; with a token that is not an admin's: 403.
    expect((await api('GET', `/v1/studio/webhooks/${hook.id}`, null)).status).toBe(401);
    const app = (
      await api('POST', '/v1/platform/apps', acme.token, {
        name: 'Reader',
        grant_types: ['client_credentials'],
        requested_scopes: ['webhooks:read'],
      })
    ).body as { client_id: string; client_secret: string };
    const tok = await fetch(`${service.url}/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: app.client_id,
        client_secret: app.client_secret,
        scope: 'webhooks:read',
      }),
    });
    const reader = ((await tok.json()) as { access_token: string }).access_token;
    expect((await api('GET', `/v1/studio/webhooks/${hook.id}`, reader)).status).toBe(403);
    r.stop();
  });

  test('bad input is a 4xx in the envelope', async () => {
    const bad = await api('GET', '/v1/studio/webhooks/wh_nope/deliveries?status=bogus', acme.token);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('invalid_request');
    const cursor = await api('GET', '/v1/studio/webhooks?cursor=garbage', acme.token);
    expect(cursor).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const wrong = await api('POST', '/v1/studio/session', null, {
      tenant: acme.name,
      email: acme.email,
      password: 'not the password',
    });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_credentials' } });
    const missing = await api('POST', '/v1/studio/session', null, { tenant: acme.name });
    expect(missing.status).toBe(400);
    const crossSite = await fetch(`${service.url}/v1/studio/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ tenant: acme.name, email: acme.email, password: PASSWORD }),
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('set-cookie')).toBeNull();
  });

  test('signing out revokes the studio session', async () => {
    const signIn = await fetch(`${service.url}/v1/studio/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: acme.name, email: acme.email, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const setCookie = signIn.headers.get('set-cookie')!;
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const cookie = setCookie.split(';')[0]!;
    const who = await fetch(`${service.url}/v1/studio/session`, { headers: { cookie } });
    expect(((await who.json()) as Json).tenant_id).toBe(acme.tenantId);
    const out = await fetch(`${service.url}/v1/studio/session`, { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await fetch(`${service.url}/v1/machines`, { headers: { cookie } })).status).toBe(401);
  });
});

describe.skipIf(!haveBrowser)('studio: authorization sessions', () => {
  test('shows where each recent session stands, without codes, tokens or session ids', async () => {
    const app = (
      await api('POST', '/v1/platform/apps', acme.token, {
        name: 'Field App',
        client_type: 'public',
        grant_types: ['authorization_code'],
        redirect_uris: [REDIRECT],
        requested_scopes: ['webhooks:read'],
      })
    ).body as { client_id: string };
    const user = { email: acme.email, password: PASSWORD };
    const pkce = async () => {
      const verifier = oauth.generateRandomCodeVerifier();
      return { verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier) };
    };
    const params = (challenge: string) => ({
      client_id: app.client_id,
      redirect_uri: REDIRECT,
      scope: 'webhooks:read',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const tokenRequest = (fields: Record<string, string>) =>
      fetch(`${service.url}/v1/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      });

    // One waits for its user to sign in; one was denied; one was redeemed and then replayed.
    const waiting = await startAuthorize(service, params((await pkce()).challenge));
    const waitingId = /name="session" value="([^"]+)"/.exec(waiting.html)![1]!;
    await completeAuthorize(service, params((await pkce()).challenge), user, 'deny');
    const p = await pkce();
    const cb = await completeAuthorize(service, params(p.challenge), user);
    const code = cb.searchParams.get('code')!;
    const fields = {
      grant_type: 'authorization_code',
      client_id: app.client_id,
      code,
      redirect_uri: REDIRECT,
      code_verifier: p.verifier,
    };
    const first = await tokenRequest(fields);
    expect(first.status).toBe(200);
    const accessToken = ((await first.json()) as { access_token: string }).access_token;
    expect((await tokenRequest(fields)).status).toBe(400);
    await service.actors.drain();

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, acme, '#/sessions');
    await page.waitForSelector('#sessions tbody tr[data-state="replayDetected"]');
    const states = await page.$$eval('#sessions tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.state));
    expect(states).toEqual(expect.arrayContaining(['awaitingLogin', 'denied', 'replayDetected']));
    const replay = await page.textContent('#sessions tbody tr[data-state="replayDetected"]');
    expect(replay).toContain('⚠ replay detected');
    expect(replay).toContain('Field App');
    expect(replay).toContain('REDEEM → redeemed');
    expect(await page.textContent('#sessions tbody tr[data-state="awaitingLogin"]')).toContain('… awaiting login');
    await page.screenshot({ path: screenshotPath('studio-authorization-sessions'), fullPage: true });

    const html = await page.content();
    expect(html).not.toContain(code);
    expect(html).not.toContain(accessToken);
    expect(html).not.toContain(waitingId); // the session id is its browser cookie: only its start is shown
    expect(html).toContain(waitingId.slice(0, 8));
    const json = await api('GET', '/v1/studio/authorization-sessions', acme.token);
    expect(json.text).not.toContain(waitingId);
    expect(json.text).not.toContain(code);
    const theirs = await api('GET', '/v1/studio/authorization-sessions', globex.token);
    expect(theirs.body.authorization_sessions).toEqual([]);
  });
});

describe.skipIf(!haveBrowser)('studio: keyboard', () => {
  test('views, machines and deliveries are reachable from the keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, acme, '#/machines/delivery');
    await page.waitForSelector('#diagram svg[data-machine="delivery"]');
    // The tabs in order: Webhooks (the first, where the studio opens), Machines, Events, sessions.
    await page.focus('#tab-machines');
    await page.keyboard.press('ArrowLeft');
    await page.waitForSelector('#view-webhooks:not([hidden])');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-webhooks');
    await page.waitForSelector('#webhook-list button');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#view-machines:not([hidden])');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#view-events:not([hidden])');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#view-sessions:not([hidden])');
    await page.keyboard.press('Home');
    await page.waitForSelector('#view-webhooks:not([hidden])');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('#view-machines:not([hidden])');
    // The retry schedule is drawn under the delivery machine.
    expect(await page.textContent('#diagram svg .notes')).toContain('Retry schedule');
    expect(await page.textContent('#diagram svg .notes')).toContain('#2 5 s');
  });
});
