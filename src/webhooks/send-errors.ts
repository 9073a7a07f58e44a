// What an attempt that got no response records: a timeout, a certificate the receiver's TLS
// presented and this server refused, or a connection that failed. Certificate errors are named
// alike on both runtimes: Bun and node:https give OpenSSL's codes, Deno's TLS client (rustls)
// its own words, found in the error's `cause` ("fetch failed" is all its TypeError says).

const TLS_CODES: Record<string, string> = {
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname mismatch',
  HOSTNAME_MISMATCH: 'hostname mismatch',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unknown certificate authority',
  UNABLE_TO_GET_ISSUER_CERT: 'unknown certificate authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unknown certificate authority',
  CERT_UNTRUSTED: 'unknown certificate authority',
  CERT_REVOKED: 'certificate has been revoked',
};

// rustls' reasons, as Deno words them ("invalid peer certificate: …").
const TLS_MESSAGES: Array<[RegExp, string]> = [
  [/certificate expired|\bExpired\b/, 'certificate has expired'],
  [/not valid yet|NotValidYet/, 'certificate is not yet valid'],
  [/not valid for name|NotValidForName/, 'hostname mismatch'],
  [/CaUsedAsEndEntity|self[- ]signed/i, 'self-signed certificate'],
  [/UnknownIssuer/, 'unknown certificate authority'],
  [/\bRevoked\b/, 'certificate has been revoked'],
];

const TLS_HINT = /invalid peer certificate|\btls\b|\bssl\b|handshake|certificate/i;

interface ErrorLike {
  name?: string;
  code?: string;
  message?: string;
  cause?: unknown;
}

/** The error and its causes, outermost first. */
function chain(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  for (let e: unknown = error; e && typeof e === 'object' && out.length < 8; e = (e as ErrorLike).cause)
    out.push(e as ErrorLike);
  return out;
}

/** The certificate or handshake failure the error stands for (`tls: …`), or null. */
export function tlsFailure(error: unknown): string | null {
  const links = chain(error);
  for (const e of links) if (e.code && TLS_CODES[e.code]) return `tls: ${TLS_CODES[e.code]}`;
  for (const e of links) {
    for (const [pattern, reason] of TLS_MESSAGES) if (e.message && pattern.test(e.message)) return `tls: ${reason}`;
  }
  const hinted = links.find(
    (e) => (e.code && /^(ERR_TLS|ERR_SSL|CERT_)/.test(e.code)) || (e.message && TLS_HINT.test(e.message)),
  );
  return hinted ? `tls: handshake failed: ${hinted.message ?? hinted.code}` : null;
}

/** The error an attempt records when its request got no response. */
export function sendError(error: unknown, timeoutMs: number): string {
  const links = chain(error);
  if (links.some((e) => e.name === 'TimeoutError' || e.name === 'AbortError')) return `timed out after ${timeoutMs} ms`;
  const tls = tlsFailure(error);
  if (tls) return tls;
  const deepest = links.at(-1);
  return `connection failed: ${deepest?.message ?? String(error)}`;
}
