// The studio page: a shell and one script, served by the service (no build step).
import { html, page } from '../http/html.ts';

const STYLE = html`<style>
main { max-width: 1200px; }
.studio-grid { display: grid; grid-template-columns: 14rem 1fr; gap: 1.5rem; align-items: start; }
@media (max-width: 760px) { .studio-grid { grid-template-columns: 1fr; } }
nav ul { list-style: none; padding: 0; margin: 0; }
nav button { width: 100%; text-align: left; margin: 0 0 .35rem; background: var(--field); color: var(--fg); border: 1px solid var(--border); font-weight: 500; }
nav button[aria-selected=true] { border: 2px solid var(--accent); font-weight: 700; text-decoration: underline; text-underline-offset: 3px; }
.diagram { overflow: auto; border: 1px solid var(--border); border-radius: 8px; padding: .5rem; background: var(--bg); }
.statechart .box { fill: var(--bg); stroke: var(--fg); stroke-width: 1.3; }
.statechart .state-final .box.inner { fill: none; }
.statechart .name { font: 600 13px system-ui, sans-serif; fill: var(--fg); }
.statechart .compound-name { font-size: 12px; fill: var(--muted); }
.statechart .entry { font: 11px system-ui, sans-serif; fill: var(--muted); }
.statechart .edge { fill: none; stroke: var(--muted); stroke-width: 1.2; }
.statechart .arrowhead, .statechart .initial { fill: var(--fg); }
.statechart .label { font: 11.5px system-ui, sans-serif; fill: var(--accent); paint-order: stroke; stroke: var(--bg); stroke-width: 4px; }
.statechart .current .box { stroke: var(--accent); stroke-width: 3.5; }
.statechart g.state:focus .box { stroke: var(--accent); stroke-width: 3; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; margin-top: 1rem; }
th, td { text-align: left; border-bottom: 1px solid var(--border); padding: .3rem .5rem; vertical-align: top; }
.row { display: flex; gap: .6rem; flex-wrap: wrap; align-items: end; }
.row > div { flex: 1 1 12rem; }
#status { min-height: 1.5rem; }
</style>`;

