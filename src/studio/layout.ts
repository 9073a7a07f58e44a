// Lays a machine model out with ELK (the Eclipse Layout Kernel, elkjs): compound states as
// ELK children, parallel regions side by side inside their parallel state, orthogonal edges,
// edge labels placed by the layout. Text is measured with a fixed character width model: the
// drawing sets every text in a monospace font, so a label's width is its length times a
// constant, on the server as in any browser.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkLabel, ElkNode } from 'elkjs/lib/elk-api.js';
import type { StateModel, TransitionModel } from './model.ts';

/** Font sizes (px) and the width of one character as a share of the size: monospace fonts are 0.6 em; 0.62 leaves a margin. */
export const TEXT = { name: 13, label: 11, entry: 11, badge: 10, em: 0.62 } as const;
const charW = (size: number) => size * TEXT.em;
export const textWidth = (text: string, size: number) => Math.ceil([...text].length * charW(size));

/** Room at the top of every state for the "now" badge, so nothing the layout places can cover it. */
export const BADGE = { w: 42, h: 14 } as const;
/** A delayed transition's label starts with a small clock. */
export const CLOCK_W = 14;
const LABEL_PAD_X = 4;
const LABEL_H = 15;
const STATE_PAD_X = 12;
const HEADER = 8 + BADGE.h + 6 + 16;

export interface StateBox {
  path: string;
  model: StateModel;
  x: number;
  y: number;
  w: number;
  h: number;
  /** A region: a child of a parallel state. */
  region: boolean;
  /** Where the "now" badge goes (inside the box). */
  badge: { x: number; y: number };
}

export interface EdgeLine {
  /** Position in the model (depth first, then as the state lists its transitions). */
  order: number;
  from: string;
  to: string;
  transition: TransitionModel;
  text: string;
  points: Array<[number, number]>;
  label: { x: number; y: number; w: number; h: number };
}

export interface InitialMark {
  parent: string;
  to: string;
  x: number;
  y: number;
  r: number;
  points: Array<[number, number]>;
}

export interface MachineLayout {
  width: number;
  height: number;
  states: StateBox[];
  edges: EdgeLine[];
  initials: InitialMark[];
}

/** "RESULT [gone]", "after immediately". */
export const transitionText = (t: TransitionModel) => `${t.label}${t.guard ? ` [${t.guard}]` : ''}`;

const nodeId = (path: string) => `s:${path}`;

function leafSize(node: StateModel): { w: number; h: number } {
  const entry = node.entry.length ? `entry / ${node.entry.join(', ')}` : '';
  const w =
    Math.max(96, textWidth(node.key, TEXT.name), entry ? textWidth(entry, TEXT.entry) : 0, BADGE.w) +
    2 * STATE_PAD_X +
    (node.type === 'final' ? 8 : 0);
  const h = 8 + BADGE.h + 18 + (entry ? 16 : 0) + 8 + (node.type === 'final' ? 6 : 0);
  return { w, h };
}

export const titleOf = (node: StateModel, name: string) =>
  node.path.length === 0 ? name : node.key + (node.type === 'parallel' ? ' (parallel)' : '');

interface Built {
  elk: ElkNode;
  edges: ElkExtendedEdge[];
  meta: Map<string, { order: number; from: string; to: string; transition: TransitionModel; text: string }>;
  initials: Map<string, { parent: string; to: string }>;
}

function build(name: string, root: StateModel): Built {
  const edges: ElkExtendedEdge[] = [];
  const meta: Built['meta'] = new Map();
  const initials: Built['initials'] = new Map();
  let n = 0;
  const visit = (node: StateModel): ElkNode => {
    const path = node.path.join('.');
    for (const t of node.transitions) {
      for (const target of t.targets.length ? t.targets : [path]) {
        const id = `e${n++}`;
        const text = transitionText(t);
        const label: ElkLabel = {
          id: `${id}:label`,
          text,
          width: textWidth(text, TEXT.label) + 2 * LABEL_PAD_X + (t.delay ? CLOCK_W : 0),
          height: LABEL_H,
        };
        edges.push({ id, sources: [nodeId(path)], targets: [nodeId(target)], labels: [label] });
        meta.set(id, { order: n - 1, from: path, to: target, transition: t, text });
      }
    }
    if (node.children.length === 0) {
      const { w, h } = leafSize(node);
      return { id: nodeId(path), width: w, height: h };
    }
    const children = node.children.map(visit);
    if (node.initial && node.type !== 'parallel') {
      const id = `i:${path}`;
      children.unshift({ id, width: 10, height: 10 });
      edges.push({ id: `${id}:edge`, sources: [id], targets: [nodeId(node.initial)] });
      initials.set(id, { parent: path, to: node.initial });
    }
    const title = titleOf(node, name);
    const minW = textWidth(title, TEXT.name) + 8 + BADGE.w + 2 * STATE_PAD_X; // the title, then the badge's room on the right
    return {
      id: nodeId(path),
      children,
      layoutOptions: {
        'elk.padding': `[top=${HEADER},left=${STATE_PAD_X},bottom=${STATE_PAD_X},right=${STATE_PAD_X}]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${minW}, ${HEADER + 20})`,
        // A parallel state's regions side by side, each a column of its own.
        ...(node.type === 'parallel' ? { 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '24' } : {}),
      },
    };
  };
  const top = visit(root);
  return { elk: top, edges, meta, initials };
}

const OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.edgeLabels.inline': 'false',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeLabel': '3',
  'elk.spacing.edgeEdge': '12',
  'elk.spacing.edgeNode': '14',
  'elk.spacing.labelNode': '6',
  'elk.spacing.labelLabel': '4',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
  'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
  'elk.randomSeed': '1',
};

let engine: InstanceType<typeof ELK> | null = null;

const MARGIN = 10;

/** Lays the machine out; coordinates are absolute, in the drawing's own units (px). */
export async function layoutMachine(name: string, root: StateModel): Promise<MachineLayout> {
  engine ??= new ELK();
  const built = build(name, root);
  const graph: ElkNode = {
    id: 'graph',
    layoutOptions: { ...OPTIONS, 'elk.padding': `[top=${MARGIN},left=${MARGIN},bottom=${MARGIN},right=${MARGIN}]` },
    children: [built.elk],
    edges: built.edges,
  };
  const done = await engine.layout(graph);

  const byPath = new Map<string, StateModel>();
  const walk = (m: StateModel) => {
    byPath.set(m.path.join('.'), m);
    m.children.forEach(walk);
  };
  walk(root);
  const origin = new Map<string, [number, number]>([['graph', [0, 0]]]);
  const states: StateBox[] = [];
  const initials: MachineLayout['initials'] = [];
  const place = (node: ElkNode, ox: number, oy: number, parallelParent: boolean) => {
    const x = ox + (node.x ?? 0),
      y = oy + (node.y ?? 0);
    origin.set(node.id, [x, y]);
    if (node.id.startsWith('s:')) {
      const path = node.id.slice(2);
      const model = byPath.get(path)!;
      const compound = model.children.length > 0;
      const w = node.width ?? 0,
        h = node.height ?? 0;
      const badge = compound
        ? { x: x + w - STATE_PAD_X - BADGE.w, y: y + 8 }
        : { x: x + STATE_PAD_X + (model.type === 'final' ? 4 : 0), y: y + 8 + (model.type === 'final' ? 3 : 0) };
      states.push({ path, model, x, y, w, h, region: parallelParent, badge });
      for (const c of node.children ?? []) place(c, x, y, model.type === 'parallel');
    } else if (node.id.startsWith('i:')) {
      const init = built.initials.get(node.id)!;
      initials.push({ parent: init.parent, to: init.to, x: x + 5, y: y + 5, r: 5, points: [] });
    }
  };
  for (const c of done.children ?? []) place(c, 0, 0, false);

  const all: ElkExtendedEdge[] = [];
  const gather = (node: ElkNode) => {
    all.push(...(node.edges ?? []));
    (node.children ?? []).forEach(gather);
  };
  gather(done);
  const edges: EdgeLine[] = [];
  for (const e of all) {
    const container = (e as ElkExtendedEdge & { container?: string }).container ?? 'graph';
    const [cx, cy] = origin.get(container) ?? [0, 0];
    const points: Array<[number, number]> = [];
    for (const s of e.sections ?? []) {
      points.push([cx + s.startPoint.x, cy + s.startPoint.y]);
      for (const b of s.bendPoints ?? []) points.push([cx + b.x, cy + b.y]);
      points.push([cx + s.endPoint.x, cy + s.endPoint.y]);
    }
    if (e.id.startsWith('i:')) {
      const mark = initials.find((m) => `i:${m.parent}:edge` === e.id);
      if (mark) mark.points = points;
      continue;
    }
    const m = built.meta.get(e.id)!;
    const l = e.labels?.[0];
    edges.push({
      ...m,
      points,
      label: { x: cx + (l?.x ?? 0), y: cy + (l?.y ?? 0), w: l?.width ?? 0, h: l?.height ?? 0 },
    });
  }
  // Model order: outer states first (children are drawn over their parents), edges as defined.
  states.sort((a, b) => a.model.path.length - b.model.path.length);
  edges.sort((a, b) => a.order - b.order);
  return { width: Math.ceil(done.width ?? 0), height: Math.ceil(done.height ?? 0), states, edges, initials };
}
