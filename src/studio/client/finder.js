// @ts-check
// The finder: ids, webhooks by URL, events by a value in their data.
/** @import { Webhook } from './types.js' */
import { HttpError, json, message } from './api.js';
import { $, $input, $select, SUB_SYMBOL, status, text, when } from './dom.js';
import { state } from './state.js';

// ---- finding --------------------------------------------------------------------------
/** A found thing as a link of the results list. @param {{ href: string, label: string, sub: string }} found */
export function foundItem({ href, label, sub }) {
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
