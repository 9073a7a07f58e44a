// The portal page's script: exchanges the link's code (in the URL's fragment, removed from the
// address bar first) for a session, keeps the session in this tab only (sessionStorage), and
// reads and changes the app's webhooks through the public API with it. No cookie: the page
// works the same when the tenant embeds it in its own site.

(() => {
  /**
   * What the API answers, as this page reads it (the public API's schemas).
   * @typedef {{ access_token: string, expires_at: string, tenant_id: string, app: { id: string, name: string } }} Session
   * @typedef {{ id: string, url: string, status: string, events: string[], ordering: string, rate_limit: { per_second: number } | null, disabled_reason: string | null, secret_rotation: { previous_secret_expires_at: string } | null }} Webhook
   * @typedef {{ id: string, event_id: string, event_type: string, status: string, attempt: number, response_status: number | null, error: string | null, next_attempt_at: string | null, failure_reason: string | null, created_at: string }} Delivery
   * @typedef {{ attempt: number, attempted_at: string, duration_ms: number, response_status: number | null, response_body: string | null, error: string | null, request_headers: Record<string, string> }} Attempt
   * @typedef {{ type: string, description: string, schema: unknown }} EventType
   * @typedef {string | Node | null | undefined | Array<string | Node | null | undefined>} Child
   */
  const KEY = 'argus-portal-session';
  const PAGE = 25;
  /** @param {string} id @returns {HTMLElement} */
  const $ = (id) => {
    const node = document.getElementById(id);
    if (!node) throw new Error(`missing #${id}`);
    return node;
  };
  /** @param {string} id */
  const $field = (id) => /** @type {HTMLInputElement | HTMLSelectElement} */ ($(id));
  /** @param {string} id */
  const $button = (id) => /** @type {HTMLButtonElement} */ ($(id));
  const tenantId = location.pathname.split('/').filter(Boolean)[1] ?? '';

  /** @type {Session | null} */
  let session = null;
  /** The webhook shown, the deliveries' next page and the delivery open. */
  /** @type {Webhook | null} */
  let webhook = null;
  /** @type {string | null} */
  let cursor = null;
  /** @type {string | null} */
  let openDelivery = null;

  /**
   * An element: attributes (class, on… listeners, others as given) and children.
   * @param {string} tag
   * @param {Record<string, string | ((e: Event) => void)> | null} props
   * @param {...Child} children
   */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props ?? {})) {
      if (typeof v === 'function') node.addEventListener(k.slice(2), v);
      else if (k === 'class') node.className = v;
      else node.setAttribute(k, v);
    }
    for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  /** @param {string | null | undefined} iso */
  const when = (iso) =>
    iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }) : '—';

  /** @param {HTMLElement} out @param {string} text */
  function say(out, text, error = false) {
    out.textContent = text;
    out.classList.toggle('error', error);
  }

  /** @param {Session | null} value */
  function remember(value) {
    try {
      if (value) sessionStorage.setItem(KEY, JSON.stringify(value));
      else sessionStorage.removeItem(KEY);
    } catch {
      // Storage refused (a sandboxed frame): the session lasts as long as the page.
    }
  }

  /** @returns {Session | null} */
  function kept() {
    try {
      return JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    } catch {
      return null;
    }
  }

  /** @param {string} text */
  function signedOut(text) {
    session = null;
    remember(null);
    $('portal').hidden = true;
    $('sign-out').hidden = true;
    $('who').textContent = 'Signed out.';
    $('signed-out-text').textContent = text;
    $('signed-out').hidden = false;
  }

  class ApiFailure extends Error {}

  /**
   * A call of the public API with the session; its error envelope's description when refused.
   * @param {string} method @param {string} path @param {unknown} [body]
   * @returns {Promise<any>} the answer's JSON, of the route's schema (typed where it is read)
   */
  async function api(method, path, body) {
    if (!session) throw new ApiFailure('Not signed in.');
    const res = await fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${session.access_token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 401) {
      signedOut('Your session has ended. Ask your administrator for a new link.');
      throw new ApiFailure('Your session has ended.');
    }
    const data = res.status === 204 ? null : await res.json().catch(() => null);
    if (!res.ok) throw new ApiFailure(data?.error_description ?? `The service answered ${res.status}.`);
    return data;
  }

  /** @param {unknown} error */
  const problem = (error) =>
    error instanceof ApiFailure ? error.message : `Could not reach the service: ${String(error)}`;

  /**
   * Runs an action, saying what came of it in `out` (beside the control that started it).
   * @param {HTMLElement} out @param {() => Promise<string>} action
   */
  async function act(out, action) {
    say(out, 'Working…');
    try {
      say(out, await action());
    } catch (error) {
      say(out, problem(error), true);
    }
  }

  /** Resolves when the reader asks to open the portal. @returns {Promise<void>} */
  function clicked() {
    $('who').textContent = '';
    $('open-link').hidden = false;
    $('open-portal').focus();
    return new Promise((resolve) =>
      $('open-portal').addEventListener(
        'click',
        () => {
          $('open-link').hidden = true;
          resolve();
        },
        { once: true },
      ),
    );
  }

  async function start() {
    const code = /^#code=([A-Za-z0-9]+)$/.exec(location.hash)?.[1];
    if (code) {
      // The code works once: out of the address bar (and history) before anything else.
      history.replaceState(null, '', location.pathname);
      // On its own, the link opens after a click, so that a link checker that runs scripts (in
      // mail, in chat) does not use it up; framed by the tenant's site, which minted it for
      // this frame, at once.
      if (window.top === window.self) await clicked();
      const res = await fetch('/v1/portal/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      const data = await res.json().catch(() => null);
      if (!res.ok) return signedOut(data?.error_description ?? `The service answered ${res.status}.`);
      session = /** @type {Session} */ (data);
      remember(session);
    } else {
      session = kept();
      if (!session || session.tenant_id !== tenantId || Date.parse(session.expires_at) <= Date.now())
        return signedOut(
          'Open the portal from the link your administrator gave you. A link works once, for a few minutes.',
        );
    }
    $('who').textContent = `${session.app.name} · session until ${when(session.expires_at)}`;
    $('signed-out').hidden = true;
    $('portal').hidden = false;
    $('sign-out').hidden = false;
    await Promise.all([loadWebhooks(), loadTypes()]);
  }

  /** @param {string} [selectId] */
  async function loadWebhooks(selectId) {
    const { webhooks } = /** @type {{ webhooks: Webhook[] }} */ (await api('GET', '/v1/webhooks?limit=200'));
    const list = $('webhook-list');
    list.replaceChildren(
      ...webhooks.map((w) =>
        el(
          'li',
          null,
          el(
            'button',
            {
              type: 'button',
              'data-id': w.id,
              'aria-current': String(w.id === (selectId ?? webhook?.id)),
              onclick: () => showWebhook(w.id),
            },
            w.url,
            el('span', { class: `sub sub-${w.status}` }, w.status),
          ),
        ),
      ),
    );
    $('no-webhooks').hidden = webhooks.length > 0;
    if (!webhook && webhooks[0]) await showWebhook(webhooks[0].id, false);
  }

  /** @param {HTMLElement} dl @param {Array<[string, string | Node]>} rows */
  function facts(dl, rows) {
    dl.replaceChildren(...rows.flatMap(([term, value]) => [el('dt', null, term), el('dd', null, value)]));
  }

  /** The webhook shown (every action is on it). */
  function shown() {
    if (!webhook) throw new ApiFailure('Choose an endpoint first.');
    return webhook;
  }
  /** The shown webhook's path in the API, and below it. */
  const hookPath = (rest = '') => `/v1/webhooks/${encodeURIComponent(shown().id)}${rest}`;

  /** @param {string} id */
  async function showWebhook(id, focus = true) {
    const w = /** @type {Webhook} */ (await api('GET', `/v1/webhooks/${encodeURIComponent(id)}`));
    webhook = w;
    for (const b of $('webhook-list').querySelectorAll('button'))
      b.setAttribute('aria-current', String(b.dataset.id === id));
    $('webhook').hidden = false;
    $('webhook-title').textContent = w.url;
    drawWebhook();
    $('new-secret').hidden = true;
    say($('webhook-feedback'), '');
    closeDelivery();
    await loadDeliveries(true);
    if (focus) $('webhook-title').focus();
  }

  function drawWebhook() {
    const w = shown();
    facts($('webhook-facts'), [
      ['Id', el('code', null, w.id)],
      [
        'Status',
        el(
          'span',
          { class: `status sub-${w.status}` },
          w.disabled_reason ? `${w.status} (${w.disabled_reason})` : w.status,
        ),
      ],
      ['Events', w.events.join(', ')],
      ['Order', w.ordering === 'fifo' ? 'one at a time, in order' : 'unordered'],
      ['Rate limit', w.rate_limit ? `${w.rate_limit.per_second} per second` : 'none'],
      [
        'Previous secret',
        w.secret_rotation ? `still signs until ${when(w.secret_rotation.previous_secret_expires_at)}` : 'none',
      ],
    ]);
    $('pause').textContent = w.status === 'paused' ? 'Resume' : 'Pause';
    $button('pause').disabled = w.status === 'disabled';
  }

  /** @returns {HTMLTableSectionElement} */
  const deliveryRows = () => {
    const body = /** @type {HTMLTableElement} */ ($('deliveries')).tBodies[0];
    if (!body) throw new Error('missing #deliveries tbody');
    return body;
  };

  /** @param {boolean} fresh the first page again, or the next one */
  async function loadDeliveries(fresh) {
    if (fresh) cursor = null;
    const status = $field('status-filter').value;
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (status) query.set('status', status);
    if (cursor) query.set('cursor', cursor);
    const page = /** @type {{ deliveries: Delivery[], next_cursor: string | null }} */ (
      await api('GET', hookPath(`/deliveries?${query}`))
    );
    const rows = page.deliveries.map((d) =>
      el(
        'tr',
        { 'data-id': d.id, 'aria-selected': String(d.id === openDelivery) },
        el(
          'td',
          { 'data-label': 'Delivery' },
          el('button', { type: 'button', class: 'link', onclick: () => showDelivery(d.id) }, d.id),
        ),
        el('td', { 'data-label': 'Event type' }, d.event_type),
        el('td', { 'data-label': 'Status' }, el('span', { class: `status status-${d.status}` }, d.status)),
        el('td', { 'data-label': 'Attempts' }, String(d.attempt)),
        el(
          'td',
          { 'data-label': 'Response' },
          d.response_status === null ? (d.error ?? '—') : String(d.response_status),
        ),
        el('td', { 'data-label': 'Created' }, when(d.created_at)),
      ),
    );
    const body = deliveryRows();
    if (fresh) body.replaceChildren(...rows);
    else body.append(...rows);
    cursor = page.next_cursor;
    $('more').hidden = !cursor;
    $('no-deliveries').hidden = body.rows.length > 0;
  }

  function closeDelivery() {
    openDelivery = null;
    $('delivery').hidden = true;
    for (const row of deliveryRows().rows) row.setAttribute('aria-selected', 'false');
  }

  /** @param {string} id */
  async function showDelivery(id) {
    const d = /** @type {Delivery & { attempts: Attempt[] }} */ (
      await api('GET', hookPath(`/deliveries/${encodeURIComponent(id)}`))
    );
    openDelivery = d.id;
    for (const row of deliveryRows().rows) row.setAttribute('aria-selected', String(row.dataset.id === d.id));
    $('delivery').hidden = false;
    $('delivery-title').textContent = `Delivery ${d.id}`;
    const next =
      d.status === 'retrying' ? `attempt ${d.attempt + 1} at ${when(d.next_attempt_at)}` : (d.failure_reason ?? '—');
    facts($('delivery-facts'), [
      ['Event', el('code', null, d.event_id)],
      ['Type', d.event_type],
      ['Status', el('span', { class: `status status-${d.status}` }, d.status)],
      [d.status === 'retrying' ? 'Next' : 'Why it stopped', next],
      ['Created', when(d.created_at)],
    ]);
    $('retry').hidden = !(d.status === 'failed' || d.status === 'skipped');
    say($('delivery-feedback'), '');
    $('attempts').replaceChildren(
      d.attempts.length === 0
        ? el('p', { class: 'hint' }, 'No attempt yet.')
        : el(
            'ol',
            null,
            d.attempts.map((a) =>
              el(
                'li',
                null,
                el(
                  'p',
                  null,
                  `Attempt ${a.attempt}, ${when(a.attempted_at)}: `,
                  a.response_status === null ? (a.error ?? 'no answer') : `HTTP ${a.response_status}`,
                  ` in ${a.duration_ms} ms`,
                ),
                el(
                  'details',
                  null,
                  el('summary', null, 'Request headers'),
                  el(
                    'pre',
                    { tabindex: '0' },
                    Object.entries(a.request_headers)
                      .map(([k, v]) => `${k}: ${v}`)
                      .join('\n') || '(nothing was sent)',
                  ),
                ),
                a.response_body === null
                  ? null
                  : el(
                      'details',
                      null,
                      el('summary', null, 'Response body'),
                      el('pre', { tabindex: '0' }, a.response_body),
                    ),
              ),
            ),
          ),
    );
    $('delivery-title').focus();
  }

  async function loadTypes() {
    const res = await fetch('/v1/events/types');
    const { event_types } = /** @type {{ event_types: EventType[] }} */ (await res.json());
    $('types').replaceChildren(
      ...event_types.map((type) =>
        el(
          'details',
          null,
          el('summary', null, el('code', null, type.type), ` — ${type.description}`),
          el(
            'pre',
            { tabindex: '0', 'aria-label': `The JSON Schema of ${type.type}` },
            JSON.stringify(type.schema, null, 2),
          ),
        ),
      ),
    );
  }

  /**
   * Asks before a change, in the page's own dialog (a framed page may not open the browser's:
   * Chromium blocks confirm() in a frame from another site). Cancel has the focus.
   */
  /** @param {string} title @param {string} text @param {string} ok @returns {Promise<boolean>} */
  function confirmed(title, text, ok) {
    const dialog = /** @type {HTMLDialogElement} */ ($('confirm'));
    $('confirm-title').textContent = title;
    $('confirm-text').textContent = text;
    $('confirm-ok').textContent = ok;
    dialog.returnValue = '';
    dialog.showModal();
    $('confirm-cancel').focus();
    return new Promise((resolve) =>
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true }),
    );
  }

  /** A new Standard Webhooks secret (32 random bytes), made here: the service keeps it sealed. */
  function newSecret() {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    return `whsec_${btoa(String.fromCharCode(...bytes))}`;
  }

  $('send-test').addEventListener('click', () =>
    act($('webhook-feedback'), async () => {
      const sent = /** @type {{ delivery_id: string, status: string }} */ (await api('POST', hookPath('/test')));
      await loadDeliveries(true);
      return sent.status === 'held'
        ? `Test delivery ${sent.delivery_id} is held until you resume the endpoint.`
        : `Test delivery ${sent.delivery_id} is on its way.`;
    }),
  );

  $('rotate').addEventListener('click', () =>
    act($('webhook-feedback'), async () => {
      const sure = await confirmed(
        'Rotate the signing secret?',
        'A new secret signs every delivery from now on; the previous one signs beside it for the grace period, so your endpoint can switch over.',
        'Rotate',
      );
      if (!sure) return 'Not rotated.';
      const secret = newSecret();
      const w = /** @type {Webhook} */ (await api('PUT', hookPath(), { secret }));
      webhook = w;
      drawWebhook();
      $('secret-value').textContent = secret;
      $('new-secret').hidden = false;
      const until = w.secret_rotation?.previous_secret_expires_at;
      return until ? `Rotated. The previous secret signs too until ${when(until)}.` : 'Rotated.';
    }),
  );

  $('pause').addEventListener('click', () =>
    act($('webhook-feedback'), async () => {
      const pausing = shown().status !== 'paused';
      const w = /** @type {Webhook} */ (await api('PUT', hookPath(), { paused: pausing }));
      webhook = w;
      drawWebhook();
      await loadWebhooks();
      return pausing ? 'Paused: deliveries are held until you resume.' : `Resumed: it is ${w.status} now.`;
    }),
  );

  $('recover-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act($('webhook-feedback'), async () => {
      const since = new Date($field('recover-since').value);
      if (Number.isNaN(since.getTime())) return 'Choose a time first.';
      const { requeued } = /** @type {{ requeued: number }} */ (
        await api('POST', hookPath('/recover'), { since: since.toISOString() })
      );
      await loadDeliveries(true);
      return `${requeued} failed ${requeued === 1 ? 'delivery' : 'deliveries'} since ${when(since.toISOString())} sent again.`;
    });
  });

  $('retry').addEventListener('click', () =>
    act($('delivery-feedback'), async () => {
      const id = openDelivery;
      if (!id) return 'Open a delivery first.';
      const sent = /** @type {{ status: string }} */ (
        await api('POST', hookPath(`/deliveries/${encodeURIComponent(id)}/retry`))
      );
      await loadDeliveries(true);
      $('retry').hidden = true;
      return sent.status === 'held'
        ? 'Held: it is sent when you resume the endpoint.'
        : 'Queued: it is sent again now.';
    }),
  );

  /** Reads the deliveries again (fresh) or their next page, saying only what went wrong. */
  /** @param {boolean} fresh */
  const reload = (fresh) =>
    act($('status'), async () => {
      await loadDeliveries(fresh);
      return '';
    });
  $('status-filter').addEventListener('change', () => reload(true));
  $('refresh').addEventListener('click', () => reload(true));
  $('more').addEventListener('click', () => reload(false));
  $('sign-out').addEventListener('click', () =>
    act($('status'), async () => {
      await api('DELETE', '/v1/portal/session');
      signedOut('You signed out. Ask your administrator for a new link to come back.');
      return '';
    }),
  );
  // Escape closes the open delivery (not while the dialog is open: Escape closes that), back to its row.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || $('delivery').hidden || /** @type {HTMLDialogElement} */ ($('confirm')).open) return;
    const row = [...deliveryRows().rows].find((r) => r.dataset.id === openDelivery);
    closeDelivery();
    row?.querySelector('button')?.focus();
  });

  start().catch((error) => say($('status'), problem(error), true));
})();
