// Drawings that read, in Chromium: on every machine, no transition label covers another label,
// a state it does not belong to, or any state's name, and none hides the "now" badge of a
// state marked current; the legend is there; zoom and pan change the view.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser, Page } from 'playwright-core';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { launchBrowser, screenshotPath, haveBrowser } from '../support/browser.ts';

let service: TestService;
let browser: Browser;
let acme: Awaited<ReturnType<typeof newTenant>>;
let names: string[] = [];
beforeAll(async () => {
  if (!haveBrowser) return;
  service = await startTestService({ workers: false });
  acme = await newTenant(service);
  browser = await launchBrowser();
  const { machines } = (await (await fetch(`${service.url}/v1/machines`, { headers: authed() })).json()) as {
    machines: Array<{ name: string }>;
  };
  names = machines.map((m) => m.name);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

function authed() {
  return { authorization: `Bearer ${acme.adminToken}` };
}

interface Overlap {
  what: string;
  label: string;
  other: string;
}

/** Every overlap the drawing in the page has (boxes as the browser lays the text out). */
function overlaps(page: Page): Promise<Overlap[]> {
  return page.evaluate(() => {
    type Box = { x1: number; y1: number; x2: number; y2: number };
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { x1: r.left, y1: r.top, x2: r.right, y2: r.bottom };
    };
    const hit = (a: Box, b: Box) => a.x1 < b.x2 - 0.5 && b.x1 < a.x2 - 0.5 && a.y1 < b.y2 - 0.5 && b.y1 < a.y2 - 0.5;
    const svg = document.querySelector('svg.statechart')!;
    const out: Array<{ what: string; label: string; other: string }> = [];
    const labels = [...svg.querySelectorAll('g.labels > g.label')].map((g) => {
      const edge = svg.querySelector(`.edges [data-edge="${(g as SVGElement).dataset.edge}"]`) as SVGElement;
      return {
        g,
        text: g.textContent ?? '',
        from: edge.dataset.from!,
        to: edge.dataset.to!,
        box: box(g),
        textBox: box(g.querySelector('text')!),
      };
    });
    const states = [...svg.querySelectorAll('g.state')].map((g) => ({
      path: (g as SVGElement).dataset.state!,
      box: box(g.querySelector('rect.box')!),
      name: box(g.querySelector('text.name')!),
      compound: g.classList.contains('state-compound') || g.classList.contains('state-parallel'),
    }));
    const root = svg.getAttribute('data-machine')!;
    const ancestorOf = (p: string, of: string) => p === root || of === p || of.startsWith(`${p}.`);
    labels.forEach((a, i) => {
      // The text must fit the box the layout reserved for it (the fixed character width model holds).
      if (a.textBox.x2 > a.box.x2 + 0.5 || a.textBox.x1 < a.box.x1 - 0.5)
        out.push({ what: 'text wider than its label box', label: a.text, other: '' });
      for (const b of labels.slice(i + 1))
        if (hit(a.box, b.box)) out.push({ what: 'label over label', label: a.text, other: b.text });
      for (const s of states) {
        const own = s.compound && ancestorOf(s.path, a.from) && ancestorOf(s.path, a.to);
        if (!own && hit(a.box, s.box)) out.push({ what: 'label over a state', label: a.text, other: s.path });
        if (hit(a.box, s.name)) out.push({ what: 'label over a state name', label: a.text, other: s.path });
      }
    });
    // Each state marked current in turn: its badge shows, and no label or state name covers it.
    for (const g of svg.querySelectorAll('g.state')) {
      g.classList.add('current');
      const badge = g.querySelector('.now-badge')!;
      const b = box(badge);
      if (getComputedStyle(badge).display === 'none' || b.x2 - b.x1 < 10)
        out.push({ what: 'no badge', label: '', other: (g as SVGElement).dataset.state! });
      for (const l of labels)
        if (hit(l.box, b))
          out.push({ what: 'label over the now badge', label: l.text, other: (g as SVGElement).dataset.state! });
      for (const s of states)
        if (hit(s.name, b))
          out.push({ what: 'state name under the now badge', label: s.path, other: (g as SVGElement).dataset.state! });
      // Inside its own state's box.
      const own = box(g.querySelector('rect.box')!);
      if (b.x1 < own.x1 || b.x2 > own.x2 || b.y1 < own.y1 || b.y2 > own.y2)
        out.push({ what: 'badge outside its state', label: '', other: (g as SVGElement).dataset.state! });
      g.classList.remove('current');
    }
    return out;
  });
}

describe.skipIf(!haveBrowser)('studio drawings', () => {
  test('on every machine, no label covers another label, a state it does not belong to, or a "now" badge', async () => {
    expect(names.sort()).toEqual([
      'authorizationSession',
      'clientSecretRotation',
      'delivery',
      'signingKey',
      'subscription',
    ]);
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
      for (const name of names) {
        const res = await fetch(`${service.url}/v1/machines/${name}/diagram.svg`, { headers: authed() });
        expect(res.headers.get('content-type')).toContain('image/svg+xml');
        const svg = await res.text();
        await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
        expect(await page.locator('g.labels > g.label').count()).toBeGreaterThan(0);
        expect(await overlaps(page)).toEqual([]);
        await page.screenshot({ path: screenshotPath(`studio-drawing-${name}-${scheme}`), fullPage: true });
        // The check finds an overlap when there is one: one label moved onto a state's name.
        await page.evaluate(() => {
          const label = document.querySelector('g.labels > g.label')!;
          const name = document
            .querySelector('g.state:not(.state-compound):not(.state-parallel) text.name')!
            .getBoundingClientRect();
          const own = label.getBoundingClientRect();
          label.setAttribute('transform', `translate(${name.left - own.left} ${name.top - own.top})`);
        });
        expect((await overlaps(page)).map((o) => o.what)).toContain('label over a state name');
      }
      await page.close();
    }
  });

  test('in the studio page itself (its own style around the drawing), every machine still reads', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
      await page.goto(`${service.url}/studio`);
      await page.getByLabel('Admin access token').fill(acme.adminToken);
      await page.getByRole('button', { name: 'Open' }).click();
      await page.getByRole('tab', { name: 'Machines', exact: true }).click();
      for (const name of names) {
        await page.getByRole('tab', { name, exact: true }).click();
        await page.waitForSelector(`#diagram svg.statechart.zoomable[data-machine="${name}"]`);
        expect(await overlaps(page)).toEqual([]);
      }
      await page.close();
    }
  });

  test('every drawing carries a legend of its marks', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    for (const name of names) {
      await page.setContent(
        `<!doctype html>${await (await fetch(`${service.url}/v1/machines/${name}/diagram.svg`, { headers: authed() })).text()}`,
      );
      const legend = page.locator('svg.statechart g.legend[aria-label="Legend"]');
      expect(await legend.isVisible()).toBe(true);
      const items = await legend.locator('text').allTextContents();
      expect(items).toEqual([
        'current (now)',
        'visited',
        'transition taken',
        'pending timer',
        'delayed transition',
        'parallel region',
        'keyboard focus',
      ]);
      // The legend sits under the drawing: it covers no state.
      const overlap = await page.evaluate(() => {
        const l = document.querySelector('g.legend')!.getBoundingClientRect();
        return [...document.querySelectorAll('g.state rect.box')].some((r) => {
          const b = r.getBoundingClientRect();
          return b.bottom > l.top && b.top < l.bottom && b.right > l.left && b.left < l.right;
        });
      });
      expect(overlap).toBe(false);
    }
    // Each mark is drawn differently: visited is not dashed, current is not what the focus ring is.
    await page.setContent(
      `<!doctype html>${await (await fetch(`${service.url}/v1/machines/subscription/diagram.svg`, { headers: authed() })).text()}`,
    );
    const looks = await page.evaluate(() => {
      const look = (path: string, cls: string[]) => {
        const g = document.querySelector(`g.state[data-state="${path}"]`)!;
        g.classList.add(...cls);
        const s = getComputedStyle(g.querySelector('rect.box')!);
        const out = { dash: s.strokeDasharray, stroke: s.stroke, width: s.strokeWidth, fill: s.fill };
        g.classList.remove(...cls);
        return out;
      };
      const ring = getComputedStyle(document.querySelector('g.state rect.ring')!).stroke;
      return {
        plain: look('health.active', []),
        visited: look('health.active', ['visited']),
        current: look('health.active', ['current']),
        region: look('health', []),
        ring,
      };
    });
    expect(looks.visited.dash).toBe('none');
    expect(looks.visited.fill).not.toBe(looks.plain.fill);
    expect(looks.current.dash).toBe('none');
    expect(looks.current.stroke).not.toBe(looks.plain.stroke);
    expect(looks.region.dash).not.toBe('none');
    expect(looks.ring).not.toBe(looks.current.stroke);
  });

  test('zoom and pan: the buttons and a drag change the view, Fit goes back to the whole drawing', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${service.url}/studio`);
    await page.getByLabel('Admin access token').fill(acme.adminToken);
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('tab', { name: 'Machines', exact: true }).click();
    await page.getByRole('tab', { name: 'authorizationSession', exact: true }).click();
    await page.waitForSelector('#diagram svg.statechart.zoomable[data-machine="authorizationSession"]');
    const svg = page.locator('#diagram svg.statechart');
    const full = (await svg.getAttribute('viewBox'))!;
    const viewBox = async () => {
      const [x = NaN, y = NaN, w = NaN, h = NaN] = (await svg.getAttribute('viewBox'))!.split(' ').map(Number);
      return { x, y, w, h };
    };
    const fullW = (await viewBox()).w;
    // Fitted to the width of its box by default.
    const fit = await page.evaluate(() => ({
      svg: document.querySelector('#diagram svg')!.getBoundingClientRect().width,
      box: document.querySelector('#diagram')!.clientWidth,
    }));
    expect(fit.svg).toBeLessThanOrEqual(fit.box);
    expect(fit.svg).toBeGreaterThan(fit.box * 0.8);

    const zoomIn = page.getByRole('button', { name: 'Zoom in' });
    const zoomOut = page.getByRole('button', { name: 'Zoom out' });
    const reset = page.getByRole('button', { name: 'Fit to width (reset zoom)' });
    expect(await zoomOut.isDisabled()).toBe(true);
    // From the keyboard: the buttons are in the tab order.
    await zoomIn.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const zoomed = await viewBox();
    expect(zoomed.w).toBeLessThan(fullW);
    expect(Number(await svg.getAttribute('data-zoom'))).toBeGreaterThan(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Zoom out');

    // A drag pans.
    // From a point of the drawing inside the viewport (the page above it may push its middle below).
    await svg.scrollIntoViewIfNeeded();
    const b = (await svg.boundingBox())!;
    const startY = Math.min(b.y + b.height / 2, b.y + 200, 800 - 100);
    await page.mouse.move(b.x + b.width / 2, startY);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2 + 120, startY + 40, { steps: 5 });
    await page.mouse.up();
    const panned = await viewBox();
    expect(panned.x).toBeLessThan(zoomed.x);
    expect(panned.w).toBe(zoomed.w);
    expect(await page.evaluate(() => String(window.getSelection()))).toBe(''); // a drag selects no text

    // Ctrl + wheel zooms in further, around the pointer.
    await page.mouse.move(b.x + 50, b.y + 50);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await page.waitForFunction(
      (w) => Number(document.querySelector('#diagram svg')!.getAttribute('viewBox')!.split(' ')[2]) < w,
      panned.w,
    );

    const closer = await viewBox();
    await zoomOut.click();
    expect((await viewBox()).w).toBeGreaterThan(closer.w);
    await reset.click();
    expect(await svg.getAttribute('viewBox')).toBe(full);
    // The keys on the drawing's box: + zooms, 0 fits again.
    await page.focus('#diagram');
    await page.keyboard.press('+');
    expect(await svg.getAttribute('viewBox')).not.toBe(full);
    await page.keyboard.press('0');
    expect(await svg.getAttribute('viewBox')).toBe(full);
    await page.screenshot({ path: screenshotPath('studio-drawing-zoom') });

    // Another machine drawn in the same box gets its own controls, once.
    await page.getByRole('tab', { name: 'delivery', exact: true }).click();
    await page.waitForSelector('#diagram svg.statechart.zoomable[data-machine="delivery"]');
    expect(await page.locator('#diagram .zoom-controls').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Zoom in' }).count()).toBe(1);
  });
});
