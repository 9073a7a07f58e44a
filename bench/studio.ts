// The studio's speed: drawing a 20-state machine (server SVG, then Chromium inserting and
// laying it out), and a webhook's live view with 10,000 deliveries in its history beside the
// same view for a webhook with 10 (the baseline): API pages, the view ready in Chromium, a
// page turn, and how long a new delivery takes to appear live. PGlite and PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setup } from 'xstate';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import { startService, type Service } from '../src/main.ts';
import { silentLogger } from '../src/log.ts';
import { mintAdminToken } from '../src/services.ts';
import { migrate } from '../src/db/migrate.ts';
import type { Db } from '../src/db/index.ts';
import { machineModel } from '../src/studio/model.ts';
import { drawMachine, machineSvg } from '../src/studio/svg.ts';
import { loadMachines } from '../src/studio/registry.ts';
import { machineNotes } from '../src/studio/routes.ts';
import { deliveryMachine } from '../machines/delivery.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { seedDeliveries } from '../test/browser/studio-seed.ts';
import { FIXED } from '../src/defaults.ts';
import { figure, machine, quick, scratchPglite, scratchPostgres } from './support.ts';

const BENCH = 'studio';
const HISTORY = 10_000;
const runs = quick ? 5 : 15;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
async function medianOf(n: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(await timed(fn));
  return median(xs);
}

/** 20 state nodes: 8 atomic, a compound with 4 children, a parallel state with 2 regions of 2. */
const twentyStates = setup({
  delays: Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`wait${i}`, 1_000 * (i + 1)])),
  guards: { canFail: () => true },
}).createMachine({
  id: 'twenty',
  initial: 's0',
  states: {
    ...Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [
        `s${i}`,
        {
          on: {
            NEXT: i < 7 ? `s${i + 1}` : 'review',
            BACK: `s${Math.max(0, i - 1)}`,
            FAIL: { target: 's0', guard: 'canFail' },
          },
          after: { [`wait${i}`]: `s${(i + 3) % 8}` },
        },
      ]),
    ),
    review: {
      initial: 'r0',
      states: {
        r0: { on: { OK: 'r1' } },
        r1: { on: { OK: 'r2' } },
        r2: { on: { OK: 'r3' } },
        r3: { on: { OK: '#twenty.sync' } },
      },
    },
    sync: {
      type: 'parallel',
      states: {
        left: { initial: 'l0', states: { l0: { on: { L: 'l1' } }, l1: {} } },
        right: { initial: 'q0', states: { q0: { on: { R: 'q1' } }, q1: { type: 'final' } } },
      },
      on: { DONE: 's0' },
    },
  },
});

/** Laid out anew each time (ELK), as on the first request for a machine. */
function drawSvg(m: typeof deliveryMachine | typeof twentyStates): Promise<string> {
  return drawMachine(m.id, machineModel(m), machineNotes(m));
}

async function drawing(browser: Browser) {
  const count = (function countStates(n: { states?: Record<string, unknown> }): number {
    return Object.values(n.states ?? {}).reduce<number>(
      (s, c) => s + 1 + countStates(c as { states?: Record<string, unknown> }),
      0,
    );
  })(twentyStates.config as { states?: Record<string, unknown> });
  if (count !== 20) throw new Error(`the synthetic machine has ${count} states, not 20`);
  const server20 = await medianOf(runs, () => drawSvg(twentyStates));
  const serverDelivery = await medianOf(runs, () => drawSvg(deliveryMachine));
  figure(BENCH, 'svg_20_states_ms', server20, 'ms', { machine });
  figure(BENCH, 'svg_delivery_ms', serverDelivery, 'ms', { machine });
  // Every machine of the product, laid out anew, and then served from the per-machine cache.
  for (const [name, m] of await loadMachines()) {
    figure(
      BENCH,
      `layout_${name}_ms`,
      await medianOf(runs, () => drawMachine(name, machineModel(m), machineNotes(m))),
      'ms',
      { machine },
    );
  }
  await machineSvg(deliveryMachine.id, machineModel(deliveryMachine), machineNotes(deliveryMachine));
  figure(
    BENCH,
    'svg_delivery_cached_ms',
    await medianOf(runs * 20, () =>
      machineSvg(deliveryMachine.id, machineModel(deliveryMachine), machineNotes(deliveryMachine)),
    ),
    'ms',
    { machine },
  );
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.setContent('<!doctype html><div id="d"></div>');
  const browserMs = async (svg: string) => {
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) {
      xs.push(
        await page.evaluate(async (text) => {
          const d = document.getElementById('d')!;
          d.innerHTML = '';
          const t = performance.now();
          d.innerHTML = text;
          d.getBoundingClientRect();
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          return performance.now() - t;
        }, svg),
      );
    }
    return median(xs);
  };
  const browser20 = await browserMs(await drawSvg(twentyStates));
  const browserDelivery = await browserMs(await drawSvg(deliveryMachine));
  figure(BENCH, 'render_20_states_browser_ms', browser20, 'ms', {
    machine,
    note: 'insert, layout and two frames in Chromium',
  });
  figure(BENCH, 'render_20_states_vs_delivery', browser20 / browserDelivery, 'x', { machine });
  await page.close();
}

