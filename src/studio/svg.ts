// Draws a machine model as an SVG statechart, laid out by ELK (layout.ts): nested boxes for
// compound states, regions of a parallel state on a dotted, tinted background, double borders
// for final states, orthogonal arrows labelled with the event (or "after <delay>") and guard.
// The drawing carries its own style (light and dark) and a legend. The page marks states and
// edges with classes, which the style draws:
//   g.state.current  the state an instance is in (thick border, fill, the "now" badge)
//   g.state.visited  a state the instance passed through (a tint)
//   .edge.taken      a transition the instance took (thick, coloured)
//   .timer           on an edge or a state: a timer is pending (amber, clock)
// Each delayed transition's edge has data-delay, so the page can find the one that is pending.
import { escapeHtml } from '../http/html.ts';
import type { StateModel } from './model.ts';
import { BADGE, CLOCK_W, TEXT, layoutMachine, textWidth, titleOf, type MachineLayout } from './layout.ts';

const NOTE_CHAR = 6.6;
const r1 = (n: number) => String(Math.round(n * 10) / 10);

const STYLE = `
svg.statechart {
  --sc-fg: #1b1f24; --sc-bg: #ffffff; --sc-muted: #57606a; --sc-edge: #6e7781; --sc-label: #0b5cad;
  --sc-current: #0b5cad; --sc-current-fill: #dbeafe; --sc-badge-fg: #ffffff;
  --sc-visited-fill: #efe7fb; --sc-taken: #8250df; --sc-timer: #875b00; --sc-timer-fill: #fff4d6;
  --sc-region-fill: #f3f5f8; --sc-region-line: #8c959f; --sc-focus: #bf3989;
  font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace;
}
@media (prefers-color-scheme: dark) {
  svg.statechart {
    --sc-fg: #e6edf3; --sc-bg: #0d1117; --sc-muted: #9198a1; --sc-edge: #8b949e; --sc-label: #79c0ff;
    --sc-current: #58a6ff; --sc-current-fill: #0c2d4f; --sc-badge-fg: #0d1117;
    --sc-visited-fill: #2b2142; --sc-taken: #d2a8ff; --sc-timer: #e3b341; --sc-timer-fill: #3a2a05;
    --sc-region-fill: #161b22; --sc-region-line: #6e7681; --sc-focus: #ff7bd0;
  }
}
svg.statechart.zoomable { width: 100% !important; height: auto !important; touch-action: none; cursor: grab; user-select: none; -webkit-user-select: none; }
svg.statechart.zoomable.panning { cursor: grabbing; }
svg.statechart[data-machine] .backdrop { fill: var(--sc-bg); }
svg.statechart[data-machine] text { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; stroke: none; }
svg.statechart[data-machine] g.label { stroke: none; font: inherit; }
svg.statechart[data-machine] g.state > rect.box { fill: var(--sc-bg); stroke: var(--sc-fg); stroke-width: 1.3; stroke-dasharray: none; }
svg.statechart[data-machine] g.state.state-compound > rect.box, svg.statechart[data-machine] g.state.state-parallel > rect.box { fill: none; }
svg.statechart[data-machine] g.state.region > rect.box { fill: var(--sc-region-fill); stroke: var(--sc-region-line); stroke-width: 1.5; stroke-dasharray: 1.5 3.5; stroke-linecap: round; }
svg.statechart[data-machine] g.state > rect.box.inner { fill: none; }
svg.statechart[data-machine] .name { font-size: ${TEXT.name}px; font-weight: 600; fill: var(--sc-fg); }
svg.statechart[data-machine] .compound-name { fill: var(--sc-muted); }
svg.statechart[data-machine] .entry { font-size: ${TEXT.entry}px; fill: var(--sc-muted); }
svg.statechart[data-machine] .note { font: 11.5px system-ui, sans-serif; fill: var(--sc-muted); }
svg.statechart[data-machine] .edge { fill: none; stroke: var(--sc-edge); stroke-width: 1.3; }
svg.statechart[data-machine] .arrowhead { fill: var(--sc-edge); }
svg.statechart[data-machine] .initial { fill: var(--sc-fg); }
svg.statechart[data-machine] .label > text { font-size: ${TEXT.label}px; fill: var(--sc-label); }
svg.statechart[data-machine] .label > rect { fill: var(--sc-bg); opacity: .88; }
svg.statechart[data-machine] .clock circle { fill: none; stroke: currentColor; stroke-width: 1.2; }
svg.statechart[data-machine] .clock path { fill: none; stroke: currentColor; stroke-width: 1.2; stroke-linecap: round; }
svg.statechart[data-machine] .label .clock, svg.statechart[data-machine] .legend .clock { color: var(--sc-muted); }
svg.statechart[data-machine] .now-badge { display: none; }
svg.statechart[data-machine] .now-badge rect { fill: var(--sc-current); }
svg.statechart[data-machine] .now-badge text { font-size: ${TEXT.badge}px; font-weight: 700; fill: var(--sc-badge-fg); }
svg.statechart[data-machine] g.state > text.badge { display: none; }
svg.statechart[data-machine] g.state.visited > rect.box { fill: var(--sc-visited-fill); }
svg.statechart[data-machine] g.state.current > rect.box { fill: var(--sc-current-fill); stroke: var(--sc-current); stroke-width: 4; stroke-dasharray: none; }
svg.statechart[data-machine] g.state.current > rect.box.inner { fill: none; stroke-width: 1.5; }
svg.statechart[data-machine] g.state.current > .now-badge { display: inline; }
svg.statechart[data-machine] g.state.timer > rect.box { stroke: var(--sc-timer); stroke-width: 3; }
svg.statechart[data-machine] g.state.timer > rect.box:not(.inner) { fill: var(--sc-timer-fill); }
svg.statechart[data-machine] .edge.taken { stroke: var(--sc-taken); stroke-width: 3; }
svg.statechart[data-machine] .edge.timer { stroke: var(--sc-timer); stroke-width: 2.5; }
svg.statechart[data-machine] .arrowhead.taken { fill: var(--sc-taken); }
svg.statechart[data-machine] .arrowhead.timer { fill: var(--sc-timer); }
svg.statechart[data-machine] .label.timer .clock { color: var(--sc-timer); }
svg.statechart[data-machine] .label.taken > text { fill: var(--sc-taken); font-weight: 700; }
svg.statechart[data-machine] .label.timer > text { fill: var(--sc-timer); font-weight: 700; }
svg.statechart[data-machine] g.state { outline: none; }
svg.statechart[data-machine] g.state > rect.ring { display: none; fill: none; stroke: var(--sc-focus); stroke-width: 2; }
svg.statechart[data-machine] g.state:focus-visible > rect.ring { display: inline; }
svg.statechart[data-machine] g.state:focus > rect.box { stroke-width: inherit; }
svg.statechart[data-machine] .legend text { font-size: 11px; fill: var(--sc-fg); }
svg.statechart[data-machine] .legend .swatch { fill: var(--sc-bg); stroke: var(--sc-fg); stroke-width: 1.3; }
svg.statechart[data-machine] .legend .swatch.current { fill: var(--sc-current-fill); stroke: var(--sc-current); stroke-width: 3; }
svg.statechart[data-machine] .legend .swatch.visited { fill: var(--sc-visited-fill); }
svg.statechart[data-machine] .legend .swatch.region { fill: var(--sc-region-fill); stroke: var(--sc-region-line); stroke-width: 1.5; stroke-dasharray: 1.5 3.5; stroke-linecap: round; }
svg.statechart[data-machine] .legend .swatch.focus { fill: none; stroke: var(--sc-focus); stroke-width: 2; }
svg.statechart[data-machine] .legend .swatch.timer { fill: var(--sc-timer-fill); stroke: var(--sc-timer); stroke-width: 3; }
`;

