// @ts-check
// The Machines view: every machine drawn, an instance followed live.
/** @import { Transition } from './types.js' */
import { api, follow, json } from './api.js';
import { $, $input, eventName, status, text, when } from './dom.js';
import { state } from './state.js';

// ---- machines -----------------------------------------------------------------------
export async function loadMachines() {
  const { machines } = await json('/v1/machines');
  state.machines = machines;
  const list = $('#machine-list');
  list.replaceChildren();
  for (const m of machines) {
    const b = text('button', m.name);
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.dataset.machine = m.name;
    b.setAttribute('aria-selected', 'false');
    b.setAttribute('aria-controls', 'machine-panel');
    b.tabIndex = -1;
    b.addEventListener('click', () => {
      location.hash = `#/machines/${encodeURIComponent(m.name)}`;
    });
    b.addEventListener('keydown', (e) => {
      const all = [...list.querySelectorAll('button')];
      const i = all.indexOf(b);
      const j =
        e.key === 'ArrowDown' ? (i + 1) % all.length : e.key === 'ArrowUp' ? (i - 1 + all.length) % all.length : -1;
      const next = all[j];
      if (next) {
        e.preventDefault();
        next.focus();
        next.click();
      }
    });
    list.append(b);
  }
  $('#machine-count').textContent = `(${machines.length})`;
}
/** @param {string} name @returns {Promise<string>} */
export async function svgOf(name) {
  let svg = state.svgs.get(name);
  if (svg === undefined) {
    svg = await (await api(`/v1/machines/${encodeURIComponent(name)}/diagram.svg`)).text();
    state.svgs.set(name, svg);
  }
  return svg;
}
/** @param {string | null | undefined} name */
export async function showMachine(name) {
  if (!name) return;
  if (!state.machines.some((m) => m.name === name)) {
    status(`There is no machine named ${name}`);
    return;
  }
  if (state.machine !== name && state.instanceStream) {
    state.instanceStream.abort();
    state.instanceStream = null;
    $('#journal tbody').replaceChildren();
  }
  state.machine = name;
  for (const b of document.querySelectorAll('#machine-list button')) {
    if (!(b instanceof HTMLElement)) continue;
    const on = b.dataset.machine === name;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
  }
  $('#machine-title').textContent = name;
  const started = performance.now();
  draw($('#diagram'), await svgOf(name));
  $('#diagram').dataset.renderMs = String(Math.round(performance.now() - started));
  const def = await json(`/v1/machines/${encodeURIComponent(name)}`);
  const tbody = $('#transitions tbody');
  tbody.replaceChildren();
  /** @typedef {{ transitions?: Array<{ eventType: string, guard?: string | { type: string }, target?: string[] }>, states?: Record<string, MachineNode> }} MachineNode */
  /** @param {MachineNode} node @param {string[]} path */
  const walk = (node, path) => {
    for (const t of node.transitions || []) {
      const tr = document.createElement('tr');
      tr.append(
        text('td', path.join('.')),
        text('td', eventName(t.eventType)),
        text('td', t.guard ? (typeof t.guard === 'string' ? t.guard : t.guard.type) : ''),
        text('td', (t.target || []).map((x) => x.replace(/^#[^.]+\./, '')).join(', ') || '(stays)'),
      );
      tbody.append(tr);
    }
    for (const [k, child] of Object.entries(node.states || {})) walk(child, [...path, k]);
  };
  walk(def, []);
}
/** A drawing a little wider than its box is scaled to fit; a much wider one scrolls at full size. @param {Element} container */
export function fit(container) {
  const svg = container.querySelector('svg');
  if (!svg) return;
  const natural = Number(svg.getAttribute('width'));
  const room = container.clientWidth - 18;
  if (!natural) return;
  const scale = room > 0 && natural > room && room / natural >= 0.7 ? room / natural : 1;
  svg.style.width = `${Math.floor(natural * scale)}px`;
  svg.style.height = 'auto';
}
/** @param {HTMLElement} container @param {string} svg */
export function draw(container, svg) {
  container.innerHTML = svg;
  fit(container);
}
window.addEventListener('resize', () => {
  for (const d of document.querySelectorAll('.diagram')) fit(d);
});
for (const d of document.querySelectorAll('details'))
  d.addEventListener('toggle', () => {
    for (const x of d.querySelectorAll('.diagram')) fit(x);
  });

/**
 * Marks the current states, the visited ones, and the transitions taken (classes the drawing
 * styles: current, visited, taken), and names them for screen readers.
 * @param {HTMLElement} container @param {string | null} current @param {string[]} visited @param {Transition[]} [path]
 */
export function mark(container, current, visited, path) {
  const now = new Set(
    String(current || '')
      .split(',')
      .filter(Boolean),
  );
  const seen = new Set(visited || []);
  for (const g of container.querySelectorAll('g.state')) {
    if (!(g instanceof SVGElement)) continue;
    const s = g.dataset.state || '';
    const isNow = now.has(s);
    g.classList.toggle('current', isNow);
    g.classList.toggle('visited', !isNow && seen.has(s));
    const label = (g.getAttribute('aria-label') || '').replace(/ \((current|visited)\)$/, '');
    g.setAttribute('aria-label', label + (isNow ? ' (current)' : seen.has(s) ? ' (visited)' : ''));
  }
  const taken = new Set((path || []).filter((t) => t.from).map((t) => `${t.from}>${t.event}>${t.to}`));
  for (const e of container.querySelectorAll('[data-event][data-from][data-to]')) {
    if (!(e instanceof SVGElement)) continue;
    const d = e.dataset;
    const on = [...taken].some((k) => {
      const [from = '', ev = '', to = ''] = k.split('>');
      return (
        (d.event === ev || eventName(ev) === eventName(d.event || '')) &&
        from.split(',').some((f) => f === d.from || f.endsWith(`.${d.from}`)) &&
        to.split(',').some((x) => x === d.to || x.endsWith(`.${d.to}`))
      );
    });
    e.classList.toggle('taken', on);
    // A delayed transition out of a current state is a pending timer.
    e.classList.toggle('timer', Boolean(d.delay) && [...now].some((n) => n === d.from || n.endsWith(`.${d.from}`)));
  }
  // A drawing wider than its box scrolls: bring the current state into view (the drawing, not the page).
  const now1 = container.querySelector('g.state.current');
  if (now1 && container.scrollWidth > container.clientWidth) {
    const g = now1.getBoundingClientRect(),
      c = container.getBoundingClientRect();
    container.scrollLeft += g.left - c.left - (c.width - g.width) / 2;
  }
}
$('#instance-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const id = $input('#instance').value.trim();
  const machine = state.machine;
  if (!machine) return;
  if (state.instanceStream) state.instanceStream.abort();
  const tbody = $('#journal tbody');
  tbody.replaceChildren();
  /** @type {string[]} */
  const seen = [];
  /** @type {Transition[]} */
  const path = [];
  status(`Following ${id} (${machine})`);
  state.instanceStream = follow(
    `/v1/machines/${encodeURIComponent(machine)}/instances/${encodeURIComponent(id)}/stream`,
    {
      transition: (t) => {
        const tr = document.createElement('tr');
        tr.dataset.to = t.to;
        tr.append(
          text('td', t.seq),
          text('td', when(t.at), 'time'),
          text('td', t.from || '—'),
          text('td', eventName(t.event)),
          text('td', t.to),
        );
        tbody.append(tr);
        seen.push(...t.to.split(','));
        path.push(t);
        mark($('#diagram'), t.to, seen, path);
        status(`${id} is in ${t.to}`);
      },
      fail: (err) => status(`Cannot follow ${id}: ${err.message}`),
      lost: () => status('Connection lost; reconnecting…'),
    },
  );
});

/** The webhook buttons of both lists: needing attention, and all. */
export const WEBHOOK_BUTTONS = '#attention-list button[data-webhook], #webhook-list button[data-webhook]';
