// Outbound targets: private, loopback, link-local and metadata addresses are refused (at
// creation and again at send time, after DNS resolution) unless ALLOW_PRIVATE_TARGETS.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

function ipv4Private(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
}

export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) return ipv4Private(ip);
  const lower = ip.toLowerCase();
  if (lower.startsWith('::ffff:')) return ipv4Private(lower.slice(7));
  return lower === '::1' || lower === '::' || lower.startsWith('fe8') || lower.startsWith('fe9') || lower.startsWith('fea') || lower.startsWith('feb') || lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('ff');
}

/** Why the URL may not be a webhook target, judged on its text alone; null when fine. */
export function urlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use https (or http)';
  if (url.username || url.password) return 'must not contain credentials';
  if (url.hash) return 'must not contain a fragment';
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === 'metadata.google.internal') return 'points at a local or metadata host';
  if (isIP(host) && isPrivateAddress(host)) return 'points at a private, loopback or link-local address';
  return null;
}

/** Resolves the host and refuses private answers (DNS rebinding is checked at send time). */
export async function resolvedProblem(raw: string, allowPrivate: boolean): Promise<string | null> {
  const text = urlProblem(raw, allowPrivate);
  if (text || allowPrivate) return text;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return null;
  try {
    const addresses = await lookup(host, { all: true });
    return addresses.some((a) => isPrivateAddress(a.address)) ? 'resolves to a private, loopback or link-local address' : null;
  } catch {
    return 'does not resolve';
  }
}
