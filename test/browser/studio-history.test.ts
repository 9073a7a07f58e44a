// A webhook with 10,000 deliveries in its history: the studio's live view reads it a page at
// a time (50 rows in the page, never the whole history), pages back and forth, filters by
// status, and the API's pages cover every delivery exactly once. How fast is measured in
// bench/studio.ts, not asserted here.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { launchBrowser, screenshotPath, haveBrowser } from '../support/browser.ts';
import { removeDeliveries, seedDeliveries } from './studio-seed.ts';

const HISTORY = 10_000;
let service: TestService;
let browser: Browser;
let acme: Awaited<ReturnType<typeof newTenant>>;
let hookId: string;
let seeded: string[];

beforeAll(async () => {
  if (!haveBrowser) return;
  service = await startTestService({ workers: false });
  acme = await newTenant(service);
  const res = await fetch(`${service.url}/v1/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${acme.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: 'http://127.0.0.1:9/never-called', events: ['case.created'] }),
  });
  hookId = ((await res.json()) as { id: string }).id;
  seeded = await seedDeliveries(service, acme.tenantId, hookId, HISTORY);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  if (hookId) await removeDeliveries(service, hookId);
  await service?.stop();
});

describe.skipIf(!haveBrowser)('studio: a webhook with 10,000 deliveries', () => {
  test('the page shows 50 at a time and pages through them', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const loaded: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/deliveries?')) loaded.push(r.url());
    });
    await page.goto(`${service.url}/studio`);
    await page.getByLabel('Admin access token').fill(acme.adminToken);
    await page.getByRole('button', { name: 'Open' }).click();
    await page.waitForSelector('#studio:not([hidden])');
    await page.evaluate((id) => {
      location.hash = `#/webhooks/${id}`;
    }, hookId);
    await page.waitForSelector('#page-info:has-text("10,000 deliveries")');
    // The total comes with the webhook's summary, the rows with their own request.
    await page.waitForSelector('#deliveries tbody tr[data-delivery]');
    expect(await page.locator('#deliveries tbody tr[data-delivery]').count()).toBe(50);
    const first = await page.$$eval('#deliveries tbody tr[data-delivery]', (trs) =>
      trs.map((tr) => (tr as HTMLElement).dataset.delivery),
    );
    expect(loaded.every((u) => new URL(u).searchParams.get('limit') === '50')).toBe(true);

    await page.getByRole('button', { name: 'Older' }).click();
    await page.waitForSelector('#page-info:has-text("Page 2")');
    const second = await page.$$eval('#deliveries tbody tr[data-delivery]', (trs) =>
      trs.map((tr) => (tr as HTMLElement).dataset.delivery),
    );
    expect(second).toHaveLength(50);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    await page.getByRole('button', { name: 'Newer' }).click();
    await page.waitForSelector('#page-info:has-text("Page 1")');
    expect(
      await page.$$eval('#deliveries tbody tr[data-delivery]', (trs) =>
        trs.map((tr) => (tr as HTMLElement).dataset.delivery),
      ),
    ).toEqual(first);

    await page.selectOption('#status-filter', 'failed');
    await page.waitForSelector('#deliveries tbody td:has-text("No deliveries failed")');
    await page.selectOption('#status-filter', 'queued');
    await page.waitForSelector('#page-info:has-text("10,000 deliveries queued")');
    expect(await page.locator('#deliveries tbody tr[data-delivery]').count()).toBe(50);
    await page.screenshot({ path: screenshotPath('studio-history-10000') });
  });

  test('the pages cover every delivery exactly once', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url = new URL(`${service.url}/v1/studio/webhooks/${hookId}/deliveries`);
      url.searchParams.set('limit', '200');
      if (cursor) url.searchParams.set('cursor', cursor);
      const body = (await (await fetch(url, { headers: { authorization: `Bearer ${acme.adminToken}` } })).json()) as {
        deliveries: Array<{ id: string }>;
        next_cursor: string | null;
      };
      for (const d of body.deliveries) seen.add(d.id);
      cursor = body.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(HISTORY / 200);
    expect(seen.size).toBe(HISTORY);
    expect(seeded.every((id) => seen.has(id))).toBe(true);
  });
});
