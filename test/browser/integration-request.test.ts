// A vendor fills in the request form in Chromium: field errors first, then the acknowledgement.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { startTestService, type TestService } from '../support/service.ts';
import { launchBrowser, screenshotPath, haveBrowser } from '../support/browser.ts';

let service: TestService;
let browser: Browser;
beforeAll(async () => {
  if (!haveBrowser) return;
  service = await startTestService({ workers: false });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

describe.skipIf(!haveBrowser)('the Vendor Integration Request form', () => {
  test('shows field-level errors, keeps what was typed, then acknowledges with a reference', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${service.url}/integration-request`);
    expect(await page.title()).toContain('Vendor Integration Request');
    await page.getByLabel('Organisation').fill('Integrator Ltd');
    await page.getByLabel('Contact email').fill('not-an-email');
    await page.getByRole('button', { name: 'Send request' }).click();

    await page.waitForSelector('#error-summary');
    expect(await page.getByLabel('Organisation').inputValue()).toBe('Integrator Ltd');
    expect(await page.locator('#contact_email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#contact_email-error').textContent()).toContain('email address');
    expect(await page.locator('#use_case-error').isVisible()).toBe(true);
    expect(await page.locator('#capabilities-error').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('integration-request-errors'), fullPage: true });

    await page.getByLabel('Contact name').fill('Ada Lovelace');
    await page.getByLabel('Contact email').fill('ada@integrator.example');
    await page
      .getByLabel('Use case')
      .fill('We sync incident updates into our ticketing system and need curated bundles.');
    await page.getByLabel('Curated GraphQL bundles').check();
    await page.getByRole('button', { name: 'Send request' }).click();

    await page.waitForSelector('#reference');
    const reference = await page.locator('#reference').textContent();
    expect(reference).toMatch(/^IR-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await page.textContent('main')).toContain('2–3 business days');
    await page.screenshot({ path: screenshotPath('integration-request-acknowledged') });
    const [stored] = await service.db.query<{ organisation: string; capabilities: string[] }>(
      'select organisation, capabilities from integration_requests where reference = $1',
      [reference],
    );
    expect(stored).toEqual({ organisation: 'Integrator Ltd', capabilities: ['curated_graphql_bundles'] });
  });

  test('is usable by keyboard alone at a narrow width', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(`${service.url}/integration-request`);
    // The skip link first (every page has one), then the form's first field.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('organisation');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await page.screenshot({ path: screenshotPath('integration-request-narrow'), fullPage: true });
  });
});
