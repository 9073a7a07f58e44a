// @ts-check
// Reading and writing the page: elements, times and durations, statuses, facts and timers as text.
/** @import { Pending } from './types.js' */
import { state } from './state.js';

/** @param {string} s @returns {HTMLElement} */
export const $ = (s) => {
  const el = document.querySelector(s);
  if (!(el instanceof HTMLElement)) throw new Error(`missing ${s}`);
  return el;
};
/** @param {string} s @returns {HTMLInputElement} */
export const $input = (s) => /** @type {HTMLInputElement} */ ($(s));
/** @param {string} s @returns {HTMLSelectElement} */
export const $select = (s) => /** @type {HTMLSelectElement} */ ($(s));
/** @param {string} s @returns {HTMLButtonElement} */
export const $button = (s) => /** @type {HTMLButtonElement} */ ($(s));

/** @param {string} t */
export const status = (t) => {
  $('#status').textContent = t;
};
/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag @param {unknown} value @param {string} [cls]
 * @returns {HTMLElementTagNameMap[K]}
 */
export const text = (tag, value, cls) => {
  const el = document.createElement(tag);
  el.textContent = value == null ? '' : String(value);
  if (cls) el.className = cls;
  return el;
};
/** @param {string | null | undefined} iso */
export const when = (iso) =>
  iso
    ? new Date(iso)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, 'Z')
    : '—';
/** A timer's time: the time of day within 12 h of now, the whole date and time further off. @param {string} iso */
export const clockTime = (iso) => {
  const t = new Date(iso).toISOString();
  const near = Math.abs(Date.parse(iso) - (Date.now() + state.clockSkew)) < 12 * 3_600_000;
  return near ? `${t.slice(11, 19)}Z` : `${t.slice(0, 10)} ${t.slice(11, 19)}Z`;
};
/** @param {string} s */
export const words = (s) =>
  String(s)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
/** @param {number} ms */
export const humanMs = (ms) =>
  ms < 1000
    ? `${ms} ms`
    : ms < 120000
      ? `${Math.round(ms / 1000)} s`
      : ms < 7200000
        ? `${Math.round(ms / 60000)} min`
        : ms < 172800000
          ? `${(ms / 3600000).toFixed(1)} h`
          : `${(ms / 86400000).toFixed(1)} days`;
/** "in 12 s" / "12 s ago", by the server's clock. @param {string} iso */
export const relative = (iso) => {
  const ms = Date.parse(iso) - (Date.now() + state.clockSkew);
  return ms >= 0 ? `in ${humanMs(ms)}` : `${humanMs(-ms)} ago`;
};
/** datetime-local (local time) ↔ ISO 8601 (UTC) for the URL and the API. @param {string} local */
export const toIso = (local) => (local ? new Date(local).toISOString() : '');
/** @param {string} iso */
export const toLocal = (iso) => {
  if (!iso || Number.isNaN(Date.parse(iso))) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
};

/** Each cell names its column (tables read as cards on a narrow screen). @param {HTMLElement} table */
export function labelCells(table) {
  const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent || '');
  for (const tr of table.querySelectorAll('tbody tr'))
    [...tr.children].forEach((td, i) => {
      if (td instanceof HTMLElement) td.dataset.label = heads[i] || '';
    });
}
/** A scrolling block of text, reachable from the keyboard; `whole`: never cut. @param {string} value @param {boolean} [whole] */
export const pre = (value, whole = false) => {
  const el = text('pre', value, whole ? 'body whole' : 'body');
  el.tabIndex = 0;
  return el;
};
/** @param {HTMLElement} dl @param {string} k @param {string | Node} v */
export const fact = (dl, k, v) => {
  dl.append(text('dt', k));
  const dd = document.createElement('dd');
  if (v instanceof Node) dd.append(v);
  else dd.textContent = v;
  dl.append(dd);
};
/** @param {HTMLElement} tbody @param {string} message @param {number} span */
export const emptyRow = (tbody, message, span) => {
  const tr = document.createElement('tr');
  const td = text('td', message);
  td.colSpan = span;
  tr.append(td);
  tbody.replaceChildren(tr);
};

// ---- statuses: a word and a symbol, never colour alone --------------------------------
/** @type {Record<string, string>} */
export const SYMBOL = {
  queued: '◷',
  sending: '➚',
  retrying: '↻',
  held: '‖',
  skipped: '↷',
  succeeded: '✓',
  failed: '✗',
};
/** @param {string} s */
export const statusCell = (s) => text('span', `${SYMBOL[s] || '•'} ${s}`, `status status-${s}`);
/** @type {Record<string, string>} */
export const SESSION_SYMBOL = {
  awaitingLogin: '…',
  awaitingConsent: '…',
  codeIssued: '→',
  redeemed: '✓',
  denied: '✗',
  expired: '◷',
  replayDetected: '⚠',
};
/** @type {Record<string, string>} */
export const SUB_SYMBOL = { active: '✓', failing: '⚠', paused: '‖', disabled: '✗' };
/** @param {string} s */
export const subscriptionCell = (s) => text('span', `${SUB_SYMBOL[s] || '•'} ${s}`, `status sub-${s}`);
/** "xstate.after.backoff.delivery.backoff" → "after backoff"; "xstate.init" → "created". @param {string} e */
export const eventName = (e) =>
  e === 'xstate.init' ? 'created' : e.startsWith('xstate.after.') ? `after ${e.split('.')[2]}` : e;
/** @param {string} s */
export const sessionCell = (s) => text('span', `${SESSION_SYMBOL[s] || '•'} ${words(s)}`, `status st-${s}`);
/** @type {Record<string, string>} */
export const TIMER = {
  send_timeout: 'send timeout',
  lease_expiry: 'lease ends',
  next_attempt: 'next attempt',
  endpoint_slot: 'waiting for a slot',
  rate_limit: 'rate limited',
  claim: 'waiting for a worker',
  previous_delivery: 'waiting in line',
  hold_expiry: 'hold ends',
  skipped: 'skipped',
  auto_disable: 'auto-disable',
  secret_grace: 'secret grace window ends',
};

/** A pending timer as a line: "send timeout in 12 s (14:03:05Z): …". @param {Pending} p */
export function timerItem(p) {
  const li = document.createElement('li');
  li.dataset.kind = p.kind;
  const head = text('strong', TIMER[p.kind] || words(p.kind));
  if (p.at) {
    const at = text('span', ` ${relative(p.at)}`, 'rel');
    at.dataset.at = p.at;
    head.append(at, ` (${clockTime(p.at)})`);
  }
  li.append(head, text('span', `: ${p.does}`));
  return li;
}
setInterval(() => {
  for (const el of document.querySelectorAll('.rel'))
    if (el instanceof HTMLElement && el.dataset.at) el.textContent = ` ${relative(el.dataset.at)}`;
}, 1000);
