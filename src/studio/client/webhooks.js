// @ts-check
// The Webhooks view: the list with each webhook's health and queue, a webhook's deliveries
// followed live, a delivery's path and why.
/** @import { Transition, Delivery, Attempt, Pending, Webhook, Health, Queue } from './types.js' */
import { keepFeedbackTrue } from './actions.js';
import { follow, json, message } from './api.js';
import { feedback } from './dialog.js';
import {
  $,
  $button,
  $input,
  $select,
  SUB_SYMBOL,
  SYMBOL,
  emptyRow,
  eventName,
  fact,
  humanMs,
  labelCells,
  pre,
  relative,
  status,
  statusCell,
  subscriptionCell,
  text,
  timerItem,
  toIso,
  toLocal,
  when,
} from './dom.js';
import { WEBHOOK_BUTTONS, draw, mark, svgOf } from './machines.js';
import { hashOf, leaveWebhook, parseHash } from './nav.js';
import { state } from './state.js';

// ---- webhooks -----------------------------------------------------------------------
/** A small bar chart of attempts per 5 minutes over the last hour (red: the share that failed). @param {Health} h */
export function sparkline(h) {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  const W = 60,
    H = 16,
    n = h.buckets.length,
    max = Math.max(1, ...h.buckets.map((b) => b.attempts));
  svg.setAttribute('width', String(W));
  svg.setAttribute('height', String(H));
  svg.setAttribute('class', 'spark');
  svg.setAttribute('aria-hidden', 'true');
  h.buckets.forEach((b, i) => {
    const x = (i * W) / n,
      w = W / n - 1;
    const total = (b.attempts / max) * H,
      good = (b.succeeded / max) * H;
    const bad = document.createElementNS(NS, 'rect');
    bad.setAttribute('x', String(x));
    bad.setAttribute('width', String(w));
    bad.setAttribute('y', String(H - total));
    bad.setAttribute('height', String(total - good));
    bad.setAttribute('class', 'bad');
    const ok = document.createElementNS(NS, 'rect');
    ok.setAttribute('x', String(x));
    ok.setAttribute('width', String(w));
    ok.setAttribute('y', String(H - good));
    ok.setAttribute('height', String(good));
    svg.append(bad, ok);
  });
  return svg;
}
/** @param {Health | undefined} h */
export const healthText = (h) =>
  !h?.attempts
    ? 'no attempts in the last hour'
    : `${Math.round((h.success_rate || 0) * 100)} % ok of ${h.attempts} · p50 ${h.p50_ms} ms · p95 ${h.p95_ms} ms`;
