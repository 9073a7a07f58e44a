// private_key_jwt client authentication (RFC 7523): registration of jwks / jwks_uri, signed
// assertions from oauth4webapi and openid-client, and every way an assertion is refused.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

type Json = Record<string, unknown>;
const opts = { [oauth.allowInsecureRequests]: true };
let service: TestService;
let acme: Awaited<ReturnType<typeof newTenant>>;
let as: oauth.AuthorizationServer;
let keys: CryptoKeyPair;
let publicJwk: Json;
// A JWKS server on loopback, standing in for an integrator's jwks_uri.
let served: { status: number; body: string } = { status: 200, body: '{"keys":[]}' };
let jwksHits = 0;
const jwksServer = Bun.serve({
  port: 0,
  hostname: '127.0.0.1',
  fetch: () => {
    jwksHits++;
    return new Response(served.body, { status: served.status, headers: { 'content-type': 'application/json' } });
  },
});
const jwksUri = `http://127.0.0.1:${jwksServer.port}/jwks.json`;

beforeAll(async () => {
  service = await startTestService({ workers: false });
  acme = await newTenant(service);
  const issuer = new URL(service.url);
  as = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...opts }),
  );
  keys = await generateKeyPair('ES256', { extractable: true });
  publicJwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
}, 30_000);
afterAll(async () => {
  await service.stop();
  jwksServer.stop(true);
});

async function register(body: Json) {
  const res = await fetch(`${service.url}/v1/platform/apps`, {
    method: 'POST',
    headers: { authorization: `Bearer ${acme.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Signed connector',
      grant_types: ['client_credentials'],
      requested_scopes: ['webhooks:read'],
      ...body,
    }),
  });
  return { status: res.status, body: (await res.json()) as Json };
}
async function keyApp(body: Json = { jwks: { keys: [publicJwk] } }) {
  const r = await register({ token_endpoint_auth_method: 'private_key_jwt', ...body });
  expect(r.status).toBe(201);
  return r.body.client_id as string;
}

function assertion(clientId: string, claims: Json = {}, key: CryptoKey = keys.privateKey, alg = 'ES256') {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: clientId,
    sub: clientId,
    aud: service.url,
    jti: crypto.randomUUID(),
    iat: now,
    exp: now + 60,
    ...claims,
  })
    .setProtectedHeader({ alg, kid: 'k1' })
    .sign(key);
}

async function token(fields: Record<string, string>, headers: Record<string, string> = {}, path = '/v1/oauth/token') {
  const res = await fetch(`${service.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
  return { status: res.status, body: (await res.json()) as Json };
}
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const withAssertion = (a: string, extra: Record<string, string> = {}) => ({
  grant_type: 'client_credentials',
  scope: 'webhooks:read',
  client_assertion_type: JWT_BEARER,
  client_assertion: a,
  ...extra,
});

describe('registration', () => {
  test('a private_key_jwt app gets no secret; its keys are shown; unsupported combinations are 400 naming the field', async () => {
    const ok = await register({ token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [publicJwk] } });
    expect(ok.status).toBe(201);
    expect(ok.body.client_secret).toBeUndefined();
    expect(ok.body).toMatchObject({ token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [publicJwk] } });
    const plain = await register({});
    expect(plain.body).toMatchObject({ token_endpoint_auth_method: 'client_secret_basic' });
    const rotate = await fetch(`${service.url}/v1/platform/apps/${ok.body.client_id}/rotate-secret`, {
      method: 'POST',
      headers: { authorization: `Bearer ${acme.adminToken}` },
    });
    expect(rotate.status).toBe(400);
    const { privateKey: rsaPrivate } = await generateKeyPair('RS256', { extractable: true });
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    const cases: Array<[Json, string]> = [
      [{ token_endpoint_auth_method: 'private_key_jwt' }, 'jwks, jwks_uri'],
      [
        { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [publicJwk] }, jwks_uri: jwksUri },
        'jwks, jwks_uri',
      ],
      [
        { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [await exportJWK(rsaPrivate)] } },
        'jwks: keys.0 holds private key material',
      ],
      [{ token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [{ kty: 'oct', k: 'AAAA' }] } }, 'jwks: keys.0'],
      [
        { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [{ ...publicJwk, alg: 'HS256' }] } },
        'jwks: keys.0',
      ],
      [
        { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [{ ...publicJwk, x: 'AAAA' }] } },
        'jwks: keys.0 is not a valid ES256 public key',
      ],
      [{ token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [small] } }, 'shorter than 2048 bits'],
      [{ token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [] } }, 'jwks'],
      [
        { token_endpoint_auth_method: 'private_key_jwt', jwks_uri: 'http://169.254.169.254/latest/jwks' },
        'jwks_uri: points at a cloud metadata address',
      ],
      [{ token_endpoint_auth_method: 'private_key_jwt', jwks_uri: 'not a url' }, 'jwks_uri'],
      [
        { token_endpoint_auth_method: 'client_secret_basic', jwks: { keys: [publicJwk] } },
        'only used with token_endpoint_auth_method private_key_jwt',
      ],
      [{ token_endpoint_auth_method: 'none' }, 'token_endpoint_auth_method: a confidential client must authenticate'],
      [{ token_endpoint_auth_method: 'client_secret_jwt' }, 'token_endpoint_auth_method'],
      [
        {
          client_type: 'public',
          grant_types: ['authorization_code'],
          redirect_uris: ['http://127.0.0.1/cb'],
          token_endpoint_auth_method: 'private_key_jwt',
          jwks: { keys: [publicJwk] },
        },
        'a public client authenticates with none',
      ],
    ];
    for (const [body, problem] of cases) {
      const r = await register(body);
      expect({ body, status: r.status, error: r.body.error }).toEqual({ body, status: 400, error: 'invalid_request' });
      expect(r.body.error_description as string).toContain(problem);
    }
  });
});

