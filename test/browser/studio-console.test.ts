// The studio as an operations console, in Chromium: every action from the page (pause and
// resume, send a test, re-enable, retry, recover since) behind a confirmation and done from the
// keyboard; search by event or delivery id; filters and selection kept in the URL across a
// reload; the why-panel; new rows announced live without moving focus; and axe-core on every
// view, light and dark, with no violations.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '../../src/actors/clock.ts';
import { mintAdminToken } from '../../src/services.ts';
import { randomToken } from '../../src/ids.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { axe, launchBrowser, screenshotPath, haveBrowser } from '../support/browser.ts';

const PASSWORD = 'correct horse battery staple';

let service: TestService;
let browser: Browser;
let clock: ManualClock;
type Admin = { tenantId: string; name: string; email: string; token: string };
let acme: Admin;

type Json = Record<string, unknown>;
async function api(method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${acme.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Json };
}

/** A receiver on loopback answering what `answer` says. */
function receiver(answer: () => number) {
  const got: string[] = [];
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(req) {
      got.push(await req.text());
      const status = answer();
      return new Response(status === 200 ? 'thanks' : 'no', { status });
    },
  });
  return { url: `http://127.0.0.1:${server.port}/hooks/argus`, got, stop: () => server.stop(true) };
}

beforeAll(async () => {
  if (!haveBrowser) return;
  clock = new ManualClock(Date.now());
  service = await startTestService({ clock });
  const name = `Console ${randomToken(8)}`;
  const email = `admin-${randomToken(6).toLowerCase()}@example.com`;
  const created = await service.tenants.createTenant({ name, adminEmail: email, adminPassword: PASSWORD });
  acme = {
    tenantId: created.tenantId,
    name,
    email,
    token: (await mintAdminToken(service, created.tenantId, created.adminUserId)).token,
  };
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

async function open(hash = '', options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  // bypassCSP: axe is injected as an inline script; the page's own CSP allows only its script.
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.goto(`${service.url}/studio${hash}`);
  await page.getByLabel('Tenant', { exact: true }).fill(acme.name);
  await page.getByLabel('Email', { exact: true }).fill(acme.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('#studio:not([hidden])');
  return page;
}

/** Confirms the dialog an action opened, from the keyboard. */
async function confirm(page: Page) {
  await page.waitForSelector('#confirm[open]');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirm-cancel');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirm-ok');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#confirm:not([open])', { state: 'attached' });
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.tagName}#${el.id}${el.dataset?.delivery ?? ''}${el.textContent?.slice(0, 40) ?? ''}` : '';
  });

