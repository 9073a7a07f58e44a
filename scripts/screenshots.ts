// npm run screenshots: the studio's home (failing webhooks first, each with its last hour and
// its queue) as docs/studio-home.png, its delivery view as docs/studio-delivery.png, and an
// integrator app's portal (its two webhooks, one failing, a delivery open) as docs/portal.png, made
// from a service started here on embedded PGlite (a scratch data directory), with seeded
// webhooks, a receiver that fails once and one that always fails, in Debian's Chromium
// (CHROMIUM_PATH to use another).
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import { startService } from '../src/main.ts';
import { mintAdminToken } from '../src/services.ts';
import { silentLogger } from '../src/log.ts';

const OUT = join(import.meta.dir, '../docs');
const probe = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response() });
const port = probe.port!;
probe.stop(true);

let calls = 0;
const receiver = Bun.serve({
  port: 0,
  hostname: '127.0.0.1',
  // Fails the first attempt of every other event, so the view has a delivery in backoff.
  fetch: async (req) => {
    const body = await req.text();
    calls++;
    return body.includes('"case_17"') ? new Response('receiver is down', { status: 503 }) : new Response('thanks');
  },
});
const hanging = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: () => new Response('gone', { status: 500 }) });

const service = await startService(
  loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'argus-screenshots-')),
    ALLOW_PRIVATE_TARGETS: 'true',
    WORKER_POLL_MS: '50',
  }),
  { http: true, workers: true, log: silentLogger },
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const tenant = await service.tenants.createTenant({
    name: 'Acme',
    adminEmail: 'ops@acme.example',
    adminPassword: 'correct horse battery staple',
  });
  const token = (await mintAdminToken(service, tenant.tenantId, tenant.adminUserId)).token;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  // The integrator app whose owners the portal is for: it owns the first two webhooks.
  const app = await call('POST', '/v1/platform/apps', {
    name: 'Case sync connector',
    grant_types: ['client_credentials'],
    requested_scopes: ['webhooks:write'],
  });
  const hook = await call('POST', '/v1/webhooks', {
    url: `http://127.0.0.1:${receiver.port}/hooks/argus`,
    events: ['case.created', 'case.updated'],
    app_id: app.client_id,
  });
  const down = await call('POST', '/v1/webhooks', {
    url: `http://127.0.0.1:${hanging.port}/argus/events`,
    events: ['case.created'],
    app_id: app.client_id,
  });
  // A paused one: what is published meanwhile is held, and its queue says so.
  const paused = await call('POST', '/v1/webhooks', {
    url: 'https://crm.globex.example/webhooks/argus',
    events: ['case.updated'],
  });
  await call('PUT', `/v1/webhooks/${paused.id}`, { paused: true });
  for (let i = 0; i < 18; i++)
    await call('POST', '/v1/events', { type: i % 3 ? 'case.created' : 'case.updated', data: { case_id: `case_${i}` } });
  const deadline = Date.now() + 20_000;
  let target: string | undefined;
  while (!target && Date.now() < deadline) {
    const { deliveries } = (await call('GET', `/v1/studio/webhooks/${hook.id}/deliveries?status=retrying`)) as {
      deliveries: Array<{ id: string }>;
    };
    target = deliveries[0]?.id;
    if (!target) await Bun.sleep(200);
  }
  if (!target) throw new Error('no delivery reached backoff');

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${service.url}/studio#/webhooks/${hook.id}/deliveries/${target}`);
  await page.getByLabel('Admin access token').fill(token);
  await page.getByRole('button', { name: 'Open' }).click();
  await page.waitForSelector('#delivery-detail[data-status="retrying"]');
  await page.waitForSelector('#delivery-timers li[data-kind="next_attempt"]');
  await page.waitForSelector('#webhook-list .health');
  await page.evaluate(() =>
    window.scrollTo(
      0,
      (document.querySelector('#deliveries-title') as HTMLElement).getBoundingClientRect().top + window.scrollY - 8,
    ),
  );
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, 'studio-delivery.png') });
  console.log(`wrote docs/studio-delivery.png (${calls} requests to the receiver)`);

  // The home: the failing webhook under "Needs attention", every webhook's last hour and queue.
  const home = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await home.goto(`${service.url}/studio#/webhooks`);
  await home.getByLabel('Admin access token').fill(token);
  await home.getByRole('button', { name: 'Open' }).click();
  await home.waitForSelector('#attention-list:not([hidden]) .queue:has-text("retrying")', { timeout: 60_000 });
  await home.waitForSelector('#webhook-list .queue:has-text("held")');
  await home.screenshot({ path: join(OUT, 'studio-home.png') });
  console.log('wrote docs/studio-home.png');

  // The app's portal, from a link an administrator minted: its failing webhook, a delivery open.
  const link = await call('POST', `/v1/platform/apps/${app.client_id}/portal-links`);
  const portal = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await portal.goto(String(link.url));
  await portal.click('#open-portal');
  await portal.waitForSelector('#portal:not([hidden])');
  await portal.click(`#webhook-list button[data-id="${down.id}"]`);
  await portal.waitForSelector('#deliveries tbody tr');
  await portal.click('#deliveries tbody tr:first-child button');
  await portal.waitForSelector('#delivery:not([hidden]) #attempts li');
  await portal.evaluate(() => window.scrollTo(0, 0));
  await portal.screenshot({ path: join(OUT, 'portal.png') });
  console.log('wrote docs/portal.png');
} finally {
  await browser.close();
  await service.stop();
  receiver.stop(true);
  hanging.stop(true);
}
// Once ELK (the drawings' layout) has laid several machines out, something inside it keeps the
// event loop alive: the service it ran in is stopped above, so this command ends here.
process.exit(0);