function clock(x: number, y: number): string {
  // A 10 px clock face with its hands at ten past.
  return `<g class="clock" aria-hidden="true"><circle cx="${r1(x + 5)}" cy="${r1(y)}" r="4.5"/><path d="M ${r1(x + 5)} ${r1(y - 2.6)} V ${r1(y)} H ${r1(x + 7.4)}"/></g>`;
}

function pathOf(points: Array<[number, number]>): string {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'} ${r1(x)} ${r1(y)}`).join(' ');
}

/** Long notes are broken after ": " (then after ", ") so a line fits the drawing's width. */
function wrap(note: string, width: number): string[] {
  const fits = (s: string) => s.length * NOTE_CHAR <= width;
  if (fits(note)) return [note];
  const colon = note.indexOf(': ');
  if (colon > 0 && colon < note.length - 2) return [note.slice(0, colon + 1), ...wrap(note.slice(colon + 2), width)];
  const out: string[] = [];
  let line = '';
  for (const part of note.split(/(?<=, )/)) {
    if (line && !fits(line + part)) {
      out.push(line.trimEnd());
      line = '';
    }
    line += part;
  }
  if (line) out.push(line.trimEnd());
  return out;
}

interface LegendItem {
  text: string;
  draw: (x: number, y: number) => string;
}