/** A count the server stopped at its cap reads "10,000+". @param {number} n */
export const capped = (n) => `${n.toLocaleString('en')}${n >= state.queueCap ? '+' : ''}`;
/** What a webhook's unsettled deliveries wait for, the non-zero parts only. @param {Queue | undefined} q */
export const queueText = (q) => {
  if (!q) return 'queue empty';
  const parts = [];
  if (q.due) parts.push(`${capped(q.due)} due${q.oldest_due_at ? ` (oldest due ${relative(q.oldest_due_at)})` : ''}`);
  if (q.in_flight) parts.push(`${capped(q.in_flight)} in flight`);
  if (q.in_line) parts.push(`${capped(q.in_line)} in line`);
  if (q.retrying)
    parts.push(`${capped(q.retrying)} retrying${q.next_retry_at ? ` (next ${relative(q.next_retry_at)})` : ''}`);
  if (q.held) parts.push(`${capped(q.held)} held`);
  return `queue: ${parts.join(' · ')}`;
};
export async function loadHealth() {
  const { webhooks, queues, count_cap } = await json('/v1/studio/health');
  state.health = webhooks;
  state.queues = queues;
  state.queueCap = count_cap;
  for (const b of document.querySelectorAll(WEBHOOK_BUTTONS)) {
    if (!(b instanceof HTMLElement)) continue;
    const id = b.dataset.webhook || '';
    const h = webhooks[id];
    const line = b.querySelector('.health');
    const queue = b.querySelector('.queue');
    if (!line || !queue) continue;
    line.textContent = healthText(h);
    if (h?.attempts) line.append(sparkline(h));
    queue.textContent = queueText(queues[id]);
  }
}
/** A webhook of a list: its URL, status and id, and a line for its last hour. @param {Webhook} w */
export function webhookItem(w) {
  const li = document.createElement('li');
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.webhook = w.id;
  b.append(
    text('span', w.url),
    text('span', `${SUB_SYMBOL[w.status] || '•'} ${w.status} · ${w.id}`, 'sub'),
    text('span', '', 'health'),
    text('span', '', 'queue'),
  );
  b.addEventListener('click', () => {
    location.hash = `#/webhooks/${encodeURIComponent(w.id)}`;
  });
  li.append(b);
  return li;
}
/** Failing and disabled webhooks, first and apart: what an engineer on call looks at first. */
export async function loadAttention() {
  const { webhooks } = await json('/v1/studio/webhooks?limit=50&status=failing,disabled');
  const list = $('#attention-list');
  list.replaceChildren(.../** @type {Webhook[]} */ (webhooks).map(webhookItem));
  list.hidden = $('#attention-title').hidden = !list.children.length;
  markCurrent();
}
/** @param {boolean} more */
export async function loadWebhookList(more) {
  const q = more && state.webhookCursor ? `?limit=50&cursor=${encodeURIComponent(state.webhookCursor)}` : '?limit=50';
  const [{ webhooks, next_cursor }] = await Promise.all([
    json(`/v1/studio/webhooks${q}`),
    more ? null : loadAttention(),
  ]);
  const list = $('#webhook-list');
  if (!more) list.replaceChildren();
  for (const w of /** @type {Webhook[]} */ (webhooks)) list.append(webhookItem(w));
  state.webhookCursor = next_cursor;
  $('#webhooks-more').hidden = !next_cursor;
  if (!list.children.length) list.append(text('li', 'No webhooks yet.', 'hint'));
  loadHealth().catch((e) => status(message(e)));
}
/** Marks the chosen webhook in both lists. */
export function markCurrent() {
  for (const b of document.querySelectorAll(WEBHOOK_BUTTONS))
    if (b instanceof HTMLElement) b.setAttribute('aria-current', String(b.dataset.webhook === state.webhook));
}
$('#webhooks-more').addEventListener('click', () => loadWebhookList(true).catch((e) => status(message(e))));
/** The listed webhooks' statuses and last-hour figures, read again while the list is in view. */
export async function refreshWebhookList() {
  const [{ webhooks }] = await Promise.all([json('/v1/studio/webhooks?limit=50'), loadAttention()]);
  for (const w of /** @type {Webhook[]} */ (webhooks)) showStatus(w);
  await loadHealth();
}
/** A webhook's status line, in place in both lists (a focused button stays focused). @param {Webhook} w */
export function showStatus(w) {
  const id = CSS.escape(w.id);
  for (const sub of document.querySelectorAll(
    `#attention-list button[data-webhook="${id}"] .sub, #webhook-list button[data-webhook="${id}"] .sub`,
  ))
    sub.textContent = `${SUB_SYMBOL[w.status] || '•'} ${w.status} · ${w.id}`;
}

export const LIST_REFRESH_MS = 10_000;
setInterval(() => {
  if (document.hidden || $('#studio').hidden || $('#view-webhooks').hidden) return;
  refreshWebhookList().catch((e) => status(message(e)));
}, LIST_REFRESH_MS);

