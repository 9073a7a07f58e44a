// DPoP (RFC 9449) with oauth4webapi as the client: bound tokens at the token endpoint, proofs
// on protected routes, refresh binding for public clients, nonces, replay across processes,
// the governance flag, and the refusals a forged or careless proof gets.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import * as oauth from 'oauth4webapi';
import { calculateJwkThumbprint, decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { completeAuthorize } from './support.ts';
import { DpopService } from '../../src/oauth/dpop/service.ts';
import { DpopNonces } from '../../src/oauth/dpop/nonce.ts';
import { jwkThumbprint } from '../../src/oauth/dpop/proof.ts';
import { sha256Base64Url } from '../../src/crypto/hash.ts';

type Json = Record<string, unknown>;
const opts = { [oauth.allowInsecureRequests]: true };
const REDIRECT = 'http://127.0.0.1:8765/callback';
const user = { email: '', password: 'correct horse battery staple' };

let service: TestService;
let strict: TestService;
let acme: Awaited<ReturnType<typeof newTenant>>;
let as: oauth.AuthorizationServer;

async function discover(s: TestService) {
  const issuer = new URL(s.url);
  return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...opts }));
}

beforeAll(async () => {
  service = await startTestService({ workers: false });
  acme = await newTenant(service);
  user.email = (
    await service.db.query<{ email: string }>('select email from users where id = $1', [acme.adminUserId])
  )[0]!.email;
  as = await discover(service);
  strict = await startTestService({ workers: false, env: { DPOP_REQUIRE_NONCE: 'true' } });
}, 30_000);
afterAll(async () => {
  await service.stop();
  await strict.stop();
});

async function register(s: TestService, token: string, body: Json) {
  const res = await fetch(`${s.url}/v1/platform/apps`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { client_id: string; client_secret?: string };
}
const machineApp = (s = service, token = acme.adminToken) =>
  register(s, token, { name: 'DPoP sync', grant_types: ['client_credentials'], requested_scopes: ['webhooks:read'] });

async function boundToken(
  _service: TestService,
  as: oauth.AuthorizationServer,
  app: { client_id: string; client_secret?: string },
  keys: CryptoKeyPair,
) {
  const client: oauth.Client = { client_id: app.client_id };
  const DPoP = oauth.DPoP(client, keys);
  const ask = () =>
    oauth.clientCredentialsGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic(app.client_secret!),
      { scope: 'webhooks:read' },
      { DPoP, ...opts },
    );
  let response = await ask();
  try {
    return { tokens: await oauth.processClientCredentialsResponse(as, client, response), DPoP, client };
  } catch (error) {
    if (!oauth.isDPoPNonceError(error)) throw error;
    response = await ask(); // the handle kept the nonce the error carried
    return { tokens: await oauth.processClientCredentialsResponse(as, client, response), DPoP, client, retried: true };
  }
}

/** A proof of `keys` for a request, made by hand to get each claim wrong on purpose. */
async function proof(keys: CryptoKeyPair, claims: Json, header: Json = {}) {
  const jwk = await exportJWK(keys.publicKey);
  return new SignJWT({ jti: crypto.randomUUID(), iat: Math.floor(Date.now() / 1000), ...claims })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk, ...header })
    .sign(keys.privateKey);
}

const webhooksUrl = (s: TestService) => `${s.url}/v1/webhooks`;

async function callWebhooks(
  s: TestService,
  authorization: string,
  dpop?: string | string[],
  extra: Record<string, string> = {},
) {
  const headers = new Headers({ authorization, ...extra });
  for (const p of [dpop ?? []].flat()) headers.append('dpop', p);
  const res = await fetch(webhooksUrl(s), { headers });
  return {
    status: res.status,
    www: res.headers.get('www-authenticate') ?? '',
    nonce: res.headers.get('dpop-nonce'),
    body: (await res.json()) as Json,
  };
}

