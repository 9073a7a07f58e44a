// The portal page: a shell, its style, and one plain script (client.js, served as is). It
// holds no data: its script exchanges the link's code for a session and reads the public API.
// It may be framed only by the sites the tenant named (PUT /v1/portal/settings), none by default.
import { confirmDialog, Html, html, page } from '../http/html.ts';
import { CONSOLE_STYLE } from '../http/console-style.ts';
import { servedOnce } from '../http/static-script.ts';

export const portalScript = servedOnce(new URL('./client.js', import.meta.url));

const STYLE = html`<style>${new Html(CONSOLE_STYLE)}
main { max-width: 1180px; }
.portal-grid { display: grid; grid-template-columns: 18rem minmax(0, 1fr); gap: 1.5rem; align-items: start; margin-top: 1rem; }
@media (max-width: 760px) { .portal-grid { grid-template-columns: minmax(0, 1fr); } }
h2 { font-size: 1.2rem; margin: .4rem 0 .6rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
nav button { width: 100%; text-align: left; margin: 0 0 .35rem; background: var(--field); color: var(--fg); border: 1px solid var(--border); font-weight: 500; overflow-wrap: anywhere; padding: .45rem .7rem; }
nav button[aria-current=true] { border: 2px solid var(--accent); font-weight: 700; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; }
.actions button, .row button { margin: 0; padding: .45rem .9rem; }
button.secondary { margin-left: 0; }
.row { display: flex; gap: .6rem; flex-wrap: wrap; align-items: end; margin-top: .8rem; }
input[type=url], input[type=datetime-local], select { width: 100%; padding: .45rem .6rem; font: inherit; color: inherit; background: var(--field); border: 1px solid var(--border); border-radius: 6px; }
.feedback { min-height: 1.5rem; margin: .5rem 0; }
.feedback.error { color: var(--error); font-weight: 600; }
.secret { border: 2px solid var(--accent); border-radius: 6px; padding: .5rem 1rem; margin: .6rem 0; }
.secret code { display: block; overflow-wrap: anywhere; font-size: .95rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: .3rem 0; max-height: 20rem; overflow: auto; font-size: .82rem; background: var(--field); border: 1px solid var(--border); border-radius: 6px; padding: .4rem .6rem; }
details { margin: .3rem 0; }
dialog { max-width: 28rem; border: 1px solid var(--border); border-radius: 8px; color: var(--fg); background: var(--bg); }
dialog::backdrop { background: rgb(0 0 0 / .4); }
summary { cursor: pointer; }
.pager button { margin-top: .6rem; }
</style>`;

/** The page, naming its script by version; framed only by `frameAncestors` (none when empty). */
export function portalPage(scriptVersion: string, frameAncestors: readonly string[]): Response {
  return page(
    'Webhook portal',
    html`${STYLE}
<header class="topbar">
  <div><h1>Webhooks</h1><p id="who">Opening your portal…</p></div>
  <button type="button" id="sign-out" class="secondary" hidden>Sign out</button>
</header>
<p id="status" class="feedback" role="status" aria-live="polite"></p>
<section id="open-link" aria-labelledby="open-link-title" hidden>
  <h2 id="open-link-title">Your link to the webhook portal</h2>
  <p>It opens the webhooks of your app for an hour, and works once: this browser tab keeps the session.</p>
  <button type="button" id="open-portal">Open the portal</button>
</section>
<section id="signed-out" aria-labelledby="signed-out-title" hidden>
  <h2 id="signed-out-title">This portal opens from a link</h2>
  <p id="signed-out-text"></p>
</section>
<div id="portal" class="portal-grid" hidden>
  <nav aria-labelledby="endpoints-title">
    <h2 id="endpoints-title">Endpoints</h2>
    <ul id="webhook-list"></ul>
    <p id="no-webhooks" class="hint" hidden>No endpoints yet.</p>
  </nav>
  <div>
    <section id="webhook" aria-labelledby="webhook-title" hidden>
      <h2 id="webhook-title" tabindex="-1"></h2>
      <dl class="facts" id="webhook-facts"></dl>
      <div class="actions">
        <button type="button" id="send-test">Send a test event</button>
        <button type="button" id="rotate" class="secondary">Rotate the signing secret</button>
        <button type="button" id="pause" class="secondary">Pause</button>
      </div>
      <div id="new-secret" class="secret" hidden><p>The new signing secret, shown this once: verify with it from now on.</p><code id="secret-value"></code></div>
      <form id="recover-form" class="row">
        <div><label for="recover-since">Send failed deliveries again, since<span class="hint">your browser's local time</span></label><input type="datetime-local" id="recover-since" required></div>
        <button type="submit">Recover</button>
      </form>
      <p id="webhook-feedback" class="feedback" role="status" aria-live="polite"></p>
      <h3 id="deliveries-title">Deliveries</h3>
      <div class="row">
        <div><label for="status-filter">Status</label>
        <select id="status-filter"><option value="">Any</option><option value="failed">Failed</option><option value="retrying">Retrying</option><option value="succeeded">Succeeded</option><option value="queued">Queued</option><option value="held">Held</option><option value="sending">Sending</option><option value="skipped">Skipped</option></select></div>
        <button type="button" id="refresh" class="secondary">Refresh</button>
      </div>
      <div class="table-wrap"><table class="cards" id="deliveries" aria-labelledby="deliveries-title"><thead><tr><th scope="col">Delivery</th><th scope="col">Event type</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Response</th><th scope="col">Created</th></tr></thead><tbody></tbody></table></div>
      <p id="no-deliveries" class="hint" hidden>No deliveries match.</p>
      <div class="pager"><button type="button" id="more" class="secondary" hidden>Older deliveries</button></div>
      <section id="delivery" aria-labelledby="delivery-title" hidden>
        <h3 id="delivery-title" tabindex="-1"></h3>
        <dl class="facts" id="delivery-facts"></dl>
        <button type="button" id="retry" hidden>Send it again</button>
        <p id="delivery-feedback" class="feedback" role="status" aria-live="polite"></p>
        <div id="attempts"></div>
      </section>
    </section>
    <section aria-labelledby="types-title">
      <h2 id="types-title">Event types</h2>
      <p class="hint">What your endpoints can receive, with the JSON Schema of each type's data.</p>
      <div id="types"></div>
    </section>
  </div>
</div>
${confirmDialog('actions')}
<script src="/portal/portal.js?v=${scriptVersion}" defer></script>`,
    { scripts: true, frameAncestors },
  );
}
