// An integrator's portal in Chromium: opened from a link a tenant administrator minted (its code
// gone from the address bar at once, and useless a second time), it shows that app's endpoints
// and nothing of another app's or tenant's; its deliveries and attempts, a retry, a recovery, a
// test send and a secret rotation (the next request signed with the new secret), the event
// types with their schemas; embedded only in a site the tenant named; axe finds no violation at
// 1280 and 390 px, light and dark.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { api, Receivers, until, type Json } from '../support/webhooks.ts';
import { axe, haveBrowser, launchBrowser, screenshotPath } from '../support/browser.ts';
import { signatureHeader } from '../../src/webhooks/signing.ts';

let service: TestService;
let browser: Browser;
const receivers = new Receivers();
type Tenant = Awaited<ReturnType<typeof newTenant>>;
let acme: Tenant;
let globex: Tenant;
let appA: string;
let appB: string;
/** The receiver of A's failing endpoint answers 500 until this is true. */
let healthy = false;
const failing = receivers.start(() => (healthy ? 200 : 500));
const steady = receivers.start();
const ofB = receivers.start();
const elsewhere = receivers.start();
const hooks: Record<string, string> = {};

async function app(t: Tenant, name: string) {
  const created = await api(service.url, 'POST', '/v1/platform/apps', t.adminToken, {
    name,
    grant_types: ['client_credentials'],
    requested_scopes: ['webhooks:write'],
  });
  return String(created.body.client_id);
}

async function webhook(t: Tenant, url: string, appId: string | null) {
  const made = await api(service.url, 'POST', '/v1/webhooks', t.adminToken, {
    url,
    events: ['case.updated'],
    app_id: appId,
  });
  expect(made.status).toBe(201);
  return String(made.body.id);
}

const link = async (t: Tenant, appId: string) =>
  String((await api(service.url, 'POST', `/v1/platform/apps/${appId}/portal-links`, t.adminToken)).body.url);

beforeAll(async () => {
  if (!haveBrowser) return;
  service = await startTestService({ env: { WEBHOOK_RETRY_SCHEDULE: '0' } });
  acme = await newTenant(service);
  globex = await newTenant(service);
  appA = await app(acme, 'Case sync connector');
  appB = await app(acme, 'Other connector');
  hooks.failing = await webhook(acme, `${failing.url}?a=failing`, appA);
  hooks.steady = await webhook(acme, `${steady.url}?a=steady`, appA);
  hooks.b = await webhook(acme, `${ofB.url}?b=1`, appB);
  hooks.own = await webhook(acme, `${steady.url}?tenant=own`, null);
  hooks.elsewhere = await webhook(globex, `${elsewhere.url}?globex=1`, await app(globex, 'Globex app'));
  for (const t of [acme, globex])
    for (let i = 0; i < 3; i++)
      await api(service.url, 'POST', '/v1/events', t.adminToken, { type: 'case.updated', data: { case_id: `c${i}` } });
  await until('the failing endpoint failed three', async () => {
    const list = await api(
      service.url,
      'GET',
      `/v1/webhooks/${hooks.failing}/deliveries?status=failed`,
      acme.adminToken,
    );
    return (list.body.deliveries as Json[]).length === 3;
  });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  receivers.stop();
  await browser?.close();
  await service?.stop();
});

async function context(options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserContext> {
  // bypassCSP: axe is injected as an inline script; the page's own CSP allows only its script.
  return browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    bypassCSP: true,
  });
}

async function openPortal(url: string, options: Parameters<typeof context>[0] = {}): Promise<Page> {
  const page = await (await context(options)).newPage();
  await page.goto(url);
  await page.click('#open-portal');
  await page.waitForSelector('#portal:not([hidden])');
  return page;
}

async function confirm(page: Page) {
  await page.waitForSelector('#confirm[open]');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirm-cancel');
  await page.click('#confirm-ok');
  await page.waitForSelector('#confirm:not([open])', { state: 'attached' });
}

const endpoints = (page: Page) => page.$$eval('#webhook-list button', (bs) => bs.map((b) => b.textContent ?? ''));