function legend(name: string, top: number, width: number): { svg: string; height: number; width: number } {
  const sw =
    (cls: string, extra = '') =>
    (x: number, y: number) =>
      `<rect x="${x}" y="${y - 8}" width="22" height="14" rx="3" class="swatch ${cls}"/>${extra}`;
  const items: LegendItem[] = [
    { text: 'current (now)', draw: sw('current') },
    { text: 'visited', draw: sw('visited') },
    {
      text: 'transition taken',
      draw: (x, y) => `<path d="M ${x} ${y} H ${x + 18}" class="edge taken" marker-end="url(#arrow-taken-${name})"/>`,
    },
    {
      text: 'pending timer',
      draw: (x, y) => `<path d="M ${x} ${y} H ${x + 18}" class="edge timer" marker-end="url(#arrow-timer-${name})"/>`,
    },
    { text: 'delayed transition', draw: (x, y) => clock(x + 4, y) },
    { text: 'parallel region', draw: sw('region') },
    { text: 'keyboard focus', draw: sw('focus') },
  ];
  const parts: string[] = [];
  let x = 14,
    y = top + 12,
    rows = 1;
  let right = 0;
  for (const item of items) {
    const w = 28 + textWidth(item.text, 11) + 18;
    if (x > 14 && x + w > width) {
      x = 14;
      y += 20;
      rows++;
    }
    parts.push(
      `<g class="legend-item">${item.draw(x, y)}<text x="${x + 28}" y="${y + 4}">${escapeHtml(item.text)}</text></g>`,
    );
    x += w;
    right = Math.max(right, x);
  }
  return {
    svg: `<g class="legend" role="group" aria-label="Legend">${parts.join('')}</g>`,
    height: rows * 20 + 4,
    width: right,
  };
}

