// Pushed authorization requests (RFC 9126), the iss authorization response parameter (RFC
// 9207) and the metadata that advertises them, driven by oauth4webapi as a client would.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import * as oauth from 'oauth4webapi';
import { ManualClock } from '../../src/actors/clock.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { completeAuthorize, startAuthorize } from './support.ts';

type Json = Record<string, unknown>;
let service: TestService;
let clock: ManualClock;
let acme: Awaited<ReturnType<typeof newTenant>>;
let as: oauth.AuthorizationServer;
const user = { email: '', password: 'correct horse battery staple' };
const REDIRECT = 'http://127.0.0.1:8765/callback';
const opts = { [oauth.allowInsecureRequests]: true };

beforeAll(async () => {
  clock = new ManualClock(Date.now());
  service = await startTestService({ clock, workers: false });
  acme = await newTenant(service);
  user.email = (
    await service.db.query<{ email: string }>('select email from users where id = $1', [acme.adminUserId])
  )[0]!.email;
  const issuer = new URL(service.url);
  as = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...opts }),
  );
}, 30_000);
afterAll(async () => {
  await service.stop();
});

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${acme.adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

async function app(body: Json = {}) {
  const r = await api('POST', '/v1/platform/apps', {
    name: 'PAR client',
    client_type: 'public',
    grant_types: ['authorization_code', 'refresh_token'],
    redirect_uris: [REDIRECT],
    requested_scopes: ['webhooks:read'],
    ...body,
  });
  expect(r.status).toBe(201);
  return r.body as { client_id: string; client_secret?: string };
}

async function par(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${service.url}/v1/oauth/par`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
}

async function pkce() {
  const verifier = oauth.generateRandomCodeVerifier();
  return { verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier) };
}

describe('metadata', () => {
  test('advertises PAR, DPoP, private_key_jwt and iss exactly, and nothing this server does not do', () => {
    expect(as).toMatchObject({
      pushed_authorization_request_endpoint: `${service.url}/v1/oauth/par`,
      require_pushed_authorization_requests: false,
      authorization_response_iss_parameter_supported: true,
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256', 'PS256', 'ES256'],
      introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
      dpop_signing_alg_values_supported: ['ES256', 'ES384', 'PS256', 'RS256', 'Ed25519', 'EdDSA'],
      request_parameter_supported: false,
      response_types_supported: ['code'],
    });
    expect(as.token_endpoint_auth_methods_supported).not.toContain('client_secret_jwt');
    expect(as.tls_client_certificate_bound_access_tokens).toBeUndefined();
  });
});

describe('pushed authorization requests', () => {
  test('oauth4webapi pushes, the browser sends only request_uri, and the code carries iss (RFC 9207)', async () => {
    const { client_id } = await app();
    const client: oauth.Client = { client_id, token_endpoint_auth_method: 'none' };
    const { verifier, challenge } = await pkce();
    const state = oauth.generateRandomState();
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
          state,
          code_challenge: challenge,
          code_challenge_method: 'S256',
        },
        opts,
      ),
    );
    expect(pushed.request_uri).toMatch(/^urn:ietf:params:oauth:request_uri:[A-Za-z0-9]{32}$/);
    expect(pushed.expires_in).toBe(60);
    // Parameters sent along with request_uri are not the request's: the pushed ones are.
    const callback = await completeAuthorize(
      service,
      { client_id, request_uri: pushed.request_uri, scope: 'incidents:read', state: 'not-this' } as never,
      user,
    );
    expect(callback.searchParams.get('iss')).toBe(service.url);
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, REDIRECT, verifier, opts),
    );
    expect(tokens.scope).toBe('webhooks:read');
    // A response naming another issuer is refused by the client (what RFC 9207 is for).
    const forged = new URL(callback);
    forged.searchParams.set('iss', 'https://evil.example');
    expect(() => oauth.validateAuthResponse(as, client, forged, state)).toThrow();
  });

  test('a request_uri is single use, expires after 60 s, and belongs to the client that pushed it', async () => {
    const a = await app();
    const b = await app();
    const { challenge } = await pkce();
    const fields = {
      client_id: a.client_id,
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'webhooks:read',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    const first = await par(fields);
    expect(first.status).toBe(201);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const uri = first.body.request_uri as string;
    // Another client cannot take it (and trying does not use it up).
    const stolen = await startAuthorize(service, { client_id: b.client_id, request_uri: uri } as never);
    expect(stolen.res.status).toBe(400);
    expect(stolen.html).toContain('request_uri is unknown, expired or already used');
    expect((await startAuthorize(service, { client_id: a.client_id, request_uri: uri } as never)).res.status).toBe(200);
    const again = await startAuthorize(service, { client_id: a.client_id, request_uri: uri } as never);
    expect(again.res.status).toBe(400);
    expect(again.html).toContain('already used');
    const late = (await par(fields)).body.request_uri as string;
    clock.advance(61_000);
    expect((await startAuthorize(service, { client_id: a.client_id, request_uri: late } as never)).res.status).toBe(
      400,
    );
    const unknown = await startAuthorize(service, {
      client_id: a.client_id,
      request_uri: 'urn:ietf:params:oauth:request_uri:nope',
    } as never);
    expect(unknown.res.status).toBe(400);
  });

  test('bad pushed requests are JSON errors naming the problem, never 500', async () => {
    const pub = await app();
    const conf = await app({ client_type: 'confidential', grant_types: ['authorization_code'] });
    const { challenge } = await pkce();
    const base = {
      client_id: pub.client_id,
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'webhooks:read',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ ...base, redirect_uri: 'https://evil.example/cb' }, 400, 'invalid_request'],
      [{ ...base, code_challenge_method: 'plain' }, 400, 'invalid_request'],
      [
        { ...base, code_challenge: undefined as never, code_challenge_method: undefined as never },
        400,
        'invalid_request',
      ],
      [{ ...base, scope: 'admin:everything' }, 400, 'invalid_scope'],
      [{ ...base, response_type: 'token' }, 400, 'unsupported_response_type'],
      [{ ...base, request: 'eyJhbGciOiJub25lIn0.e30.' }, 400, 'request_not_supported'],
      [{ ...base, request_uri: 'urn:ietf:params:oauth:request_uri:x' }, 400, 'invalid_request'],
      [{ ...base, dpop_jkt: 'short' }, 400, 'invalid_request'],
      [{ ...base, client_id: undefined as never }, 401, 'invalid_client'],
      [{ ...base, client_id: 'app_doesnotexist' }, 401, 'invalid_client'],
      [{ ...base, client_id: conf.client_id }, 401, 'invalid_client'],
      [{ ...base, client_id: conf.client_id, client_secret: 'cs_wrong' }, 401, 'invalid_client'],
    ];
    for (const [fields, status, error] of cases) {
      const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >;
      const r = await par(clean);
      expect({ fields: clean, status: r.status, error: r.body.error }).toEqual({ fields: clean, status, error });
      expect(typeof r.body.error_description).toBe('string');
    }
    // The confidential client with its secret (Basic) is fine.
    const { client_id: _public, ...withoutClientId } = base;
    const basic = await par(withoutClientId, {
      authorization: `Basic ${btoa(`${conf.client_id}:${conf.client_secret}`)}`,
    });
    expect(basic.status).toBe(201);
  });

  test('governance require_pushed_authorization_requests: a plain authorization request is sent back as invalid_request with iss', async () => {
    const { client_id } = await app();
    const set = await api('PATCH', `/v1/platform/apps/${client_id}/governance`, {
      require_pushed_authorization_requests: true,
    });
    expect(set.status).toBe(200);
    expect(set.body.governance).toMatchObject({ require_pushed_authorization_requests: true });
    const { challenge } = await pkce();
    const plain = await startAuthorize(service, {
      client_id,
      redirect_uri: REDIRECT,
      scope: 'webhooks:read',
      state: 's1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(plain.res.status).toBe(302);
    const back = new URL(plain.res.headers.get('location')!);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('error_description')).toContain('/v1/oauth/par');
    expect(back.searchParams.get('state')).toBe('s1');
    expect(back.searchParams.get('iss')).toBe(service.url);
    const pushed = await par({
      client_id,
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'webhooks:read',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(
      (await startAuthorize(service, { client_id, request_uri: pushed.body.request_uri as string } as never)).res
        .status,
    ).toBe(200);
  });

  test('housekeeping removes pushed requests past their lifetime', async () => {
    const { client_id } = await app();
    const { challenge } = await pkce();
    await par({
      client_id,
      response_type: 'code',
      scope: 'webhooks:read',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const before = await service.db.query<{ n: number }>(
      'select count(*)::int as n from pushed_authorization_requests where app_id = $1',
      [client_id],
    );
    expect(before[0]!.n).toBe(1);
    clock.advance(61_000);
    const removed = await service.housekeeping.sweep();
    expect(removed.pushed_authorization_requests).toBeGreaterThanOrEqual(1);
    const after = await service.db.query<{ n: number }>(
      'select count(*)::int as n from pushed_authorization_requests where app_id = $1',
      [client_id],
    );
    expect(after[0]!.n).toBe(0);
  });
});
