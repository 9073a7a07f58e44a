// @ts-check
// The studio page's script (no build step: ES modules served as they are, type-checked by tsc
// through JSDoc, tsconfig.client.json). It reads the studio's JSON routes with the signed-in
// session cookie (or an admin token kept in this tab), follows a webhook over server-sent events,
// and asks for changes with the session's CSRF token. Every value is written with textContent; the
// only markup inserted is the statechart SVG the service draws (its text escaped there). Focus
// never moves on its own: live updates change rows in place, and new rows are announced until
// asked for. This module signs in and starts the page.
import { HttpError, api, json, message } from './api.js';
import { $, $input, status } from './dom.js';
import { loadMachines } from './machines.js';
import { route, stopStreams } from './nav.js';
import { state } from './state.js';
// The views and the finder: each wires its controls when loaded.
import './actions.js';
import './events.js';
import './finder.js';
import './sessions.js';
import './webhooks.js';

// ---- sign-in --------------------------------------------------------------------------
export function signedOut() {
  $('#signin').hidden = false;
  $('#studio').hidden = true;
  $('#sign-out').hidden = true;
  $('#who').textContent = '';
  $('#machine-count').textContent = '';
  state.csrf = null;
}
export async function start() {
  try {
    const who = await json('/v1/studio/session');
    state.csrf = who.csrf_token || null;
    $('#who').textContent =
      `Tenant ${who.tenant_name || who.tenant_id}${who.via === 'session' ? ' · signed in' : ' · admin token'}`;
    $('#sign-out').hidden = false;
    $('#signin').hidden = true;
    $('#studio').hidden = false;
    await loadMachines();
    route();
  } catch (e) {
    if (e instanceof HttpError && (e.status === 401 || e.status === 403)) {
      if (state.token) {
        state.token = '';
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
  state.token = $input('#token').value.trim();
  $input('#token').value = '';
  sessionStorage.setItem('argus-token', state.token);
  status('');
  start();
});
$('#sign-out').addEventListener('click', async () => {
  try {
    if (!state.token) await api('/v1/studio/session', { method: 'DELETE' });
  } catch (e) {
    status(`Sign-out: ${message(e)}`);
  }
  state.token = '';
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

start();
