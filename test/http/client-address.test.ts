// The client address rules, hop by hop (the proxies test drives them over real sockets).
import { describe, expect, test } from 'bun:test';
import { clientOf } from '../../src/http/client-address.ts';
import { TrustedProxies } from '../../src/net/trusted-proxies.ts';
import { loadConfig } from '../../src/config.ts';
import { ConfigError } from '../../src/config-error.ts';

const proxies = TrustedProxies.parse('10.0.0.0/8 192.168.1.1, fd00::/8');
const xff = (value: string, extra: Record<string, string> = {}) =>
  new Headers({ host: 'argus.internal', 'x-forwarded-for': value, ...extra });

describe('TRUSTED_PROXIES', () => {
  test.each(['10.0.0.0/33', '10.0.0', 'proxy.example', '::1/129', '10.0.0.1/8/1', '0x7f.1', '1.2.3.4/'])(
    '"%s" stops startup, naming the entry',
    (entry) => {
      expect(() => loadConfig({ TRUSTED_PROXIES: `127.0.0.1, ${entry}` })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUSTED_PROXIES: `127.0.0.1, ${entry}` })).toThrow(
        `TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range`,
      );
    },
  );

  test('FORWARDED_HEADERS is x-forwarded (the default) or forwarded', () => {
    expect(loadConfig({}).forwardedHeaders).toBe('x-forwarded');
    expect(loadConfig({ FORWARDED_HEADERS: 'forwarded' }).forwardedHeaders).toBe('forwarded');
    expect(() => loadConfig({ FORWARDED_HEADERS: 'both' })).toThrow(
      'FORWARDED_HEADERS: expected x-forwarded or forwarded, got "both"',
    );
  });
});

describe('the client of a request', () => {
  test('from a socket that is not a trusted proxy: the socket, whatever the headers say', () => {
    expect(
      clientOf('203.0.113.9', xff('1.1.1.1', { 'x-forwarded-proto': 'https' }), 'http', proxies, 'x-forwarded'),
    ).toEqual({ address: '203.0.113.9', scheme: 'http', host: 'argus.internal', proxy: null });
    expect(clientOf('10.0.0.1', xff('1.1.1.1'), 'http', TrustedProxies.none, 'x-forwarded').address).toBe('10.0.0.1');
  });

  test('an IPv4-mapped socket address is the IPv4 address, trusted as such', () => {
    expect(clientOf('::ffff:10.1.1.1', xff('203.0.113.1'), 'http', proxies, 'x-forwarded')).toMatchObject({
      address: '203.0.113.1',
      proxy: '10.1.1.1',
    });
    expect(clientOf('::ffff:203.0.113.4', xff('1.1.1.1'), 'http', proxies, 'x-forwarded').address).toBe('203.0.113.4');
  });

  test('walked from the right: the first hop that is not trusted is the client', () => {
    expect(
      clientOf('10.0.0.1', xff('198.51.100.1, 203.0.113.1, 192.168.1.1, fd00::1'), 'http', proxies, 'x-forwarded')
        .address,
    ).toBe('203.0.113.1');
    // Every hop trusted: the leftmost is the client.
    expect(clientOf('10.0.0.1', xff('10.2.2.2, 10.3.3.3'), 'http', proxies, 'x-forwarded').address).toBe('10.2.2.2');
    // Ports and brackets as some proxies write them.
    expect(clientOf('10.0.0.1', xff('[2001:db8::1]:443'), 'http', proxies, 'x-forwarded').address).toBe('2001:db8::1');
    expect(clientOf('10.0.0.1', xff('203.0.113.5:5123'), 'http', proxies, 'x-forwarded').address).toBe('203.0.113.5');
  });

  test('a hop that is not an address ends the walk at the trusted hop that reported it', () => {
    expect(clientOf('10.0.0.1', xff('203.0.113.1, unknown'), 'http', proxies, 'x-forwarded')).toMatchObject({
      address: '10.0.0.1',
      proxy: '10.0.0.1',
    });
    expect(clientOf('10.0.0.1', xff('203.0.113.1, garbage, 10.5.5.5'), 'http', proxies, 'x-forwarded').address).toBe(
      '10.5.5.5',
    );
    expect(clientOf('10.0.0.1', xff('0x7f.1'), 'http', proxies, 'x-forwarded').address).toBe('10.0.0.1');
  });

  test("scheme and host: only http or https, only a sane host; otherwise the socket's", () => {
    expect(
      clientOf(
        '10.0.0.1',
        xff('203.0.113.1', { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.example.com:8443' }),
        'http',
        proxies,
        'x-forwarded',
      ),
    ).toMatchObject({ scheme: 'https', host: 'api.example.com:8443' });
    expect(
      clientOf(
        '10.0.0.1',
        xff('203.0.113.1', { 'x-forwarded-proto': 'javascript', 'x-forwarded-host': 'a b<script>' }),
        'http',
        proxies,
        'x-forwarded',
      ),
    ).toMatchObject({ scheme: 'http', host: 'argus.internal' });
  });

  test('RFC 7239: quoted IPv6 with a port, obfuscated identifiers, and only when configured', () => {
    const headers = new Headers({
      host: 'h',
      forwarded:
        'for=198.51.100.9;proto=http, for="[2001:db8:cafe::17]:4711";proto=https;host="api.example.com", for=10.0.0.2',
    });
    expect(clientOf('10.0.0.1', headers, 'http', proxies, 'forwarded')).toEqual({
      address: '2001:db8:cafe::17',
      scheme: 'https',
      host: 'api.example.com',
      proxy: '10.0.0.1',
    });
    expect(
      clientOf('10.0.0.1', new Headers({ forwarded: 'for=_hidden, for=10.0.0.2' }), 'http', proxies, 'forwarded')
        .address,
    ).toBe('10.0.0.2');
    expect(clientOf('10.0.0.1', headers, 'http', proxies, 'x-forwarded').address).toBe('10.0.0.1');
  });
});