/** @param {string | null} id @param {string | null} deliveryId @param {URLSearchParams} query */
export async function showWebhooks(id, deliveryId, query) {
  if (!$('#webhook-list').children.length) await loadWebhookList(false).catch((e) => status(message(e)));
  markCurrent();
  $('#webhook-empty').hidden = !!id;
  $('#webhook-detail').hidden = !id;
  if (!id) {
    leaveWebhook();
    return;
  }
  const filter = {
    status: query.get('status') || '',
    type: query.get('type') || '',
    answer: query.get('answer') || '',
    since: query.get('since') || '',
    until: query.get('until') || '',
  };
  const filterKey = JSON.stringify(filter);
  const cursor = query.get('cursor');
  const pageNo = Math.max(1, Number(query.get('page')) || 1);
  const fresh = state.webhook !== id;
  const refilter = fresh || filterKey !== state.filterKey;
  if (fresh) {
    state.webhook = id;
    state.hook = null;
    state.delivery = null;
    state.acted = null;
    for (const out of ['#webhook-feedback', '#bulk-feedback', '#delivery-feedback']) feedback(out, '');
    $('#deliveries tbody').replaceChildren();
    $('#delivery-detail').hidden = true;
    $('#delivery-console').classList.remove('open');
    if (state.stream) state.stream.abort();
    $('#live').textContent = 'Connecting…';
    state.stream = follow(`/v1/studio/webhooks/${encodeURIComponent(id)}/stream`, {
      ready: () => {
        $('#live').textContent = '● Live: updates as deliveries move';
        refreshAll();
      },
      transition: (t) => onTransition(t),
      error: (e) => {
        $('#live').textContent = `Live updates paused: ${e.error_description}`;
      },
      fail: (e) => {
        $('#live').textContent = `Not live: ${e.message}`;
        status(e.message);
      },
      lost: () => {
        $('#live').textContent = '○ Connection lost; reconnecting…';
      },
    });
  }
  state.filter = filter;
  $select('#status-filter').value = filter.status;
  $input('#answer-filter').value = filter.answer;
  $input('#since-filter').value = toLocal(filter.since);
  $input('#until-filter').value = toLocal(filter.until);
  if (refilter || (state.pages[state.pageIndex] || null) !== (cursor || null)) {
    state.filterKey = filterKey;
    const known = state.pages.indexOf(cursor || null);
    if (known >= 0 && !refilter) state.pageIndex = known;
    else if (cursor) {
      state.pages = [null];
      state.pages[pageNo - 1] = cursor;
      for (let i = 0; i < pageNo - 1; i++) state.pages[i] = state.pages[i] ?? null;
      state.pageIndex = pageNo - 1;
    } else {
      state.pages = [null];
      state.pageIndex = 0;
    }
    if (!fresh) loadPage(true).catch((e) => status(message(e)));
  }
  const opened = deliveryId && deliveryId !== state.delivery;
  if (opened) feedback('#delivery-feedback', '');
  if (refilter && !fresh) feedback('#bulk-feedback', '');
  state.delivery = deliveryId;
  for (const tr of document.querySelectorAll('#deliveries tbody tr'))
    if (tr instanceof HTMLElement) tr.setAttribute('aria-selected', String(tr.dataset.delivery === deliveryId));
  if (deliveryId) {
    await loadDelivery();
    if (opened && state.userAsked) $('#delivery-detail').scrollIntoView({ block: 'nearest' });
  } else {
    $('#delivery-detail').hidden = true;
    $('#delivery-console').classList.remove('open');
  }
  state.userAsked = false;
}
/** Changes the URL (and so the view) from the page's own controls. @param {Record<string, string | number | null>} changes */
export function setWebhookQuery(changes) {
  const r = parseHash();
  const q = {
    status: state.filter.status,
    type: state.filter.type,
    answer: state.filter.answer,
    since: state.filter.since,
    until: state.filter.until,
    page: state.pageIndex + 1 > 1 ? state.pageIndex + 1 : null,
    cursor: state.pages[state.pageIndex] || null,
    ...changes,
  };
  const path = `webhooks/${encodeURIComponent(state.webhook || '')}${r.parts[2] === 'deliveries' && r.parts[3] ? `/deliveries/${encodeURIComponent(r.parts[3])}` : ''}`;
  location.hash = hashOf(path, q);
}
export const onFilter = () =>
  setWebhookQuery({
    status: $select('#status-filter').value,
    type: $select('#type-filter').value,
    answer: $input('#answer-filter').value.trim().toLowerCase(),
    since: toIso($input('#since-filter').value),
    until: toIso($input('#until-filter').value),
    page: null,
    cursor: null,
  });
