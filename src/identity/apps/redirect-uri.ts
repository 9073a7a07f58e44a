// Which redirect URIs an app may register: absolute https, or http on a loopback host
// (RFC 8252 native apps); no fragment, no wildcard, no credentials.
import { isLoopbackHost } from '../../net/loopback.ts';

/** Why the URI is refused, or null when it is acceptable. */
export function redirectUriProblem(uri: string): string | null {
  if (uri.length > 2000) return 'is longer than 2000 characters';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'is not an absolute URL';
  }
  if (uri.includes('#')) return 'must not contain a fragment';
  if (uri.includes('*')) return 'must not contain a wildcard';
  if (url.username || url.password) return 'must not contain credentials';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:')
    return isLoopbackHost(url.hostname) ? null : 'must use https (http is allowed on loopback only)';
  return `uses ${url.protocol} — only https, or http on loopback, is allowed`;
}
