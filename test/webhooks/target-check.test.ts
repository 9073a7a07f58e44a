// Outbound targets: how every spelling of an address is judged, with private targets refused
// (production) and allowed (ALLOW_PRIVATE_TARGETS=true, development), and what a resolved name
// is checked and pinned to.
import { describe, expect, test } from 'bun:test';
import {
  checkTarget,
  classifyAddress,
  resolvedProblem,
  urlProblem,
  type Resolver,
} from '../../src/outbound/target-check.ts';

const PRIVATE = 'points at a private or loopback address';
const LOCAL = 'points at a local host';
const METADATA = 'points at a cloud metadata address';
const METADATA_HOST = 'points at a cloud metadata host';
const SPECIAL = 'points at a link-local, reserved or special-purpose address';

// [URL, its problem with private targets refused, its problem with them allowed]
const TABLE: Array<[string, string | null, string | null]> = [
  // loopback, in every spelling the URL parser or an IPv6 form allows
  ['http://127.0.0.1/h', PRIVATE, null],
  ['http://127.1/h', PRIVATE, null],
  ['http://2130706433/h', PRIVATE, null],
  ['http://0x7f.0.0.1/h', PRIVATE, null],
  ['http://0177.0.0.1/h', PRIVATE, null],
  ['http://127.0.0.1./h', PRIVATE, null],
  ['http://127.255.255.254:8080/h', PRIVATE, null],
  ['http://[::1]/h', PRIVATE, null],
  ['http://[0:0:0:0:0:0:0:1]/h', PRIVATE, null],
  ['http://[::ffff:127.0.0.1]:9/x', PRIVATE, null], // the bypass
  ['http://[::ffff:7f00:1]/h', PRIVATE, null],
  ['http://[0:0:0:0:0:ffff:7f00:1]/h', PRIVATE, null],
  ['http://[::127.0.0.1]/h', PRIVATE, null], // IPv4-compatible
  ['http://[::ffff:0:127.0.0.1]/h', PRIVATE, null], // IPv4-translated (RFC 6145)
  ['http://[64:ff9b::127.0.0.1]/h', PRIVATE, null], // NAT64
  ['http://[64:ff9b::7f00:1]/h', PRIVATE, null],
  ['http://[2002:7f00:1::]/h', PRIVATE, null], // 6to4
  ['http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/h', PRIVATE, null], // Teredo, client 127.0.0.1
  ['http://localhost/h', LOCAL, null],
  ['http://api.localhost:3000/h', LOCAL, null],
  // private and shared ranges
  ['http://10.0.0.8/h', PRIVATE, null],
  ['http://172.16.0.1/h', PRIVATE, null],
  ['http://172.31.255.255/h', PRIVATE, null],
  ['http://192.168.1.1/h', PRIVATE, null],
  ['http://0xc0.0xa8.1.1/h', PRIVATE, null],
  ['http://[::ffff:10.0.0.1]/h', PRIVATE, null],
  ['http://[::ffff:a00:1]/h', PRIVATE, null],
  ['http://[2002:c0a8:101::1]/h', PRIVATE, null], // 6to4 of 192.168.1.1
  ['http://[64:ff9b::10.1.2.3]/h', PRIVATE, null],
  ['http://100.64.0.1/h', PRIVATE, null],
  ['http://[fc00::1]/h', PRIVATE, null],
  ['http://[fd12:3456:789a::1]/h', PRIVATE, null],
  // cloud metadata: refused even in development
  ['http://169.254.169.254/latest/meta-data/', METADATA, METADATA],
  ['http://2852039166/latest', METADATA, METADATA],
  ['http://0xa9.0xfe.0xa9.0xfe/latest', METADATA, METADATA],
  ['http://[::ffff:169.254.169.254]/latest', METADATA, METADATA],
  ['http://[::ffff:a9fe:a9fe]/latest', METADATA, METADATA],
  ['http://[64:ff9b::a9fe:a9fe]/latest', METADATA, METADATA],
  ['http://[2002:a9fe:a9fe::1]/latest', METADATA, METADATA],
  ['http://[fd00:ec2::254]/latest', METADATA, METADATA],
  ['http://169.254.170.2/v2/credentials', METADATA, METADATA],
  ['http://100.100.100.200/latest', METADATA, METADATA],
  ['http://168.63.129.16/machine', METADATA, METADATA],
  ['http://metadata.google.internal/computeMetadata/v1/', METADATA_HOST, METADATA_HOST],
  ['http://METADATA.google.internal./computeMetadata/v1/', METADATA_HOST, METADATA_HOST],
  ['http://metadata/computeMetadata/v1/', METADATA_HOST, METADATA_HOST],
  // link-local, unspecified, multicast, reserved: never receivers
  ['http://169.254.1.1/h', SPECIAL, SPECIAL],
  ['http://[fe80::1]/h', SPECIAL, SPECIAL],
  ['http://0.0.0.0/h', SPECIAL, SPECIAL],
  ['http://0/h', SPECIAL, SPECIAL],
  ['http://[::]/h', SPECIAL, SPECIAL],
  ['http://[::ffff:0.0.0.0]/h', SPECIAL, SPECIAL],
  ['http://224.0.0.1/h', SPECIAL, SPECIAL],
  ['http://[ff02::1]/h', SPECIAL, SPECIAL],
  ['http://255.255.255.255/h', SPECIAL, SPECIAL],
  ['http://192.0.2.1/h', SPECIAL, SPECIAL],
  ['http://198.18.0.1/h', SPECIAL, SPECIAL],
  ['http://240.0.0.1/h', SPECIAL, SPECIAL],
  ['http://[2001:db8::1]/h', SPECIAL, SPECIAL],
  ['http://[64:ff9b:1::a00:1]/h', SPECIAL, SPECIAL], // local-use NAT64: the embedding is the network's own
  ['http://[fec0::1]/h', SPECIAL, SPECIAL],
  ['http://[100::1]/h', SPECIAL, SPECIAL],
  ['http://[::2:3:4:5:6]/h', SPECIAL, SPECIAL], // outside 2000::/3
  // public: allowed
  ['https://8.8.8.8/h', null, null],
  ['http://93.184.215.14:8443/h', null, null],
  ['http://172.32.0.1/h', null, null],
  ['http://100.128.0.1/h', null, null],
  ['http://[2606:4700:4700::1111]/h', null, null],
  ['http://[::ffff:8.8.8.8]/h', null, null],
  ['http://[64:ff9b::808:808]/h', null, null],
  ['http://[2002:808:808::1]/h', null, null],
  ['https://integrator.example/webhooks/argus', null, null], // a name: judged once resolved
];

