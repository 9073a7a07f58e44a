// The proxies a request may come through (TRUSTED_PROXIES: addresses and CIDR ranges) and the
// headers they set (FORWARDED_HEADERS), read from configuration at startup; a value that is
// neither stops it. The HTTP layer walks a request's forwarded headers with them (clientOf in
// src/http/client-address.ts), and only when its socket's address is one of these proxies.
import { DEFAULTS } from '../defaults.ts';
import ipaddr from 'ipaddr.js';
import { ConfigError } from '../config-error.ts';

export type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type ForwardedHeaders = 'x-forwarded' | 'forwarded';

/** An address in its one spelling: IPv4-mapped IPv6 (::ffff:a.b.c.d) as IPv4, IPv6 compressed. */
export function strictAddress(text: string): Address | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!ipaddr.IPv6.isValid(text)) return null;
  const v6 = ipaddr.IPv6.parse(text);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

/** The addresses and CIDR ranges of TRUSTED_PROXIES; an entry that is neither stops startup. */
export class TrustedProxies {
  private constructor(private readonly ranges: Array<[Address, number]>) {}

  static readonly none = new TrustedProxies([]);

  static parse(raw: string | undefined, variable = 'TRUSTED_PROXIES'): TrustedProxies {
    const entries = (raw ?? '').split(/[\s,]+/).filter(Boolean);
    const ranges = entries.map((entry): [Address, number] => {
      const [addressText, bits, extra] = entry.split('/');
      const address = strictAddress(addressText!);
      const max = address?.kind() === 'ipv4' ? 32 : 128;
      if (address && extra === undefined && bits === undefined) return [address, max];
      if (address && extra === undefined && bits !== undefined && /^\d{1,3}$/.test(bits) && Number(bits) <= max)
        return [address, Number(bits)];
      throw new ConfigError(
        variable,
        `"${entry}" is not an IP address or a CIDR range (10.0.0.0/8, 2001:db8::/32, 127.0.0.1)`,
      );
    });
    return new TrustedProxies(ranges);
  }

  has(address: Address): boolean {
    return this.ranges.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
  }
}

/** FORWARDED_HEADERS: which headers the trusted proxies set (x-forwarded unless set), never guessed per request. */
export function parseForwardedHeaders(raw: string | undefined): ForwardedHeaders {
  const value = (raw ?? '').trim().toLowerCase() || DEFAULTS.FORWARDED_HEADERS;
  if (value !== 'x-forwarded' && value !== 'forwarded')
    throw new ConfigError('FORWARDED_HEADERS', `expected x-forwarded or forwarded, got "${raw}"`);
  return value;
}
