// @ts-check
// Views and routing: the view, its page, filters and selection are in the URL.
/** @import { Route } from './types.js' */
import { message } from './api.js';
import { $, status } from './dom.js';
import { showEvents } from './events.js';
import { showMachine } from './machines.js';
import { showSessions } from './sessions.js';
import { state } from './state.js';
import { showWebhooks } from './webhooks.js';

// ---- views and routing -----------------------------------------------------------------
// #/machines/<name>, #/webhooks/<id>[/deliveries/<delivery>][?status&type&since&until&page&cursor],
// #/events[/<id>][?type&since&until&page&cursor], #/sessions
// The studio opens on the webhooks, failing ones first: what an engineer on call looks at.
export const VIEWS = ['webhooks', 'machines', 'events', 'sessions'];
/** @returns {Route} */
export function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path = '', qs = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const first = parts[0] ?? '';
  return { view: VIEWS.includes(first) ? first : 'webhooks', parts, query: new URLSearchParams(qs) };
}
/** @param {string} path @param {Record<string, string | number | null>} q */
export function hashOf(path, q) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== null && v !== '' && v !== 0) p.set(k, String(v));
  const s = p.toString();
  return `#/${path}${s ? `?${s}` : ''}`;
}
export const tabs = () =>
  [...document.querySelectorAll('[role=tablist].views [role=tab]')]
    .filter((t) => t instanceof HTMLElement)
    .map((t) => /** @type {HTMLElement} */ (t));
/** @param {string} view */
export function showView(view) {
  for (const t of tabs()) {
    const on = t.dataset.view === view;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(`#${t.getAttribute('aria-controls')}`).hidden = !on;
  }
}
for (const t of tabs()) {
  t.addEventListener('click', () => {
    status('');
    location.hash = `#/${t.dataset.view}${t.dataset.view === 'machines' && state.machine ? `/${state.machine}` : t.dataset.view === 'webhooks' && state.webhook ? `/${state.webhook}` : ''}`;
  });
  t.addEventListener('keydown', (e) => {
    const all = tabs();
    const i = all.indexOf(t);
    const j =
      e.key === 'ArrowRight'
        ? (i + 1) % all.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + all.length) % all.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? all.length - 1
              : -1;
    const next = all[j];
    if (next) {
      e.preventDefault();
      next.focus();
      next.click();
    }
  });
}
export function stopStreams() {
  if (state.stream) {
    state.stream.abort();
    state.stream = null;
  }
  if (state.instanceStream) {
    state.instanceStream.abort();
    state.instanceStream = null;
  }
}
export function leaveWebhook() {
  if (state.stream) {
    state.stream.abort();
    state.stream = null;
  }
  state.webhook = null;
}
export async function route() {
  if ($('#studio').hidden) return;
  const r = parseHash();
  showView(r.view);
  try {
    if (r.view === 'machines') {
      leaveWebhook();
      await showMachine(r.parts[1] || state.machine || state.machines[0]?.name);
    } else if (r.view === 'webhooks') {
      await showWebhooks(r.parts[1] || null, r.parts[2] === 'deliveries' ? r.parts[3] || null : null, r.query);
    } else if (r.view === 'events') {
      leaveWebhook();
      await showEvents(r.parts[1] || null, r.query);
    } else {
      leaveWebhook();
      await showSessions();
    }
  } catch (e) {
    status(message(e));
  }
}
window.addEventListener('hashchange', route);
