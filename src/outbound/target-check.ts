// Outbound targets. Every address a webhook could reach is parsed and classified with
// ipaddr.js, after unwrapping the IPv6 forms that carry an IPv4 address (mapped, compatible,
// translated, NAT64, 6to4, Teredo):
//
//   public    global unicast: always allowed
//   private   loopback, RFC 1918, unique local (fc00::/7), shared 100.64/10: allowed only with
//             ALLOW_PRIVATE_TARGETS=true (receivers in development and tests)
//   metadata  cloud instance-metadata services: always refused
//   special   link-local (where metadata services live), unspecified, multicast, broadcast,
//             documentation, benchmarking and every other special-purpose range, and IPv6
//             outside 2000::/3: always refused
//
// A name is resolved once, every answer must be allowed, and the request then connects to
// the answer that was checked (the caller pins it; see outboundFetch in src/outbound/fetch.ts),
// so no second lookup can answer differently between the check and the connection. The check
// runs at creation and update, and again before every send.
import { realTime } from '../actors/clock.ts';
import ipaddr from 'ipaddr.js';
import { resolveHost } from '../platform.ts';

export type AddressClass = 'public' | 'private' | 'metadata' | 'special';

const SEVERITY: Record<AddressClass, number> = { public: 0, private: 1, special: 2, metadata: 3 };

// Instance-metadata endpoints (AWS IMDS and ECS/EKS credentials, GCP, Azure, OCI, DigitalOcean,
// Alibaba, Azure's WireServer). Most are link-local and refused as such anyway; these are named
// so that the reason says so and so that those in allowed ranges (fd00:ec2::/32 is unique local,
// 100.100.100.200 shared, 168.63.129.16 public) stay refused too.
const METADATA_ADDRESSES = new Set(
  [
    '169.254.169.254',
    '169.254.170.2',
    '169.254.170.23',
    '169.254.169.253',
    '100.100.100.200',
    '168.63.129.16',
    '192.0.0.192',
    'fd00:ec2::254',
    'fd00:ec2::253',
    'fd00:ec2::23',
    'fd20:ce::254',
  ].map((a) => ipaddr.parse(a).toNormalizedString()),
);
const METADATA_NAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
]);

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
const NAT64_LOCAL_USE = ipaddr.IPv6.parseCIDR('64:ff9b:1::/48');

function v4From(hi: number, lo: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

/** The IPv4 addresses an IPv6 address stands for or tunnels to; empty when it is plain IPv6. */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4[] {
  const p = ip.parts;
  const range: string = ip.range();
  // ::a.b.c.d (IPv4-compatible, deprecated), ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (translated)
  if (
    p[0] === 0 &&
    p[1] === 0 &&
    p[2] === 0 &&
    p[3] === 0 &&
    ((p[4] === 0 && (p[5] === 0 || p[5] === 0xffff)) || (p[4] === 0xffff && p[5] === 0))
  ) {
    if (range === 'unspecified' || range === 'loopback') return [];
    return [v4From(p[6]!, p[7]!)];
  }
  if (range === 'rfc6052' && !ip.match(NAT64_LOCAL_USE)) return [v4From(p[6]!, p[7]!)]; // NAT64 64:ff9b::/96
  if (range === '6to4') return [v4From(p[1]!, p[2]!)];
  // Teredo: the server's address, and the client's (the packets' destination) bit-inverted.
  if (range === 'teredo') return [v4From(p[2]!, p[3]!), v4From(~p[6]! & 0xffff, ~p[7]! & 0xffff)];
  return [];
}

function classifyV4(ip: ipaddr.IPv4): AddressClass {
  if (METADATA_ADDRESSES.has(ip.toNormalizedString())) return 'metadata';
  const range: string = ip.range();
  if (range === 'unicast') return 'public';
  if (range === 'loopback' || range === 'private' || range === 'carrierGradeNat') return 'private';
  return 'special';
}

function classifyParsed(ip: ipaddr.IPv4 | ipaddr.IPv6): AddressClass {
  if (ip.kind() === 'ipv4') return classifyV4(ip as ipaddr.IPv4);
  const v6 = ip as ipaddr.IPv6;
  if (METADATA_ADDRESSES.has(v6.toNormalizedString())) return 'metadata';
  const inner = embeddedIPv4(v6);
  if (inner.length > 0) return inner.map(classifyV4).reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a));
  const range: string = v6.range();
  if (range === 'loopback' || range === 'uniqueLocal') return 'private';
  // Only global unicast is reachable on the internet; ipaddr.js calls anything it has no
  // name for "unicast", so 2000::/3 is checked as well.
  if (range === 'unicast' && v6.match(GLOBAL_UNICAST_V6)) return 'public';
  return 'special';
}

/** The class of an IP address (IPv6 without brackets); null when the text is not an address. */
export function classifyAddress(text: string): AddressClass | null {
  const ip = parsedAddress(text);
  return ip ? classifyParsed(ip) : null;
}

function parsedAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    return ipaddr.parse(text);
  } catch {
    return null;
  }
}

function allowed(c: AddressClass, allowPrivate: boolean): boolean {
  return c === 'public' || (c === 'private' && allowPrivate);
}

const DESCRIBED: Record<Exclude<AddressClass, 'public'>, string> = {
  private: 'a private or loopback address',
  metadata: 'a cloud metadata address',
  special: 'a link-local, reserved or special-purpose address',
};

/** The host of a parsed URL as an address or a name: brackets and a final dot removed. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

/** Why the URL may not be a webhook target, judged on its text alone; null when fine. */
export function urlProblem(raw: string, allowPrivate: boolean): string | null {
  return textProblem(raw, allowPrivate).problem;
}

/** The URL's problem, and whether its host is an address (so needs no lookup). */
function textProblem(raw: string, allowPrivate: boolean): { problem: string | null; host: string; literal: boolean } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: 'is not an absolute URL', host: '', literal: false };
  }
  const host = hostOf(url);
  const ip = parsedAddress(host);
  return { problem: problemOf(url, host, ip, allowPrivate), host, literal: ip !== null };
}

function problemOf(url: URL, host: string, ip: ipaddr.IPv4 | ipaddr.IPv6 | null, allowPrivate: boolean): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use https (or http)';
  if (url.username || url.password) return 'must not contain credentials';
  if (url.hash) return 'must not contain a fragment';
  // The WHATWG parser has already turned 2130706433, 0x7f.1, 0177.0.0.1 and the like into
  // dotted IPv4, and IPv6 into its compressed form; anything else is a name.
  if (METADATA_NAMES.has(host)) return 'points at a cloud metadata host';
  const c = ip && classifyParsed(ip);
  if (c) return allowed(c, allowPrivate) ? null : `points at ${DESCRIBED[c as Exclude<AddressClass, 'public'>]}`;
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost'))) return 'points at a local host';
  return null;
}

const UNRESOLVED = 'does not resolve';

export type Resolver = (host: string) => Promise<string[]>;

/** How long a name's addresses are reused for sends (Bun's own resolver keeps answers as long). */
export const LOOKUP_REUSE_MS = 30_000;
const LOOKUPS_KEPT = 10_000;

/**
 * A resolver that reuses a name's answer for `reuseMs` (a lookup is about 35 µs of CPU; every
 * send checks its target again). A failed lookup is not kept: the next send asks again. What is
 * reused is still checked and pinned as a fresh answer would be.
 */
export function reusingResolver(resolve: Resolver, reuseMs = LOOKUP_REUSE_MS, now = realTime): Resolver {
  const kept = new Map<string, { addresses: string[]; until: number }>();
  return async (host) => {
    const hit = kept.get(host);
    if (hit && hit.until > now()) return hit.addresses;
    const addresses = await resolve(host);
    if (kept.size >= LOOKUPS_KEPT) kept.clear();
    kept.set(host, { addresses, until: now() + reuseMs });
    return addresses;
  };
}

/**
 * A target that passed the check: the URL as the tenant wrote it and, for a name, the one
 * address that was checked and must be connected to (null when the URL's host is an address).
 */
export interface CheckedTarget {
  url: string;
  address: string | null;
}

export type TargetCheck = { ok: true; target: CheckedTarget } | { ok: false; problem: string };

/** Checks the URL, resolves a name once, and picks the address to connect to. */
export async function checkTarget(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolver = resolveHost,
): Promise<TargetCheck> {
  const { problem, host, literal } = textProblem(raw, allowPrivate);
  if (problem) return { ok: false, problem };
  if (literal) return { ok: true, target: { url: raw, address: null } };
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return { ok: false, problem: UNRESOLVED };
  }
  if (addresses.length === 0) return { ok: false, problem: UNRESOLVED };
  // Every answer must be allowed: a name that mixes a public and a private address is refused
  // (which one a client would use is not ours to guess). The resolved addresses are not named
  // in the reason: that would let a tenant map this server's internal DNS.
  let worst: AddressClass = 'public';
  for (const a of addresses) {
    const c = classifyAddress(a) ?? 'special';
    if (!allowed(c, allowPrivate) && SEVERITY[c] > SEVERITY[worst]) worst = c;
  }
  if (worst !== 'public')
    return { ok: false, problem: `resolves to ${DESCRIBED[worst as Exclude<AddressClass, 'public'>]}` };
  return { ok: true, target: { url: raw, address: addresses[0]! } };
}

/**
 * Why the URL may not be a webhook target, after resolving it; null when fine. For creation
 * and update: with ALLOW_PRIVATE_TARGETS a name that does not resolve (yet) is accepted, as
 * before; every send checks it again and sends nothing unless it resolves to allowed addresses.
 */
export async function resolvedProblem(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolver = resolveHost,
): Promise<string | null> {
  const checked = await checkTarget(raw, allowPrivate, resolve);
  if (checked.ok || (allowPrivate && checked.problem === UNRESOLVED)) return null;
  return checked.problem;
}
