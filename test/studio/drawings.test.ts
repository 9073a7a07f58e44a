// The drawings: laid out by ELK the same way every time, with every state and every
// transition of each machine drawn exactly once, and the marks the page relies on.
import { describe, expect, test } from 'bun:test';
import { loadMachines } from '../../src/studio/registry.ts';
import { allStates, machineModel, type StateModel } from '../../src/studio/model.ts';
import { drawMachine, machineSvg } from '../../src/studio/svg.ts';
import { machineNotes } from '../../src/studio/routes.ts';
import { transitionText } from '../../src/studio/layout.ts';

const machines = await loadMachines();

const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
const unescapeXml = (s: string) =>
  s
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

describe('drawings', () => {
  test('every machine of the product is drawn', () => {
    expect([...machines.keys()].sort()).toEqual([
      'authorizationSession',
      'clientSecretRotation',
      'delivery',
      'signingKey',
      'subscription',
    ]);
  });

  for (const [name, m] of machines) {
    describe(name, () => {
      test('the layout is deterministic, and the drawing is kept once laid out', async () => {
        const a = await drawMachine(name, machineModel(m), machineNotes(m));
        const b = await drawMachine(name, machineModel(m), machineNotes(m));
        expect(b).toBe(a);
        expect(await machineSvg(name, machineModel(m), machineNotes(m))).toBe(a);
        expect(machineSvg(name, machineModel(m), machineNotes(m))).toBe(
          machineSvg(name, machineModel(m), machineNotes(m)),
        );
      });

      test('every state appears once, with its contract (data-state, tabindex, role, aria-label)', async () => {
        const model = machineModel(m);
        const svg = await machineSvg(name, model, machineNotes(m));
        expect(svg).toStartWith('<svg ');
        expect(attrs(svg.slice(0, svg.indexOf('>')))['data-machine']).toBe(name);
        const groups = [...svg.matchAll(/<g class="state[^"]*"[^>]*>/g)].map((g) => attrs(g[0]));
        const drawn = groups.map((g) => unescapeXml(g['data-state']));
        expect(drawn.sort()).toEqual([name, ...allStates(model).map((s) => s.path.join('.'))].sort());
        for (const g of groups) {
          expect(g.tabindex).toBe('0');
          expect(g.role).toBe('listitem');
          expect(g['aria-label']).toContain(unescapeXml(g['data-state']));
        }
        expect(svg).toContain('<g class="labels">');
        expect(svg).toContain('<g class="notes">');
        for (const note of machineNotes(m))
          for (const line of note.split(': ')) expect(svg).toContain(line.split(', ')[0] ?? line);
      });

      test('every transition appears once, as an edge with data-event, data-from and data-to and its readable label', async () => {
        const model = machineModel(m);
        const svg = await machineSvg(name, model, machineNotes(m));
        const edges = [...svg.matchAll(/<path [^>]*class="edge(?: delayed)?"[^>]*>/g)]
          .map((p) => attrs(p[0]))
          .filter((a) => a['data-event']);
        const expected: string[] = [];
        const walk = (s: StateModel) => {
          for (const t of s.transitions)
            for (const to of t.targets.length ? t.targets : [s.path.join('.')])
              expected.push(`${t.event}|${s.path.join('.')}|${to}|${t.guard ?? ''}|${transitionText(t)}`);
          s.children.forEach(walk);
        };
        walk(model);
        const labels = new Map(
          [...svg.matchAll(/<g class="label" data-edge="(\d+)">.*?<text[^>]*>([^<]*)<\/text><\/g>/g)].map((l) => [
            l[1] ?? '',
            unescapeXml(l[2] ?? ''),
          ]),
        );
        const got = edges.map(
          (e) =>
            `${unescapeXml(e['data-event'])}|${unescapeXml(e['data-from'])}|${unescapeXml(e['data-to'])}|${unescapeXml(e['data-guard'] ?? '')}|${labels.get(e['data-edge'])}`,
        );
        expect(got.sort()).toEqual(expected.sort());
        // Orthogonal routing: every segment is horizontal or vertical.
        for (const e of edges) {
          const pts = [...(e.d ?? '').matchAll(/[ML] ([\d.-]+) ([\d.-]+)/g)].map((p) => ({
            x: Number(p[1]),
            y: Number(p[2]),
          }));
          expect(pts.length).toBeGreaterThanOrEqual(2);
          for (const [i, p] of pts.slice(1).entries()) expect(p.x === pts[i]!.x || p.y === pts[i]!.y).toBe(true);
        }
        // Delayed transitions carry their delay, so a page can mark the pending one.
        for (const e of edges) expect(e['data-delay'] !== undefined).toBe(e['data-event'].startsWith('xstate.after.'));
      });
    });
  }

  test('labels read as the model says ("after immediately", "RESULT [gone]")', async () => {
    const m = machines.get('delivery')!;
    const svg = await machineSvg('delivery', machineModel(m), machineNotes(m));
    expect(svg).toContain('>after immediately</text>');
    expect(svg).toContain('>RESULT [gone]</text>');
    expect(svg).toContain('data-event="RESULT" data-from="sending" data-to="backoff"');
  });

  test('the style draws each mark in its own way: dashes for nothing, regions dotted, light and dark', async () => {
    const m = machines.get('subscription')!;
    const svg = await machineSvg('subscription', machineModel(m), machineNotes(m));
    const style = svg.slice(svg.indexOf('<style>'), svg.indexOf('</style>'));
    expect(style).toContain('@media (prefers-color-scheme: dark)');
    for (const sel of [
      'g.state.current > rect.box',
      'g.state.visited > rect.box',
      '.edge.taken',
      '.edge.timer',
      'g.state.timer > rect.box',
      'g.state.region > rect.box',
      'g.state:focus-visible > rect.ring',
    ])
      expect(style).toContain(sel);
    const rule = (sel: string) => style.slice(style.indexOf(sel), style.indexOf('}', style.indexOf(sel)));
    expect(rule('g.state.visited > rect.box')).not.toContain('dasharray');
    expect(rule('g.state.current > rect.box')).toContain('stroke-dasharray: none');
    expect(svg).toContain('class="state state-compound region" data-state="health"');
    expect(svg).toContain('<g class="legend" role="group" aria-label="Legend">');
  });
});

describe('drawing colours', () => {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, b = 0] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [x = 0, y = 0] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  test('every text colour meets WCAG AA (4.5:1) on every fill it is drawn on, light and dark', async () => {
    const m = machines.get('signingKey')!;
    const svg = await machineSvg('signingKey', machineModel(m), machineNotes(m));
    const style = svg.slice(svg.indexOf('<style>'), svg.indexOf('</style>'));
    const dark = style.indexOf('@media (prefers-color-scheme: dark)');
    const palette = (css: string) =>
      Object.fromEntries([...css.matchAll(/--sc-([\w-]+): (#[0-9a-f]{6})/g)].map((v) => [v[1], v[2]]));
    const text: Array<[string, string]> = [
      ['fg', 'bg'],
      ['muted', 'bg'],
      ['label', 'bg'],
      ['fg', 'region-fill'],
      ['muted', 'region-fill'],
      ['label', 'region-fill'],
      ['fg', 'current-fill'],
      ['muted', 'current-fill'],
      ['fg', 'visited-fill'],
      ['muted', 'visited-fill'],
      ['fg', 'timer-fill'],
      ['muted', 'timer-fill'],
      ['badge-fg', 'current'],
      ['taken', 'bg'],
      ['timer', 'bg'],
      ['taken', 'region-fill'],
      ['timer', 'region-fill'],
    ];
    for (const p of [palette(style.slice(0, dark)), palette(style.slice(dark))]) {
      for (const [fg, bg] of text)
        expect({ fg, bg, ratio: contrast(p[fg], p[bg]) >= 4.5 }).toEqual({ fg, bg, ratio: true });
      // The focus ring and the current border are told apart by colour too.
      expect(p.focus).not.toBe(p.current);
    }
  });
});
