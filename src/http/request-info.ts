import { newId } from '../ids.ts';

// Per-request facts the HTTP layer needs in every hook, keyed by the Request object.
export interface RequestInfo { id: string; start: number; remoteAddress: string; route?: string }

const infos = new WeakMap<Request, RequestInfo>();

export function requestInfo(request: Request): RequestInfo {
  let info = infos.get(request);
  if (!info) {
    info = { id: newId('req'), start: performance.now(), remoteAddress: 'unknown' };
    infos.set(request, info);
  }
  return info;
}