for (const s of ['#status-filter', '#type-filter', '#answer-filter', '#since-filter', '#until-filter'])
  $(s).addEventListener('change', onFilter);
$('#filters').addEventListener('submit', (e) => e.preventDefault());

/** @type {{ summary: boolean, page: boolean, delivery: boolean }} */
export const pending = { summary: false, page: false, delivery: false };
/** @param {Transition} t */
export function onTransition(t) {
  if (t.machine === 'subscription') pending.summary = true;
  if (t.machine === 'delivery') {
    pending.page = true;
    pending.summary = true;
    if (t.instance_id === state.delivery) {
      pending.delivery = true;
      appendPath(t);
    }
  }
  if (!state.refresh) state.refresh = setTimeout(flush, 250);
}
export async function flush() {
  state.refresh = null;
  const todo = { ...pending };
  pending.summary = pending.page = pending.delivery = false;
  try {
    await Promise.all([todo.summary && loadSummary(), todo.page && loadPage(false), todo.delivery && loadDelivery()]);
  } catch (e) {
    status(message(e));
  }
}
export function refreshAll() {
  if (!state.webhook) return;
  Promise.all([loadSummary(), loadPage(false), state.delivery && loadDelivery(), loadHealth()]).catch((e) =>
    status(message(e)),
  );
}