describe('DPoP-bound client credentials', () => {
  test('token_type DPoP, cnf.jkt of the key; the resource call with a proof; the same token as Bearer is refused', async () => {
    const app = await machineApp();
    const keys = await oauth.generateKeyPair('ES256');
    const { tokens, DPoP } = await boundToken(service, as, app, keys);
    expect(tokens.token_type).toBe('dpop');
    const claims = decodeJwt(tokens.access_token);
    expect(claims.cnf).toEqual({ jkt: await calculateJwkThumbprint(await exportJWK(keys.publicKey), 'sha256') });
    const res = await oauth.protectedResourceRequest(
      tokens.access_token,
      'GET',
      new URL(webhooksUrl(service)),
      new Headers(),
      null,
      { DPoP, ...opts },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ webhooks: [] });
    const asBearer = await callWebhooks(service, `Bearer ${tokens.access_token}`);
    expect(asBearer.status).toBe(401);
    expect(asBearer.www).toStartWith('DPoP error="invalid_token"');
    expect(asBearer.body.error_description).toContain('DPoP-bound');
    // Introspection tells a resource server the binding too (RFC 9449 §6.2).
    const introspected = await fetch(`${service.url}/v1/oauth/introspect`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`${app.client_id}:${app.client_secret}`)}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: tokens.access_token }),
    });
    expect(await introspected.json()).toMatchObject({ active: true, token_type: 'DPoP', cnf: claims.cnf });
    const unbound = await machineApp();
    const plain = await oauth.processClientCredentialsResponse(
      as,
      { client_id: unbound.client_id },
      await oauth.clientCredentialsGrantRequest(
        as,
        { client_id: unbound.client_id },
        oauth.ClientSecretBasic(unbound.client_secret!),
        { scope: 'webhooks:read' },
        opts,
      ),
    );
    expect(plain.token_type).toBe('bearer');
    const asDpop = await callWebhooks(
      service,
      `DPoP ${plain.access_token}`,
      await proof(keys, { htm: 'GET', htu: webhooksUrl(service), ath: await sha256Base64Url(plain.access_token) }),
    );
    expect(asDpop.status).toBe(401);
    expect(asDpop.body.error_description).toContain('not DPoP-bound');
  });

  test('each rule of the proof on a protected route: replay, key, htu (PUBLIC_URL, not forwarded headers), htm, ath, iat, typ, alg, two headers', async () => {
    const app = await machineApp();
    const keys = await oauth.generateKeyPair('ES256');
    const other = await oauth.generateKeyPair('ES256');
    const { tokens } = await boundToken(service, as, app, keys);
    const auth = `DPoP ${tokens.access_token}`;
    const ath = await sha256Base64Url(tokens.access_token);
    const good = { htm: 'GET', htu: webhooksUrl(service), ath };
    const once = await proof(keys, good);
    expect((await callWebhooks(service, auth, once)).status).toBe(200);
    const replayed = await callWebhooks(service, auth, once);
    expect(replayed).toMatchObject({ status: 401, body: { error: 'invalid_dpop_proof' } });
    expect(replayed.body.error_description).toContain('already used');
    expect(replayed.www).toStartWith('DPoP error="invalid_dpop_proof"');
    expect(replayed.www).toContain('algs="ES256 ES384 PS256 RS256 Ed25519 EdDSA"');
    const hmac = new SignJWT({ ...good, jti: crypto.randomUUID(), iat: Math.floor(Date.now() / 1000) })
      .setProtectedHeader({ alg: 'HS256', typ: 'dpop+jwt', jwk: await exportJWK(keys.publicKey) })
      .sign(new Uint8Array(32));
    const bad: Array<[string, string | string[], Record<string, string>?]> = [
      ['another key', await proof(other, good)],
      [
        'a forwarded host',
        await proof(keys, { ...good, htu: 'https://api.evil.example/v1/webhooks' }),
        {
          'x-forwarded-host': 'api.evil.example',
          'x-forwarded-proto': 'https',
          forwarded: 'host=api.evil.example;proto=https',
        },
      ],
      ['another path', await proof(keys, { ...good, htu: `${service.url}/v1/other` })],
      ['another method', await proof(keys, { ...good, htm: 'POST' })],
      ['no ath', await proof(keys, { htm: 'GET', htu: webhooksUrl(service) })],
      ['a wrong ath', await proof(keys, { ...good, ath: await sha256Base64Url('another token') })],
      ['an old iat', await proof(keys, { ...good, iat: Math.floor(Date.now() / 1000) - 120 })],
      ['a future iat', await proof(keys, { ...good, iat: Math.floor(Date.now() / 1000) + 120 })],
      ['no jti', await proof(keys, { ...good, jti: undefined })],
      ['a plain JWT type', await proof(keys, good, { typ: 'JWT' })],
      ['an HMAC', await hmac],
      ['garbage', 'not.a.jwt'],
      ['two proofs', [await proof(keys, good), await proof(keys, good)]],
      ['no proof', []],
    ];
    for (const [what, p, headers] of bad) {
      const r = await callWebhooks(service, auth, p, headers);
      expect({ what, status: r.status, error: r.body.error }).toEqual({
        what,
        status: 401,
        error: 'invalid_dpop_proof',
      });
    }
    // A stale nonce is refused even where nonces are optional.
    const staleNonce = await callWebhooks(
      service,
      auth,
      await proof(keys, { ...good, nonce: 'abc.AAAAAAAAAAAAAAAAAAAAAA' }),
    );
    expect(staleNonce).toMatchObject({ status: 401, body: { error: 'use_dpop_nonce' } });
    expect(staleNonce.nonce).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{22}$/);
  });

  test('a proof seen by one process is refused by another: the jti is remembered in the database', async () => {
    const app = await machineApp();
    const keys = await oauth.generateKeyPair('ES256');
    const { tokens } = await boundToken(service, as, app, keys);
    const p = await proof(keys, {
      htm: 'GET',
      htu: webhooksUrl(service),
      ath: await sha256Base64Url(tokens.access_token),
    });
    expect((await callWebhooks(service, `DPoP ${tokens.access_token}`, p)).status).toBe(200);
    // What another process of this service has: its own DpopService over the same database.
    const elsewhere = new DpopService(service.db, new DpopNonces(await service.box.derive('argus dpop nonce')), {
      publicUrl: service.url,
      requireNonce: false,
    });
    const request = new Request(webhooksUrl(service), {
      headers: { authorization: `DPoP ${tokens.access_token}`, dpop: p },
    });
    const thumbprint = decodeJwt(tokens.access_token).cnf as { jkt: string };
    await expect(elsewhere.forResource(request, tokens.access_token, thumbprint.jkt)).rejects.toMatchObject({
      status: 401,
      code: 'invalid_dpop_proof',
    });
    const row = (
      await service.db.query<{ n: number }>('select count(*)::int as n from oauth_seen_jti where key like $1', [
        `dpop:${thumbprint.jkt}:%`,
      ])
    )[0]!;
    expect(row.n).toBeGreaterThanOrEqual(2); // the token request's proof and the resource call's
  });

  test('bad proofs at the token endpoint are 400 invalid_dpop_proof, never 500', async () => {
    const app = await machineApp();
    const keys = await oauth.generateKeyPair('ES256');
    const tokenUrl = `${service.url}/v1/oauth/token`;
    const post = (dpop: string) =>
      fetch(tokenUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          dpop,
          authorization: `Basic ${btoa(`${app.client_id}:${app.client_secret}`)}`,
        },
        body: 'grant_type=client_credentials&scope=webhooks%3Aread',
      });
    for (const p of [
      'x',
      'a.b.c',
      await proof(keys, { htm: 'GET', htu: tokenUrl }),
      await proof(keys, { htm: 'POST', htu: `${service.url}/v1/oauth/par` }),
      await proof(keys, { htm: 'POST', htu: tokenUrl }, { jwk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' } }),
      await proof(keys, { htm: 'POST', htu: tokenUrl, jti: 'x'.repeat(300) }),
      await proof(keys, { htm: 'POST', htu: tokenUrl }, { jwk: 'not a key' }),
      await proof(keys, { htm: 'POST', htu: tokenUrl }, { jwk: null }),
      await proof(
        keys,
        { htm: 'POST', htu: tokenUrl },
        { jwk: await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey) },
      ),
      await proof(keys, { htm: 'POST', htu: 12, iat: 'yesterday' }),
      await proof(keys, { htm: 'POST', htu: tokenUrl, nonce: 42 }),
      `${btoa(JSON.stringify({ alg: 'none', typ: 'dpop+jwt', jwk: { kty: 'EC' } })).replace(/=/g, '')}.${btoa(JSON.stringify({ htm: 'POST', htu: tokenUrl, jti: 'n', iat: Math.floor(Date.now() / 1000) })).replace(/=/g, '')}.`,
    ]) {
      const res = await post(p);
      expect(res.status).toBe(400);
      expect(((await res.json()) as Json).error).toBe('invalid_dpop_proof');
    }
    const good = await proof(keys, { htm: 'POST', htu: tokenUrl });
    const ok = await post(good);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('dpop-nonce')).toBeTruthy();
    expect(((await ok.json()) as Json).token_type).toBe('DPoP');
    expect((await post(good)).status).toBe(400); // the same proof twice
    // The key is remembered now; its private half in a header is still refused, whatever is kept.
    const extractable = await generateKeyPair('ES256', { extractable: true });
    const known = { publicKey: extractable.publicKey, privateKey: extractable.privateKey };
    expect((await post(await proof(known, { htm: 'POST', htu: tokenUrl }))).status).toBe(200);
    const withPrivate = await proof(known, { htm: 'POST', htu: tokenUrl }, { jwk: await exportJWK(known.privateKey) });
    const refused = await post(withPrivate);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Json).error).toBe('invalid_dpop_proof');
  });
});

