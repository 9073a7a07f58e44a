// Draws a machine model as an SVG statechart: nested boxes for compound states, dashed
// regions for parallel ones, double borders for final states, arrows labelled with the
// event (or "after <delay>") and guard. Layout: each compound state's children in columns by
// distance from its initial child.
import { escapeHtml } from '../http/html.ts';
import type { StateModel } from './model.ts';

interface Box { x: number; y: number; w: number; h: number; model: StateModel }

const CHAR = 7.2;
const PAD = 14;
const HEADER = 24;
const GAP_X = 90;
const GAP_Y = 34;

interface Sized { w: number; h: number; place: (x: number, y: number, out: Map<string, Box>) => void }

function size(node: StateModel): Sized {
  const label = node.key + (node.entry.length ? '' : '');
  if (node.children.length === 0) {
    const lines = node.entry.length ? 2 : 1;
    const w = Math.max(110, Math.ceil(Math.max(label.length, node.entry.length ? (`entry / ${node.entry.join(', ')}`).length : 0) * CHAR) + 28);
    const h = 26 + lines * 16;
    return { w, h, place: (x, y, out) => void out.set(node.path.join('.'), { x, y, w, h, model: node }) };
  }
  const kids = node.children.map((c) => ({ c, s: size(c) }));
  const longest = Math.max(0, ...node.children.flatMap((c) => c.transitions.map((t) => `${t.label}${t.guard ? ` [${t.guard}]` : ''}`.length)));
  const gapX = Math.max(GAP_X, Math.ceil(longest * CHAR) + 30);
  const loops = node.children.some((c) => c.transitions.some((t) => t.targets.length === 0 || t.targets.includes(c.path.join('.'))));
  const top = HEADER + (loops ? 30 : 0);
  if (node.type === 'parallel') {
    const w = Math.max(...kids.map((k) => k.s.w)) + 2 * PAD;
    const h = HEADER + kids.reduce((sum, k) => sum + k.s.h + PAD, 0) + PAD;
    return {
      w, h,
      place: (x, y, out) => {
        out.set(node.path.join('.'), { x, y, w, h, model: node });
        let cy = y + HEADER + PAD;
        for (const k of kids) {
          k.s.place(x + PAD, cy, out);
          cy += k.s.h + PAD;
        }
      },
    };
  }
  // Columns by BFS distance from the initial child, over transitions between siblings.
  const siblingOf = (path: string): string | null => {
    const depth = node.path.length;
    const parts = path.split('.');
    return parts.length > depth && parts.slice(0, depth).join('.') === node.path.join('.') ? parts.slice(0, depth + 1).join('.') : null;
  };
  const edges = new Map<string, Set<string>>();
  const collect = (n: StateModel, from: string) => {
    for (const t of n.transitions) for (const target of t.targets) {
      const s = siblingOf(target);
      if (s && s !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(s);
    }
    n.children.forEach((c) => collect(c, from));
  };
  for (const k of kids) collect(k.c, k.c.path.join('.'));
  const layer = new Map<string, number>();
  const start = node.initial ?? kids[0].c.path.join('.');
  layer.set(start, 0);
  const queue = [start];
  while (queue.length) {
    const cur = queue.shift()!;
    for (const next of edges.get(cur) ?? []) if (!layer.has(next)) { layer.set(next, layer.get(cur)! + 1); queue.push(next); }
  }
  let extra = Math.max(0, ...layer.values()) + 1;
  for (const k of kids) if (!layer.has(k.c.path.join('.'))) layer.set(k.c.path.join('.'), extra++);
  const columns: Array<typeof kids> = [];
  for (const k of kids) (columns[layer.get(k.c.path.join('.'))!] ??= []).push(k);
  const dense = columns.filter(Boolean);
  const colW = dense.map((col) => Math.max(...col.map((k) => k.s.w)));
  const colH = dense.map((col) => col.reduce((sum, k) => sum + k.s.h, 0) + GAP_Y * (col.length - 1));
  const innerW = colW.reduce((a, b) => a + b, 0) + gapX * (dense.length - 1);
  const innerH = Math.max(...colH);
  const w = innerW + 2 * PAD + 20 + (loops ? Math.ceil(longest * CHAR) : 0);
  const h = innerH + top + 2 * PAD;
  return {
    w, h,
    place: (x, y, out) => {
      out.set(node.path.join('.'), { x, y, w, h, model: node });
      let cx = x + PAD + 20;
      dense.forEach((col, i) => {
        let cy = y + top + PAD + (innerH - colH[i]) / 2;
        for (const k of col) {
          k.s.place(cx + (colW[i] - k.s.w) / 2, cy, out);
          cy += k.s.h + GAP_Y;
        }
        cx += colW[i] + gapX;
      });
    },
  };
}

function clip(from: Box, to: Box): [number, number, number, number] {
  const fx = from.x + from.w / 2, fy = from.y + from.h / 2, tx = to.x + to.w / 2, ty = to.y + to.h / 2;
  const edge = (b: Box, cx: number, cy: number, dx: number, dy: number): [number, number] => {
    const sx = dx === 0 ? Infinity : b.w / 2 / Math.abs(dx);
    const sy = dy === 0 ? Infinity : b.h / 2 / Math.abs(dy);
    const s = Math.min(sx, sy);
    return [cx + dx * s, cy + dy * s];
  };
  const [x1, y1] = edge(from, fx, fy, tx - fx, ty - fy);
  const [x2, y2] = edge(to, tx, ty, fx - tx, fy - ty);
  return [x1, y1, x2, y2];
}

/** `notes` are lines drawn under the chart (the named delays, the retry schedule). */
export function machineSvg(name: string, root: StateModel, notes: string[] = []): string {
  const boxes = new Map<string, Box>();
  const sized = size({ ...root, key: name });
  sized.place(10, 10, boxes);
  const parts: string[] = [];
  const labels: string[] = [];
  // Edge labels are nudged up or down, greedily, off the leaf states and the labels placed
  // before them, so none is drawn over another.
  const taken: Array<{ x1: number; y1: number; x2: number; y2: number }> = [...boxes.values()]
    .filter((b) => b.model.children.length === 0)
    .map((b) => ({ x1: b.x, y1: b.y, x2: b.x + b.w, y2: b.y + b.h }));
  const LABEL_CHAR = 6.6;
  const free = (x: number, y: number, text: string, anchor: 'middle' | 'start'): number => {
    const w = text.length * LABEL_CHAR;
    const x1 = anchor === 'middle' ? x - w / 2 : x;
    for (const dy of [0, -14, 14, -28, 28, -42, 42]) {
      const r = { x1: x1 - 2, y1: y + dy - 11, x2: x1 + w + 2, y2: y + dy + 3 };
      if (!taken.some((t) => r.x1 < t.x2 && t.x1 < r.x2 && r.y1 < t.y2 && t.y1 < r.y2)) {
        taken.push(r);
        return y + dy;
      }
    }
    return y;
  };
  // States, outermost first so children draw on top.
  const ordered = [...boxes.values()].sort((a, b) => a.model.path.length - b.model.path.length);
  for (const b of ordered) {
    const m = b.model;
    const path = m.path.join('.') || name;
    const isRoot = m.path.length === 0;
    const parentParallel = m.path.length > 0 && boxes.get(m.path.slice(0, -1).join('.'))?.model.type === 'parallel';
    const cls = ['state', `state-${m.type}`, parentParallel ? 'region' : ''].filter(Boolean).join(' ');
    parts.push(`<g class="${cls}" data-state="${escapeHtml(path)}" tabindex="0" role="listitem" aria-label="${escapeHtml(`${m.type} state ${path}`)}">`);
    parts.push(`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="${m.children.length ? 10 : 8}" class="box"${parentParallel ? ' stroke-dasharray="6 4"' : ''}/>`);
    if (m.type === 'final') parts.push(`<rect x="${b.x + 4}" y="${b.y + 4}" width="${b.w - 8}" height="${b.h - 8}" rx="6" class="box inner"/>`);
    const title = isRoot ? name : m.key + (m.type === 'parallel' ? ' (parallel)' : '');
    if (m.children.length) parts.push(`<text x="${b.x + 10}" y="${b.y + 17}" class="name compound-name">${escapeHtml(title)}</text>`);
    else {
      parts.push(`<text x="${b.x + b.w / 2}" y="${b.y + 22}" text-anchor="middle" class="name">${escapeHtml(title)}</text>`);
      if (m.entry.length) parts.push(`<text x="${b.x + b.w / 2}" y="${b.y + 38}" text-anchor="middle" class="entry">entry / ${escapeHtml(m.entry.join(', '))}</text>`);
    }
    parts.push('</g>');
    if (m.initial && m.type !== 'parallel') {
      const target = boxes.get(m.initial);
      if (target) {
        const ix = target.x - 22, iy = target.y + target.h / 2;
        parts.push(`<circle cx="${ix}" cy="${iy}" r="5" class="initial"/><line x1="${ix + 5}" y1="${iy}" x2="${target.x - 2}" y2="${iy}" class="edge" marker-end="url(#arrow)"/>`);
      }
    }
  }
  // Transitions, grouped per pair of states so parallel edges curve apart.
  type Edge = { from: Box; to: Box; text: string; data: string };
  const edges: Edge[] = [];
  for (const b of ordered) {
    for (const t of b.model.transitions) {
      for (const target of t.targets.length ? t.targets : [b.model.path.join('.')]) {
        const to = boxes.get(target);
        if (!to) continue;
        const data = `data-event="${escapeHtml(t.event)}" data-from="${escapeHtml(b.model.path.join('.'))}" data-to="${escapeHtml(target)}"`;
        edges.push({ from: b, to, text: `${t.label}${t.guard ? ` [${t.guard}]` : ''}`, data });
      }
    }
  }
  const groups = new Map<string, Edge[]>();
  for (const e of edges) {
    const a = e.from.model.path.join('.'), z = e.to.model.path.join('.');
    const key = a < z ? `${a}|${z}` : `${z}|${a}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(e);
  }
  for (const group of groups.values()) {
    group.forEach((e, i) => {
      const b = e.from, to = e.to;
      if (to === b) {
        const x = b.x + b.w - 24 - i * 10, y = b.y;
        parts.push(`<path d="M ${x} ${y} c 0 -24 30 -24 30 0" class="edge" marker-end="url(#arrow)" ${e.data}/>`);
        labels.push(`<text x="${x + 34}" y="${free(x + 34, y - 12 - i * 14, e.text, 'start')}" class="label">${escapeHtml(e.text)}</text>`);
        return;
      }
      const [x1, y1, x2, y2] = clip(b, to);
      // Perpendicular of the pair's canonical direction, so A→B and B→A bend to opposite sides.
      const [ca, cz] = b.model.path.join('.') < to.model.path.join('.') ? [b, to] : [to, b];
      const dx = cz.x + cz.w / 2 - (ca.x + ca.w / 2), dy = cz.y + cz.h / 2 - (ca.y + ca.h / 2);
      const len = Math.hypot(dx, dy) || 1;
      const offset = group.length === 1 ? 0 : (i - (group.length - 1) / 2) * 30;
      const cx = (x1 + x2) / 2 - (dy / len) * offset * 2, cy = (y1 + y2) / 2 + (dx / len) * offset * 2;
      const mx = 0.25 * x1 + 0.5 * cx + 0.25 * x2, my = 0.25 * y1 + 0.5 * cy + 0.25 * y2;
      parts.push(`<path d="M ${x1.toFixed(1)} ${y1.toFixed(1)} Q ${cx.toFixed(1)} ${cy.toFixed(1)} ${x2.toFixed(1)} ${y2.toFixed(1)}" class="edge" marker-end="url(#arrow)" ${e.data}/>`);
      labels.push(`<text x="${mx.toFixed(1)}" y="${free(mx, my - 5, e.text, 'middle').toFixed(1)}" text-anchor="middle" class="label">${escapeHtml(e.text)}</text>`);
    });
  }
  const width = Math.ceil(Math.max(sized.w + 60, ...notes.map((n) => n.length * CHAR + 30)));
  const notesTop = Math.ceil(sized.h + 40);
  const height = notesTop + (notes.length ? notes.length * 18 + 10 : 0);
  const noteText = notes.map((n, i) => `<text x="14" y="${notesTop + 14 + i * 18}" class="note">${escapeHtml(n)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="svg-title-${escapeHtml(name)}" class="statechart" data-machine="${escapeHtml(name)}">
<title id="svg-title-${escapeHtml(name)}">Statechart of the ${escapeHtml(name)} machine</title>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead"/></marker></defs>
<g role="list">${parts.join('')}</g>
<g class="labels">${labels.join('')}</g>
<g class="notes">${noteText}</g>
</svg>`;
}
