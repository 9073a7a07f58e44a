// Debian's Chromium driven by playwright-core (installed by .ci/run); screenshots land in
// test-results/ so a run leaves something to look at.
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'bun:test';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dir, '../../test-results');

/**
 * Whether the browser tests run: with Chromium installed, and always in CI (where a missing
 * Chromium is a failure: .ci/run installs it). Elsewhere they are skipped and say how to run them.
 */
export const haveBrowser = existsSync(CHROMIUM) || process.env.CI !== undefined;
if (!haveBrowser)
  console.log(
    `browser tests: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH; bash .ci/run installs it)`,
  );

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export const screenshotPath = (name: string) => join(SCREENSHOTS, `${name}.png`);

/** A client's redirect URI on loopback (`/callback`), keeping every callback it receives. */
export function callbackReceiver() {
  const callbacks: URL[] = [];
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: (req) => {
      const url = new URL(req.url);
      if (url.pathname !== '/callback') return new Response(null, { status: 404 }); // the browser's favicon request
      callbacks.push(url);
      return new Response('<!doctype html><title>Callback</title><h1>Back at the client</h1>', {
        headers: { 'content-type': 'text/html' },
      });
    },
  });
  return { callbacks, redirectUri: `http://127.0.0.1:${server.port}/callback`, stop: () => server.stop(true) };
}

/** Clicks a form's button and waits for the page it posts to (not the one it leaves). */
export async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('button', { name: button }).click(),
  ]);
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core on the page as it is now (its context must bypass CSP: axe is injected inline): no violation. */
export async function axe(page: Page, what: string) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          o: unknown,
        ) => Promise<{
          violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[]; failureSummary: string }> }>;
        }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
  expect({ what, violations }).toEqual({ what, violations: [] });
}