describe.skipIf(!haveBrowser)('studio console', () => {
  test('actions from the page, each confirmed, from the keyboard: pause, resume, test, re-enable, retry, recover', async () => {
    let answer = 410;
    const r = receiver(() => answer);
    const hook = (await api('POST', '/v1/webhooks', { url: r.url, events: ['case.created'] })).body as { id: string };
    // 410 Gone: the delivery fails for good and the webhook is disabled.
    await api('POST', '/v1/events', { type: 'case.created', data: { case_id: 'gone' } });
    const page = await open(`#/webhooks/${hook.id}`);
    await page.waitForSelector('#webhook-detail[data-status="disabled"]', { timeout: 15_000 });
    await page.waitForSelector('#deliveries tbody tr[data-status="failed"]');
    const failed = (await page.getAttribute('#deliveries tbody tr[data-status="failed"]', 'data-delivery'))!;

    // Re-enable, from the keyboard, confirmed.
    answer = 200;
    await page.focus('#act-enable');
    await page.keyboard.press('Enter');
    await confirm(page);
    await page.waitForSelector('#webhook-detail[data-status="active"]');
    // Said beside the actions, with its time.
    expect(await page.textContent('#webhook-feedback')).toMatch(/^\d\d:\d\d:\d\dZ: Re-enabled\.$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('act-enable');

    // Retry the failed delivery: it succeeds, live.
    await page.getByRole('button', { name: `Delivery ${failed}, failed` }).click();
    await page.waitForSelector('#delivery-detail[data-status="failed"]');
    await page.focus('#act-retry');
    await page.keyboard.press('Enter');
    await confirm(page);
    service.workers.wake();
    await page.waitForSelector('#delivery-detail[data-status="succeeded"]', { timeout: 15_000 });
    await page.waitForSelector(`#deliveries tbody tr[data-delivery="${failed}"][data-status="succeeded"]`);

    // Pause: the button becomes Resume and keeps focus; a cancelled dialog changes nothing.
    await page.focus('#act-pause');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#confirm[open]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#confirm:not([open])', { state: 'attached' });
    // Focus goes back to the button that opened the dialog (then Enter opens it again).
    await page.waitForFunction(() => document.activeElement?.id === 'act-pause');
    expect((await api('GET', `/v1/webhooks/${hook.id}`)).body.status).toBe('active');
    await page.keyboard.press('Enter');
    await confirm(page);
    await page.waitForSelector('#webhook-detail[data-status="paused"]');
    expect(await page.textContent('#act-pause')).toBe('Resume');
    expect(await page.textContent(`#webhook-list button[data-webhook="${hook.id}"] .sub`)).toContain('paused');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('act-pause');
    // A test while paused is held.
    await page.focus('#act-test');
    await page.keyboard.press('Enter');
    await confirm(page);
    await page.waitForSelector('#webhook-feedback:has-text("is held")');
    await page.focus('#act-pause');
    await page.keyboard.press('Enter');
    await confirm(page);
    await page.waitForSelector('#webhook-detail[data-status="active"]');
    service.workers.wake();
    await page.waitForFunction(
      () =>
        document.querySelectorAll('#deliveries tbody tr[data-status="succeeded"]').length === 2 ||
        document.querySelector('#new-rows:not([hidden])'),
      null,
      { timeout: 15_000 },
    );

    // Recover since: a failed delivery (410 again disables; re-enable first) is sent again.
    answer = 410;
    await api('POST', '/v1/events', { type: 'case.created', data: { case_id: 'gone-again' } });
    await page.waitForSelector('#webhook-detail[data-status="disabled"]', { timeout: 15_000 });
    answer = 200;
    await api('PUT', `/v1/webhooks/${hook.id}`, { enabled: true });
    await page.waitForSelector('#webhook-detail[data-status="active"]');
    await page.fill('#recover-since', '2020-01-01T00:00:00');
    await page.focus('#act-recover');
    await page.keyboard.press('Enter');
    await confirm(page);
    await page.waitForSelector('#webhook-feedback:has-text("1 delivery sent again")');
    service.workers.wake();
    await page.waitForFunction(() => !document.querySelector('#deliveries tbody tr[data-status="failed"]'), null, {
      timeout: 15_000,
    });
    await page.screenshot({ path: screenshotPath('studio-console-actions'), fullPage: true });
    await page.context().close();
    r.stop();
  });

  test('search by delivery id and event id; filters, page and selection live in the URL and survive a reload', async () => {
    const r = receiver(() => 500);
    const hook = (await api('POST', '/v1/webhooks', { url: r.url, events: ['case.created', 'case.updated'] })).body as {
      id: string;
    };
    const evt = (await api('POST', '/v1/events', { type: 'case.updated', data: { case_id: 'find-me' } })).body as {
      id: string;
    };
    await api('POST', '/v1/events', { type: 'case.created', data: { case_id: 'other' } });
    const page = await open('#/machines');
    await page.waitForSelector('#diagram svg');
    // Find the event: the events view opens on it, with its delivery across webhooks.
    await page.getByLabel(/Find an event, a delivery or a webhook/).fill(evt.id);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#event-detail:not([hidden]) >> text=Event ${evt.id}`);
    expect(page.url()).toContain(`#/events/${evt.id}`);
    const dlv = (await page.getAttribute('#event-deliveries tbody tr[data-delivery]', 'data-delivery'))!;
    expect(await page.textContent('#event-deliveries tbody')).toContain(hook.id);
    // Find the delivery: its webhook opens with it selected.
    await page.getByLabel(/Find an event, a delivery or a webhook/).fill(dlv);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`#delivery-detail:not([hidden]) >> text=Delivery ${dlv}`);
    expect(page.url()).toContain(`#/webhooks/${hook.id}/deliveries/${dlv}`);
    await page.getByLabel(/Find an event, a delivery or a webhook/).fill('dlv_nothing_here');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#status:has-text("No event, delivery or webhook matching dlv_nothing_here")');

    // Filter by event type: the URL keeps it, a reload keeps it and the selection.
    await page.selectOption('#type-filter', 'case.updated');
    await page.waitForFunction(() => location.hash.includes('type=case.updated'));
    await page.waitForFunction(
      () => [...document.querySelectorAll('#deliveries tbody tr[data-delivery]')].length === 1,
    );
    await page.fill('#since-filter', '2020-01-01T00:00:00');
    await page.dispatchEvent('#since-filter', 'change');
    await page.waitForFunction(() => location.hash.includes('since='));
    const url = page.url();
    await page.reload();
    await page.waitForSelector(`#delivery-detail:not([hidden]) >> text=Delivery ${dlv}`);
    expect(page.url()).toBe(url);
    expect(await page.inputValue('#type-filter')).toBe('case.updated');
    expect(await page.inputValue('#since-filter')).toStartWith('2020-01-01T00:00');
    expect(
      await page.$$eval('#deliveries tbody tr[data-delivery]', (trs) =>
        trs.map((tr) => (tr as HTMLElement).dataset.delivery),
      ),
    ).toEqual([dlv]);
    expect(await page.getAttribute(`#deliveries tbody tr[data-delivery="${dlv}"]`, 'aria-selected')).toBe('true');
    // Status filter: none failed.
    await page.selectOption('#status-filter', 'failed');
    await page.waitForSelector('#deliveries tbody td:has-text("No deliveries failed")');
    // A shared link opens the same view in another browser context.
    const other = await open(new URL(url).hash);
    await other.waitForSelector(`#delivery-detail:not([hidden]) >> text=Delivery ${dlv}`);
    // The type filter's options come with the webhook's summary, which may land after the delivery.
    await other.waitForFunction(
      () => (document.querySelector('#type-filter') as HTMLSelectElement | null)?.value === 'case.updated',
    );
    await page.context().close();
    await other.context().close();
    r.stop();
  });

  test('the finder takes a webhook URL: one match opens it, several are listed with focus on the first', async () => {
    const made: string[] = [];
    for (const path of ['find-alpha', 'find-beta']) {
      const created = await api('POST', '/v1/webhooks', {
        url: `http://127.0.0.1:9/${path}`,
        events: ['case.created'],
      });
      made.push((created.body as { id: string }).id);
    }
    const page = await open('#/webhooks');
    await page.getByLabel(/Find an event, a delivery or a webhook/).fill('find-alpha');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.waitForFunction((id) => location.hash === `#/webhooks/${id}`, made[0]);
    await page.getByLabel(/Find an event, a delivery or a webhook/).fill('/find-');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.waitForSelector('#find-results:not([hidden])');
    const listed = await page.$$eval('#find-results a', (as) => as.map((a) => a.getAttribute('href')));
    expect(listed).toEqual([`#/webhooks/${made[1]}`, `#/webhooks/${made[0]}`]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(`#/webhooks/${made[1]}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash === `#/webhooks/${id}`, made[1]);
  });

  test("the finder takes a value in events' data: one match opens the event, several are listed newest first", async () => {
    const marker = `case-${randomToken(6).toLowerCase()}`;
    const ids: string[] = [];
    for (const type of ['case.created', 'case.updated']) {
      const published = await api('POST', '/v1/events', { type, data: { case_id: marker } });
      ids.push(String(published.body.id));
      // The service's clock is the test's: one event a millisecond later than the other.
      clock.advance(1);
    }
    const other = await api('POST', '/v1/events', { type: 'case.created', data: { case_id: `${marker}-other` } });
    const page = await open('#/webhooks');
    const finder = page.getByLabel(/Find an event, a delivery or a webhook/);
    // By key and value: the one event holding it opens.
    await finder.fill(`case_id=${marker}-other`);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.waitForFunction((id) => location.hash === `#/events/${id}`, String(other.body.id));
    // The value alone, within the last hour: both events, newest first, focus on the first.
    await page.selectOption('#find-within', { label: 'the last hour' });
    await finder.fill(marker);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.waitForSelector('#find-results:not([hidden])');
    const listed = await page.$$eval('#find-results a', (as) => as.map((a) => a.getAttribute('href')));
    expect(listed).toEqual([`#/events/${ids[1]}`, `#/events/${ids[0]}`]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(`#/events/${ids[1]}`);
    expect(await page.textContent('#status')).toContain(`2 events whose data holds "${marker}"`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash === `#/events/${id}`, ids[1]);
    // Nothing holds it: said, with the range searched.
    await finder.fill('case_id=nobody-has-this');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.waitForSelector('#status:has-text("case_id = nobody-has-this")');
    await page.context().close();
  });

  test('retry what matches a filter, after a preview that says how many; feedback beside the control stays true', async () => {
    let answer = 410;
    const r = receiver(() => answer);
    const hook = (await api('POST', '/v1/webhooks', { url: r.url, events: ['case.updated'] })).body as { id: string };
    const publish = (caseId: string) => api('POST', '/v1/events', { type: 'case.updated', data: { case_id: caseId } });
    await publish('gone-1');
    const page = await open(`#/webhooks/${hook.id}`);
    await page.waitForSelector('#webhook-detail[data-status="disabled"]', { timeout: 15_000 });
    // Re-enabled while the endpoint still answers 410: the feedback does not stay "Re-enabled."
    await page.click('#act-enable');
    await confirm(page);
    await page.waitForSelector('#webhook-feedback:has-text("Re-enabled.")');
    await publish('gone-2');
    service.workers.wake();
    await page.waitForSelector('#webhook-since:has-text("Since then it is disabled")', { timeout: 15_000 });
    expect(await page.textContent('#webhook-feedback')).toContain('Re-enabled.');
    // One more while disabled: skipped, never answered.
    await publish('skipped-1');
    answer = 200;
    expect((await api('PUT', `/v1/webhooks/${hook.id}`, { enabled: true })).status).toBe(200);
    await page.waitForSelector('#webhook-detail[data-status="active"]', { timeout: 15_000 });

    // The deliveries whose last answer was 410: the two that failed, not the skipped one.
    await page.fill('#answer-filter', '410');
    await page.press('#answer-filter', 'Tab');
    await page.waitForFunction(() => location.hash.includes('answer=410'));
    await page.waitForFunction(
      () => document.querySelectorAll('#deliveries tbody tr[data-status="failed"]').length === 2,
    );
    expect(await page.locator('#deliveries tbody tr[data-status="skipped"]').count()).toBe(0);
    await page.click('#act-retry-matching');
    await page.waitForSelector('#confirm[open]');
    expect(await page.textContent('#confirm-text')).toContain('2 deliveries to');
    expect(await page.textContent('#confirm-text')).toContain('whose last answer was 410');
    expect(await page.textContent('#confirm-ok')).toBe('Send 2 deliveries again');
    await page.click('#confirm-ok');
    await page.waitForSelector('#bulk-feedback:has-text("2 deliveries of 2 sent again.")');
    service.workers.wake();
    // Both sent again and answered 200 (so their last answer is no longer 410).
    const deadline = Date.now() + 15_000;
    let succeeded = 0;
    while (succeeded < 2 && Date.now() < deadline) {
      await Bun.sleep(100);
      const list = await api('GET', `/v1/webhooks/${hook.id}/deliveries?status=succeeded`);
      succeeded = (list.body.deliveries as Json[]).length;
    }
    expect(succeeded).toBe(2);
    expect(r.got.length).toBe(4);
    // A row that leaves the filter keeps its last state until the list is read again (new and
    // leaving rows are announced, never moved under the reader): read again, none is failed.
    await page.reload();
    await page.waitForSelector('#webhook-detail:not([hidden])');
    await page.waitForFunction(() => !document.querySelector('#deliveries tbody tr[data-status="failed"]'), null, {
      timeout: 15_000,
    });
    // Nothing left to match: the preview says so beside the control, and no dialog opens.
    await page.fill('#answer-filter', '5xx');
    await page.press('#answer-filter', 'Tab');
    await page.waitForFunction(() => location.hash.includes('answer=5xx'));
    await page.click('#act-retry-matching');
    await page.waitForSelector('#bulk-feedback:has-text("No failed or skipped delivery matching")');
    expect(await page.isVisible('#confirm[open]')).toBe(false);
    // A status that cannot be retried is refused beside the control, naming why.
    await page.selectOption('#status-filter', 'succeeded');
    await page.click('#act-retry-matching');
    await page.waitForSelector('#bulk-feedback:has-text("Only failed or skipped deliveries can be retried")');
    // Replay takes any status: the two that succeeded are sent again as fresh deliveries.
    await page.fill('#answer-filter', '');
    await page.press('#answer-filter', 'Tab');
    await page.waitForFunction(() => !location.hash.includes('answer='));
    await page.click('#act-replay-matching');
    await page.waitForSelector('#confirm[open]');
    expect(await page.textContent('#confirm-text')).toContain('2 events of the deliveries to');
    expect(await page.textContent('#confirm-ok')).toBe('Replay 2 events');
    await page.click('#confirm-ok');
    await page.waitForSelector('#bulk-feedback:has-text("2 replayed as fresh deliveries.")');
    service.workers.wake();
    const replayDeadline = Date.now() + 15_000;
    while (r.got.length < 6 && Date.now() < replayDeadline) await Bun.sleep(100);
    expect(r.got.length).toBe(6);
    await page.context().close();
    r.stop();
  });

  test('failing webhooks are listed first, apart, under "Needs attention"', async () => {
    const r = receiver(() => 500);
    const hook = (await api('POST', '/v1/webhooks', { url: r.url, events: ['incident.closed'] })).body as {
      id: string;
    };
    await api('POST', '/v1/events', { type: 'incident.closed', data: { incident_id: 'attention' } });
    const page = await open('#/webhooks');
    await page.waitForSelector(`#attention-list button[data-webhook="${hook.id}"] .sub:has-text("failing")`, {
      timeout: 25_000,
    });
    expect(await page.isVisible('#attention-title')).toBe(true);
    // Above the list of all webhooks, where it is listed too.
    const attention = (await page.locator('#attention-list').boundingBox())!;
    const all = (await page.locator('#webhook-list').boundingBox())!;
    expect(attention.y).toBeLessThan(all.y);
    expect(await page.locator(`#webhook-list button[data-webhook="${hook.id}"]`).count()).toBe(1);
    // And what its delivery waits for: the next retry, and when.
    await page.waitForSelector(
      `#attention-list button[data-webhook="${hook.id}"] .queue:has-text("1 retrying (next ")`,
      {
        timeout: 25_000,
      },
    );
    await api('PUT', `/v1/webhooks/${hook.id}`, { paused: true });
    r.stop();
  });

  test('the webhook list keeps its statuses and last-hour figures current while it is open', async () => {
    const r = receiver(() => 200);
    const hook = (await api('POST', '/v1/webhooks', { url: r.url, events: ['incident.updated'] })).body as {
      id: string;
    };
    const publish = () => api('POST', '/v1/events', { type: 'incident.updated', data: { incident_id: 'live' } });
    await publish();
    const page = await open('#/webhooks');
    const button = `#webhook-list button[data-webhook="${hook.id}"]`;
    await page.waitForSelector(`${button} .health:has-text("of 1 ")`, { timeout: 20_000 });
    // Two more deliveries and a pause, made elsewhere: the open list shows them without a reload.
    await publish();
    await publish();
    await page.waitForSelector(`${button} .health:has-text("of 3 ")`, { timeout: 25_000 });
    await expect(page.textContent(`${button} .queue`)).resolves.toBe('queue empty');
    await api('PUT', `/v1/webhooks/${hook.id}`, { paused: true });
    await page.waitForSelector(`${button} .sub:has-text("paused")`, { timeout: 25_000 });
    // Its queue too: what is published while it is paused is held, and said so.
    await publish();
    await page.waitForSelector(`${button} .queue:text-is("queue: 1 held")`, { timeout: 25_000 });
    r.stop();
  });

  test('keyboard shortcuts: / finds, j and k open the next and previous delivery, ? lists them; the detail is a drawer that leaves the list its width', async () => {
    const r = receiver(() => 200);
    const hook = (await api('POST', '/v1/webhooks', { url: r.url, events: ['case.created'] })).body as { id: string };
    for (const id of ['k1', 'k2', 'k3']) {
      await api('POST', '/v1/events', { type: 'case.created', data: { case_id: id } });
      clock.advance(1);
    }
    const page = await open(`#/webhooks/${hook.id}`);
    await page.waitForFunction(() => document.querySelectorAll('#deliveries tbody tr[data-delivery]').length === 3);
    const rows = await page.$$eval('#deliveries tbody tr[data-delivery]', (trs) =>
      trs.map((tr) => (tr as HTMLElement).dataset.delivery),
    );
    const listWidth = async () => (await page.locator('#deliveries').boundingBox())!.width;
    const before = await listWidth();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('find');
    // Typed into the finder, j is a letter, not a shortcut.
    await page.keyboard.press('j');
    expect(await page.inputValue('#find')).toBe('j');
    await page.fill('#find', '');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('j');
    await page.waitForFunction((id) => location.hash.includes(`/deliveries/${id}`), rows[0]);
    await page.waitForSelector('#delivery-detail:not([hidden])');
    await page.keyboard.press('j');
    await page.waitForFunction((id) => location.hash.includes(`/deliveries/${id}`), rows[1]);
    await page.keyboard.press('k');
    await page.waitForFunction((id) => location.hash.includes(`/deliveries/${id}`), rows[0]);
    // The drawer is over the list's right side, and the list kept its width.
    const drawer = (await page.locator('#delivery-detail').boundingBox())!;
    const list = (await page.locator('#deliveries').boundingBox())!;
    expect(Math.round(drawer.x + drawer.width)).toBe(Math.round(list.x + list.width));
    expect(await listWidth()).toBe(before);
    await page.keyboard.press('?');
    expect(await page.getAttribute('#shortcuts', 'open')).not.toBeNull();
    await page.context().close();
    r.stop();
  });

  test('a skip link leads to the content; Escape closes a delivery and gives focus back to its row', async () => {
    const r = receiver(() => 200);
    const hook = (await api('POST', '/v1/webhooks', { url: r.url, events: ['case.created'] })).body as { id: string };
    await api('POST', '/v1/events', { type: 'case.created', data: { case_id: 'esc' } });
    // On a fresh load the first Tab reaches the skip link, and it moves focus to the content.
    const fresh = await (await browser.newContext()).newPage();
    await fresh.goto(`${service.url}/studio`);
    await fresh.keyboard.press('Tab');
    expect(await fresh.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the content');
    await fresh.keyboard.press('Enter');
    expect(await fresh.evaluate(() => document.activeElement?.id)).toBe('main');
    await fresh.context().close();
    const page = await open(`#/webhooks/${hook.id}`);
    await page.waitForSelector('#deliveries tbody tr[data-status="succeeded"]', { timeout: 15_000 });
    const id = (await page.getAttribute('#deliveries tbody tr[data-status="succeeded"]', 'data-delivery'))!;
    await page.getByRole('button', { name: `Delivery ${id}, succeeded` }).click();
    await page.waitForSelector('#delivery-detail:not([hidden])');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#delivery-detail', { state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.delivery)).toBe(id);
    r.stop();
  });

  test('why: a delivery in backoff names its next attempt and backoff; attempts show headers (signature redacted) and payload; the webhook its auto-disable clock', async () => {
    const r = receiver(() => 500);
    const hook = (await api('POST', '/v1/webhooks', { url: r.url, events: ['case.created'] })).body as { id: string };
    await api('POST', '/v1/events', { type: 'case.created', data: { case_id: 'why' } });
    const page = await open(`#/webhooks/${hook.id}`);
    await page.waitForSelector('#deliveries tbody tr[data-status="retrying"]', { timeout: 15_000 });
    const id = (await page.getAttribute('#deliveries tbody tr[data-status="retrying"]', 'data-delivery'))!;
    await page.getByRole('button', { name: `Delivery ${id}, retrying` }).click();
    await page.waitForSelector('#delivery-detail[data-status="retrying"]');
    const why = await page.textContent('#delivery-timers li[data-kind="next_attempt"]');
    expect(why).toMatch(
      /next attempt in \d+ s \(\d\d:\d\d:\d\dZ\): attempt 2 of 8, backoff 5 s ± 20 %; 6 more attempts after it/,
    );
    expect(await page.textContent('#webhook-timers li[data-kind="auto_disable"]')).toContain(
      'disables the webhook unless a delivery succeeds first',
    );
    // Five days off: in days, with the whole date (a time of day alone would name the wrong day).
    expect(await page.textContent('#webhook-timers li[data-kind="auto_disable"]')).toMatch(
      /^auto-disable in 5\.0 days \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\)/,
    );
    // One attempt recorded, and the count says so.
    expect(await page.locator('#attempts tbody tr[data-attempt]').count()).toBe(1);
    expect(await page.textContent('#delivery-facts')).toContain('1 recorded');
    await page.click('#attempts tbody tr[data-attempt="1"] details summary');
    const request = await page.textContent('#attempts tbody tr[data-attempt="1"] details');
    expect(request).toContain('webhook-signature: (redacted)');
    // Labelled blocks; the headers are never cut (the whole block shows, no scrolling inside it).
    expect(
      await page.$$eval('#attempts tbody tr[data-attempt="1"] details .block-label', (ps) =>
        ps.map((p) => p.textContent),
      ),
    ).toEqual(['Headers', 'Payload']);
    expect(
      await page.$eval(
        '#attempts tbody tr[data-attempt="1"] details pre.whole',
        (el) => el.scrollHeight <= el.clientHeight,
      ),
    ).toBe(true);
    expect(request).toContain('user-agent: Argus-Webhooks/1.0');
    expect(r.got[0]).toContain('"data":{"case_id"');
    // The payload shown is the body the receiver got.
    expect(request).toContain(r.got[0]!);
    expect(await page.textContent('#headers-note')).toContain('rebuilt from what each attempt stored');
    // The detail is a drawer over the list's right side at 1280 px, the list at its full width.
    const list = await page.locator('#deliveries').boundingBox();
    const panel = await page.locator('#delivery-detail').boundingBox();
    expect(Math.round(panel!.x + panel!.width)).toBe(Math.round(list!.x + list!.width));
    expect(panel!.width).toBeLessThan(list!.width * 0.7);
    await page.screenshot({ path: screenshotPath('studio-console-why'), fullPage: false });
    // At 390 px: below the list, scrolled into view on selection, nothing wider than the screen.
    const narrow = await open(`#/webhooks/${hook.id}`, { width: 390 });
    await narrow.waitForSelector(`#deliveries tbody tr[data-delivery="${id}"]`);
    await narrow.getByRole('button', { name: `Delivery ${id}, retrying` }).click();
    await narrow.waitForSelector('#delivery-detail[data-status="retrying"]');
    await narrow.waitForFunction(() => {
      const r = document.querySelector('#delivery-detail')!.getBoundingClientRect();
      return r.top < window.innerHeight && r.bottom > 0;
    });
    const wide = await narrow.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => !e.closest('svg, thead') && e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => `${e.tagName}#${e.id}.${e.className}`)
        .slice(0, 8),
    );
    expect(wide).toEqual([]);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await narrow.screenshot({ path: screenshotPath('studio-console-narrow') });
    await page.context().close();
    await narrow.context().close();
    r.stop();
  });

  test('live: new rows are announced, not inserted; the selected row stays and focus does not move', async () => {
    const r = receiver(() => 200);
    const hook = (await api('POST', '/v1/webhooks', { url: r.url, events: ['case.created'] })).body as { id: string };
    await api('POST', '/v1/events', { type: 'case.created', data: { n: 0 } });
    const page = await open(`#/webhooks/${hook.id}`);
    await page.waitForSelector('#deliveries tbody tr[data-status="succeeded"]', { timeout: 15_000 });
    const first = (await page.getAttribute('#deliveries tbody tr[data-delivery]', 'data-delivery'))!;
    await page.getByRole('button', { name: `Delivery ${first}, succeeded` }).click();
    await page.waitForSelector('#delivery-detail[data-status="succeeded"]');
    await page.getByRole('button', { name: `Delivery ${first}, succeeded` }).focus();
    const before = await focused(page);
    for (let i = 1; i <= 3; i++) await api('POST', '/v1/events', { type: 'case.created', data: { n: i } });
    await page.waitForSelector('#new-rows:has-text("3 new — show")', { timeout: 15_000 });
    // Nothing reflowed: the same single row, still selected, still focused.
    expect(
      await page.$$eval('#deliveries tbody tr[data-delivery]', (trs) =>
        trs.map((tr) => (tr as HTMLElement).dataset.delivery),
      ),
    ).toEqual([first]);
    expect(await page.getAttribute(`#deliveries tbody tr[data-delivery="${first}"]`, 'aria-selected')).toBe('true');
    expect(await focused(page)).toBe(before);
    await page.click('#new-rows');
    await page.waitForFunction(() => document.querySelectorAll('#deliveries tbody tr[data-delivery]').length === 4);
    expect(await page.isHidden('#new-rows')).toBe(true);
    expect(await page.getAttribute(`#deliveries tbody tr[data-delivery="${first}"]`, 'aria-selected')).toBe('true');
    // A delivery that is never attempted (its webhook paused: held) is announced too.
    await api('POST', `/v1/studio/webhooks/${hook.id}/pause`);
    await api('POST', '/v1/events', { type: 'case.created', data: { n: 4 } });
    await page.waitForSelector('#new-rows:has-text("1 new — show")', { timeout: 15_000 });
    expect(await page.locator('#deliveries tbody tr[data-delivery]').count()).toBe(4);
    // At 1280 px with the panel open, no cell is cut off: the list fits its box.
    expect(
      await page.$eval('#deliveries', (t) => t.scrollWidth <= (t.parentElement as HTMLElement).clientWidth + 1),
    ).toBe(true);
    await page.context().close();
    r.stop();
  });

  test('health: each webhook shows its last hour (success rate, p50/p95) with a sparkline', async () => {
    const r = receiver(() => 200);
    const hook = (await api('POST', '/v1/webhooks', { url: r.url, events: ['case.created'] })).body as { id: string };
    await api('POST', '/v1/events', { type: 'case.created', data: {} });
    await service.actors.drain();
    const page = await open(`#/webhooks/${hook.id}`);
    await page.waitForSelector('#deliveries tbody tr[data-status="succeeded"]', { timeout: 15_000 });
    const health = await api('GET', '/v1/studio/health');
    const mine = (health.body.webhooks as Record<string, { attempts: number; success_rate: number }>)[hook.id];
    expect(mine).toMatchObject({ attempts: 1, success_rate: 1 });
    await page.reload();
    await page.waitForSelector(`#webhook-list button[data-webhook="${hook.id}"] .health svg.spark`);
    expect(await page.textContent(`#webhook-list button[data-webhook="${hook.id}"] .health`)).toMatch(
      /100 % ok of 1 · p50 \d+ ms · p95 \d+ ms/,
    );
    await page.context().close();
    r.stop();
  });

  test('the smaller fixes: readable event names, no machine count left in the status, /favicon.ico', async () => {
    const page = await open('#/machines/delivery');
    await page.waitForSelector('#diagram svg[data-machine="delivery"]');
    const events = await page.$$eval('#transitions tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
    expect(events).toContain('after immediately');
    expect(events.some((e) => e?.startsWith('xstate.'))).toBe(false);
    expect(await page.$eval('#journal', (t) => t.firstElementChild?.tagName)).toBe('CAPTION');
    expect(await page.textContent('#status')).not.toContain('machines');
    expect(await page.textContent('#machine-count')).toBe('(5)');
    await page.click('#sign-out');
    await page.waitForSelector('#signin:not([hidden])');
    expect(await page.textContent('#machine-count')).toBe('');
    expect((await fetch(`${service.url}/favicon.ico`)).status).toBe(200);
    await page.context().close();
  });
});

describe.skipIf(!haveBrowser)('studio console: accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds no violation on any view (${colorScheme})`, async () => {
      const r = receiver(() => 500);
      const hook = (await api('POST', '/v1/webhooks', { url: r.url, events: ['case.created'] })).body as { id: string };
      const evt = (await api('POST', '/v1/events', { type: 'case.created', data: { case_id: 'axe' } })).body as {
        id: string;
      };
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        colorScheme,
        bypassCSP: true,
      });
      const signin = await context.newPage();
      await signin.goto(`${service.url}/studio`);
      await signin.waitForSelector('#signin:not([hidden])');
      await axe(signin, 'sign-in');
      await context.close();

      const page = await open('#/machines/delivery', { colorScheme });
      await page.waitForSelector('#diagram svg[data-machine="delivery"]');
      await page.click('details:has(#transitions) summary');
      await axe(page, 'machines');
      await page.evaluate((h) => {
        location.hash = h;
      }, `#/webhooks/${hook.id}`);
      await page.waitForSelector('#deliveries tbody tr[data-status="retrying"]', { timeout: 15_000 });
      const id = (await page.getAttribute('#deliveries tbody tr[data-delivery]', 'data-delivery'))!;
      await page.getByRole('button', { name: `Delivery ${id}, retrying` }).click();
      await page.waitForSelector('#delivery-detail[data-status="retrying"]');
      await page.click('#attempts tbody tr[data-attempt="1"] details summary');
      await axe(page, 'webhook and delivery');
      await page.click('#act-test');
      await page.waitForSelector('#confirm[open]');
      await axe(page, 'confirmation dialog');
      await page.keyboard.press('Escape');
      await page.evaluate((h) => {
        location.hash = h;
      }, `#/events/${evt.id}`);
      await page.waitForSelector('#event-detail:not([hidden])');
      await axe(page, 'events');
      await page.evaluate(() => {
        location.hash = '#/sessions';
      });
      await page.waitForSelector('#view-sessions:not([hidden])');
      await axe(page, 'authorization sessions');
      await page.screenshot({ path: screenshotPath(`studio-console-sessions-${colorScheme}`) });
      await page.context().close();
      r.stop();
    });
  }
});