async function history(browser: Browser, kind: 'pglite' | 'postgres', db: Db) {
  await migrate(db);
  const service: Service = await startService(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'argus-bench-')),
      ALLOW_PRIVATE_TARGETS: 'true',
    }),
    { http: true, workers: false, db, log: silentLogger },
  );
  try {
    const tenant = await service.tenants.createTenant({
      name: 'Bench',
      adminEmail: 'bench@example.com',
      adminPassword: 'correct horse battery staple',
    });
    const token = (await mintAdminToken(service, tenant.tenantId, tenant.adminUserId)).token;
    const principal = await service.tokens.verify(token);
    const hook = async (n: number) => {
      const w = await service.webhooks.create(principal, {
        url: 'http://127.0.0.1:9/never-called',
        events: ['case.created'],
      });
      await seedDeliveries(service, tenant.tenantId, w.id, n);
      return w.id;
    };
    const small = await hook(10);
    const big = await hook(HISTORY);
    const get = async (path: string) => {
      const res = await fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<{ next_cursor?: string | null }>;
    };
    const extra = { machine, db: kind, history: HISTORY };
    for (const [name, id] of [
      ['baseline_10', small],
      ['history_10000', big],
    ] as const) {
      figure(
        BENCH,
        `${name}_first_page_ms`,
        await medianOf(runs, () => get(`/v1/studio/webhooks/${id}/deliveries?limit=50`)),
        'ms',
        extra,
      );
      figure(BENCH, `${name}_summary_ms`, await medianOf(runs, () => get(`/v1/studio/webhooks/${id}`)), 'ms', extra);
    }
    // Page 100 of 200: walk there once, then time that page.
    let cursor: string | null | undefined = null;
    for (let i = 0; i < 99; i++)
      cursor = (
        await get(
          `/v1/studio/webhooks/${big}/deliveries?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
      ).next_cursor;
    figure(
      BENCH,
      'history_10000_page_100_ms',
      await medianOf(runs, () =>
        get(`/v1/studio/webhooks/${big}/deliveries?limit=50&cursor=${encodeURIComponent(cursor!)}`),
      ),
      'ms',
      extra,
    );

    // In Chromium: the view ready (summary and 50 rows drawn), a page turn, a new delivery live.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${service.url}/studio`);
    await page.getByLabel('Admin access token').fill(token);
    await page.getByRole('button', { name: 'Open' }).click();
    await page.waitForSelector('#studio:not([hidden])');
    const open = async (p: Page, id: string, expected: string) => {
      await p.evaluate(() => {
        location.hash = '#/machines';
      });
      await p.waitForSelector('#view-machines:not([hidden])');
      return timed(async () => {
        await p.evaluate((h) => {
          location.hash = `#/webhooks/${h}`;
        }, id);
        await p.waitForSelector(`#page-info:has-text("${expected}")`);
        await p.waitForSelector('#deliveries tbody tr[data-delivery]');
      });
    };
    const viewBase: number[] = [];
    const viewBig: number[] = [];
    for (let i = 0; i < runs; i++) {
      viewBase.push(await open(page, small, '10 deliveries'));
      viewBig.push(await open(page, big, '10,000 deliveries'));
    }
    figure(BENCH, 'view_ready_baseline_10_ms', median(viewBase), 'ms', extra);
    figure(BENCH, 'view_ready_history_10000_ms', median(viewBig), 'ms', extra);
    figure(BENCH, 'view_ready_10000_vs_10', median(viewBig) / median(viewBase), 'x', extra);
    const turns: number[] = [];
    for (let i = 0; i < runs; i++) {
      turns.push(
        await timed(async () => {
          await page.getByRole('button', { name: 'Older' }).click();
          await page.waitForSelector('#page-info:has-text("Page 2 ")');
        }),
      );
      await page.getByRole('button', { name: 'Newer' }).click();
      await page.waitForSelector('#page-info:has-text("Page 1 ")');
    }
    figure(BENCH, 'page_turn_history_10000_ms', median(turns), 'ms', extra);
    await page.waitForSelector('#live:has-text("Live")');
    const live: number[] = [];
    for (let i = 0; i < runs; i++) {
      const [id] = await seedDeliveries(service, tenant.tenantId, big, 1);
      // A new row is announced ("1 new — show"), not inserted under the reader; showing it is a click.
      live.push(await timed(() => page.waitForSelector('#new-rows:has-text("1 new")', { timeout: 10_000 })));
      await page.click('#new-rows');
      await page.waitForSelector(`#deliveries tbody tr[data-delivery="${id}"]`, { timeout: 10_000 });
    }
    figure(BENCH, 'live_new_delivery_history_10000_ms', median(live), 'ms', {
      ...extra,
      note: 'commit to its announcement on screen: SSE poll 400 ms, page refresh debounced 250 ms',
    });
    await page.close();
  } finally {
    await service.stop();
  }
}

