// The studio page: a shell, its style, and its script (the ES modules of client/, one per view,
// served as they are: no build step). The page holds no data; its script reads the studio's
// JSON routes.
import { confirmDialog, Html, html, page } from '../http/html.ts';
import { CONSOLE_STYLE } from '../http/console-style.ts';
import { modulesOnce, servedOnce } from '../http/static-script.ts';

/** The page's script: the ES modules of client/, main.js first (one per view, no build step). */
export const studioModules = modulesOnce(new URL('./client/', import.meta.url));
/** The drawings' zoom and pan script. */
export const zoomScript = servedOnce(new URL('./zoom.js', import.meta.url));

const STYLE = html`<style>${new Html(CONSOLE_STYLE)}
main { max-width: 1240px; }
.signin { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem 2rem; align-items: start; }
.signin form { border: 1px solid var(--border); border-radius: 8px; padding: 0 1rem 1rem; }
.signin h2 { font-size: 1.1rem; margin: .8rem 0 0; }
[role=tablist].views { display: flex; flex-wrap: wrap; gap: .4rem; border-bottom: 1px solid var(--border); margin: 1rem 0; }
[role=tablist].views button { margin: 0; border-radius: 6px 6px 0 0; background: transparent; color: var(--fg); border: 1px solid transparent; border-bottom: 0; font-weight: 500; }
[role=tablist].views button[aria-selected=true] { border-color: var(--border); border-bottom: 3px solid var(--accent); font-weight: 700; }
.studio-grid { display: grid; grid-template-columns: 15rem minmax(0, 1fr); gap: 1.5rem; align-items: start; }
@media (max-width: 760px) { .studio-grid { grid-template-columns: minmax(0, 1fr); } }
nav button, .list-button { width: 100%; text-align: left; margin: 0 0 .35rem; background: var(--field); color: var(--fg); border: 1px solid var(--border); font-weight: 500; overflow-wrap: anywhere; padding: .45rem .7rem; }
nav button[aria-selected=true], nav button[aria-current=true] { border: 2px solid var(--accent); font-weight: 700; text-decoration: underline; text-underline-offset: 3px; }
.list-title { font-size: .95rem; margin: .6rem 0 .3rem; }
#attention-list button { border-left: 4px solid var(--error, #b3261e); }
.diagram { overflow: auto; border: 1px solid var(--border); border-radius: 8px; padding: .5rem; background: var(--bg); max-height: 75vh; }
.diagram svg { display: block; }
td.time { white-space: nowrap; }
.row { display: flex; gap: .6rem; flex-wrap: wrap; align-items: end; }
select { padding: .45rem; font: inherit; color: inherit; background: var(--field); border: 1px solid var(--border); border-radius: 6px; }
.pager { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
.pager button { margin-top: .6rem; }
.pager button:disabled { opacity: .45; cursor: default; }
ol.timeline { padding-left: 1.4rem; margin: .4rem 0; }
ol.timeline li { margin: .15rem 0; }
ol.timeline .when { color: var(--muted); font-size: .88rem; }
.live { font-size: .9rem; color: var(--muted); }
pre.body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; max-height: 6rem; overflow: auto; font-size: .82rem; }
pre.body.whole { max-height: none; }
details.req pre.body:not(.whole) { max-height: 20rem; }
.block-label { margin: .5rem 0 .15rem; font-size: .8rem; font-weight: 600; color: var(--muted); }
#status { min-height: 1.5rem; }
h2 { font-size: 1.25rem; margin: 1rem 0 .4rem; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }

.finder { display: flex; gap: .5rem; align-items: end; flex-wrap: wrap; margin: .5rem 0; }
.finder > div { flex: 1 1 18rem; }
.finder > .within { flex: 0 1 13rem; }
.finder input { width: 100%; box-sizing: border-box; padding: .45rem .6rem; }
.find-results { list-style: none; padding: 0; margin: 0 0 .8rem; }
.find-results a { display: block; padding: .3rem 0; overflow-wrap: anywhere; }
.find-results .sub { color: var(--muted); }
.finder button, .actions button, .filters button { margin: 0; padding: .4rem .9rem; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: .6rem 0; }
.actions .secondary { margin-left: 0; }
.actions label { margin: 0; }
.actions input { width: auto; }
button[aria-disabled=true] { opacity: .6; cursor: not-allowed; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; }
.filters > div { flex: 0 1 12rem; }
.filters input, .filters select { width: 100%; box-sizing: border-box; }
.filters > .bulk { flex: 1 1 16rem; display: flex; flex-wrap: wrap; gap: .3rem .8rem; align-items: center; }
.feedback, .actions output, .bulk output { flex-basis: 100%; margin: 0; font-size: .9rem; }
.bulk output { flex-basis: auto; flex: 1 1 12rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.console { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
/* On a wide screen a detail is a drawer over the list's right side (both in one grid cell), kept
   in view while the list scrolls: the list keeps its width, and the finder and filters stay free. */
@media (min-width: 1100px) {
  main { max-width: 1600px; }
  .console > * { grid-area: 1 / 1; min-width: 0; }
  .console .panel { justify-self: end; align-self: start; position: sticky; top: .5rem; z-index: 2; width: min(46rem, 62%); box-sizing: border-box; max-height: calc(100vh - 1rem); overflow: auto; box-shadow: -10px 6px 28px rgb(0 0 0 / .22); }
}
.shortcuts { font-size: .9rem; margin: 0 0 .5rem; }
.shortcuts summary { cursor: pointer; color: var(--muted); }
.shortcuts kbd { border: 1px solid var(--border); border-radius: 4px; padding: 0 .3rem; font-family: ui-monospace, monospace; }
.panel { border: 1px solid var(--border); border-radius: 8px; padding: 0 1rem 1rem; background: var(--bg); }
.panel-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: .5rem; }
.panel-head h3 { min-width: 0; overflow-wrap: anywhere; }
.panel-head button { margin: .8rem 0 0; padding: .25rem .7rem; }
td, th { overflow-wrap: break-word; }
td button.link, td a, td.id { overflow-wrap: anywhere; }
#deliveries td.time, #events td.time { white-space: normal; }
#deliveries td button.link, #events td button.link { font-size: .78rem; }
#deliveries th, #deliveries td { padding: .3rem .35rem; }
@media (min-width: 1100px) { .studio-grid { grid-template-columns: 13rem minmax(0, 1fr); } }
/* The webhook list is the home: room for a URL, its last hour and its queue on a few lines. */
@media (min-width: 761px) { #view-webhooks.studio-grid { grid-template-columns: 19rem minmax(0, 1fr); } }
/* The side panel is narrow: its tables read as cards at every width. */
.panel table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
.panel table.cards tr { display: block; border-bottom: 1px solid var(--border); padding: .35rem 0; }
.panel table.cards td { display: grid; grid-template-columns: 7.5rem minmax(0, 1fr); gap: .5rem; border: 0; padding: .1rem .3rem; overflow-wrap: anywhere; }
.panel table.cards td::before { content: attr(data-label); font-weight: 600; color: var(--muted); }
.panel table.cards td[colspan]::before { content: none; }
td.id { font-family: ui-monospace, monospace; font-size: .85rem; }
.new-rows { margin: 0; padding: .3rem .8rem; }
ul.timers { padding-left: 1.2rem; margin: .3rem 0; }
ul.timers li { margin: .2rem 0; }
.spark { vertical-align: middle; margin-left: .3rem; }
.spark rect { fill: var(--accent); }
.spark rect.bad { fill: var(--error); }
.health, .queue { display: block; font-size: .82rem; color: var(--muted); font-weight: 400; }
dialog { border: 1px solid var(--border); border-radius: 8px; background: var(--bg); color: var(--fg); max-width: 32rem; }
dialog::backdrop { background: rgb(0 0 0 / 45%); }
dialog .buttons { display: flex; gap: .5rem; justify-content: flex-end; }
dialog .buttons button { margin-top: 1rem; }
details.req summary { cursor: pointer; color: var(--accent); }
.machine-list { display: flex; flex-direction: column; }
</style>`;