describe('authorization code and refresh with DPoP (public client)', () => {
  test('the code, the access token and the refresh token are bound; another key or none cannot refresh, and trying burns nothing', async () => {
    const app = await register(service, acme.adminToken, {
      name: 'DPoP CLI',
      client_type: 'public',
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: [REDIRECT],
      requested_scopes: ['webhooks:read'],
    });
    const client: oauth.Client = { client_id: app.client_id, token_endpoint_auth_method: 'none' };
    const keys = await oauth.generateKeyPair('ES256');
    const DPoP = oauth.DPoP(client, keys);
    const verifier = oauth.generateRandomCodeVerifier();
    // Pushed with a proof: the code is bound to the key (RFC 9449 §10.1).
    const pushed = await oauth.processPushedAuthorizationResponse(
      as,
      client,
      await oauth.pushedAuthorizationRequest(
        as,
        client,
        oauth.None(),
        {
          response_type: 'code',
          redirect_uri: REDIRECT,
          scope: 'webhooks:read',
          code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
        },
        { DPoP, ...opts },
      ),
    );
    const callback = await completeAuthorize(
      service,
      { client_id: app.client_id, request_uri: pushed.request_uri } as never,
      user,
    );
    const params = oauth.validateAuthResponse(as, client, callback, oauth.expectNoState);
    // Redeemed with another key: refused (the code counts a failure, as a wrong verifier does).
    const thief = oauth.DPoP(client, await oauth.generateKeyPair('ES256'));
    const stolen = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, REDIRECT, verifier, {
      DPoP: thief,
      ...opts,
    });
    expect(stolen.status).toBe(400);
    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, REDIRECT, verifier, {
        DPoP,
        ...opts,
      }),
    );
    expect(tokens.token_type).toBe('dpop');
    const res = await oauth.protectedResourceRequest(
      tokens.access_token,
      'GET',
      new URL(webhooksUrl(service)),
      new Headers(),
      null,
      { DPoP, ...opts },
    );
    expect(res.status).toBe(200);

    const withoutProof = await fetch(`${service.url}/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: app.client_id,
        refresh_token: tokens.refresh_token!,
      }),
    });
    expect(withoutProof.status).toBe(400);
    expect(((await withoutProof.json()) as Json).error_description).toContain('DPoP-bound');
    const otherKey = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token!, {
      DPoP: oauth.DPoP(client, await oauth.generateKeyPair('ES256')),
      ...opts,
    });
    expect(otherKey.status).toBe(400);
    expect(((await otherKey.json()) as Json).error_description).toContain('another DPoP key');
    // Neither attempt used the token up: the key holder refreshes, and the new pair is bound too.
    const next = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token!, { DPoP, ...opts }),
    );
    expect(next.token_type).toBe('dpop');
    expect(decodeJwt(next.access_token).cnf).toEqual(decodeJwt(tokens.access_token).cnf);
    const [row] = await service.db.query<{ dpop_jkt: string }>(
      'select dpop_jkt from refresh_tokens where app_id = $1 and used_at is null',
      [app.client_id],
    );
    if (!row) throw new Error('no unused refresh token left');
    expect(row.dpop_jkt).toBe((decodeJwt(next.access_token).cnf as { jkt: string }).jkt);
  });
});

describe('nonces (DPOP_REQUIRE_NONCE=true)', () => {
  test('the first proof gets use_dpop_nonce with a DPoP-Nonce; oauth4webapi retries with it, at the token endpoint and on the resource', async () => {
    const strictAs = await discover(strict);
    const admin = await newTenant(strict);
    const app = await machineApp(strict, admin.adminToken);
    const keys = await oauth.generateKeyPair('ES256');
    const { tokens, DPoP, retried } = await boundToken(strict, strictAs, app, keys);
    expect(retried).toBe(true);
    const res = await oauth.protectedResourceRequest(
      tokens.access_token,
      'GET',
      new URL(webhooksUrl(strict)),
      new Headers(),
      null,
      { DPoP, ...opts },
    );
    expect(res.status).toBe(200);
    // A proof without a nonce on the resource: 401 use_dpop_nonce with the challenge and a nonce.
    const bare = await callWebhooks(
      strict,
      `DPoP ${tokens.access_token}`,
      await proof(keys, { htm: 'GET', htu: webhooksUrl(strict), ath: await sha256Base64Url(tokens.access_token) }),
    );
    expect(bare).toMatchObject({ status: 401, body: { error: 'use_dpop_nonce' } });
    expect(bare.www).toStartWith('DPoP error="use_dpop_nonce"');
    const nonce = bare.nonce!;
    const withNonce = await callWebhooks(
      strict,
      `DPoP ${tokens.access_token}`,
      await proof(keys, {
        htm: 'GET',
        htu: webhooksUrl(strict),
        ath: await sha256Base64Url(tokens.access_token),
        nonce,
      }),
    );
    expect(withNonce.status).toBe(200);
    // Every process sharing MASTER_KEY accepts the others' nonces (the other service here has
    // the suite's key); one made under another key is refused.
    const ath = await sha256Base64Url(tokens.access_token);
    const shared = await callWebhooks(
      strict,
      `DPoP ${tokens.access_token}`,
      await proof(keys, { htm: 'GET', htu: webhooksUrl(strict), ath, nonce: service.dpop.nonce() }),
    );
    expect(shared.status).toBe(200);
    const foreign = new DpopNonces(crypto.getRandomValues(new Uint8Array(32))).current();
    const refused = await callWebhooks(
      strict,
      `DPoP ${tokens.access_token}`,
      await proof(keys, { htm: 'GET', htu: webhooksUrl(strict), ath, nonce: foreign }),
    );
    expect(refused).toMatchObject({ status: 401, body: { error: 'use_dpop_nonce' } });
  });
});

describe('governance require_dpop', () => {
  test('token requests without a proof are refused, and bearer tokens issued before stop at their next use', async () => {
    const app = await machineApp();
    const client: oauth.Client = { client_id: app.client_id };
    const bearer = await oauth.processClientCredentialsResponse(
      as,
      client,
      await oauth.clientCredentialsGrantRequest(
        as,
        client,
        oauth.ClientSecretBasic(app.client_secret!),
        { scope: 'webhooks:read' },
        opts,
      ),
    );
    expect((await callWebhooks(service, `Bearer ${bearer.access_token}`)).status).toBe(200);
    const patched = await fetch(`${service.url}/v1/platform/apps/${app.client_id}/governance`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${acme.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ require_dpop: true }),
    });
    expect(patched.status).toBe(200);
    const stopped = await callWebhooks(service, `Bearer ${bearer.access_token}`);
    expect(stopped.status).toBe(401);
    expect(stopped.body.error_description).toContain('requires DPoP');
    const refused = await oauth.clientCredentialsGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic(app.client_secret!),
      { scope: 'webhooks:read' },
      opts,
    );
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Json).error_description).toContain('requires DPoP');
    const { tokens, DPoP } = await boundToken(service, as, app, await oauth.generateKeyPair('ES256'));
    const ok = await oauth.protectedResourceRequest(
      tokens.access_token,
      'GET',
      new URL(webhooksUrl(service)),
      new Headers(),
      null,
      { DPoP, ...opts },
    );
    expect(ok.status).toBe(200);
  });
});

test('every advertised DPoP algorithm binds a token that works on a protected route', async () => {
  expect(as.dpop_signing_alg_values_supported).toEqual(['ES256', 'ES384', 'PS256', 'RS256', 'Ed25519', 'EdDSA']);
  for (const alg of as.dpop_signing_alg_values_supported!) {
    const app = await machineApp();
    const keys = await generateKeyPair(alg, { extractable: false });
    const { tokens, DPoP } = await boundToken(service, as, app, keys as CryptoKeyPair);
    const res = await oauth.protectedResourceRequest(
      tokens.access_token,
      'GET',
      new URL(webhooksUrl(service)),
      new Headers(),
      null,
      { DPoP, ...opts },
    );
    expect({ alg, status: res.status }).toEqual({ alg, status: 200 });
  }
  // The clients sign Ed25519 keys as "Ed25519"; "EdDSA" (RFC 8037's name) is accepted as well.
  const app = await machineApp();
  const ed = await generateKeyPair('EdDSA', { extractable: true });
  const tokenUrl = `${service.url}/v1/oauth/token`;
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${btoa(`${app.client_id}:${app.client_secret}`)}`,
      dpop: await proof(ed as CryptoKeyPair, { htm: 'POST', htu: tokenUrl }, { alg: 'EdDSA' }),
    },
    body: 'grant_type=client_credentials&scope=webhooks%3Aread',
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as Json).token_type).toBe('DPoP');
});

