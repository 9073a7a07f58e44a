// The studio in Chromium: every machine drawn with every state of its definition, and an
// instance followed live as its transitions commit.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { createMachine } from 'xstate';
import { toDirectedGraph } from '@xstate/graph';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { launchBrowser, screenshotPath, haveBrowser } from '../support/browser.ts';

let service: TestService;
let browser: Browser;
let acme: Awaited<ReturnType<typeof newTenant>>;
beforeAll(async () => {
  if (!haveBrowser) return;
  service = await startTestService({ workers: false });
  acme = await newTenant(service);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

const authed = (token: string) => ({ authorization: `Bearer ${token}` });

describe.skipIf(!haveBrowser)('studio', () => {
  test('draws every machine with every state of its definition', async () => {
    const { machines } = (await (
      await fetch(`${service.url}/v1/machines`, { headers: authed(acme.adminToken) })
    ).json()) as { machines: Array<{ name: string; states: string[] }> };
    expect(machines.map((m) => m.name).sort()).toEqual([
      'authorizationSession',
      'clientSecretRotation',
      'delivery',
      'signingKey',
      'subscription',
    ]);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${service.url}/studio`);
    await page.getByLabel('Admin access token').fill(acme.adminToken);
    await page.getByRole('button', { name: 'Open' }).click();
    // The studio opens on the webhooks; the drawings are one tab away.
    await page.getByRole('tab', { name: 'Machines', exact: true }).click();
    for (const m of machines) {
      await page.getByRole('tab', { name: m.name, exact: true }).click();
      await page.waitForSelector(`#diagram svg[data-machine="${m.name}"]`);
      const drawn = await page.$$eval('#diagram g.state', (gs) => gs.map((g) => (g as HTMLElement).dataset.state));
      for (const s of m.states) expect(drawn).toContain(s);
      expect(Number(await page.getAttribute('#diagram', 'data-render-ms'))).toBeGreaterThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`studio-${m.name}`) });
    }
  });

  test('follows an instance live, and another tenant cannot see it', async () => {
    const app = (await (
      await fetch(`${service.url}/v1/platform/apps`, {
        method: 'POST',
        headers: { ...authed(acme.adminToken), 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Followed',
          grant_types: ['client_credentials'],
          requested_scopes: ['webhooks:read'],
        }),
      })
    ).json()) as { client_id: string };
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${service.url}/studio`);
    await page.getByLabel('Admin access token').fill(acme.adminToken);
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('tab', { name: 'Machines', exact: true }).click();
    await page.getByRole('tab', { name: 'clientSecretRotation', exact: true }).click();
    await page.waitForSelector('#diagram svg[data-machine="clientSecretRotation"]');
    await page.getByLabel('Instance id').fill(app.client_id);
    await page.getByRole('button', { name: 'Follow' }).click();
    await page.waitForSelector('#journal tbody tr[data-to="single"]');

    // A rotation committed now appears without a reload.
    await fetch(`${service.url}/v1/platform/apps/${app.client_id}/rotate-secret`, {
      method: 'POST',
      headers: authed(acme.adminToken),
    });
    await page.waitForSelector('#journal tbody tr[data-to="overlapping"]');
    expect(await page.getAttribute('#diagram g.state[data-state="overlapping"]', 'class')).toContain('current');
    await page.screenshot({ path: screenshotPath('studio-instance-live') });
    const narrow = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await narrow.goto(`${service.url}/studio`);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const globex = await newTenant(service);
    const theirs = await fetch(`${service.url}/v1/machines/clientSecretRotation/instances/${app.client_id}/journal`, {
      headers: authed(globex.adminToken),
    });
    expect(theirs.status).toBe(404);
    const mine = (await (
      await fetch(`${service.url}/v1/machines/clientSecretRotation/instances/${app.client_id}/journal`, {
        headers: authed(acme.adminToken),
      })
    ).json()) as { transitions: Array<{ to: string }> };
    expect(mine.transitions.map((t) => t.to)).toEqual(['single', 'overlapping']);
  });

  test('machine definitions need an admin token and load as XState JSON', async () => {
    expect((await fetch(`${service.url}/v1/machines`)).status).toBe(401);
    const def = (await (
      await fetch(`${service.url}/v1/machines/signingKey`, { headers: authed(acme.adminToken) })
    ).json()) as { id: string; states: Record<string, unknown> };
    expect(def.id).toBe('signingKey');
    expect(Object.keys(def.states)).toEqual(['next', 'active', 'retiring', 'retired']);
    expect((await fetch(`${service.url}/v1/machines/nope`, { headers: authed(acme.adminToken) })).status).toBe(404);
  });

  test('every definition served as JSON loads back into XState and @xstate/graph with the same states and transitions', async () => {
    const { machines } = (await (
      await fetch(`${service.url}/v1/machines`, { headers: authed(acme.adminToken) })
    ).json()) as { machines: Array<{ name: string; states: string[] }> };
    type GraphNode = { id: string; children: GraphNode[]; edges: unknown[] };
    const nodes = (g: GraphNode): string[] => g.children.flatMap((c) => [c.id, ...nodes(c)]);
    const edges = (g: GraphNode): number => g.edges.length + g.children.reduce((sum, c) => sum + edges(c), 0);
    for (const m of machines) {
      const json = await (
        await fetch(`${service.url}/v1/machines/${m.name}`, { headers: authed(acme.adminToken) })
      ).json();
      const loaded = toDirectedGraph(
        createMachine(json as Parameters<typeof createMachine>[0]),
      ) as unknown as GraphNode;
      expect(nodes(loaded).map((id) => id.slice(m.name.length + 1))).toEqual(m.states);
      expect(edges(loaded)).toBe(edges(toDirectedGraph(service.catalog.get(m.name)!) as unknown as GraphNode));
    }
  });

  test('the delivery drawing carries its named delays, guards and retry schedule', async () => {
    const svg = await (
      await fetch(`${service.url}/v1/machines/delivery/diagram.svg`, { headers: authed(acme.adminToken) })
    ).text();
    expect(svg).toContain('Named delays: immediately, backoff, sendTimeout');
    expect(svg).toContain('Guards: succeeded, gone, canRetry, attemptsLeft');
    expect(svg).toContain('#1 at once, #2 5 s, #3 5 min, #4 30 min, #5 2 h, #6 5 h, #7 10 h, #8 10 h (each ±20 %)');
    expect(svg).toContain('data-event="RESULT" data-from="sending" data-to="backoff"');
    const { machines } = (await (
      await fetch(`${service.url}/v1/machines`, { headers: authed(acme.adminToken) })
    ).json()) as { machines: Array<{ name: string; retry_schedule: unknown }> };
    expect(machines.find((m) => m.name === 'delivery')!.retry_schedule).toEqual({
      delay: 'backoff',
      attempts_ms: [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000],
      jitter_ratio: 0.2,
    });
    expect(machines.find((m) => m.name === 'authorizationSession')!.retry_schedule).toBeNull();
  });
});