test('without ALLOW_PRIVATE_TARGETS a jwks_uri must be https and must not point inside', async () => {
  const strict = await startTestService({ workers: false, env: { ALLOW_PRIVATE_TARGETS: 'false' } });
  try {
    const admin = await newTenant(strict);
    const attempt = async (jwks_uri: string) => {
      const res = await fetch(`${strict.url}/v1/platform/apps`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Strict',
          grant_types: ['client_credentials'],
          requested_scopes: ['webhooks:read'],
          token_endpoint_auth_method: 'private_key_jwt',
          jwks_uri,
        }),
      });
      return { status: res.status, body: (await res.json()) as Json };
    };
    for (const [uri, problem] of [
      ['http://integrator.example/jwks.json', 'jwks_uri: must use https'],
      ['https://127.0.0.1/jwks.json', 'jwks_uri: points at'],
      ['https://[::ffff:10.0.0.1]/jwks.json', 'jwks_uri: points at'],
      ['https://localhost/jwks.json', 'jwks_uri: points at a local host'],
    ] as const) {
      const r = await attempt(uri);
      expect({ uri, status: r.status }).toEqual({ uri, status: 400 });
      expect(r.body.error_description as string).toContain(problem);
    }
  } finally {
    await strict.stop();
  }
});

describe('assertions', () => {
  test('oauth4webapi authenticates with PrivateKeyJwt at the token, introspection and revocation endpoints', async () => {
    const clientId = await keyApp();
    const c: oauth.Client = { client_id: clientId, token_endpoint_auth_method: 'private_key_jwt' };
    const auth = oauth.PrivateKeyJwt({ key: keys.privateKey, kid: 'k1' });
    const tokens = await oauth.processClientCredentialsResponse(
      as,
      c,
      await oauth.clientCredentialsGrantRequest(as, c, auth, { scope: 'webhooks:read' }, opts),
    );
    expect(tokens.token_type).toBe('bearer');
    const described = await oauth.processIntrospectionResponse(
      as,
      c,
      await oauth.introspectionRequest(as, c, auth, tokens.access_token, opts),
    );
    expect(described).toMatchObject({ active: true, client_id: clientId });
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, c, auth, tokens.access_token, opts));
    const after = await oauth.processIntrospectionResponse(
      as,
      c,
      await oauth.introspectionRequest(as, c, auth, tokens.access_token, opts),
    );
    expect(after.active).toBe(false);
  });

  test('every advertised assertion algorithm authenticates', async () => {
    expect(as.token_endpoint_auth_signing_alg_values_supported).toEqual(['RS256', 'PS256', 'ES256']);
    for (const alg of as.token_endpoint_auth_signing_alg_values_supported!) {
      const pair = await generateKeyPair(alg, { extractable: true });
      const clientId = await keyApp({ jwks: { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg }] } });
      const r = await token(withAssertion(await assertion(clientId, {}, pair.privateKey, alg)));
      expect({ alg, status: r.status }).toEqual({ alg, status: 200 });
    }
  });

  test('replayed, expired, long-lived, foreign-audience, unsigned, foreign-key and mixed assertions are 401 invalid_client', async () => {
    const clientId = await keyApp();
    const once = await assertion(clientId);
    expect((await token(withAssertion(once))).status).toBe(200);
    const replay = await token(withAssertion(once));
    expect(replay).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(replay.body.error_description).toContain('already used');
    // A few seconds of skew are allowed (an iat 3 s ahead).
    const skewed = await assertion(clientId, { iat: Math.floor(Date.now() / 1000) + 3 });
    expect((await token(withAssertion(skewed))).status).toBe(200);
    // The endpoint's own URL is an accepted audience, as RFC 7523 has it.
    expect(
      (await token(withAssertion(await assertion(clientId, { aud: `${service.url}/v1/oauth/token` })))).status,
    ).toBe(200);
    const other = await generateKeyPair('ES256');
    const secretApp = await register({});
    const now = Math.floor(Date.now() / 1000);
    const refused: Array<[string, Record<string, string>, Record<string, string>?]> = [
      ['expired', withAssertion(await assertion(clientId, { exp: now - 60, iat: now - 120 }))],
      ['valid for an hour', withAssertion(await assertion(clientId, { exp: now + 3600 }))],
      ['issued a day ahead', withAssertion(await assertion(clientId, { iat: now + 86_400 }))],
      ['issued a minute ahead', withAssertion(await assertion(clientId, { iat: now + 60 }))],
      ['another audience', withAssertion(await assertion(clientId, { aud: 'https://other.example' }))],
      ['iss is not sub', withAssertion(await assertion(clientId, { iss: 'someone' }))],
      ['no jti', withAssertion(await assertion(clientId, { jti: undefined }))],
      ['another key', withAssertion(await assertion(clientId, {}, other.privateKey))],
      [
        'alg none',
        withAssertion(
          `${btoa('{"alg":"none"}').replace(/=/g, '')}.${btoa(JSON.stringify({ iss: clientId, sub: clientId, aud: service.url, exp: now + 60, jti: 'x' })).replace(/=/g, '')}.`,
        ),
      ],
      [
        'HS256 with the public key as secret',
        withAssertion(
          await new SignJWT({ iss: clientId, sub: clientId, aud: service.url, exp: now + 60, jti: crypto.randomUUID() })
            .setProtectedHeader({ alg: 'HS256' })
            .sign(new TextEncoder().encode(JSON.stringify(publicJwk))),
        ),
      ],
      ['garbage', withAssertion('garbage')],
      ['a wrong assertion type', withAssertion(await assertion(clientId), { client_assertion_type: 'urn:other' })],
      [
        'client_id of another app',
        withAssertion(await assertion(clientId), { client_id: secretApp.body.client_id as string }),
      ],
      ['a secret app presenting an assertion', withAssertion(await assertion(secretApp.body.client_id as string))],
    ];
    for (const [what, fields, headers] of refused) {
      const r = await token(fields, headers);
      expect({ what, status: r.status, error: r.body.error }).toEqual({ what, status: 401, error: 'invalid_client' });
    }
    const mixed = await token({ ...withAssertion(await assertion(clientId)), client_secret: 'x' });
    expect(mixed).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const basic = await token(withAssertion(await assertion(clientId)), {
      authorization: `Basic ${btoa(`${clientId}:x`)}`,
    });
    expect(basic).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    // A private_key_jwt app has no secret: client_id alone (as a public client) is refused.
    expect((await token({ grant_type: 'client_credentials', client_id: clientId })).status).toBe(401);
  });

  test('keys at a jwks_uri are fetched through the outbound checks; a failing jwks_uri is a clear invalid_client', async () => {
    served = { status: 200, body: JSON.stringify({ keys: [publicJwk, { kty: 'oct', k: 'ignored' }] }) };
    const clientId = await keyApp({ jwks_uri: jwksUri });
    const hitsBefore = jwksHits;
    expect((await token(withAssertion(await assertion(clientId)))).status).toBe(200);
    expect((await token(withAssertion(await assertion(clientId)))).status).toBe(200);
    expect(jwksHits - hitsBefore).toBe(1); // kept, not fetched per request
    served = { status: 500, body: 'down' };
    const failing = await keyApp({ jwks_uri: `${jwksUri}?second` });
    const r = await token(withAssertion(await assertion(failing)));
    expect(r).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(r.body.error_description).toContain('jwks_uri answered 500');
    served = { status: 200, body: 'x'.repeat(70_000) };
    const huge = await keyApp({ jwks_uri: `${jwksUri}?third` });
    expect((await token(withAssertion(await assertion(huge)))).body.error_description).toContain('more than');
  });

  test('a failing jwks_uri is remembered briefly: ten token requests, five of them at once, make one outbound fetch', async () => {
    served = { status: 503, body: 'down' };
    const clientId = await keyApp({ jwks_uri: `${jwksUri}?failing-once` });
    const hitsBefore = jwksHits;
    const answers = await Promise.all(
      Array.from({ length: 5 }, async () => token(withAssertion(await assertion(clientId)))),
    );
    for (let i = 0; i < 5; i++) answers.push(await token(withAssertion(await assertion(clientId))));
    for (const r of answers) {
      expect(r).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      expect(r.body.error_description).toContain('jwks_uri answered 503');
    }
    expect(jwksHits - hitsBefore).toBe(1);
  });

  test('PUT …/jwks rotates the keys at once: the old key stops, the new one works; other apps and tenants cannot', async () => {
    const clientId = await keyApp();
    const next = await generateKeyPair('ES256', { extractable: true });
    const nextJwk = { ...(await exportJWK(next.publicKey)), kid: 'k2', alg: 'ES256' };
    const put = (id: string, body: Json, token = acme.adminToken) =>
      fetch(`${service.url}/v1/platform/apps/${id}/jwks`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await token(withAssertion(await assertion(clientId)))).status).toBe(200);
    const replaced = await put(clientId, { jwks: { keys: [nextJwk] } });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toEqual({ client_id: clientId, jwks: { keys: [nextJwk] } });
    expect((await token(withAssertion(await assertion(clientId)))).status).toBe(401);
    const signedByNext = await new SignJWT({
      iss: clientId,
      sub: clientId,
      aud: service.url,
      jti: crypto.randomUUID(),
      exp: Math.floor(Date.now() / 1000) + 60,
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'k2' })
      .sign(next.privateKey);
    expect((await token(withAssertion(signedByNext))).status).toBe(200);
    const audit = await fetch(`${service.url}/v1/platform/audit-events?target_id=${clientId}`, {
      headers: { authorization: `Bearer ${acme.adminToken}` },
    });
    expect(
      ((await audit.json()) as { audit_events: Array<{ action: string }> }).audit_events.map((e) => e.action),
    ).toContain('app.keys_replaced');
    const both = await put(clientId, { jwks: { keys: [nextJwk] }, jwks_uri: jwksUri });
    expect(both.status).toBe(400);
    const secretApp = await register({});
    expect((await put(secretApp.body.client_id as string, { jwks: { keys: [nextJwk] } })).status).toBe(400);
    const globex = await newTenant(service);
    expect((await put(clientId, { jwks: { keys: [nextJwk] } }, globex.adminToken)).status).toBe(404);
  });

  test('openid-client: private_key_jwt and a DPoP-bound token, then the protected route with a proof', async () => {
    const clientId = await keyApp();
    const config = await client.discovery(
      new URL(service.url),
      clientId,
      { token_endpoint_auth_method: 'private_key_jwt' },
      client.PrivateKeyJwt({ key: keys.privateKey, kid: 'k1' }),
      { execute: [client.allowInsecureRequests], algorithm: 'oauth2' },
    );
    const DPoP = client.getDPoPHandle(config, await client.randomDPoPKeyPair('ES256'));
    const tokens = await client.clientCredentialsGrant(config, { scope: 'webhooks:read' }, { DPoP });
    expect(tokens.token_type).toBe('dpop');
    const res = await client.fetchProtectedResource(
      config,
      tokens.access_token,
      new URL(`${service.url}/v1/webhooks`),
      'GET',
      undefined,
      undefined,
      { DPoP },
    );
    expect(res.status).toBe(200);
  });
});