test('a nonce is good in its minute and the next, then stale', () => {
  let now = Date.parse('2026-06-01T12:00:30Z');
  const nonces = new DpopNonces(new Uint8Array(32).fill(7), () => now);
  const issued = nonces.current();
  expect(nonces.valid(issued)).toBe(true);
  now += 60_000;
  expect(nonces.valid(issued)).toBe(true);
  expect(nonces.current()).not.toBe(issued);
  now += 60_000;
  expect(nonces.valid(issued)).toBe(false);
  expect(nonces.valid(`${issued.split('.')[0]}.${'A'.repeat(22)}`)).toBe(false);
  expect(nonces.valid('')).toBe(false);
});

test('the JWK thumbprint is RFC 7638 (its §3.1 example, and jose on EC and OKP keys)', async () => {
  const rfc = {
    kty: 'RSA',
    n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
    e: 'AQAB',
    alg: 'RS256',
    kid: '2011-04-29',
  };
  expect(await jwkThumbprint(rfc)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  for (const alg of ['ES256', 'EdDSA'] as const) {
    const jwk = await exportJWK((await generateKeyPair(alg, { extractable: true })).publicKey);
    expect(await jwkThumbprint(jwk)).toBe(await calculateJwkThumbprint(jwk, 'sha256'));
  }
});
