// What the studio's pages show of secrets-bearing values: URLs without credentials or token-like
// parts, receiver bodies without our signatures, authorization sessions by a short reference.

/** A URL as the page shows it: no credentials, no query values, no token-like path segments. */
export function displayUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '(unreadable URL)';
  }
  const path = url.pathname
    .split('/')
    .map((seg) => (seg.length >= 12 && /\d/.test(seg) && /[A-Za-z]/.test(seg) ? '…' : seg))
    .join('/');
  const query = [...url.searchParams.keys()].map((k) => `${k}=…`).join('&');
  return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ''}`;
}

/**
 * A receiver's response body as the page shows it: a receiver that echoes what it was sent
 * would otherwise put our signature (v1,<base64>) or a whsec_ secret on the page.
 */
export function redactBody(body: string | null): string | null {
  return body === null
    ? null
    : body
        .replace(/v1,[A-Za-z0-9+/]{20,}={0,2}/g, 'v1,(redacted)')
        .replace(/whsec_[A-Za-z0-9+/=]+/g, 'whsec_(redacted)');
}

/** An authorization session's id is also its browser cookie: the page gets a short reference. */
export const sessionRef = (id: string) => `${id.slice(0, 8)}…`;