describe.skipIf(!haveBrowser)('the portal', () => {
  test("opens from a link once, shows that app's endpoints and nothing else", async () => {
    const url = await link(acme, appA);
    // Loaded alone, the page uses nothing up until asked (a link checker that runs scripts).
    const checker = await (await context()).newPage();
    await checker.goto(url);
    await checker.waitForSelector('#open-link:not([hidden])');
    expect(checker.url()).toBe(`${service.url}/portal/${acme.tenantId}`);
    expect(await checker.isHidden('#portal')).toBe(true);
    await axe(checker, 'portal link, not yet opened');
    const page = await openPortal(url);
    // The code left the address bar (and the history entry) before anything else.
    expect(page.url()).toBe(`${service.url}/portal/${acme.tenantId}`);
    expect(await page.textContent('#who')).toContain('Case sync connector');
    const shown = await endpoints(page);
    expect(shown.length).toBe(2);
    expect(shown.some((s) => s.includes('a=failing'))).toBe(true);
    expect(shown.some((s) => s.includes('a=steady'))).toBe(true);
    const text = (await page.textContent('body')) ?? '';
    for (const hidden of ['b=1', 'tenant=own', 'globex=1', hooks.b, hooks.own, hooks.elsewhere])
      expect(text).not.toContain(hidden);

    // A reload keeps the session (this tab's storage); the same link elsewhere opens nothing.
    await page.reload();
    await page.waitForSelector('#portal:not([hidden])');
    const again = await (await context()).newPage();
    await again.goto(url);
    await again.click('#open-portal');
    await again.waitForSelector('#signed-out:not([hidden])');
    expect(await again.textContent('#signed-out-text')).toContain('used already');
    expect(await again.isHidden('#portal')).toBe(true);

    // Sign-out ends the session for good: its token is refused after.
    const token = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem('argus-portal-session') ?? '{}').access_token,
    );
    await page.click('#sign-out');
    await page.waitForSelector('#signed-out:not([hidden])');
    expect((await api(service.url, 'GET', '/v1/webhooks', String(token))).status).toBe(401);
    await page.reload();
    await page.waitForSelector('#signed-out:not([hidden])');
  });

  test('deliveries and attempts; a retry and a recovery send again; a test send and a rotation', async () => {
    const page = await openPortal(await link(acme, appA));
    await page.click(`#webhook-list button[data-id="${hooks.failing}"]`);
    await page.selectOption('#status-filter', 'failed');
    await page.waitForFunction(() => document.querySelectorAll('#deliveries tbody tr').length === 3);
    await page.click('#deliveries tbody tr:first-child button');
    await page.waitForSelector('#delivery:not([hidden])');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('delivery-title');
    expect(await page.textContent('#attempts')).toContain('HTTP 500');
    // Escape closes it, back to its row.
    const opened = await page.getAttribute('#deliveries tbody tr:first-child', 'data-id');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#delivery', { state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(String(opened));
    await page.click('#deliveries tbody tr:first-child button');
    await page.waitForSelector('#delivery:not([hidden])');

    healthy = true;
    const before = failing.got.length;
    await page.click('#retry');
    await page.waitForFunction(() =>
      /sent again now/.test(document.getElementById('delivery-feedback')?.textContent ?? ''),
    );
    await until('the retry arrived', async () => failing.got.length > before);

    await page.fill('#recover-since', '2000-01-01T00:00');
    await page.click('#recover-form button[type=submit]');
    await page.waitForFunction(() =>
      /^2 failed deliveries since/.test(document.getElementById('webhook-feedback')?.textContent ?? ''),
    );
    await until('all recovered', async () => {
      const list = await api(
        service.url,
        'GET',
        `/v1/webhooks/${hooks.failing}/deliveries?status=succeeded`,
        acme.adminToken,
      );
      return (list.body.deliveries as Json[]).length === 3;
    });

    // Rotation: a new secret, shown once, signs the next request (beside the previous one).
    await page.click('#rotate');
    await confirm(page);
    await page.waitForSelector('#new-secret:not([hidden])');
    const secret = (await page.textContent('#secret-value')) ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(await page.textContent('#webhook-feedback')).toContain('The previous secret signs too until');
    const sent = failing.got.length;
    await page.click('#send-test');
    await page.waitForFunction(() =>
      /Test delivery dlv_\w+ is on its way/.test(document.getElementById('webhook-feedback')?.textContent ?? ''),
    );
    const got = await until('the test arrived', async () => failing.got[sent]);
    expect(JSON.parse(got.body).type).toBe('webhook.test');
    const signed = await signatureHeader(
      [secret],
      String(got.headers['webhook-id']),
      Number(got.headers['webhook-timestamp']),
      got.body,
    );
    expect(String(got.headers['webhook-signature']).split(' ')).toContain(signed);
    // A reload shows the secret no more.
    await page.reload();
    await page.waitForSelector('#portal:not([hidden])');
    expect(await page.isHidden('#new-secret')).toBe(true);
    expect(await page.textContent('body')).not.toContain(secret);
  });

  test('shows the event types with the schema of their data', async () => {
    const page = await openPortal(await link(acme, appA));
    await page.waitForSelector('#types details');
    const types = (await page.$$eval('#types summary code', (cs) => cs.map((c) => c.textContent))) as string[];
    expect(types).toContain('case.updated');
    await page.click('#types details:has(code:text-is("case.updated")) summary');
    const schema = JSON.parse((await page.textContent('#types details[open] pre')) ?? '{}') as Json;
    expect(schema.type).toBe('object');
  });

  test('is embedded only in a site the tenant named', async () => {
    // The tenant's own site: another origin (localhost, not 127.0.0.1), framing the portal.
    let frameSrc = '';
    const site = Bun.serve({
      port: 0,
      hostname: '127.0.0.1',
      fetch: () =>
        new Response(
          `<!doctype html><title>Tenant site</title><iframe title="Webhooks" src="${frameSrc}" width="1000" height="700"></iframe>`,
          {
            headers: { 'content-type': 'text/html' },
          },
        ),
    });
    try {
      const siteOrigin = `http://localhost:${site.port}`;
      const framed = async () => {
        frameSrc = await link(acme, appA);
        const page = await (await browser.newContext()).newPage();
        await page.goto(`${siteOrigin}/`);
        return page;
      };
      const blocked = await framed();
      await blocked.waitForLoadState('load'); // the frame's load (or its refusal) included
      const denied = blocked.frames().find((f) => f !== blocked.mainFrame());
      expect(denied).toBeDefined();
      expect(denied?.url()).not.toContain('/portal/');
      expect(await denied?.$('#who')).toBeNull();

      const set = await api(service.url, 'PUT', '/v1/portal/settings', acme.adminToken, {
        frame_ancestors: [siteOrigin],
      });
      expect(set.status).toBe(200);
      const allowed = await framed();
      const frame = allowed.frameLocator('iframe');
      await frame.locator('#portal:not([hidden])').waitFor();
      expect(await frame.locator('#webhook-list button').count()).toBe(2);
      // A change from inside the frame: its own dialog (Chromium blocks confirm() in a framed page).
      await frame.locator(`#webhook-list button[data-id="${hooks.steady}"]`).click();
      await frame.locator('#rotate').click();
      await frame.locator('#confirm-ok').click();
      await frame.locator('#new-secret:not([hidden])').waitFor();
      await allowed.screenshot({ path: screenshotPath('portal-embedded') });
    } finally {
      site.stop(true);
      await api(service.url, 'PUT', '/v1/portal/settings', acme.adminToken, { frame_ancestors: [] });
    }
  });

  for (const colorScheme of ['light', 'dark'] as const)
    for (const width of [1280, 390])
      test(`axe finds no violation (${width} px, ${colorScheme})`, async () => {
        const page = await openPortal(await link(acme, appA), { width, colorScheme });
        await page.click(`#webhook-list button[data-id="${hooks.failing}"]`);
        await page.waitForSelector('#deliveries tbody tr');
        await page.click('#deliveries tbody tr:first-child button');
        await page.waitForSelector('#delivery:not([hidden])');
        await page.click('#types details summary');
        await axe(page, `portal ${width} ${colorScheme}`);
        await page.click('#rotate');
        await page.waitForSelector('#confirm[open]');
        await axe(page, `portal dialog ${width} ${colorScheme}`);
        await page.click('#confirm-cancel');
        // Nothing is wider than the screen.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: screenshotPath(`portal-${width}-${colorScheme}`), fullPage: true });
        const signedOut = await (await context({ width, colorScheme })).newPage();
        await signedOut.goto(`${service.url}/portal/${acme.tenantId}`);
        await signedOut.waitForSelector('#signed-out:not([hidden])');
        await axe(signedOut, `portal signed out ${width} ${colorScheme}`);
      });
});