export async function loadSummary() {
  const id = state.webhook;
  if (!id) return;
  const [s, why] = await Promise.all([
    json(`/v1/studio/webhooks/${encodeURIComponent(id)}`),
    json(`/v1/studio/webhooks/${encodeURIComponent(id)}/why`),
  ]);
  if (id !== state.webhook) return;
  state.clockSkew = Date.parse(why.now) - Date.now();
  const w = /** @type {Webhook} */ (s.webhook);
  state.hook = w;
  $('#webhook-title').textContent = w.url;
  // The list's line for it follows (in place: a focused list button stays focused).
  showStatus(w);
  const facts = $('#webhook-facts');
  facts.replaceChildren();
  fact(facts, 'Webhook', w.id);
  fact(facts, 'Belongs to', w.app_id ? `app ${w.app_id} (its tokens and portal manage it)` : 'the tenant');
  fact(facts, 'Subscription', subscriptionCell(w.status));
  fact(facts, 'Machine state', (s.state || '—').split(',').join(' · '));
  if (w.disabled_reason) fact(facts, 'Disabled because', w.disabled_reason);
  fact(
    facts,
    'Signing secret',
    w.secret_rotation
      ? `rotating: the previous one also signs until ${when(w.secret_rotation.previous_secret_expires_at)}`
      : 'one secret in use',
  );
  fact(facts, 'Events', w.events.join(', '));
  /** @type {Record<string, number>} */
  const c = s.deliveries_by_status;
  state.counts = c;
  fact(
    facts,
    'Deliveries',
    Object.entries(c)
      .map(([k, v]) => `${SYMBOL[k] || ''} ${k} ${v.toLocaleString('en')}`)
      .join(' · '),
  );
  fact(facts, 'Last hour', healthText(state.health[w.id]));
  fact(facts, 'Queue', queueText(state.queues[w.id]));
  const last = s.transitions[s.transitions.length - 1];
  if (last)
    fact(facts, 'Last change', `${when(last.at)}: ${eventName(last.event)} → ${last.to.split(',').join(' · ')}`);
  const timers = /** @type {Pending[]} */ (why.webhook);
  $('#webhook-timers').replaceChildren(
    ...(timers.length
      ? timers.map(timerItem)
      : [text('li', 'No clock running: not failing, no secret rotation in its grace window.', 'hint')]),
  );
  $('#webhook-detail').dataset.state = s.state || '';
  $('#webhook-detail').dataset.status = w.status;
  keepFeedbackTrue(w);
  // One button for pause and resume (its label changes; focus stays on it).
  $('#act-pause').textContent = w.status === 'paused' ? 'Resume' : 'Pause';
  $('#act-enable').setAttribute('aria-disabled', String(w.status !== 'disabled'));
  const types = $select('#type-filter');
  if (types.options.length !== w.events.length + 1) {
    types.replaceChildren(text('option', 'any'), ...w.events.map((e) => text('option', e)));
    const any = types.options[0];
    if (any) any.value = '';
  }
  types.value = state.filter.type;
  const diagram = $('#subscription-diagram');
  if (!diagram.querySelector('svg')) draw(diagram, await svgOf('subscription'));
  mark(
    diagram,
    s.state,
    s.transitions.flatMap((/** @type {Transition} */ t) => t.to.split(',')),
    s.transitions,
  );
  pageInfo();
}
export function pageInfo() {
  const c = state.counts;
  const f = state.filter;
  const exact = !f.type && !f.since && !f.until;
  const total = c && exact ? (f.status ? (c[f.status] ?? 0) : Object.values(c).reduce((a, b) => a + b, 0)) : null;
  $('#page-info').textContent =
    `Page ${state.pageIndex + 1}${total !== null ? ` · ${total.toLocaleString('en')}${total === 1 ? ' delivery' : ' deliveries'}${f.status ? ` ${f.status}` : ''}` : ''} · 50 a page`;
  $button('#newer').disabled = state.pageIndex === 0;
}
/** @param {Delivery} d @param {string} webhookId */
export function deliveryRow(d, webhookId) {
  const tr = document.createElement('tr');
  tr.dataset.delivery = d.id;
  const b = text('button', d.id, 'link');
  b.type = 'button';
  b.addEventListener('click', () => {
    state.userAsked = true;
    const r = parseHash();
    location.hash = hashOf(
      `webhooks/${encodeURIComponent(webhookId)}/deliveries/${encodeURIComponent(d.id)}`,
      Object.fromEntries(r.query),
    );
  });
  const first = document.createElement('td');
  first.append(b);
  tr.append(
    first,
    text('td', d.event_type),
    document.createElement('td'),
    document.createElement('td'),
    document.createElement('td'),
    text('td', when(d.created_at), 'time'),
  );
  updateRow(tr, d);
  return tr;
}
/** A row's cells brought up to date in place (its button, and so focus, stays). @param {HTMLElement} tr @param {Delivery} d */
export function updateRow(tr, d) {
  tr.dataset.status = d.status;
  tr.setAttribute('aria-selected', String(d.id === state.delivery));
  const [idCell, , statusOf, attemptOf, resultOf] = tr.children;
  if (!idCell || !statusOf || !attemptOf || !resultOf) return;
  const b = idCell.querySelector('button');
  if (b) b.setAttribute('aria-label', `Delivery ${d.id}, ${d.status}`);
  statusOf.replaceChildren(statusCell(d.status));
  attemptOf.textContent = String(d.attempt);
  resultOf.textContent =
    d.response_status != null
      ? d.response_status + (d.duration_ms != null ? ` · ${d.duration_ms} ms` : '')
      : d.error
        ? 'no answer'
        : '—';
}
/**
 * Loads the page shown. `full` redraws it (a filter or page change the user asked for);
 * otherwise (live) rows on screen change in place, and new ones are announced, not inserted.
 * @param {boolean} full
 */
