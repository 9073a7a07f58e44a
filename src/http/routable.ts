// The request as the router must see it: the path the client sent, whatever its Host header.
// The runtime builds a request's URL from the Host header ("http://x/zz/metrics" for `Host: x`,
// the bare path when the header is not a valid host), and Elysia finds the path by looking for
// the first "/" from the 12th character on, past any real origin: behind a short or invalid
// Host it routed /zz/metrics as /metrics, and a proxy that blocks paths could be bypassed.
// The runtime also builds URLs that `new URL` refuses (`Host: localhost:99999`, a port out of
// range), which made every later `new URL(request.url)` throw: those are rebuilt too.

/** Where a URL's path starts, whatever came before it (an origin, or nothing). */
function pathStart(url: string): number {
  if (url.startsWith('/')) return 0;
  const afterScheme = url.indexOf('://');
  const slash = afterScheme === -1 ? -1 : url.indexOf('/', afterScheme + 3);
  return slash === -1 ? url.length : slash;
}

/** The shortest origin Elysia's router reads correctly has its path's "/" at index 11 or later. */
const ROUTER_PATH_FROM = 11;

/**
 * `request` itself when its URL already has an origin the router reads correctly and parses as a
 * URL; otherwise
 * the same request (method, headers, body) at `scheme://localhost` and the path the client sent.
 */
export function routable(request: Request, scheme: 'http' | 'https'): Request {
  const url = request.url;
  const start = pathStart(url);
  if (start >= ROUTER_PATH_FROM && url.startsWith(`${scheme}://`) && URL.canParse(url)) return request;
  const path = start === url.length ? '/' : url.slice(start);
  return new Request(`${scheme}://localhost${path}`, request);
}