/**
 * The finder's payload search (no index, the newest FIXED.payloadSearchScan events of its range)
 * over a range of 100,000 events whose data each holds a case id among other fields, for the
 * oldest one (every row read): against the floor, the same rows read by SQL with no matching,
 * and against the events view's first page.
 */
async function payloadSearch(kind: 'pglite' | 'postgres', db: Db) {
  await migrate(db);
  const service: Service = await startService(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'argus-bench-')) }),
    { http: true, workers: false, db, log: silentLogger },
  );
  try {
    const tenant = await service.tenants.createTenant({
      name: 'Search',
      adminEmail: 'search@example.com',
      adminPassword: 'correct horse battery staple',
    });
    const token = (await mintAdminToken(service, tenant.tenantId, tenant.adminUserId)).token;
    const start = service.actors.clock.now() - 3_600_000;
    for (let done = 0; done < FIXED.payloadSearchScan; done += 5_000)
      await db.query(
        `insert into events (id, tenant_id, type, data, deliveries, created_at)
         select 'evt_search' || i, $1, 'case.updated',
                jsonb_build_object('case_id', 'c' || i, 'title', 'Printer on floor ' || (i % 40) || ' is out of toner',
                                   'priority', i % 4, 'tags', jsonb_build_array('hardware', 'floor-' || (i % 40)),
                                   'assignee', jsonb_build_object('id', 'u' || (i % 300), 'team', 'it-ops')),
                0, to_timestamp(($3::bigint + i * 30) / 1000.0)
           from generate_series($2::int, $2::int + 4999) as i`,
        [tenant.tenantId, done, start],
      );
    await db.query('analyze events');
    const since = new Date(start - 1000).toISOString();
    const get = async (path: string) => {
      const res = await fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<{ events: unknown[] }>;
    };
    const extra = { machine, db: kind, events: FIXED.payloadSearchScan };
    const search = await medianOf(runs, async () => {
      const found = await get(`/v1/studio/search?q=case_id%3Dc0&since=${encodeURIComponent(since)}`);
      if (found.events.length !== 1) throw new Error('the oldest event was not found');
    });
    const floor = await medianOf(runs, () =>
      db.query(
        `select count(*) from (select data from events where tenant_id = $1 and created_at >= $2::timestamptz
           order by created_at desc, id desc limit $3) e where e.data is not null`,
        [tenant.tenantId, since, FIXED.payloadSearchScan],
      ),
    );
    const page = await medianOf(runs, () => get('/v1/studio/events?limit=50'));
    figure(BENCH, 'payload_search_100000_events_ms', search, 'ms', extra);
    figure(BENCH, 'payload_search_floor_ms', floor, 'ms', {
      ...extra,
      note: 'the same rows read by SQL, nothing matched',
    });
    figure(BENCH, 'payload_search_vs_floor', search / floor, 'x', extra);
    figure(BENCH, 'payload_search_per_event_us', (search * 1000) / FIXED.payloadSearchScan, 'us', extra);
    figure(BENCH, 'events_first_page_ms', page, 'ms', extra);
  } finally {
    await service.stop();
  }
}

const browser = await launchBrowser();
try {
  const searchDb = await scratchPostgres();
  try {
    await payloadSearch('postgres', searchDb.db);
  } finally {
    await searchDb.drop();
  }
  await drawing(browser);
  // Stopping the service closes its database; the Postgres scratch database is then dropped.
  await history(browser, 'pglite', (await scratchPglite()).db);
  const pg = await scratchPostgres();
  try {
    await history(browser, 'postgres', pg.db);
  } finally {
    await pg.drop();
  }
} finally {
  await browser.close();
}
