import { newId } from '../ids.ts';
import type { ClientInfo } from './client-address.ts';

// Per-request facts the HTTP layer needs in every hook, keyed by the Request object.
export interface RequestInfo {
  id: string;
  start: number;
  /** Who sent it (see client-address.ts): what rate limits count and logs report. */
  client: ClientInfo;
  route?: string;
  /** The trace of the request's span, when tracing is on. */
  traceId?: string;
}

const infos = new WeakMap<Request, RequestInfo>();

export function requestInfo(request: Request): RequestInfo {
  let info = infos.get(request);
  if (!info) {
    info = {
      id: newId('req'),
      start: performance.now(),
      client: { address: 'unknown', scheme: 'http', host: null, proxy: null },
    };
    infos.set(request, info);
  }
  return info;
}
