// Who a request came from. A request's socket address is its client, unless that address is
// one of TRUSTED_PROXIES: then, and only then, the client address is read from the forwarded
// headers the proxy set, walked from the right past the trusted hops, and the scheme and host
// the client used from those headers too. These are what the server reports (logs) and counts
// (rate limits); the issuer, PUBLIC_URL and every URL signed or checked never come from them.
//
// Which headers a proxy sets is configuration (FORWARDED_HEADERS), never guessed per request:
// a proxy that sets X-Forwarded-For passes a client's own `Forwarded` header through untouched,
// and the other way round, so reading whichever is present would let a client choose its address.
import { strictAddress, type Address, type ForwardedHeaders, type TrustedProxies } from '../net/trusted-proxies.ts';

export interface ClientInfo {
  /** The client's address: the socket's, or the one a trusted proxy reported. */
  address: string;
  /** The scheme and Host the client used (as the trusted proxy reported them). */
  scheme: 'http' | 'https';
  host: string | null;
  /** The trusted proxy the request came through; null when it came directly. */
  proxy: string | null;
}

/** A hop as a proxy wrote it: an address, perhaps with a port ("1.2.3.4:5", "[::1]:5"); null otherwise. */
function hopAddress(text: string): Address | null {
  const t = text.trim().replace(/^"|"$/g, '');
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(t);
  if (bracketed) return strictAddress(bracketed[1]!);
  const v4WithPort = /^([\d.]+):\d+$/.exec(t);
  return strictAddress(v4WithPort ? v4WithPort[1]! : t);
}

const SANE_HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

interface Hop {
  for: string;
  proto?: string;
  host?: string;
}

/** RFC 7239 elements, nearest hop last: `for=…;proto=…;host=…, for=…`. */
function forwardedElements(header: string): Hop[] {
  const elements: Hop[] = [];
  for (const element of header.match(/(?:[^,"]|"[^"]*")+/g) ?? []) {
    const hop: Hop = { for: '' };
    for (const pair of element.match(/(?:[^;"]|"[^"]*")+/g) ?? []) {
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim().toLowerCase();
      const value = pair
        .slice(eq + 1)
        .trim()
        .replace(/^"|"$/g, '');
      if (name === 'for' || name === 'proto' || name === 'host') hop[name] = value;
    }
    elements.push(hop);
  }
  return elements;
}

function xForwardedHops(headers: Headers): Hop[] {
  const list = (name: string) =>
    (headers.get(name) ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  // One scheme and host for the chain: the last values, those the nearest proxy wrote.
  const proto = list('x-forwarded-proto').at(-1);
  const host = list('x-forwarded-host').at(-1);
  return list('x-forwarded-for').map((f) => ({ for: f, proto, host }));
}

/** Peers seen lately, parsed: the same few addresses (proxies, load balancers) send most requests. */
const peers = new Map<string, { address: Address | null; text: string }>();
const MAX_PEERS = 4096;

function peerAddressOf(peer: string): { address: Address | null; text: string } {
  let known = peers.get(peer);
  if (known === undefined) {
    const address = strictAddress(peer);
    known = { address, text: address?.toString() ?? peer };
    if (peers.size >= MAX_PEERS) peers.delete(peers.keys().next().value as string);
    peers.set(peer, known);
  }
  return known;
}

/** The client of a request that arrived on a socket from `peer` (the socket's address). */
export function clientOf(
  peer: string,
  headers: Headers,
  scheme: 'http' | 'https',
  proxies: TrustedProxies,
  which: ForwardedHeaders,
): ClientInfo {
  const { address: peerAddress, text: peerText } = peerAddressOf(peer);
  const direct: ClientInfo = {
    address: peerText,
    scheme,
    host: headers.get('host'),
    proxy: null,
  };
  if (!peerAddress || !proxies.has(peerAddress)) return direct;
  const hops = which === 'forwarded' ? forwardedElements(headers.get('forwarded') ?? '') : xForwardedHops(headers);
  if (hops.length === 0) return direct;
  // From the right: past every trusted hop, to the first that is not trusted. A hop that is not
  // an address ("unknown", an obfuscated name, garbage) ends the walk at the trusted hop that
  // reported it: nothing to its left can be believed.
  let client = peerAddress;
  let reported: Hop = hops[hops.length - 1]!;
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = hopAddress(hops[i]!.for);
    if (!address) break;
    client = address;
    reported = hops[i]!;
    if (!proxies.has(address)) break;
  }
  const proto = reported.proto?.toLowerCase();
  return {
    address: client.toString(),
    scheme: proto === 'https' || proto === 'http' ? proto : scheme,
    host: reported.host && SANE_HOST.test(reported.host) ? reported.host : direct.host,
    proxy: peerAddress.toString(),
  };
}