function render(name: string, layout: MachineLayout, notes: string[]): string {
  const id = escapeHtml(name);
  const parts: string[] = [];
  for (const b of layout.states) {
    const m = b.model;
    const path = b.path || name;
    const isRoot = m.path.length === 0;
    const cls = ['state', `state-${m.type}`, b.region ? 'region' : ''].filter(Boolean).join(' ');
    const what = b.region ? 'region' : `${m.type} state`;
    parts.push(
      `<g class="${cls}" data-state="${escapeHtml(path)}" tabindex="0" role="listitem" aria-label="${escapeHtml(`${what} ${path}`)}">`,
    );
    parts.push(
      `<rect x="${r1(b.x)}" y="${r1(b.y)}" width="${r1(b.w)}" height="${r1(b.h)}" rx="${m.children.length ? 10 : 8}" class="box"/>`,
    );
    if (m.type === 'final')
      parts.push(
        `<rect x="${r1(b.x + 4)}" y="${r1(b.y + 4)}" width="${r1(b.w - 8)}" height="${r1(b.h - 8)}" rx="6" class="box inner"/>`,
      );
    parts.push(
      `<rect x="${r1(b.x - 5)}" y="${r1(b.y - 5)}" width="${r1(b.w + 10)}" height="${r1(b.h + 10)}" rx="12" class="ring"/>`,
    );
    const title = isRoot ? name : titleOf(m, name);
    if (m.children.length)
      parts.push(
        `<text x="${r1(b.x + 12)}" y="${r1(b.y + 8 + BADGE.h + 6 + 12)}" class="name compound-name">${escapeHtml(title)}</text>`,
      );
    else {
      const cx = b.x + b.w / 2;
      parts.push(
        `<text x="${r1(cx)}" y="${r1(b.y + 8 + BADGE.h + 15 + (m.type === 'final' ? 3 : 0))}" text-anchor="middle" class="name">${escapeHtml(title)}</text>`,
      );
      if (m.entry.length)
        parts.push(
          `<text x="${r1(cx)}" y="${r1(b.y + 8 + BADGE.h + 31)}" text-anchor="middle" class="entry">entry / ${escapeHtml(m.entry.join(', '))}</text>`,
        );
    }
    parts.push(
      `<g class="now-badge" aria-hidden="true"><rect x="${r1(b.badge.x)}" y="${r1(b.badge.y)}" width="${BADGE.w}" height="${BADGE.h}" rx="7"/><circle cx="${r1(b.badge.x + 8)}" cy="${r1(b.badge.y + BADGE.h / 2)}" r="3" fill="var(--sc-badge-fg)"/><text x="${r1(b.badge.x + 15)}" y="${r1(b.badge.y + 10.5)}">now</text></g>`,
    );
    parts.push('</g>');
  }
  const initials = layout.initials.map((m) => {
    const [sx, sy] = m.points[0] ?? [m.x, m.y];
    return `<circle cx="${r1(m.x)}" cy="${r1(m.y)}" r="${m.r}" class="initial"/>${m.points.length ? `<path d="${pathOf([[sx, sy], ...m.points.slice(1)])}" class="edge initial-edge" marker-end="url(#arrow-${id})"/>` : ''}`;
  });
  const edges: string[] = [];
  const labels: string[] = [];
  layout.edges.forEach((e, i) => {
    const t = e.transition;
    const data = `data-event="${escapeHtml(t.event)}" data-from="${escapeHtml(e.from)}" data-to="${escapeHtml(e.to)}"${t.guard ? ` data-guard="${escapeHtml(t.guard)}"` : ''}${t.delay ? ` data-delay="${escapeHtml(t.delay)}"` : ''} data-edge="${i}"`;
    edges.push(
      `<path d="${pathOf(e.points)}" class="edge${t.delay ? ' delayed' : ''}" marker-end="url(#arrow-${id})" ${data}/>`,
    );
    const l = e.label;
    const tx = l.x + 4 + (t.delay ? CLOCK_W : 0);
    labels.push(
      `<g class="label" data-edge="${i}"><rect x="${r1(l.x)}" y="${r1(l.y)}" width="${r1(l.w)}" height="${r1(l.h)}" rx="3"/>${t.delay ? clock(l.x + 3, l.y + l.h / 2) : ''}<text x="${r1(tx)}" y="${r1(l.y + l.h - 4)}">${escapeHtml(e.text)}</text></g>`,
    );
  });
  const minWidth = Math.max(layout.width, 480);
  const noteLines = notes.flatMap((n) => wrap(n, minWidth - 28));
  const key = legend(id, layout.height + 6, minWidth);
  const width = Math.ceil(Math.max(layout.width, key.width, ...noteLines.map((n) => n.length * NOTE_CHAR + 28)));
  const notesTop = layout.height + 6 + key.height + 8;
  const height = Math.ceil(notesTop + (noteLines.length ? noteLines.length * 18 + 10 : 0));
  const noteText = noteLines
    .map((n, i) => `<text x="14" y="${notesTop + 14 + i * 18}" class="note">${escapeHtml(n)}</text>`)
    .join('');
  const marker = (suffix: string, cls: string) =>
    `<marker id="arrow${suffix}-${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead${cls}"/></marker>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="svg-title-${id}" class="statechart" data-machine="${id}">
<title id="svg-title-${id}">Statechart of the ${id} machine</title>
<style>${STYLE}</style>
<defs>${marker('', '')}${marker('-taken', ' taken')}${marker('-timer', ' timer')}</defs>
<rect class="backdrop" x="0" y="0" width="${width}" height="${height}"/>
<g role="list">${parts.join('')}</g>
<g class="initials">${initials.join('')}</g>
<g class="edges">${edges.join('')}</g>
<g class="labels">${labels.join('')}</g>
${key.svg}
<g class="notes">${noteText}</g>
</svg>`;
}

/** Lays the machine out and draws it (no cache). */
export async function drawMachine(name: string, root: StateModel, notes: string[] = []): Promise<string> {
  return render(name, await layoutMachine(name, { ...root, key: name }), notes);
}

const drawn = new Map<string, Promise<string>>();

/**
 * The machine's drawing, laid out once per machine definition and kept: `notes` are lines
 * drawn under the chart (the named delays, the retry schedule).
 */
export function machineSvg(name: string, root: StateModel, notes: string[] = []): Promise<string> {
  const key = JSON.stringify([name, root, notes]);
  let svg = drawn.get(key);
  if (!svg) {
    svg = drawMachine(name, root, notes);
    drawn.set(key, svg);
    svg.catch(() => drawn.delete(key));
  }
  return svg;
}