describe('target check', () => {
  test(`a table of ${TABLE.length} address spellings, with private targets refused and allowed`, () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
    const wrong = TABLE.flatMap(([url, strict, dev]) => {
      const got = [urlProblem(url, false), urlProblem(url, true)];
      return got[0] === strict && got[1] === dev ? [] : [{ url, expected: [strict, dev], got }];
    });
    expect(wrong).toEqual([]);
  });

  test('the URL itself: scheme, credentials and fragment', () => {
    expect(urlProblem('ftp://8.8.8.8/x', true)).toBe('must use https (or http)');
    expect(urlProblem('http://user:pw@8.8.8.8/x', true)).toBe('must not contain credentials');
    expect(urlProblem('http://8.8.8.8/x#f', true)).toBe('must not contain a fragment');
    expect(urlProblem('/relative', true)).toBe('is not an absolute URL');
  });

  test('addresses as resolvers answer them, IPv6 without brackets', () => {
    expect(classifyAddress('::ffff:127.0.0.1')).toBe('private');
    expect(classifyAddress('fd00:ec2::254')).toBe('metadata');
    expect(classifyAddress('fe80::1')).toBe('special');
    expect(classifyAddress('2606:4700:4700::1111')).toBe('public');
    expect(classifyAddress('not-an-address')).toBeNull();
  });
});

describe('resolved targets', () => {
  const answering = (map: Record<string, string[]>) => {
    const asked: string[] = [];
    const resolve: Resolver = async (host) => {
      asked.push(host);
      const a = map[host];
      if (!a) throw new Error(`ENOTFOUND ${host}`);
      return a;
    };
    return { resolve, asked };
  };

  test('a name is resolved once and the checked address is the one to connect to', async () => {
    const { resolve, asked } = answering({ 'hooks.example': ['93.184.215.7', '2606:4700:4700::1111'] });
    expect(await checkTarget('https://hooks.example/in', false, resolve)).toEqual({
      ok: true,
      target: { url: 'https://hooks.example/in', address: '93.184.215.7' },
    });
    expect(asked).toEqual(['hooks.example']);
  });

  test('an address literal is not resolved and needs no pinning', async () => {
    const { resolve, asked } = answering({});
    expect(await checkTarget('http://8.8.8.8/in', false, resolve)).toEqual({
      ok: true,
      target: { url: 'http://8.8.8.8/in', address: null },
    });
    expect(await checkTarget('http://[::ffff:127.0.0.1]/in', false, resolve)).toEqual({ ok: false, problem: PRIVATE });
    expect(asked).toEqual([]);
  });

  test('any refused answer refuses the name, without naming the address', async () => {
    const { resolve } = answering({
      'inside.example': ['10.1.2.3'],
      'mixed.example': ['93.184.215.14', '127.0.0.1'],
      'mapped.example': ['::ffff:7f00:1'],
      'meta.example': ['169.254.169.254'],
      'ula-meta.example': ['fd00:ec2::254'],
    });
    const strict = async (url: string) => checkTarget(url, false, resolve);
    expect(await strict('http://inside.example/x')).toEqual({
      ok: false,
      problem: 'resolves to a private or loopback address',
    });
    expect(await strict('http://mixed.example/x')).toEqual({
      ok: false,
      problem: 'resolves to a private or loopback address',
    });
    expect(await strict('http://mapped.example/x')).toEqual({
      ok: false,
      problem: 'resolves to a private or loopback address',
    });
    // development allows private receivers, never metadata
    expect(await checkTarget('http://mixed.example/x', true, resolve)).toEqual({
      ok: true,
      target: { url: 'http://mixed.example/x', address: '93.184.215.14' },
    });
    expect(await checkTarget('http://meta.example/x', true, resolve)).toEqual({
      ok: false,
      problem: 'resolves to a cloud metadata address',
    });
    expect(await checkTarget('http://ula-meta.example/x', true, resolve)).toEqual({
      ok: false,
      problem: 'resolves to a cloud metadata address',
    });
  });

  test('a name that does not resolve is refused at send time; at creation only with private targets refused', async () => {
    const { resolve } = answering({});
    expect(await checkTarget('https://nowhere.example/x', true, resolve)).toEqual({
      ok: false,
      problem: 'does not resolve',
    });
    expect(await resolvedProblem('https://nowhere.example/x', false, resolve)).toBe('does not resolve');
    expect(await resolvedProblem('https://nowhere.example/x', true, resolve)).toBeNull();
  });
});