export async function loadPage(full) {
  const id = state.webhook;
  if (!id) return;
  const cursor = state.pages[state.pageIndex];
  const q = new URLSearchParams({ limit: '50' });
  if (cursor) q.set('cursor', cursor);
  const f = state.filter;
  if (f.status) q.set('status', f.status);
  if (f.type) q.set('event_type', f.type);
  if (f.answer) q.set('response_status', f.answer);
  if (f.since) q.set('since', f.since);
  if (f.until) q.set('until', f.until);
  const key = state.filterKey;
  const { deliveries, next_cursor } = await json(`/v1/studio/webhooks/${encodeURIComponent(id)}/deliveries?${q}`);
  if (id !== state.webhook || key !== state.filterKey || cursor !== state.pages[state.pageIndex]) return;
  const tbody = $('#deliveries tbody');
  /** @type {Map<string, HTMLElement>} */
  const shown = new Map();
  for (const tr of tbody.querySelectorAll('tr[data-delivery]'))
    if (tr instanceof HTMLElement) shown.set(tr.dataset.delivery || '', tr);
  const list = /** @type {Delivery[]} */ (deliveries);
  if (full || shown.size === 0) {
    state.newIds.clear();
    const rows = list.map((d) => deliveryRow(d, id));
    if (rows.length) tbody.replaceChildren(...rows);
    else emptyRow(tbody, `No deliveries${f.status ? ` ${f.status}` : ''} on this page.`, 6);
    state.pages.length = state.pageIndex + 1;
    if (next_cursor) state.pages.push(next_cursor);
    $button('#older').disabled = !next_cursor;
  } else {
    // Newest first: a row of the first page not on screen is new to this view (created, or
    // matching the filter now); it waits for "show".
    for (const d of list) {
      const tr = shown.get(d.id);
      if (tr) updateRow(tr, d);
      else if (state.pageIndex === 0) state.newIds.add(d.id);
    }
  }
  announceNew();
  labelCells($('#deliveries'));
  pageInfo();
}
export function announceNew() {
  const n = state.newIds.size;
  const b = $('#new-rows');
  b.hidden = n === 0;
  b.textContent = `${n} new — show`;
}
$('#new-rows').addEventListener('click', async () => {
  await loadPage(true).catch((e) => status(message(e)));
  // Asked for: the first of the rows is where the reader goes next.
  const first = document.querySelector('#deliveries tbody tr[data-delivery] button');
  if (first instanceof HTMLElement) first.focus();
});
$('#older').addEventListener('click', () => {
  const next = state.pages[state.pageIndex + 1];
  if (next) setWebhookQuery({ page: state.pageIndex + 2, cursor: next });
});
$('#newer').addEventListener('click', () => {
  if (state.pageIndex > 0)
    setWebhookQuery({
      page: state.pageIndex > 1 ? state.pageIndex : null,
      cursor: state.pages[state.pageIndex - 1] || null,
    });
});
$('#close-delivery').addEventListener('click', () => {
  const r = parseHash();
  location.hash = hashOf(`webhooks/${encodeURIComponent(state.webhook || '')}`, Object.fromEntries(r.query));
  const row = document.querySelector('#deliveries tbody tr[aria-selected=true] button');
  if (row instanceof HTMLElement) row.focus();
});

