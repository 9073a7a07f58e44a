// @ts-check
// The Authorization sessions view.
/** @import { Transition } from './types.js' */
import { json, message } from './api.js';
import { $, emptyRow, eventName, labelCells, sessionCell, status, text, when, words } from './dom.js';

// ---- authorization sessions ---------------------------------------------------------
export async function showSessions() {
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