export function studioPage(): Response {
  const res = page(
    'Studio',
    html`${STYLE}
<h1>Studio</h1>
<p class="lead">Every machine of the service, drawn from its definition, and where any instance of yours stands.</p>
<form id="token-form" class="row" autocomplete="off">
  <div><label for="token">Admin access token <span class="hint">from <code>npm run argus -- token --tenant NAME --admin</code>; kept in this tab only</span></label>
  <input type="password" id="token" name="token" required></div>
  <div style="flex:0 0 auto"><button type="submit">Open</button></div>
</form>
<p id="status" role="status" aria-live="polite"></p>
<div class="studio-grid" id="studio" hidden>
  <nav aria-label="Machines"><ul id="machine-list" role="tablist" aria-orientation="vertical"></ul></nav>
  <section aria-labelledby="machine-title">
    <h2 id="machine-title">Machine</h2>
    <div class="diagram" id="diagram" tabindex="0" aria-label="Statechart drawing"></div>
    <details><summary>Transitions as a table</summary><table id="transitions"><thead><tr><th scope="col">From</th><th scope="col">Event</th><th scope="col">Guard</th><th scope="col">To</th></tr></thead><tbody></tbody></table></details>
    <h2>An instance</h2>
    <form id="instance-form" class="row">
      <div><label for="instance">Instance id <span class="hint">e.g. a delivery (dlv_…) with the delivery machine selected</span></label><input type="text" id="instance" name="instance" required></div>
      <div style="flex:0 0 auto"><button type="submit">Follow</button></div>
    </form>
    <table id="journal" aria-live="polite"><caption class="hint">Transitions of the instance, oldest first; new ones appear as they commit.</caption><thead><tr><th scope="col">#</th><th scope="col">At</th><th scope="col">From</th><th scope="col">Event</th><th scope="col">To</th></tr></thead><tbody></tbody></table>
  </section>
</div>
<script src="/studio/studio.js" defer></script>`,
  );
  const headers = new Headers(res.headers);
  headers.set('content-security-policy', "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  return new Response(res.body, { status: 200, headers });
}

export const studioScript = `'use strict';
(() => {
  const $ = (s) => document.querySelector(s);
  let token = sessionStorage.getItem('argus-token') || '';
  let current = null;
  let follow = null;
  const status = (t) => { $('#status').textContent = t; };
  const api = async (path, opts = {}) => {
    const res = await fetch(path, { ...opts, headers: { authorization: 'Bearer ' + token, ...(opts.headers || {}) } });
    if (!res.ok) {
      let msg = res.status + '';
      try { const b = await res.json(); msg = b.error_description || b.error || msg; } catch {}
      throw new Error(msg);
    }
    return res;
  };
  const text = (tag, value) => { const el = document.createElement(tag); el.textContent = value; return el; };
  async function open() {
    try {
      const { machines } = await (await api('/v1/machines')).json();
      const list = $('#machine-list');
      list.replaceChildren();
      for (const m of machines) {
        const li = document.createElement('li');
        const b = text('button', m.name);
        b.type = 'button'; b.setAttribute('role', 'tab'); b.dataset.machine = m.name; b.setAttribute('aria-selected', 'false');
        b.addEventListener('click', () => show(m.name));
        b.addEventListener('keydown', (e) => {
          const all = [...list.querySelectorAll('button')];
          const i = all.indexOf(b);
          if (e.key === 'ArrowDown') { e.preventDefault(); all[(i + 1) % all.length].focus(); }
          if (e.key === 'ArrowUp') { e.preventDefault(); all[(i - 1 + all.length) % all.length].focus(); }
        });
        li.append(b); list.append(li);
      }
      $('#studio').hidden = false;
      status(machines.length + ' machines');
      if (machines.length) await show(current || machines[0].name);
    } catch (e) { status('Could not open the studio: ' + e.message); }
  }
  async function show(name) {
    current = name;
    for (const b of document.querySelectorAll('#machine-list button')) b.setAttribute('aria-selected', String(b.dataset.machine === name));
    $('#machine-title').textContent = name;
    const started = performance.now();
    const svg = await (await api('/v1/machines/' + encodeURIComponent(name) + '/diagram.svg')).text();
    $('#diagram').innerHTML = svg;
    $('#diagram').dataset.renderMs = String(Math.round(performance.now() - started));
    const rows = [];
    for (const e of $('#diagram').querySelectorAll('path.edge')) rows.push([e.dataset.from, e.dataset.event, '', e.dataset.to]);
    const def = await (await api('/v1/machines/' + encodeURIComponent(name))).json();
    const tbody = $('#transitions tbody');
    tbody.replaceChildren();
    const walk = (node, path) => {
      for (const t of node.transitions || []) {
        const tr = document.createElement('tr');
        tr.append(text('td', path.join('.')), text('td', t.eventType), text('td', t.guard ? (typeof t.guard === 'string' ? t.guard : t.guard.type) : ''), text('td', (t.target || []).map((x) => x.replace(/^#[^.]+\\./, '')).join(', ') || '(stays)'));
        tbody.append(tr);
      }
      for (const [k, child] of Object.entries(node.states || {})) walk(child, [...path, k]);
    };
    walk(def, []);
  }
  function mark(state) {
    for (const g of document.querySelectorAll('#diagram g.state')) g.classList.toggle('current', state.split(',').includes(g.dataset.state));
  }
  async function followInstance(id) {
    if (follow) follow.abort();
    follow = new AbortController();
    const tbody = $('#journal tbody');
    tbody.replaceChildren();
    status('Following ' + id + ' (' + current + ')');
    try {
      const res = await api('/v1/machines/' + encodeURIComponent(current) + '/instances/' + encodeURIComponent(id) + '/stream', { signal: follow.signal });
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf('\\n\\n')) >= 0) {
          const chunk = buffer.slice(0, cut); buffer = buffer.slice(cut + 2);
          const data = chunk.split('\\n').find((l) => l.startsWith('data: '));
          if (!data) continue;
          const t = JSON.parse(data.slice(6));
          const tr = document.createElement('tr');
          tr.dataset.to = t.to;
          tr.append(text('td', t.seq), text('td', t.at), text('td', t.from || '—'), text('td', t.event), text('td', t.to));
          tbody.append(tr);
          mark(t.to);
          status(id + ' is in ' + t.to);
        }
      }
    } catch (e) { if (e.name !== 'AbortError') status('Stream ended: ' + e.message); }
  }
  $('#token-form').addEventListener('submit', (e) => { e.preventDefault(); token = $('#token').value.trim(); sessionStorage.setItem('argus-token', token); open(); });
  $('#instance-form').addEventListener('submit', (e) => { e.preventDefault(); followInstance($('#instance').value.trim()); });
  if (token) open();
})();
`;