/** @param {Transition} t */
export function appendPath(t) {
  const ol = $('#delivery-path');
  if (ol.querySelector(`li[data-seq="${t.seq}"]`)) return;
  ol.append(pathItem(t, null));
}
/** @param {Transition} t @param {Transition | null | undefined} next */
export function pathItem(t, next) {
  const li = document.createElement('li');
  li.dataset.seq = String(t.seq);
  li.dataset.to = t.to;
  const stay = next ? ` · stayed ${humanMs(Date.parse(next.at) - Date.parse(t.at))}` : '';
  li.append(
    text('strong', t.to),
    text('span', ` ← ${eventName(t.event)}${t.from ? ` from ${t.from}` : ''}`),
    text('span', ` ${when(t.at)}${stay}`, 'when'),
  );
  return li;
}
/** The request an attempt made: its headers (signature redacted) and the body. @param {Attempt} a @param {string | null} payload */
export function requestCell(a, payload) {
  const td = document.createElement('td');
  if (!Object.keys(a.request_headers).length) {
    td.textContent = 'nothing sent';
    return td;
  }
  const details = document.createElement('details');
  details.className = 'req';
  // Each block labelled, the headers whole: a cut header box made the payload read as a header.
  details.append(
    text('summary', 'Headers and payload'),
    text('p', 'Headers', 'block-label'),
    pre(
      Object.entries(a.request_headers)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n'),
      true,
    ),
  );
  if (payload) details.append(text('p', 'Payload', 'block-label'), pre(payload));
  td.append(details);
  return td;
}
export async function loadDelivery() {
  const id = state.webhook,
    dlv = state.delivery;
  if (!dlv || !id) return;
  const base = `/v1/studio/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(dlv)}`;
  const [{ delivery, state: current, path }, why] = await Promise.all([json(base), json(`${base}/why`)]);
  if (id !== state.webhook || dlv !== state.delivery) return;
  const d = /** @type {Delivery & { attempts: Attempt[] }} */ (delivery);
  state.clockSkew = Date.parse(why.now) - Date.now();
  const section = $('#delivery-detail');
  section.hidden = false;
  $('#delivery-console').classList.add('open');
  section.dataset.state = current || '';
  section.dataset.status = d.status;
  $('#delivery-title').textContent = `Delivery ${d.id}`;
  const facts = $('#delivery-facts');
  facts.replaceChildren();
  fact(facts, 'Status', statusCell(d.status));
  fact(facts, 'Event', `${d.event_type} · ${d.event_id}`);
  // Attempts as recorded; one being sent has no row until its result is in.
  const recorded = d.attempts.length;
  fact(
    facts,
    'Attempts',
    `${recorded} recorded${d.status === 'sending' ? ` · attempt ${d.attempt} being sent now` : d.attempt > recorded ? ` · ${d.attempt - recorded} more counted without a result (send timeout)` : ''}`,
  );
  if (d.error) fact(facts, 'Last error', d.error);
  if (d.failure_reason) fact(facts, 'Failed because', String(d.failure_reason));
  const retryable = d.status === 'failed' || d.status === 'skipped';
  $('#act-retry').setAttribute('aria-disabled', String(!retryable));
  const timers = /** @type {Pending[]} */ (why.delivery);
  $('#delivery-timers').replaceChildren(
    ...(timers.length ? timers.map(timerItem) : [text('li', `Nothing pending: the delivery is ${d.status}.`, 'hint')]),
  );
  const diagram = $('#delivery-diagram');
  if (!diagram.querySelector('svg')) draw(diagram, await svgOf('delivery'));
  mark(
    diagram,
    current,
    path.map((/** @type {Transition} */ t) => t.to),
    path,
  );
  $('#delivery-path').replaceChildren(
    ...path.map((/** @type {Transition} */ t, /** @type {number} */ i) => pathItem(t, path[i + 1])),
  );
  $('#headers-note').textContent = why.headers_note;
  const tbody = $('#attempts tbody');
  // Attempts never change once recorded: only new ones are added (an open "Headers" stays open).
  if (!tbody.querySelector('tr[data-attempt]') || tbody.dataset.delivery !== d.id) tbody.replaceChildren();
  tbody.dataset.delivery = d.id;
  for (const a of d.attempts) {
    if (tbody.querySelector(`tr[data-attempt="${a.attempt}"]`)) continue;
    const tr = document.createElement('tr');
    tr.dataset.attempt = String(a.attempt);
    const body = document.createElement('td');
    if (a.response_body) body.append(pre(a.response_body));
    tr.append(
      text('td', a.attempt),
      text('td', when(a.attempted_at), 'time'),
      text('td', a.response_status ?? 'no answer'),
      text('td', `${a.duration_ms} ms`),
      text('td', a.error || '—'),
      requestCell(a, why.payload),
      body,
    );
    tbody.append(tr);
  }
  if (!d.attempts.length) emptyRow(tbody, 'No attempt recorded yet.', 7);
  labelCells($('#attempts'));
}
