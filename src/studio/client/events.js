// @ts-check
// The Events view: events by type and time, and one event with its deliveries.
/** @import { Delivery } from './types.js' */
import { json } from './api.js';
import {
  $,
  $button,
  $input,
  $select,
  emptyRow,
  fact,
  labelCells,
  pre,
  statusCell,
  text,
  toIso,
  toLocal,
  when,
} from './dom.js';
import { hashOf, parseHash } from './nav.js';
import { state } from './state.js';

// ---- events -----------------------------------------------------------------------------
/** @param {string | null} id @param {URLSearchParams} query */
export async function showEvents(id, query) {
  const filter = { type: query.get('type') || '', since: query.get('since') || '', until: query.get('until') || '' };
  const key = JSON.stringify(filter);
  const cursor = query.get('cursor');
  if (
    key !== state.eventFilterKey ||
    (state.eventPages[state.eventPageIndex] || null) !== (cursor || null) ||
    !$('#events tbody').children.length
  ) {
    if (key !== state.eventFilterKey) {
      state.eventPages = [null];
      state.eventPageIndex = 0;
    }
    const known = state.eventPages.indexOf(cursor || null);
    if (known >= 0) state.eventPageIndex = known;
    else {
      state.eventPages.push(cursor);
      state.eventPageIndex = state.eventPages.length - 1;
    }
    state.eventFilterKey = key;
    const q = new URLSearchParams({ limit: '50' });
    if (cursor) q.set('cursor', cursor);
    if (filter.type) q.set('type', filter.type);
    if (filter.since) q.set('since', filter.since);
    if (filter.until) q.set('until', filter.until);
    const { events, next_cursor, types } = await json(`/v1/studio/events?${q}`);
    const sel = $select('#event-type-filter');
    if (sel.options.length === 1 && types) {
      for (const t of types) sel.append(text('option', t));
    }
    sel.value = filter.type;
    $input('#event-since').value = toLocal(filter.since);
    $input('#event-until').value = toLocal(filter.until);
    const tbody = $('#events tbody');
    const rows = events.map((/** @type {{ id: string, type: string, deliveries: number, created_at: string }} */ e) => {
      const tr = document.createElement('tr');
      tr.dataset.event = e.id;
      const b = text('button', e.id, 'link');
      b.type = 'button';
      b.setAttribute('aria-label', `Event ${e.id}, ${e.type}`);
      b.addEventListener('click', () => {
        state.userAsked = true;
        location.hash = hashOf(`events/${encodeURIComponent(e.id)}`, Object.fromEntries(parseHash().query));
      });
      const first = document.createElement('td');
      first.append(b);
      tr.append(first, text('td', e.type), text('td', e.deliveries), text('td', when(e.created_at), 'time'));
      return tr;
    });
    if (rows.length) tbody.replaceChildren(...rows);
    else emptyRow(tbody, 'No events on this page.', 4);
    state.eventPages.length = state.eventPageIndex + 1;
    if (next_cursor) state.eventPages.push(next_cursor);
    $button('#events-older').disabled = !next_cursor;
    $button('#events-newer').disabled = state.eventPageIndex === 0;
    $('#events-page-info').textContent = `Page ${state.eventPageIndex + 1} · 50 a page`;
    labelCells($('#events'));
  }
  for (const tr of document.querySelectorAll('#events tbody tr'))
    if (tr instanceof HTMLElement) tr.setAttribute('aria-selected', String(tr.dataset.event === id));
  const opened = id && id !== state.event;
  state.event = id;
  const section = $('#event-detail');
  if (!id) {
    section.hidden = true;
    $('#event-console').classList.remove('open');
    return;
  }
  const { event, deliveries } = await json(`/v1/studio/events/${encodeURIComponent(id)}`);
  if (state.event !== id) return;
  section.hidden = false;
  $('#event-console').classList.add('open');
  $('#event-title').textContent = `Event ${event.id}`;
  const facts = $('#event-facts');
  facts.replaceChildren();
  fact(facts, 'Type', event.type);
  fact(facts, 'Published', when(event.created_at));
  fact(facts, 'Data', pre(JSON.stringify(event.data, null, 2)));
  const tbody = $('#event-deliveries tbody');
  const rows = deliveries.map((/** @type {Delivery} */ d) => {
    const tr = document.createElement('tr');
    tr.dataset.delivery = d.id;
    const a = text('a', d.id);
    a.href = `#/webhooks/${encodeURIComponent(d.webhook_id || '')}/deliveries/${encodeURIComponent(d.id)}`;
    const first = document.createElement('td');
    first.append(a);
    const st = document.createElement('td');
    st.append(statusCell(d.status));
    tr.append(
      first,
      text('td', d.webhook_id, 'id'),
      st,
      text('td', d.attempt),
      text('td', d.response_status ?? (d.error ? 'no answer' : '—')),
    );
    return tr;
  });
  if (rows.length) tbody.replaceChildren(...rows);
  else emptyRow(tbody, 'No deliveries: no webhook received this type when it was published.', 5);
  labelCells($('#event-deliveries'));
  if (opened && state.userAsked) section.scrollIntoView({ block: 'nearest' });
  state.userAsked = false;
}
export const onEventFilter = () => {
  location.hash = hashOf('events', {
    type: $select('#event-type-filter').value,
    since: toIso($input('#event-since').value),
    until: toIso($input('#event-until').value),
  });
};
for (const s of ['#event-type-filter', '#event-since', '#event-until']) $(s).addEventListener('change', onEventFilter);
$('#event-filters').addEventListener('submit', (e) => e.preventDefault());
/** @param {string | null} cursor */
export const eventPage = (cursor) => {
  const r = parseHash();
  const q = Object.fromEntries(r.query);
  location.hash = hashOf(`events${state.event ? `/${encodeURIComponent(state.event)}` : ''}`, { ...q, cursor });
};
$('#events-older').addEventListener('click', () => {
  const next = state.eventPages[state.eventPageIndex + 1];
  if (next) eventPage(next);
});
$('#events-newer').addEventListener('click', () => {
  if (state.eventPageIndex > 0) eventPage(state.eventPages[state.eventPageIndex - 1] ?? null);
});
// Escape closes the open detail (a dialog closes itself), and focus goes back to its row.
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
  const open = ['#delivery-detail', '#event-detail'].find((sel) => !$(sel).hidden && $(sel).offsetParent !== null);
  if (!open) return;
  e.preventDefault();
  $(open === '#delivery-detail' ? '#close-delivery' : '#close-event').click();
});
// Shortcuts, never while typing in a field: / the finder; j and k open the next and previous
// row of the list in view (focus on its button); ? opens the list of shortcuts.
/** @param {EventTarget | null} t */
export const typing = (t) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName));
/** @param {number} step */
export function openRow(step) {
  const table = ['#deliveries', '#events'].map((sel) => $(sel)).find((el) => el.offsetParent !== null);
  if (!table) return;
  const rows = [...table.querySelectorAll('tbody tr')].filter((tr) => tr.querySelector('button'));
  if (!rows.length) return;
  // From the row with focus (a key pressed again before the view caught up), else the open one.
  const focused = rows.findIndex((tr) => tr.contains(document.activeElement));
  const at = focused >= 0 ? focused : rows.findIndex((tr) => tr.getAttribute('aria-selected') === 'true');
  const next = rows[at < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, at + step))];
  const button = next?.querySelector('button');
  if (!(button instanceof HTMLElement)) return;
  button.click();
  button.focus();
}
document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
  if ($('#studio').hidden || document.querySelector('dialog[open]')) return;
  if (e.key === '/') {
    e.preventDefault();
    $('#find').focus();
  } else if (e.key === 'j' || e.key === 'k') {
    e.preventDefault();
    openRow(e.key === 'j' ? 1 : -1);
  } else if (e.key === '?') {
    e.preventDefault();
    const help = /** @type {HTMLDetailsElement} */ ($('#shortcuts'));
    help.open = true;
    help.querySelector('summary')?.focus();
  }
});
$('#close-event').addEventListener('click', () => {
  location.hash = hashOf('events', Object.fromEntries(parseHash().query));
  const row = document.querySelector('#events tbody tr[aria-selected=true] button');
  if (row instanceof HTMLElement) row.focus();
});
