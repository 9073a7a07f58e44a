// @ts-check
// Confirmation in a modal dialog, and what an action did said beside its control.
import { message } from './api.js';
import { $ } from './dom.js';
import { state } from './state.js';
import { refreshAll } from './webhooks.js';

// ---- confirmation ---------------------------------------------------------------------
/** Asks in a modal dialog; focus returns where it was when it closes. @param {string} title @param {string} body @param {string} ok @returns {Promise<boolean>} */
export function confirmAction(title, body, ok) {
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
export const feedback = (out, said) => {
  const at = new Date(Date.now() + state.clockSkew).toISOString().slice(11, 19);
  $(out).textContent = said ? `${at}Z: ${said}` : '';
  if (out === '#webhook-feedback') $('#webhook-since').textContent = '';
};
/**
 * Confirms, then runs an action; what it answers (or why it was refused) is said beside its control.
 * @param {string} title @param {string} body @param {string} ok @param {() => Promise<string>} act @param {string} out
 */
export async function act(title, body, ok, act, out) {
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
