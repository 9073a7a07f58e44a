// @ts-check
// Actions on a webhook and its deliveries: pause, re-enable, test, recover, retry, and retry or
// replay what matches the filters.
/** @import { Delivery, Webhook } from './types.js' */
import { json, message, post } from './api.js';
import { act, feedback } from './dialog.js';
import { $, $input, toIso, when } from './dom.js';
import { state } from './state.js';

// ---- actions ---------------------------------------------------------------------------
export const hookPath = () => `/v1/studio/webhooks/${encodeURIComponent(state.webhook || '')}`;
/**
 * A webhook action's feedback, kept true: the status the action left is remembered, and when
 * the webhook's status changes after it (a 410 disables it again a second after it was
 * re-enabled), the line beside the feedback says so.
 * @param {Webhook} w
 */
export function keepFeedbackTrue(w) {
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
export const webhookAction = async (path, said) => {
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
export const deliveriesText = (n) => `${n.toLocaleString('en')} ${n === 1 ? 'delivery' : 'deliveries'}`;
/**
 * Asks how many failed or skipped deliveries match (nothing changes), says so with what
 * follows from the webhook's state and last hour, and sends them again once confirmed.
 * @param {string} title @param {Record<string, string>} filter @param {string} described
 * @param {(path: string, preview: { matched: number, newest_created_at: string | null }) => Promise<string>} send @param {string} out
 */
export async function retryMatching(title, filter, described, send, out) {
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
export function previewed(filter, preview) {
  const body = Object.fromEntries(Object.entries(filter).filter(([, v]) => v));
  if (preview.newest_created_at) {
    const bound = new Date(Date.parse(preview.newest_created_at) + 1).toISOString();
    if (!body.until || Date.parse(body.until) > Date.parse(bound)) body.until = bound;
  }
  return body;
}
/** The list's filters as a bulk action's, and in words. @param {string} any what "any status" means here */
export function bulkFilter(any) {
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