/** The page; `versions` are its scripts' (the studio's modules and zoom.js), named in their URLs. */
export function studioPage(versions: { studio: string; zoom: string }): Response {
  return page(
    'Studio',
    html`${STYLE}
<div class="topbar"><h1>Studio</h1><p id="who" aria-live="polite"></p><button type="button" id="sign-out" class="secondary" hidden>Sign out</button></div>
<p class="lead">Every machine of the service, drawn from its definition; your webhooks' deliveries as they move, and the actions to take on them; your events; where recent authorization sessions stand.</p>
<div id="signin" class="signin" hidden>
  <form id="login-form" autocomplete="on">
    <h2>Sign in as a tenant administrator</h2>
    <label for="login-tenant">Tenant</label><input type="text" id="login-tenant" name="tenant" required autocomplete="organization">
    <label for="login-email">Email</label><input type="email" id="login-email" name="email" required autocomplete="username">
    <label for="login-password">Password</label><input type="password" id="login-password" name="password" required autocomplete="current-password">
    <button type="submit">Sign in</button>
  </form>
  <form id="token-form" autocomplete="off">
    <h2>Or open with an admin token</h2>
    <label for="token">Admin access token <span class="hint">from <code>npm run argus -- token --tenant NAME --admin</code>; kept in this tab only</span></label>
    <input type="password" id="token" name="token" required>
    <button type="submit">Open</button>
  </form>
</div>
<p id="status" role="status" aria-live="polite"></p>
<div id="studio" hidden>
  <form id="find-form" class="finder" role="search">
    <div><label for="find">Find an event, a delivery or a webhook <span class="hint">by its id (evt_…, dlv_…), events by a value in their data (case_id=c1, or the value alone), a webhook by its URL's host or path</span></label><input type="search" id="find" name="q" required maxlength="100" autocomplete="off" spellcheck="false"></div>
    <div class="within"><label for="find-within">Events published in</label><select id="find-within"><option value="3600000">the last hour</option><option value="86400000" selected>the last day</option><option value="604800000">the last 7 days</option><option value="2592000000">the last 30 days</option></select></div>
    <button type="submit">Find</button>
  </form>
  <ul id="find-results" class="find-results" aria-label="Found" hidden></ul>
  <details id="shortcuts" class="shortcuts"><summary>Keyboard shortcuts</summary><p><kbd>/</kbd> find · <kbd>j</kbd> <kbd>k</kbd> the next and previous row of the list in view, opened · <kbd>Esc</kbd> close the open detail · <kbd>?</kbd> this list</p></details>
  <div role="tablist" class="views" aria-label="Views">
    <button type="button" role="tab" id="tab-webhooks" aria-controls="view-webhooks" data-view="webhooks">Webhooks</button>
    <button type="button" role="tab" id="tab-machines" aria-controls="view-machines" data-view="machines" tabindex="-1">Machines</button>
    <button type="button" role="tab" id="tab-events" aria-controls="view-events" data-view="events" tabindex="-1">Events</button>
    <button type="button" role="tab" id="tab-sessions" aria-controls="view-sessions" data-view="sessions" tabindex="-1">Authorization sessions</button>
  </div>

  <section id="view-machines" role="tabpanel" aria-labelledby="tab-machines" class="studio-grid">
    <nav aria-labelledby="machines-heading"><h2 id="machines-heading" class="hint">Machines <span id="machine-count"></span></h2><div id="machine-list" class="machine-list" role="tablist" aria-orientation="vertical" aria-labelledby="machines-heading"></div></nav>
    <div id="machine-panel" role="tabpanel" aria-labelledby="machine-title">
      <h2 id="machine-title">Machine</h2>
      <div class="diagram" id="diagram" tabindex="0" role="group" aria-label="Statechart drawing"></div>
      <details><summary>Transitions as a table</summary><div class="table-wrap"><table id="transitions"><caption class="hint">Each transition of the machine, as the drawing names it.</caption><thead><tr><th scope="col">From</th><th scope="col">Event</th><th scope="col">Guard</th><th scope="col">To</th></tr></thead><tbody></tbody></table></div></details>
      <h3>Follow an instance</h3>
      <form id="instance-form" class="row">
        <div><label for="instance">Instance id <span class="hint">e.g. an app's client id with clientSecretRotation selected</span></label><input type="text" id="instance" name="instance" required></div>
        <div style="flex:0 0 auto"><button type="submit">Follow</button></div>
      </form>
      <div class="table-wrap"><table id="journal"><caption class="hint">Transitions of the instance, oldest first; new ones appear as they commit.</caption><thead><tr><th scope="col">#</th><th scope="col">At</th><th scope="col">From</th><th scope="col">Event</th><th scope="col">To</th></tr></thead><tbody></tbody></table></div>
    </div>
  </section>

  <section id="view-webhooks" role="tabpanel" aria-labelledby="tab-webhooks" class="studio-grid" hidden>
    <nav aria-label="Webhooks"><p class="hint" id="health-note">Last hour: success rate, p50/p95 latency, attempts per 5 min.</p><h2 id="attention-title" class="list-title" hidden>Needs attention</h2><ul id="attention-list" aria-labelledby="attention-title" hidden></ul><h2 class="list-title">All webhooks</h2><ul id="webhook-list"></ul><button type="button" id="webhooks-more" class="list-button" hidden>More webhooks</button></nav>
    <div>
      <p id="webhook-empty" class="hint">Choose a webhook to see its subscription and deliveries, live.</p>
      <div id="webhook-detail" hidden>
        <h2 id="webhook-title">Webhook</h2>
        <dl class="facts" id="webhook-facts"></dl>
        <h3 id="webhook-clocks-title">Its clocks</h3>
        <ul id="webhook-timers" class="timers" aria-labelledby="webhook-clocks-title"></ul>
        <div class="actions" role="group" aria-label="Webhook actions">
          <button type="button" id="act-pause" class="secondary">Pause</button>
          <button type="button" id="act-enable" class="secondary">Re-enable</button>
          <button type="button" id="act-test" class="secondary">Send a test</button>
          <div><label for="recover-since">Recover failed deliveries since</label><input type="datetime-local" id="recover-since" step="1"></div>
          <button type="button" id="act-recover" class="secondary">Recover</button>
          <p class="feedback"><output id="webhook-feedback" for="act-pause act-enable act-test act-recover"></output> <span id="webhook-since" role="status"></span></p>
        </div>
        <details><summary>Its subscription machine</summary><div class="diagram" id="subscription-diagram" tabindex="0" role="group" aria-label="Subscription statechart, current states marked"></div></details>
        <h3 id="deliveries-title">Deliveries</h3>
        <form id="filters" class="filters" aria-label="Filter deliveries">
          <div><label for="status-filter">Status</label>
            <select id="status-filter"><option value="">any</option><option>queued</option><option>sending</option><option>retrying</option><option>held</option><option>skipped</option><option>succeeded</option><option>failed</option></select></div>
          <div><label for="type-filter">Event type</label><select id="type-filter"><option value="">any</option></select></div>
          <div><label for="since-filter">Created from</label><input type="datetime-local" id="since-filter" step="1"></div>
          <div><label for="until-filter">Created before</label><input type="datetime-local" id="until-filter" step="1"></div>
          <div><label for="answer-filter">Last answer</label><input type="text" id="answer-filter" size="6" maxlength="4" placeholder="500, 5xx, none" aria-describedby="answer-hint" autocomplete="off" spellcheck="false"><span id="answer-hint" class="visually-hidden">a status such as 500, a class such as 5xx, or none for no response</span></div>
          <div class="bulk"><button type="button" id="act-retry-matching" class="secondary">Retry matching…</button><button type="button" id="act-replay-matching" class="secondary">Replay matching…</button><output id="bulk-feedback" for="act-retry-matching act-replay-matching"></output></div>
        </form>
        <div class="row"><p class="live" id="live" role="status" aria-live="polite"></p><span aria-live="polite"><button type="button" id="new-rows" class="secondary new-rows" hidden></button></span></div>
        <div class="console" id="delivery-console">
          <div>
            <div class="table-wrap"><table class="cards" id="deliveries" aria-labelledby="deliveries-title"><thead><tr><th scope="col">Delivery</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Response</th><th scope="col">Created</th></tr></thead><tbody></tbody></table></div>
            <div class="pager"><button type="button" id="newer" class="secondary">Newer</button><span id="page-info" aria-live="polite"></span><button type="button" id="older" class="secondary">Older</button></div>
          </div>
          <section id="delivery-detail" class="panel" aria-labelledby="delivery-title" tabindex="-1" hidden>
            <div class="panel-head"><h3 id="delivery-title">Delivery</h3><button type="button" id="close-delivery" class="secondary">Close</button></div>
            <dl class="facts" id="delivery-facts"></dl>
            <div class="actions" role="group" aria-label="Delivery actions"><button type="button" id="act-retry" class="secondary">Retry this delivery</button><output id="delivery-feedback" for="act-retry"></output></div>
            <h4 id="why-title">Why it is where it is</h4>
            <ul id="delivery-timers" class="timers" aria-labelledby="why-title"></ul>
            <div class="diagram" id="delivery-diagram" tabindex="0" role="group" aria-label="Delivery statechart: its path marked, its current state marked now"></div>
            <h4>Path through the delivery machine</h4>
            <ol id="delivery-path" class="timeline"></ol>
            <h4 id="attempts-title">Attempts</h4>
            <p class="hint" id="headers-note"></p>
            <div class="table-wrap"><table class="cards" id="attempts" aria-labelledby="attempts-title"><thead><tr><th scope="col">#</th><th scope="col">At</th><th scope="col">Response</th><th scope="col">Time</th><th scope="col">Error</th><th scope="col">Request</th><th scope="col">Body (first 4 KiB)</th></tr></thead><tbody></tbody></table></div>
          </section>
        </div>
      </div>
    </div>
  </section>

  <section id="view-events" role="tabpanel" aria-labelledby="tab-events" hidden>
    <h2 id="events-title">Events</h2>
    <form id="event-filters" class="filters" aria-label="Filter events">
      <div><label for="event-type-filter">Type</label><select id="event-type-filter"><option value="">any</option></select></div>
      <div><label for="event-since">Published from</label><input type="datetime-local" id="event-since" step="1"></div>
      <div><label for="event-until">Published before</label><input type="datetime-local" id="event-until" step="1"></div>
    </form>
    <div class="console" id="event-console">
      <div>
        <div class="table-wrap"><table class="cards" id="events" aria-labelledby="events-title"><thead><tr><th scope="col">Event</th><th scope="col">Type</th><th scope="col">Deliveries</th><th scope="col">Published</th></tr></thead><tbody></tbody></table></div>
        <div class="pager"><button type="button" id="events-newer" class="secondary">Newer</button><span id="events-page-info" aria-live="polite"></span><button type="button" id="events-older" class="secondary">Older</button></div>
      </div>
      <section id="event-detail" class="panel" aria-labelledby="event-title" tabindex="-1" hidden>
        <div class="panel-head"><h3 id="event-title">Event</h3><button type="button" id="close-event" class="secondary">Close</button></div>
        <dl class="facts" id="event-facts"></dl>
        <div class="table-wrap"><table class="cards" id="event-deliveries"><caption class="hint">Its deliveries across your webhooks, newest first.</caption><thead><tr><th scope="col">Delivery</th><th scope="col">Webhook</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Response</th></tr></thead><tbody></tbody></table></div>
      </section>
    </div>
  </section>

  <section id="view-sessions" role="tabpanel" aria-labelledby="tab-sessions" hidden>
    <h2>Recent authorization sessions</h2>
    <p class="hint">The last 50 authorization code flows of your tenant and the path each took. No codes, tokens or session ids are shown: a session is named by the start of its id.</p>
    <button type="button" id="sessions-refresh" class="secondary">Refresh</button>
    <div class="table-wrap"><table class="cards" id="sessions"><caption class="hint">Recent authorization sessions, newest first.</caption><thead><tr><th scope="col">Session</th><th scope="col">App</th><th scope="col">Where it stands</th><th scope="col">Path</th><th scope="col">Started</th><th scope="col">Last change</th></tr></thead><tbody></tbody></table></div>
  </section>
</div>
${confirmDialog('buttons')}
<script type="module" src="/studio/js/main.js?v=${versions.studio}"></script>
<script src="/studio/zoom.js?v=${versions.zoom}" defer></script>`,
    { scripts: true },
  );
}
