// @ts-check
// Calls of the studio's JSON routes (the session's CSRF token or the admin token sent), and
// server-sent events over fetch.
/** @import { Handlers } from './types.js' */
import { state } from './state.js';

export class HttpError extends Error {
  /** @param {number} status @param {string} message @param {string} [code] */
  constructor(status, message, code) {
    super(message);
    this.status = status;
    this.code = code || '';
  }
}
/** @param {string} path @param {RequestInit & { headers?: Record<string, string> }} [opts] */
export const api = async (path, opts = {}) => {
  /** @type {Record<string, string>} */
  const headers = { ...(opts.headers || {}) };
  if (state.token) headers.authorization = `Bearer ${state.token}`;
  else if (state.csrf && opts.method && opts.method !== 'GET') headers['x-studio-csrf'] = state.csrf;
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
export const json = async (path, opts) => (await api(path, opts)).json();
/** @param {string} path @param {unknown} [body] */
export const post = (path, body) =>
  json(
    path,
    body === undefined
      ? { method: 'POST' }
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
/** @param {unknown} e */
export const message = (e) => (e instanceof Error ? e.message : String(e));

// ---- server-sent events over fetch (so a state.token header can be sent), reconnecting ------
/** @param {string} url @param {Handlers} handlers */
export function follow(url, handlers) {
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
