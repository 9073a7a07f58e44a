// @ts-check
// The studio page's script, served as is (no build step; type-checked by tsc through JSDoc:
// tsconfig.client.json). It reads the studio's JSON routes with the signed-in session cookie
// (or an admin token kept in this tab), follows a webhook over server-sent events, and asks
// for changes with the session's CSRF token. Every value is written with textContent; the
// only markup inserted is the statechart SVG the service draws (its text escaped there).
// Focus never moves on its own: live updates change rows in place, and new rows are
// announced until asked for.
// biome-ignore lint/suspicious/noRedundantUseStrict: served as a classic script, not a module
'use strict';
(() => {
  /**
   * @typedef {{ seq: number, machine: string, instance_id: string, from: string | null, event: string, to: string, at: string }} Transition
   * @typedef {{ id: string, event_id: string, event_type: string, status: string, attempt: number, attempted_at: string | null, response_status: number | null,
   *   duration_ms: number | null, error: string | null, next_attempt_at: string | null, next_attempt_reason: string | null, held_expires_at: string | null,
   *   waiting_for: string | null, failure_reason?: string | null, created_at: string, webhook_id?: string }} Delivery
   * @typedef {{ attempt: number, attempted_at: string, duration_ms: number, response_status: number | null, response_body: string | null, error: string | null, request_headers: Record<string, string> }} Attempt
   * @typedef {{ kind: string, at: string | null, does: string }} Pending
   * @typedef {{ id: string, url: string, status: string, app_id: string | null, events: string[], disabled_reason: string | null, secret_rotation: { previous_secret_expires_at: string } | null }} Webhook
   * @typedef {{ attempts: number, success_rate: number | null, p50_ms: number | null, p95_ms: number | null, buckets: Array<{ attempts: number, succeeded: number }> }} Health
   * @typedef {{ due: number, oldest_due_at: string | null, in_line: number, in_flight: number, retrying: number, next_retry_at: string | null, held: number }} Queue
   * @typedef {{ view: string, parts: string[], query: URLSearchParams }} Route
   * @typedef {{ open?: () => void, ready?: (d: any) => void, transition?: (t: Transition) => void, error?: (e: { error_description: string }) => void, fail?: (e: Error) => void, lost?: (e: unknown) => void }} Handlers
   */

  /** @param {string} s @returns {HTMLElement} */
  const $ = (s) => {
    const el = document.querySelector(s);
    if (!(el instanceof HTMLElement)) throw new Error(`missing ${s}`);
    return el;
  };
  /** @param {string} s @returns {HTMLInputElement} */
  const $input = (s) => /** @type {HTMLInputElement} */ ($(s));
  /** @param {string} s @returns {HTMLSelectElement} */
  const $select = (s) => /** @type {HTMLSelectElement} */ ($(s));
  /** @param {string} s @returns {HTMLButtonElement} */
  const $button = (s) => /** @type {HTMLButtonElement} */ ($(s));

  let token = sessionStorage.getItem('argus-token') || '';
  /** @type {string | null} */
  let csrf = null;
  const state = {
    /** @type {string | null} */ machine: null,
    /** @type {Array<{ name: string }>} */ machines: [],
    /** @type {Map<string, string>} */ svgs: new Map(),
    /** @type {string | null} */ webhook: null,
    /** @type {Webhook | null} */ hook: null,
    /** @type {Array<string | null>} */ pages: [null],
    pageIndex: 0,
    filterKey: '',
    /** @type {{ status: string, type: string, answer: string, since: string, until: string }} */ filter: {
      status: '',
      type: '',
      answer: '',
      since: '',
      until: '',
    },
    /** @type {string | null} */ delivery: null,
    /** @type {string | null} */ webhookCursor: null,
    /** @type {AbortController | null} */ stream: null,
    /** @type {AbortController | null} */ instanceStream: null,
    /** @type {ReturnType<typeof setTimeout> | null} */ refresh: null,
    /** @type {Record<string, number> | null} */ counts: null,
    /** @type {Set<string>} */ newIds: new Set(),
    /** @type {Record<string, Health>} */ health: {},
    /** @type {Record<string, Queue>} */ queues: {},
    /** @type {{ webhook: string, status: string } | null} */ acted: null,
    queueCap: 10_000,
    /** @type {string[]} */ eventTypes: [],
    /** @type {Array<string | null>} */ eventPages: [null],
    eventPageIndex: 0,
    eventFilterKey: '',
    /** @type {string | null} */ event: null,
    /** @type {number} */ clockSkew: 0,
  };

  /** @param {string} t */
  const status = (t) => {
    $('#status').textContent = t;
  };
  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag @param {unknown} value @param {string} [cls]
   * @returns {HTMLElementTagNameMap[K]}
   */
  const text = (tag, value, cls) => {
    const el = document.createElement(tag);
    el.textContent = value == null ? '' : String(value);
    if (cls) el.className = cls;
    return el;
  };
  /** @param {string | null | undefined} iso */
  const when = (iso) =>
    iso
      ? new Date(iso)
          .toISOString()
          .replace('T', ' ')
          .replace(/\.\d+Z$/, 'Z')
      : '—';
  /** A timer's time: the time of day within 12 h of now, the whole date and time further off. @param {string} iso */
  const clockTime = (iso) => {
    const t = new Date(iso).toISOString();
    const near = Math.abs(Date.parse(iso) - (Date.now() + state.clockSkew)) < 12 * 3_600_000;
    return near ? `${t.slice(11, 19)}Z` : `${t.slice(0, 10)} ${t.slice(11, 19)}Z`;
  };
  /** @param {string} s */
  const words = (s) =>
    String(s)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
  /** @param {number} ms */
  const humanMs = (ms) =>
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
  const relative = (iso) => {
    const ms = Date.parse(iso) - (Date.now() + state.clockSkew);
    return ms >= 0 ? `in ${humanMs(ms)}` : `${humanMs(-ms)} ago`;
  };
  /** datetime-local (local time) ↔ ISO 8601 (UTC) for the URL and the API. @param {string} local */
  const toIso = (local) => (local ? new Date(local).toISOString() : '');
  /** @param {string} iso */
  const toLocal = (iso) => {
    if (!iso || Number.isNaN(Date.parse(iso))) return '';
    const d = new Date(iso);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
  };

  class HttpError extends Error {
    /** @param {number} status @param {string} message @param {string} [code] */
    constructor(status, message, code) {
      super(message);
      this.status = status;
      this.code = code || '';
    }
  }
  /** @param {string} path @param {RequestInit & { headers?: Record<string, string> }} [opts] */
  const api = async (path, opts = {}) => {
    /** @type {Record<string, string>} */
    const headers = { ...(opts.headers || {}) };
    if (token) headers.authorization = `Bearer ${token}`;
    else if (csrf && opts.method && opts.method !== 'GET') headers['x-studio-csrf'] = csrf;
    const res = await fetch(path, { credentials: 'same-origin', ...opts, headers });
    if (!res.ok) {
      let msg = `HTTP ${res.status}`;
      let code = '';
      const body = await res.text();
      try {
        const b = JSON.parse(body);
        msg = b.error_description || b.error || msg;
        code = b.error || '';
      } catch (_e) {
        if (body) msg += `: ${body.slice(0, 200)}`;
      }
      throw new HttpError(res.status, msg, code);
    }
    return res;
  };
  /** @param {string} path @param {RequestInit & { headers?: Record<string, string> }} [opts] @returns {Promise<any>} */
  const json = async (path, opts) => (await api(path, opts)).json();
  /** @param {string} path @param {unknown} [body] */
  const post = (path, body) =>
    json(
      path,
      body === undefined
        ? { method: 'POST' }
        : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    );
  /** @param {unknown} e */
  const message = (e) => (e instanceof Error ? e.message : String(e));

  /** Each cell names its column (tables read as cards on a narrow screen). @param {HTMLElement} table */
  function labelCells(table) {
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent || '');
    for (const tr of table.querySelectorAll('tbody tr'))
      [...tr.children].forEach((td, i) => {
        if (td instanceof HTMLElement) td.dataset.label = heads[i] || '';
      });
  }
  /** A scrolling block of text, reachable from the keyboard; `whole`: never cut. @param {string} value @param {boolean} [whole] */
  const pre = (value, whole = false) => {
    const el = text('pre', value, whole ? 'body whole' : 'body');
    el.tabIndex = 0;
    return el;
  };
  /** @param {HTMLElement} dl @param {string} k @param {string | Node} v */
  const fact = (dl, k, v) => {
    dl.append(text('dt', k));
    const dd = document.createElement('dd');
    if (v instanceof Node) dd.append(v);
    else dd.textContent = v;
    dl.append(dd);
  };
  /** @param {HTMLElement} tbody @param {string} message @param {number} span */
  const emptyRow = (tbody, message, span) => {
    const tr = document.createElement('tr');
    const td = text('td', message);
    td.colSpan = span;
    tr.append(td);
    tbody.replaceChildren(tr);
  };

  // ---- statuses: a word and a symbol, never colour alone --------------------------------
  /** @type {Record<string, string>} */
  const SYMBOL = { queued: '◷', sending: '➚', retrying: '↻', held: '‖', skipped: '↷', succeeded: '✓', failed: '✗' };
  /** @param {string} s */
  const statusCell = (s) => text('span', `${SYMBOL[s] || '•'} ${s}`, `status status-${s}`);
  /** @type {Record<string, string>} */
  const SESSION_SYMBOL = {
    awaitingLogin: '…',
    awaitingConsent: '…',
    codeIssued: '→',
    redeemed: '✓',
    denied: '✗',
    expired: '◷',
    replayDetected: '⚠',
  };
  /** @type {Record<string, string>} */
  const SUB_SYMBOL = { active: '✓', failing: '⚠', paused: '‖', disabled: '✗' };
  /** @param {string} s */
  const subscriptionCell = (s) => text('span', `${SUB_SYMBOL[s] || '•'} ${s}`, `status sub-${s}`);
  /** "xstate.after.backoff.delivery.backoff" → "after backoff"; "xstate.init" → "created". @param {string} e */
  const eventName = (e) =>
    e === 'xstate.init' ? 'created' : e.startsWith('xstate.after.') ? `after ${e.split('.')[2]}` : e;
  /** @param {string} s */
  const sessionCell = (s) => text('span', `${SESSION_SYMBOL[s] || '•'} ${words(s)}`, `status st-${s}`);
  /** @type {Record<string, string>} */
  const TIMER = {
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
  function timerItem(p) {
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

  // ---- confirmation ---------------------------------------------------------------------
  /** Asks in a modal dialog; focus returns where it was when it closes. @param {string} title @param {string} body @param {string} ok @returns {Promise<boolean>} */
  function confirmAction(title, body, ok) {
    const dialog = /** @type {HTMLDialogElement} */ ($('#confirm'));
    const back = document.activeElement;
    $('#confirm-title').textContent = title;
    $('#confirm-text').textContent = body;
    $('#confirm-ok').textContent = ok;
    return new Promise((resolve) => {
      dialog.addEventListener(
        'close',
        () => {
          if (back instanceof HTMLElement && back.isConnected) back.focus();
          resolve(dialog.returnValue === 'ok');
        },
        { once: true },
      );
      dialog.returnValue = 'cancel';
      dialog.showModal();
      $('#confirm-cancel').focus();
    });
  }
  /**
   * Says what an action did in the output beside its control (`out`), with the time it was
   * said, so that it is read where the action was taken and never mistaken for the present.
   * @param {string} out @param {string} said
   */
  const feedback = (out, said) => {
    const at = new Date(Date.now() + state.clockSkew).toISOString().slice(11, 19);
    $(out).textContent = said ? `${at}Z: ${said}` : '';
    if (out === '#webhook-feedback') $('#webhook-since').textContent = '';
  };
  /**
   * Confirms, then runs an action; what it answers (or why it was refused) is said beside its control.
   * @param {string} title @param {string} body @param {string} ok @param {() => Promise<string>} act @param {string} out
   */
  async function act(title, body, ok, act, out) {
    if (out === '#webhook-feedback') state.acted = null;
    if (!(await confirmAction(title, body, ok))) {
      feedback(out, 'Cancelled; nothing changed.');
      return;
    }
    feedback(out, `${title}…`);
    try {
      feedback(out, await act());
      refreshAll();
    } catch (e) {
      feedback(out, `${title} refused: ${message(e)}`);
    }
  }

  // ---- server-sent events over fetch (so a token header can be sent), reconnecting ------
  /** @param {string} url @param {Handlers} handlers */
  function follow(url, handlers) {
    const ctl = new AbortController();
    /** @type {number | null} */
    let last = null;
    let delay = 500;
    (async () => {
      while (!ctl.signal.aborted) {
        try {
          const res = await api(url, {
            signal: ctl.signal,
            headers: last !== null ? { 'last-event-id': String(last) } : {},
          });
          delay = 500;
          handlers.open?.();
          if (!res.body) throw new Error('no stream');
          const reader = res.body.getReader();
          const decoder = new TextDecoder();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += decoder.decode(value, { stream: true });
            for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
              const chunk = buffer.slice(0, cut);
              buffer = buffer.slice(cut + 2);
              let event = 'message',
                data = '';
              /** @type {number | null} */
              let id = null;
              for (const line of chunk.split('\n')) {
                if (line.startsWith('event: ')) event = line.slice(7);
                else if (line.startsWith('data: ')) data += line.slice(6);
                else if (line.startsWith('id: ')) id = Number(line.slice(4));
              }
              if (id !== null) last = id;
              const handler = /** @type {Record<string, ((d: any) => void) | undefined>} */ (handlers)[event];
              if (data && handler) handler(JSON.parse(data));
            }
          }
        } catch (e) {
          if (ctl.signal.aborted) return;
          if (e instanceof HttpError && e.status < 500) {
            handlers.fail?.(e);
            return;
          }
          handlers.lost?.(e);
        }
        if (ctl.signal.aborted) return;
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 10000);
      }
    })();
    return ctl;
  }

  // ---- sign-in --------------------------------------------------------------------------
  function signedOut() {
    $('#signin').hidden = false;
    $('#studio').hidden = true;
    $('#sign-out').hidden = true;
    $('#who').textContent = '';
    $('#machine-count').textContent = '';
    csrf = null;
  }
  async function start() {
    try {
      const who = await json('/v1/studio/session');
      csrf = who.csrf_token || null;
      $('#who').textContent =
        `Tenant ${who.tenant_name || who.tenant_id}${who.via === 'session' ? ' · signed in' : ' · admin token'}`;
      $('#sign-out').hidden = false;
      $('#signin').hidden = true;
      $('#studio').hidden = false;
      await loadMachines();
      route();
    } catch (e) {
      if (e instanceof HttpError && (e.status === 401 || e.status === 403)) {
        if (token) {
          token = '';
          sessionStorage.removeItem('argus-token');
          status(`That token was refused: ${e.message}`);
        }
        signedOut();
        return;
      }
      status(`Could not open the studio: ${message(e)}`);
    }
  }
  $('#login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    status('Signing in…');
    try {
      await json('/v1/studio/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          tenant: $input('#login-tenant').value.trim(),
          email: $input('#login-email').value.trim(),
          password: $input('#login-password').value,
        }),
      });
      $input('#login-password').value = '';
      status('');
      await start();
    } catch (err) {
      status(`Sign-in failed: ${message(err)}`);
    }
  });
  $('#token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    token = $input('#token').value.trim();
    $input('#token').value = '';
    sessionStorage.setItem('argus-token', token);
    status('');
    start();
  });
  $('#sign-out').addEventListener('click', async () => {
    try {
      if (!token) await api('/v1/studio/session', { method: 'DELETE' });
    } catch (e) {
      status(`Sign-out: ${message(e)}`);
    }
    token = '';
    sessionStorage.removeItem('argus-token');
    stopStreams();
    state.webhook = null;
    state.hook = null;
    $('#webhook-list').replaceChildren();
    $('#attention-list').replaceChildren();
    location.hash = '';
    status('Signed out.');
    signedOut();
  });

  // ---- finding --------------------------------------------------------------------------
  /** A found thing as a link of the results list. @param {{ href: string, label: string, sub: string }} found */
  function foundItem({ href, label, sub }) {
    const a = document.createElement('a');
    a.href = href;
    a.append(text('span', label), text('span', ` ${sub}`, 'sub'));
    const li = document.createElement('li');
    li.append(a);
    return li;
  }
  $('#find-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = $input('#find').value.trim();
    const results = $('#find-results');
    results.replaceChildren();
    results.hidden = true;
    const now = Date.now() + state.clockSkew;
    const since = new Date(now - Number($select('#find-within').value)).toISOString();
    try {
      const found = await json(`/v1/studio/search?${new URLSearchParams({ q, since })}`);
      /** @type {Array<{ href: string, label: string, sub: string }>} */
      let items = [];
      if (found.kind === 'delivery')
        location.hash = `#/webhooks/${encodeURIComponent(found.webhook_id)}/deliveries/${encodeURIComponent(found.delivery_id)}`;
      else if (found.kind === 'event') location.hash = `#/events/${encodeURIComponent(found.event_id)}`;
      else if (found.kind === 'webhooks')
        items = /** @type {Webhook[]} */ (found.webhooks).map((w) => ({
          href: `#/webhooks/${encodeURIComponent(w.id)}`,
          label: w.url,
          sub: `${SUB_SYMBOL[w.status] || '•'} ${w.status}`,
        }));
      else
        items = /** @type {Array<{ id: string, type: string, created_at: string }>} */ (found.events).map((ev) => ({
          href: `#/events/${encodeURIComponent(ev.id)}`,
          label: `${ev.type} · ${when(ev.created_at)}`,
          sub: ev.id,
        }));
      const [only] = items;
      if (only && items.length === 1) location.hash = only.href;
      else if (items.length) {
        results.append(...items.map(foundItem));
        results.hidden = false;
        const first = results.querySelector('a');
        if (first instanceof HTMLElement) first.focus();
      }
      if (found.kind === 'webhooks') status(`${found.webhooks.length} webhooks match ${q}.`);
      else if (found.kind === 'events')
        status(
          `${found.events.length} event${found.events.length === 1 ? '' : 's'} whose data holds ${found.field ? `${found.field} = ${found.value}` : `"${found.value}"`}, of ${found.searched.toLocaleString('en')} published from ${when(found.since)} to ${when(found.until)}${found.complete ? '' : ' (the newest of that range: narrow it to search further back)'}.`,
        );
      else status(`Found ${q}.`);
    } catch (err) {
      status(
        err instanceof HttpError && err.status === 404
          ? `No event, delivery or webhook matching ${q} in this tenant: ${message(err)}`
          : `Cannot search: ${message(err)}`,
      );
    }
  });

  // ---- views and routing -----------------------------------------------------------------
  // #/machines/<name>, #/webhooks/<id>[/deliveries/<delivery>][?status&type&since&until&page&cursor],
  // #/events[/<id>][?type&since&until&page&cursor], #/sessions
  // The studio opens on the webhooks, failing ones first: what an engineer on call looks at.
  const VIEWS = ['webhooks', 'machines', 'events', 'sessions'];
  /** @returns {Route} */
  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, '');
    const [path = '', qs = ''] = raw.split('?');
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const first = parts[0] ?? '';
    return { view: VIEWS.includes(first) ? first : 'webhooks', parts, query: new URLSearchParams(qs) };
  }
  /** @param {string} path @param {Record<string, string | number | null>} q */
  function hashOf(path, q) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== null && v !== '' && v !== 0) p.set(k, String(v));
    const s = p.toString();
    return `#/${path}${s ? `?${s}` : ''}`;
  }
  const tabs = () =>
    [...document.querySelectorAll('[role=tablist].views [role=tab]')]
      .filter((t) => t instanceof HTMLElement)
      .map((t) => /** @type {HTMLElement} */ (t));
  /** @param {string} view */
  function showView(view) {
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
  function stopStreams() {
    if (state.stream) {
      state.stream.abort();
      state.stream = null;
    }
    if (state.instanceStream) {
      state.instanceStream.abort();
      state.instanceStream = null;
    }
  }
  function leaveWebhook() {
    if (state.stream) {
      state.stream.abort();
      state.stream = null;
    }
    state.webhook = null;
  }
  async function route() {
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

  // ---- machines -----------------------------------------------------------------------
  async function loadMachines() {
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
  async function svgOf(name) {
    let svg = state.svgs.get(name);
    if (svg === undefined) {
      svg = await (await api(`/v1/machines/${encodeURIComponent(name)}/diagram.svg`)).text();
      state.svgs.set(name, svg);
    }
    return svg;
  }
  /** @param {string | null | undefined} name */
  async function showMachine(name) {
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
  function fit(container) {
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
  function draw(container, svg) {
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
  function mark(container, current, visited, path) {
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
  const WEBHOOK_BUTTONS = '#attention-list button[data-webhook], #webhook-list button[data-webhook]';
  // ---- webhooks -----------------------------------------------------------------------
  /** A small bar chart of attempts per 5 minutes over the last hour (red: the share that failed). @param {Health} h */
  function sparkline(h) {
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
  const healthText = (h) =>
    !h?.attempts
      ? 'no attempts in the last hour'
      : `${Math.round((h.success_rate || 0) * 100)} % ok of ${h.attempts} · p50 ${h.p50_ms} ms · p95 ${h.p95_ms} ms`;
  /** A count the server stopped at its cap reads "10,000+". @param {number} n */
  const capped = (n) => `${n.toLocaleString('en')}${n >= state.queueCap ? '+' : ''}`;
  /** What a webhook's unsettled deliveries wait for, the non-zero parts only. @param {Queue | undefined} q */
  const queueText = (q) => {
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
  async function loadHealth() {
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
  function webhookItem(w) {
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
  async function loadAttention() {
    const { webhooks } = await json('/v1/studio/webhooks?limit=50&status=failing,disabled');
    const list = $('#attention-list');
    list.replaceChildren(.../** @type {Webhook[]} */ (webhooks).map(webhookItem));
    list.hidden = $('#attention-title').hidden = !list.children.length;
    markCurrent();
  }
  /** @param {boolean} more */
  async function loadWebhookList(more) {
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
  function markCurrent() {
    for (const b of document.querySelectorAll(WEBHOOK_BUTTONS))
      if (b instanceof HTMLElement) b.setAttribute('aria-current', String(b.dataset.webhook === state.webhook));
  }
  $('#webhooks-more').addEventListener('click', () => loadWebhookList(true).catch((e) => status(message(e))));
  /** The listed webhooks' statuses and last-hour figures, read again while the list is in view. */
  async function refreshWebhookList() {
    const [{ webhooks }] = await Promise.all([json('/v1/studio/webhooks?limit=50'), loadAttention()]);
    for (const w of /** @type {Webhook[]} */ (webhooks)) showStatus(w);
    await loadHealth();
  }
  /** A webhook's status line, in place in both lists (a focused button stays focused). @param {Webhook} w */
  function showStatus(w) {
    const id = CSS.escape(w.id);
    for (const sub of document.querySelectorAll(
      `#attention-list button[data-webhook="${id}"] .sub, #webhook-list button[data-webhook="${id}"] .sub`,
    ))
      sub.textContent = `${SUB_SYMBOL[w.status] || '•'} ${w.status} · ${w.id}`;
  }

  const LIST_REFRESH_MS = 10_000;
  setInterval(() => {
    if (document.hidden || $('#studio').hidden || $('#view-webhooks').hidden) return;
    refreshWebhookList().catch((e) => status(message(e)));
  }, LIST_REFRESH_MS);

  /** @param {string | null} id @param {string | null} deliveryId @param {URLSearchParams} query */
  async function showWebhooks(id, deliveryId, query) {
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
      if (opened && userAsked) $('#delivery-detail').scrollIntoView({ block: 'nearest' });
    } else {
      $('#delivery-detail').hidden = true;
      $('#delivery-console').classList.remove('open');
    }
    userAsked = false;
  }
  let userAsked = false;
  /** Changes the URL (and so the view) from the page's own controls. @param {Record<string, string | number | null>} changes */
  function setWebhookQuery(changes) {
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
  const onFilter = () =>
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
  const pending = { summary: false, page: false, delivery: false };
  /** @param {Transition} t */
  function onTransition(t) {
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
  async function flush() {
    state.refresh = null;
    const todo = { ...pending };
    pending.summary = pending.page = pending.delivery = false;
    try {
      await Promise.all([todo.summary && loadSummary(), todo.page && loadPage(false), todo.delivery && loadDelivery()]);
    } catch (e) {
      status(message(e));
    }
  }
  function refreshAll() {
    if (!state.webhook) return;
    Promise.all([loadSummary(), loadPage(false), state.delivery && loadDelivery(), loadHealth()]).catch((e) =>
      status(message(e)),
    );
  }

  async function loadSummary() {
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
  function pageInfo() {
    const c = state.counts;
    const f = state.filter;
    const exact = !f.type && !f.since && !f.until;
    const total = c && exact ? (f.status ? (c[f.status] ?? 0) : Object.values(c).reduce((a, b) => a + b, 0)) : null;
    $('#page-info').textContent =
      `Page ${state.pageIndex + 1}${total !== null ? ` · ${total.toLocaleString('en')}${total === 1 ? ' delivery' : ' deliveries'}${f.status ? ` ${f.status}` : ''}` : ''} · 50 a page`;
    $button('#newer').disabled = state.pageIndex === 0;
  }
  /** @param {Delivery} d @param {string} webhookId */
  function deliveryRow(d, webhookId) {
    const tr = document.createElement('tr');
    tr.dataset.delivery = d.id;
    const b = text('button', d.id, 'link');
    b.type = 'button';
    b.addEventListener('click', () => {
      userAsked = true;
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
  function updateRow(tr, d) {
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
  async function loadPage(full) {
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
  function announceNew() {
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
  function appendPath(t) {
    const ol = $('#delivery-path');
    if (ol.querySelector(`li[data-seq="${t.seq}"]`)) return;
    ol.append(pathItem(t, null));
  }
  /** @param {Transition} t @param {Transition | null | undefined} next */
  function pathItem(t, next) {
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
  function requestCell(a, payload) {
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
  async function loadDelivery() {
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
      ...(timers.length
        ? timers.map(timerItem)
        : [text('li', `Nothing pending: the delivery is ${d.status}.`, 'hint')]),
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

  // ---- actions ---------------------------------------------------------------------------
  const hookPath = () => `/v1/studio/webhooks/${encodeURIComponent(state.webhook || '')}`;
  /**
   * A webhook action's feedback, kept true: the status the action left is remembered, and when
   * the webhook's status changes after it (a 410 disables it again a second after it was
   * re-enabled), the line beside the feedback says so.
   * @param {Webhook} w
   */
  function keepFeedbackTrue(w) {
    const acted = state.acted;
    if (!acted || acted.webhook !== w.id) return;
    $('#webhook-since').textContent =
      w.status === acted.status
        ? ''
        : `Since then it is ${w.status}${w.disabled_reason ? ` (${w.disabled_reason})` : ''}.`;
  }
  /**
   * Runs a webhook action, remembers the status it left (see keepFeedbackTrue) and answers what to say.
   * @param {string} path @param {string} said
   */
  const webhookAction = async (path, said) => {
    const w = /** @type {Webhook} */ (await post(`${hookPath()}/${path}`));
    state.acted = { webhook: w.id, status: w.status };
    return said;
  };
  $('#act-pause').addEventListener('click', () => {
    const w = state.hook;
    if (!w) return;
    if (w.status === 'paused')
      act(
        'Resume webhook',
        `Deliveries to ${w.url} start again; the ones held while it was paused are sent, oldest first.`,
        'Resume',
        () => webhookAction('resume', 'Resumed: held deliveries are queued again.'),
        '#webhook-feedback',
      );
    else
      act(
        'Pause webhook',
        `Nothing is sent to ${w.url} until you resume it; new deliveries are held.`,
        'Pause',
        () => webhookAction('pause', 'Paused: new deliveries are held until you resume.'),
        '#webhook-feedback',
      );
  });
  $('#act-enable').addEventListener('click', () => {
    const w = state.hook;
    if (!w) return;
    if (w.status !== 'disabled') {
      feedback('#webhook-feedback', `The webhook is ${w.status}, not disabled: nothing to re-enable.`);
      return;
    }
    act(
      'Re-enable webhook',
      `${w.url} was disabled (${w.disabled_reason || ''}). Re-enabling sends new deliveries to it again; if it still answers as it did, it is disabled again.`,
      'Re-enable',
      () => webhookAction('enable', 'Re-enabled.'),
      '#webhook-feedback',
    );
  });
  $('#act-test').addEventListener('click', () => {
    const w = state.hook;
    if (!w) return;
    act(
      'Send a test',
      `A webhook.test event is delivered to ${w.url} now.`,
      'Send',
      async () => {
        const r = await post(`${hookPath()}/test`);
        return `Test delivery ${r.delivery_id} is ${r.status}.`;
      },
      '#webhook-feedback',
    );
  });
  /** @param {number} n */
  const deliveriesText = (n) => `${n.toLocaleString('en')} ${n === 1 ? 'delivery' : 'deliveries'}`;
  /**
   * Asks how many failed or skipped deliveries match (nothing changes), says so with what
   * follows from the webhook's state and last hour, and sends them again once confirmed.
   * @param {string} title @param {Record<string, string>} filter @param {string} described
   * @param {(path: string, preview: { matched: number, newest_created_at: string | null }) => Promise<string>} send @param {string} out
   */
  async function retryMatching(title, filter, described, send, out) {
    const w = state.hook;
    if (!w) return;
    const path = hookPath();
    const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
    feedback(out, 'Counting what matches…');
    /** @type {{ matched: number, more: boolean, oldest_created_at: string | null, newest_created_at: string | null, webhook_status: string }} */
    let preview;
    try {
      preview = await json(`${path}/deliveries/retry-preview?${q}`);
    } catch (e) {
      feedback(out, `${title} refused: ${message(e)}`);
      return;
    }
    if (!preview.matched) {
      feedback(out, `No failed or skipped delivery ${described}: nothing to send.`);
      return;
    }
    const h = state.health[w.id];
    const notes = [
      preview.more
        ? `More than ${preview.matched.toLocaleString('en')} match: this sends the oldest ${preview.matched.toLocaleString('en')}; do it again for the next ones.`
        : '',
      preview.webhook_status === 'paused' ? 'The webhook is paused: they are held until it is resumed.' : '',
      preview.webhook_status === 'disabled' ? 'The webhook is disabled: re-enable it first.' : '',
      h?.attempts && (h.success_rate ?? 0) < 0.5
        ? `In the last hour only ${Math.round((h.success_rate || 0) * 100)} % of ${h.attempts.toLocaleString('en')} attempts succeeded: they may fail again.`
        : '',
    ].filter(Boolean);
    await act(
      title,
      `${deliveriesText(preview.matched)} to ${w.url} ${described}, created ${when(preview.oldest_created_at)} to ${when(preview.newest_created_at)}, ${preview.matched === 1 ? 'is' : 'are'} sent again, each with one more attempt allowed. ${notes.join(' ')}`.trim(),
      `Send ${deliveriesText(preview.matched)} again`,
      () => {
        if (state.webhook !== w.id) throw new Error('another webhook is open now; nothing was sent');
        return send(path, preview);
      },
      out,
    );
  }
  $('#act-recover').addEventListener('click', () => {
    const local = $input('#recover-since').value;
    if (!local) {
      feedback('#webhook-feedback', 'Choose the time to recover from first.');
      $('#recover-since').focus();
      return;
    }
    const since = toIso(local);
    retryMatching(
      'Recover failed deliveries',
      { since },
      `created since ${when(since)}`,
      async (path) => {
        const r = await post(`${path}/recover`, { since });
        return `${deliveriesText(r.requeued)} sent again.`;
      },
      '#webhook-feedback',
    );
  });
  /**
   * A bulk action's body: its filter, bounded to what the preview counted (created no later than
   * the newest it saw), so that what fails meanwhile is not sent unannounced.
   * @param {Record<string, string>} filter @param {{ newest_created_at: string | null }} preview
   */
  function previewed(filter, preview) {
    const body = Object.fromEntries(Object.entries(filter).filter(([, v]) => v));
    if (preview.newest_created_at) {
      const bound = new Date(Date.parse(preview.newest_created_at) + 1).toISOString();
      if (!body.until || Date.parse(body.until) > Date.parse(bound)) body.until = bound;
    }
    return body;
  }
  /** The list's filters as a bulk action's, and in words. @param {string} any what "any status" means here */
  function bulkFilter(any) {
    const f = state.filter;
    const filter = { status: f.status, event_type: f.type, response_status: f.answer, since: f.since, until: f.until };
    const described = [
      f.status || any,
      f.type ? `of ${f.type}` : '',
      f.answer ? `whose last answer was ${f.answer === 'none' ? 'none (no response)' : f.answer}` : '',
      f.since ? `created from ${when(f.since)}` : '',
      f.until ? `created before ${when(f.until)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return { filter, described };
  }
  $('#act-replay-matching').addEventListener('click', async () => {
    const w = state.hook;
    if (!w) return;
    const path = hookPath();
    const { filter, described } = bulkFilter('any status');
    const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
    feedback('#bulk-feedback', 'Counting what matches…');
    /** @type {{ matched: number, more: boolean, not_replayable: number, oldest_created_at: string | null, newest_created_at: string | null, webhook_status: string }} */
    let preview;
    try {
      preview = await json(`${path}/deliveries/replay-preview?${q}`);
    } catch (e) {
      feedback('#bulk-feedback', `Replay refused: ${message(e)}`);
      return;
    }
    const sent = preview.matched - preview.not_replayable;
    if (!sent) {
      feedback(
        '#bulk-feedback',
        preview.matched
          ? `The ${preview.matched} matching events are of types this webhook no longer receives: nothing to replay.`
          : `No delivery matching: ${described}; nothing to replay.`,
      );
      return;
    }
    const notes = [
      preview.not_replayable
        ? `${preview.not_replayable} of them are of a type this webhook no longer receives and are left out.`
        : '',
      preview.more
        ? 'More match: this replays the oldest 10,000; narrow the time range (created from) to replay the others.'
        : '',
      preview.webhook_status === 'paused'
        ? 'The webhook is paused: the new deliveries are held until it is resumed.'
        : '',
    ].filter(Boolean);
    const events = `${sent.toLocaleString('en')} event${sent === 1 ? '' : 's'}`;
    await act(
      'Replay matching events',
      `${events} of the deliveries to ${w.url} matching: ${described} (published ${when(preview.oldest_created_at)} to ${when(preview.newest_created_at)}) ${sent === 1 ? 'is' : 'are'} sent again as fresh deliveries, with the same webhook-id: a receiver that dedupes on it takes each once. ${notes.join(' ')}`.trim(),
      `Replay ${events}`,
      async () => {
        if (state.webhook !== w.id) throw new Error('another webhook is open now; nothing was sent');
        const r = await post(`${path}/deliveries/replay`, previewed(filter, preview));
        return `${r.replayed.toLocaleString('en')} replayed as fresh deliveries${r.not_replayable ? `; ${r.not_replayable} left out (a type the webhook no longer receives)` : ''}${r.gone ? `; ${r.gone} retired meanwhile` : ''}${r.more ? '; more match: narrow the time range to replay the others' : ''}.`;
      },
      '#bulk-feedback',
    );
  });
  $('#act-retry-matching').addEventListener('click', () => {
    const f = state.filter;
    if (f.status && f.status !== 'failed' && f.status !== 'skipped') {
      feedback(
        '#bulk-feedback',
        `Only failed or skipped deliveries can be retried: set the status to failed, skipped or any (it is ${f.status}).`,
      );
      return;
    }
    const { filter, described } = bulkFilter('failed or skipped');
    retryMatching(
      'Retry matching deliveries',
      filter,
      `matching: ${described}`,
      async (path, preview) => {
        const r = await post(`${path}/deliveries/retry`, previewed(filter, preview));
        return `${deliveriesText(r.requeued)} of ${preview.matched.toLocaleString('en')} sent again${r.requeued < r.matched ? ' (the others had changed since)' : ''}${r.more ? '; more match: retry again for the next ones' : ''}.`;
      },
      '#bulk-feedback',
    );
  });
  $('#act-retry').addEventListener('click', () => {
    const dlv = state.delivery;
    if (!dlv) return;
    if ($('#act-retry').getAttribute('aria-disabled') === 'true') {
      feedback(
        '#delivery-feedback',
        `Only a failed or skipped delivery can be retried; this one is ${$('#delivery-detail').dataset.status || ''}.`,
      );
      return;
    }
    act(
      'Retry delivery',
      `Delivery ${dlv} is sent again, with one more attempt allowed.`,
      'Retry',
      async () => {
        const r = await post(`${hookPath()}/deliveries/${encodeURIComponent(dlv)}/retry`);
        return `Delivery ${r.delivery_id} is ${r.status}.`;
      },
      '#delivery-feedback',
    );
  });

  // ---- events -----------------------------------------------------------------------------
  /** @param {string | null} id @param {URLSearchParams} query */
  async function showEvents(id, query) {
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
      const rows = events.map(
        (/** @type {{ id: string, type: string, deliveries: number, created_at: string }} */ e) => {
          const tr = document.createElement('tr');
          tr.dataset.event = e.id;
          const b = text('button', e.id, 'link');
          b.type = 'button';
          b.setAttribute('aria-label', `Event ${e.id}, ${e.type}`);
          b.addEventListener('click', () => {
            userAsked = true;
            location.hash = hashOf(`events/${encodeURIComponent(e.id)}`, Object.fromEntries(parseHash().query));
          });
          const first = document.createElement('td');
          first.append(b);
          tr.append(first, text('td', e.type), text('td', e.deliveries), text('td', when(e.created_at), 'time'));
          return tr;
        },
      );
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
    if (opened && userAsked) section.scrollIntoView({ block: 'nearest' });
    userAsked = false;
  }
  const onEventFilter = () => {
    location.hash = hashOf('events', {
      type: $select('#event-type-filter').value,
      since: toIso($input('#event-since').value),
      until: toIso($input('#event-until').value),
    });
  };
  for (const s of ['#event-type-filter', '#event-since', '#event-until'])
    $(s).addEventListener('change', onEventFilter);
  $('#event-filters').addEventListener('submit', (e) => e.preventDefault());
  /** @param {string | null} cursor */
  const eventPage = (cursor) => {
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
  const typing = (t) =>
    t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName));
  /** @param {number} step */
  function openRow(step) {
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

  // ---- authorization sessions ---------------------------------------------------------
  async function showSessions() {
    const { authorization_sessions: sessions } = await json('/v1/studio/authorization-sessions');
    const tbody = $('#sessions tbody');
    tbody.replaceChildren(
      ...sessions.map(
        (
          /** @type {{ ref: string, app_name: string | null, client_id: string, state: string, created_at: string, updated_at: string, path: Transition[] }} */ s,
        ) => {
          const tr = document.createElement('tr');
          tr.dataset.state = s.state;
          const st = document.createElement('td');
          st.append(sessionCell(s.state));
          const path = s.path
            .map((p) => (p.event === 'xstate.init' ? '' : `${eventName(p.event)} → `) + words(p.to))
            .join(' · ');
          tr.append(
            text('td', s.ref),
            text('td', s.app_name || s.client_id),
            st,
            text('td', path),
            text('td', when(s.created_at), 'time'),
            text('td', when(s.updated_at), 'time'),
          );
          return tr;
        },
      ),
    );
    if (!sessions.length) emptyRow(tbody, 'No authorization sessions yet.', 6);
    labelCells($('#sessions'));
    status(`${sessions.length} recent authorization sessions`);
  }
  $('#sessions-refresh').addEventListener('click', () => showSessions().catch((e) => status(message(e))));

  start();
})();
