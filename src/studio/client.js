// The studio page's script, served as is (no build step). It reads the studio's JSON
// routes with the signed-in session cookie (or an admin token kept in this tab), and follows
// a webhook over server-sent events. Every value is written with textContent; the only
// markup inserted is the statechart SVG the service draws (its text escaped there).
'use strict';
(() => {
  const $ = (s) => document.querySelector(s);
  let token = sessionStorage.getItem('argus-token') || '';
  const state = {
    machine: null, machines: [], svgs: new Map(),
    webhook: null, pages: [null], pageIndex: 0, filter: '', delivery: null,
    webhookCursor: null, stream: null, instanceStream: null, refresh: null, counts: null,
  };

  const status = (t) => { $('#status').textContent = t; };
  const text = (tag, value, cls) => { const el = document.createElement(tag); el.textContent = value == null ? '' : String(value); if (cls) el.className = cls; return el; };
  const when = (iso) => (iso ? new Date(iso).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—');
  const words = (s) => String(s).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

  class HttpError extends Error { constructor(status, message) { super(message); this.status = status; } }
  const api = async (path, opts = {}) => {
    const headers = { ...(opts.headers || {}) };
    if (token) headers.authorization = 'Bearer ' + token;
    const res = await fetch(path, { credentials: 'same-origin', ...opts, headers });
    if (!res.ok) {
      let msg = 'HTTP ' + res.status;
      const body = await res.text();
      try { const b = JSON.parse(body); msg = b.error_description || b.error || msg; } catch (e) { if (body) msg += ': ' + body.slice(0, 200); }
      throw new HttpError(res.status, msg);
    }
    return res;
  };
  const json = async (path, opts) => (await api(path, opts)).json();

  /** Each cell names its column (tables read as cards on a narrow screen). */
  function labelCells(table) {
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    for (const tr of table.querySelectorAll('tbody tr')) [...tr.children].forEach((td, i) => { td.dataset.label = heads[i] || ''; });
  }

  // ---- statuses: a word and a symbol, never colour alone --------------------------------
  const SYMBOL = { queued: '◷', sending: '➚', retrying: '↻', succeeded: '✓', failed: '✗' };
  const statusCell = (s) => text('span', (SYMBOL[s] || '•') + ' ' + s, 'status status-' + s);
  const SESSION_SYMBOL = { awaitingLogin: '…', awaitingConsent: '…', codeIssued: '→', redeemed: '✓', denied: '✗', expired: '◷', replayDetected: '⚠' };
  const SUB_SYMBOL = { active: '✓', failing: '⚠', paused: '⏸', disabled: '✗' };
  const subscriptionCell = (s) => text('span', (SUB_SYMBOL[s] || '•') + ' ' + s, 'status sub-' + s);
  /** "xstate.after.backoff.delivery.backoff" → "after backoff"; "xstate.init" → "created". */
  const eventName = (e) => (e === 'xstate.init' ? 'created' : e.startsWith('xstate.after.') ? 'after ' + e.split('.')[2] : e);
  const sessionCell = (s) => text('span', (SESSION_SYMBOL[s] || '•') + ' ' + words(s), 'status st-' + s);

  // ---- server-sent events over fetch (so a token header can be sent), reconnecting ------
  function follow(url, handlers) {
    const ctl = new AbortController();
    let last = null;
    let delay = 500;
    (async () => {
      while (!ctl.signal.aborted) {
        try {
          const res = await api(url, { signal: ctl.signal, headers: last !== null ? { 'last-event-id': String(last) } : {} });
          delay = 500;
          handlers.open && handlers.open();
          const reader = res.body.getReader();
          const decoder = new TextDecoder();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += decoder.decode(value, { stream: true });
            let cut;
            while ((cut = buffer.indexOf('\n\n')) >= 0) {
              const chunk = buffer.slice(0, cut); buffer = buffer.slice(cut + 2);
              let event = 'message', data = '', id = null;
              for (const line of chunk.split('\n')) {
                if (line.startsWith('event: ')) event = line.slice(7);
                else if (line.startsWith('data: ')) data += line.slice(6);
                else if (line.startsWith('id: ')) id = Number(line.slice(4));
              }
              if (id !== null) last = id;
              if (data && handlers[event]) handlers[event](JSON.parse(data));
            }
          }
        } catch (e) {
          if (ctl.signal.aborted) return;
          if (e instanceof HttpError && e.status < 500) { handlers.fail && handlers.fail(e); return; }
          handlers.lost && handlers.lost(e);
        }
        if (ctl.signal.aborted) return;
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 10000);
      }
    })();
    return ctl;
  }

  // ---- sign-in --------------------------------------------------------------------------
  async function start() {
    try {
      const who = await json('/v1/studio/session');
      $('#who').textContent = 'Tenant ' + (who.tenant_name || who.tenant_id) + (who.via === 'session' ? ' · signed in' : ' · admin token');
      $('#sign-out').hidden = false;
      $('#signin').hidden = true;
      $('#studio').hidden = false;
      await loadMachines();
      route();
    } catch (e) {
      if (e instanceof HttpError && (e.status === 401 || e.status === 403)) {
        if (token) { token = ''; sessionStorage.removeItem('argus-token'); status('That token was refused: ' + e.message); }
        $('#signin').hidden = false;
        $('#studio').hidden = true;
        $('#sign-out').hidden = true;
        $('#who').textContent = '';
        return;
      }
      status('Could not open the studio: ' + e.message);
    }
  }
  $('#login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    status('Signing in…');
    try {
      await json('/v1/studio/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: $('#login-tenant').value.trim(), email: $('#login-email').value.trim(), password: $('#login-password').value }) });
      $('#login-password').value = '';
      status('');
      await start();
    } catch (err) { status('Sign-in failed: ' + err.message); }
  });
  $('#token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    token = $('#token').value.trim();
    $('#token').value = '';
    sessionStorage.setItem('argus-token', token);
    status('');
    start();
  });
  $('#sign-out').addEventListener('click', async () => {
    try { if (!token) await api('/v1/studio/session', { method: 'DELETE' }); } catch (e) { status('Sign-out: ' + e.message); }
    token = ''; sessionStorage.removeItem('argus-token');
    stopStreams();
    location.hash = '';
    start();
  });

  // ---- views and routing (#/machines/<name>, #/webhooks/<id>[/<delivery>], #/sessions) ---
  const tabs = () => [...document.querySelectorAll('[role=tablist].views [role=tab]')];
  function showView(view) {
    for (const t of tabs()) {
      const on = t.dataset.view === view;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $('#' + t.getAttribute('aria-controls')).hidden = !on;
    }
  }
  for (const t of tabs()) {
    t.addEventListener('click', () => { location.hash = '#/' + t.dataset.view + (t.dataset.view === 'machines' && state.machine ? '/' + state.machine : t.dataset.view === 'webhooks' && state.webhook ? '/' + state.webhook : ''); });
    t.addEventListener('keydown', (e) => {
      const all = tabs(); const i = all.indexOf(t);
      const j = e.key === 'ArrowRight' ? (i + 1) % all.length : e.key === 'ArrowLeft' ? (i - 1 + all.length) % all.length : e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : -1;
      if (j >= 0) { e.preventDefault(); all[j].focus(); all[j].click(); }
    });
  }
  function stopStreams() {
    if (state.stream) { state.stream.abort(); state.stream = null; }
    if (state.instanceStream) { state.instanceStream.abort(); state.instanceStream = null; }
  }
  async function route() {
    const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
    const view = ['machines', 'webhooks', 'sessions'].includes(parts[0]) ? parts[0] : 'machines';
    showView(view);
    try {
      if (view === 'machines') {
        if (state.stream) { state.stream.abort(); state.stream = null; state.webhook = null; }
        await showMachine(parts[1] || state.machine || (state.machines[0] && state.machines[0].name));
      } else if (view === 'webhooks') {
        await showWebhooks(parts[1] || null, parts[2] === 'deliveries' ? parts[3] || null : null);
      } else {
        if (state.stream) { state.stream.abort(); state.stream = null; state.webhook = null; }
        await showSessions();
      }
    } catch (e) { status(e.message); }
  }
  window.addEventListener('hashchange', route);

  // ---- machines -----------------------------------------------------------------------
  async function loadMachines() {
    const { machines } = await json('/v1/machines');
    state.machines = machines;
    const list = $('#machine-list');
    list.replaceChildren();
    for (const m of machines) {
      const li = document.createElement('li');
      const b = text('button', m.name);
      b.type = 'button'; b.setAttribute('role', 'tab'); b.dataset.machine = m.name; b.setAttribute('aria-selected', 'false');
      b.addEventListener('click', () => { location.hash = '#/machines/' + encodeURIComponent(m.name); });
      b.addEventListener('keydown', (e) => {
        const all = [...list.querySelectorAll('button')];
        const i = all.indexOf(b);
        if (e.key === 'ArrowDown') { e.preventDefault(); all[(i + 1) % all.length].focus(); }
        if (e.key === 'ArrowUp') { e.preventDefault(); all[(i - 1 + all.length) % all.length].focus(); }
      });
      li.append(b); list.append(li);
    }
    status(machines.length + ' machines');
  }
  async function svgOf(name) {
    if (!state.svgs.has(name)) state.svgs.set(name, await (await api('/v1/machines/' + encodeURIComponent(name) + '/diagram.svg')).text());
    return state.svgs.get(name);
  }
  async function showMachine(name) {
    if (!name) return;
    if (!state.machines.some((m) => m.name === name)) { status('There is no machine named ' + name); return; }
    if (state.machine !== name && state.instanceStream) { state.instanceStream.abort(); state.instanceStream = null; $('#journal tbody').replaceChildren(); }
    state.machine = name;
    for (const b of document.querySelectorAll('#machine-list button')) b.setAttribute('aria-selected', String(b.dataset.machine === name));
    $('#machine-title').textContent = name;
    const started = performance.now();
    draw($('#diagram'), await svgOf(name));
    $('#diagram').dataset.renderMs = String(Math.round(performance.now() - started));
    const def = await json('/v1/machines/' + encodeURIComponent(name));
    const tbody = $('#transitions tbody');
    tbody.replaceChildren();
    const walk = (node, path) => {
      for (const t of node.transitions || []) {
        const tr = document.createElement('tr');
        tr.append(text('td', path.join('.')), text('td', t.eventType), text('td', t.guard ? (typeof t.guard === 'string' ? t.guard : t.guard.type) : ''), text('td', (t.target || []).map((x) => x.replace(/^#[^.]+\./, '')).join(', ') || '(stays)'));
        tbody.append(tr);
      }
      for (const [k, child] of Object.entries(node.states || {})) walk(child, [...path, k]);
    };
    walk(def, []);
  }
  /** A drawing a little wider than its box is scaled to fit; a much wider one scrolls at full size. */
  function fit(container) {
    const svg = container.querySelector('svg');
    if (!svg) return;
    const natural = Number(svg.getAttribute('width'));
    const room = container.clientWidth - 18;
    const scale = room > 0 && natural > room && room / natural >= 0.7 ? room / natural : 1;
    svg.style.width = Math.floor(natural * scale) + 'px';
    svg.style.height = 'auto';
  }
  function draw(container, svg) {
    container.innerHTML = svg;
    fit(container);
  }
  window.addEventListener('resize', () => { for (const d of document.querySelectorAll('.diagram')) fit(d); });
  for (const d of document.querySelectorAll('details')) d.addEventListener('toggle', () => { for (const x of d.querySelectorAll('.diagram')) fit(x); });

  /** Marks the current states (thick border and a "now" badge) and the visited ones (dashed). */
  function mark(container, current, visited) {
    const now = new Set(String(current || '').split(',').filter(Boolean));
    const seen = new Set(visited || []);
    for (const b of container.querySelectorAll('text.badge')) b.remove();
    for (const g of container.querySelectorAll('g.state')) {
      const s = g.dataset.state;
      const isNow = now.has(s);
      g.classList.toggle('current', isNow);
      g.classList.toggle('visited', !isNow && seen.has(s));
      const label = (g.getAttribute('aria-label') || '').replace(/ \((current|visited)\)$/, '');
      g.setAttribute('aria-label', label + (now.has(s) ? ' (current)' : seen.has(s) ? ' (visited)' : ''));
      if (now.has(s)) {
        const r = g.querySelector('rect');
        const badge = document.createElementNS('http://www.w3.org/2000/svg', 'text');
        badge.setAttribute('x', String(Number(r.getAttribute('x')) + 4));
        badge.setAttribute('y', String(Number(r.getAttribute('y')) - 4));
        badge.setAttribute('class', 'badge');
        badge.textContent = '● now';
        g.append(badge);
      }
    }
    // A drawing wider than its box scrolls: bring the current state into view.
    const now1 = container.querySelector('g.state.current');
    if (now1 && container.scrollWidth > container.clientWidth) {
      const g = now1.getBoundingClientRect(), c = container.getBoundingClientRect();
      container.scrollLeft += g.left - c.left - (c.width - g.width) / 2;
    }
  }
  $('#instance-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const id = $('#instance').value.trim();
    if (state.instanceStream) state.instanceStream.abort();
    const tbody = $('#journal tbody');
    tbody.replaceChildren();
    const seen = [];
    status('Following ' + id + ' (' + state.machine + ')');
    state.instanceStream = follow('/v1/machines/' + encodeURIComponent(state.machine) + '/instances/' + encodeURIComponent(id) + '/stream', {
      transition: (t) => {
        const tr = document.createElement('tr');
        tr.dataset.to = t.to;
        tr.append(text('td', t.seq), text('td', when(t.at)), text('td', t.from || '—'), text('td', eventName(t.event)), text('td', t.to));
        tbody.append(tr);
        seen.push(...t.to.split(','));
        mark($('#diagram'), t.to, seen);
        status(id + ' is in ' + t.to);
      },
      fail: (err) => status('Cannot follow ' + id + ': ' + err.message),
      lost: () => status('Connection lost; reconnecting…'),
    });
  });

  // ---- webhooks -----------------------------------------------------------------------
  async function loadWebhookList(more) {
    const q = more && state.webhookCursor ? '?limit=50&cursor=' + encodeURIComponent(state.webhookCursor) : '?limit=50';
    const { webhooks, next_cursor } = await json('/v1/studio/webhooks' + q);
    const list = $('#webhook-list');
    if (!more) list.replaceChildren();
    for (const w of webhooks) {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button'; b.dataset.webhook = w.id;
      b.append(text('span', w.url), text('span', (SUB_SYMBOL[w.status] || '•') + ' ' + w.status + ' · ' + w.id, 'sub'));
      b.addEventListener('click', () => { location.hash = '#/webhooks/' + encodeURIComponent(w.id); });
      li.append(b); list.append(li);
    }
    state.webhookCursor = next_cursor;
    $('#webhooks-more').hidden = !next_cursor;
    if (!list.children.length) list.append(text('li', 'No webhooks yet.', 'hint'));
  }
  $('#webhooks-more').addEventListener('click', () => loadWebhookList(true).catch((e) => status(e.message)));

  async function showWebhooks(id, deliveryId) {
    const listed = !$('#webhook-list').children.length || state.webhook !== id ? loadWebhookList(false) : Promise.resolve();
    const current = () => { for (const b of document.querySelectorAll('#webhook-list button')) b.setAttribute('aria-current', String(b.dataset.webhook === id)); };
    listed.then(current, (e) => status(e.message));
    $('#webhook-empty').hidden = !!id;
    $('#webhook-detail').hidden = !id;
    if (!id) { if (state.stream) { state.stream.abort(); state.stream = null; } state.webhook = null; return; }
    if (state.webhook !== id) {
      state.webhook = id; state.pages = [null]; state.pageIndex = 0; state.delivery = null;
      $('#deliveries tbody').replaceChildren();
      $('#delivery-detail').hidden = true;
      if (state.stream) state.stream.abort();
      $('#live').textContent = 'Connecting…';
      state.stream = follow('/v1/studio/webhooks/' + encodeURIComponent(id) + '/stream', {
        ready: () => { $('#live').textContent = '● Live: updates as deliveries move'; refreshAll(); },
        transition: (t) => onTransition(t),
        error: (e) => { $('#live').textContent = 'Live updates paused: ' + e.error_description; },
        fail: (e) => { $('#live').textContent = 'Not live: ' + e.message; status(e.message); },
        lost: () => { $('#live').textContent = '○ Connection lost; reconnecting…'; },
      });
    }
    state.delivery = deliveryId;
    for (const tr of document.querySelectorAll('#deliveries tbody tr')) tr.setAttribute('aria-selected', String(tr.dataset.delivery === deliveryId));
    if (deliveryId) await loadDelivery(); else $('#delivery-detail').hidden = true;
  }

  const pending = { summary: false, page: false, delivery: false };
  function onTransition(t) {
    if (t.machine === 'subscription') pending.summary = true;
    if (t.machine === 'delivery') {
      pending.page = true; pending.summary = true;
      if (t.instance_id === state.delivery) {
        pending.delivery = true;
        appendPath(t);
      }
      const row = document.querySelector('#deliveries tbody tr[data-delivery="' + CSS.escape(t.instance_id) + '"]');
      if (row) row.dataset.state = t.to;
    }
    if (!state.refresh) state.refresh = setTimeout(flush, 250);
  }
  async function flush() {
    state.refresh = null;
    const todo = { ...pending };
    pending.summary = pending.page = pending.delivery = false;
    try {
      await Promise.all([todo.summary && loadSummary(), todo.page && loadPage(), todo.delivery && loadDelivery()]);
    } catch (e) { status(e.message); }
  }
  function refreshAll() {
    Promise.all([loadSummary(), loadPage(), state.delivery && loadDelivery()]).catch((e) => status(e.message));
  }

  async function loadSummary() {
    const id = state.webhook;
    const s = await json('/v1/studio/webhooks/' + encodeURIComponent(id));
    if (id !== state.webhook) return;
    const w = s.webhook;
    $('#webhook-title').textContent = w.url;
    const facts = $('#webhook-facts');
    facts.replaceChildren();
    const fact = (k, v) => { facts.append(text('dt', k)); const dd = document.createElement('dd'); if (v instanceof Node) dd.append(v); else dd.textContent = v; facts.append(dd); };
    fact('Webhook', w.id);
    fact('Subscription', subscriptionCell(w.status));
    fact('Machine state', (s.state || '—').split(',').join(' · '));
    if (w.disabled_reason) fact('Disabled because', w.disabled_reason);
    fact('Signing secret', w.secret_rotation ? 'rotating: the previous one also signs until ' + when(w.secret_rotation.previous_secret_expires_at) : 'one secret in use');
    fact('Events', w.events.join(', '));
    const c = s.deliveries_by_status;
    state.counts = c;
    fact('Deliveries', Object.entries(c).map(([k, v]) => (SYMBOL[k] || '') + ' ' + k + ' ' + v.toLocaleString('en')).join(' · '));
    const last = s.transitions[s.transitions.length - 1];
    if (last) fact('Last change', when(last.at) + ': ' + eventName(last.event) + ' → ' + last.to.split(',').join(' · '));
    $('#webhook-detail').dataset.state = s.state || '';
    const diagram = $('#subscription-diagram');
    if (!diagram.querySelector('svg')) draw(diagram, await svgOf('subscription'));
    mark(diagram, s.state, s.transitions.flatMap((t) => t.to.split(',')));
    pageInfo();
  }
  function pageInfo() {
    const c = state.counts;
    const total = c ? (state.filter ? c[state.filter] : Object.values(c).reduce((a, b) => a + b, 0)) : null;
    $('#page-info').textContent = 'Page ' + (state.pageIndex + 1) + (total !== null ? ' · ' + total.toLocaleString('en') + (total === 1 ? ' delivery' : ' deliveries') + (state.filter ? ' ' + state.filter : '') : '') + ' · 50 a page';
    $('#newer').disabled = state.pageIndex === 0;
  }
  async function loadPage() {
    const id = state.webhook;
    const cursor = state.pages[state.pageIndex];
    const q = new URLSearchParams({ limit: '50' });
    if (cursor) q.set('cursor', cursor);
    if (state.filter) q.set('status', state.filter);
    const { deliveries, next_cursor } = await json('/v1/studio/webhooks/' + encodeURIComponent(id) + '/deliveries?' + q);
    if (id !== state.webhook) return;
    const tbody = $('#deliveries tbody');
    const rows = deliveries.map((d) => {
      const tr = document.createElement('tr');
      tr.dataset.delivery = d.id; tr.dataset.status = d.status;
      tr.setAttribute('aria-selected', String(d.id === state.delivery));
      const b = text('button', d.id, 'link');
      b.type = 'button';
      b.setAttribute('aria-label', 'Delivery ' + d.id + ', ' + d.status);
      b.addEventListener('click', () => { location.hash = '#/webhooks/' + encodeURIComponent(id) + '/deliveries/' + encodeURIComponent(d.id); });
      const first = document.createElement('td'); first.append(b);
      const st = document.createElement('td'); st.append(statusCell(d.status));
      tr.append(first, text('td', d.event_type), st, text('td', d.attempt), text('td', d.response_status ?? (d.error ? 'no answer' : '—')),
        text('td', d.duration_ms != null ? d.duration_ms + ' ms' : '—'), text('td', d.next_attempt_at ? when(d.next_attempt_at) : '—', 'time'), text('td', when(d.created_at), 'time'));
      return tr;
    });
    tbody.replaceChildren(...rows);
    if (!rows.length) { const tr = document.createElement('tr'); const td = text('td', 'No deliveries' + (state.filter ? ' ' + state.filter : '') + ' on this page.'); td.colSpan = 8; tr.append(td); tbody.append(tr); }
    state.pages.length = state.pageIndex + 1;
    if (next_cursor) state.pages.push(next_cursor);
    labelCells($('#deliveries'));
    $('#older').disabled = !next_cursor;
    pageInfo();
  }
  $('#older').addEventListener('click', () => { if (state.pages[state.pageIndex + 1]) { state.pageIndex++; loadPage().catch((e) => status(e.message)); } });
  $('#newer').addEventListener('click', () => { if (state.pageIndex > 0) { state.pageIndex--; loadPage().catch((e) => status(e.message)); } });
  $('#status-filter').addEventListener('change', (e) => { state.filter = e.target.value; state.pages = [null]; state.pageIndex = 0; loadPage().catch((err) => status(err.message)); });

  function appendPath(t) {
    const ol = $('#delivery-path');
    if (ol.querySelector('li[data-seq="' + t.seq + '"]')) return;
    ol.append(pathItem(t, null));
  }
  function pathItem(t, next) {
    const li = document.createElement('li');
    li.dataset.seq = t.seq; li.dataset.to = t.to;
    const stay = next ? ' · stayed ' + humanMs(Date.parse(next.at) - Date.parse(t.at)) : '';
    li.append(text('strong', t.to), text('span', ' ← ' + eventName(t.event) + (t.from ? ' from ' + t.from : '')), text('span', ' ' + when(t.at) + stay, 'when'));
    return li;
  }
  const humanMs = (ms) => (ms < 1000 ? ms + ' ms' : ms < 120000 ? (ms / 1000).toFixed(1) + ' s' : ms < 7200000 ? Math.round(ms / 60000) + ' min' : (ms / 3600000).toFixed(1) + ' h');
  async function loadDelivery() {
    const id = state.webhook, dlv = state.delivery;
    if (!dlv) return;
    const { delivery: d, state: current, path } = await json('/v1/studio/webhooks/' + encodeURIComponent(id) + '/deliveries/' + encodeURIComponent(dlv));
    if (id !== state.webhook || dlv !== state.delivery) return;
    const section = $('#delivery-detail');
    section.hidden = false;
    section.dataset.state = current || '';
    $('#delivery-title').textContent = 'Delivery ' + d.id;
    const facts = $('#delivery-facts');
    facts.replaceChildren();
    const fact = (k, v) => { facts.append(text('dt', k)); const dd = document.createElement('dd'); if (v instanceof Node) dd.append(v); else dd.textContent = v; facts.append(dd); };
    fact('Status', statusCell(d.status));
    fact('Event', d.event_type + ' · ' + d.event_id);
    fact('Attempts', String(d.attempt));
    if (d.next_attempt_at) fact('Next attempt', when(d.next_attempt_at));
    if (d.error) fact('Last error', d.error);
    const diagram = $('#delivery-diagram');
    if (!diagram.querySelector('svg')) draw(diagram, await svgOf('delivery'));
    mark(diagram, current, path.map((t) => t.to));
    $('#delivery-path').replaceChildren(...path.map((t, i) => pathItem(t, path[i + 1])));
    const tbody = $('#attempts tbody');
    tbody.replaceChildren(...d.attempts.map((a) => {
      const tr = document.createElement('tr');
      tr.dataset.attempt = a.attempt;
      const body = document.createElement('td');
      if (a.response_body) body.append(text('pre', a.response_body, 'body'));
      tr.append(text('td', a.attempt), text('td', when(a.attempted_at), 'time'), text('td', a.response_status ?? 'no answer'), text('td', a.duration_ms + ' ms'), text('td', a.error || '—'), body);
      return tr;
    }));
    if (!d.attempts.length) { const tr = document.createElement('tr'); const td = text('td', 'No attempt yet.'); td.colSpan = 6; tr.append(td); tbody.append(tr); }
    labelCells($('#attempts'));
  }

  // ---- authorization sessions ---------------------------------------------------------
  async function showSessions() {
    const { authorization_sessions: sessions } = await json('/v1/studio/authorization-sessions');
    const tbody = $('#sessions tbody');
    tbody.replaceChildren(...sessions.map((s) => {
      const tr = document.createElement('tr');
      tr.dataset.state = s.state;
      const st = document.createElement('td'); st.append(sessionCell(s.state));
      const path = s.path.map((p) => (p.event === 'xstate.init' ? '' : eventName(p.event) + ' → ') + words(p.to)).join(' · ');
      tr.append(text('td', s.ref), text('td', s.app_name || s.client_id), st, text('td', path), text('td', when(s.created_at)), text('td', when(s.updated_at)));
      return tr;
    }));
    if (!sessions.length) { const tr = document.createElement('tr'); const td = text('td', 'No authorization sessions yet.'); td.colSpan = 6; tr.append(td); tbody.append(tr); }
    labelCells($('#sessions'));
    status(sessions.length + ' recent authorization sessions');
  }
  $('#sessions-refresh').addEventListener('click', () => showSessions().catch((e) => status(e.message)));

  start();
})();
