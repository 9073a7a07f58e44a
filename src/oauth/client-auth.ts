// Client authentication at the OAuth endpoints: client_secret_basic or client_secret_post, a
// private_key_jwt assertion (never two methods at once), or a public client identified by
// client_id alone.
import type { AppService, AuthenticatedApp } from '../identity/apps/service.ts';
import { assertedClientId, JWT_BEARER, type ClientAssertions } from './client-assertion.ts';
import { oauthErrors } from './errors.ts';

export interface ClientCredentials {
  clientId: string;
  secret: string | null;
  scheme: 'Basic' | null;
  assertion: string | null;
}

export interface ClientAuthFields {
  client_id?: string;
  client_secret?: string;
  client_assertion?: string;
  client_assertion_type?: string;
}

/**
 * Authenticates the client posting to `endpoint` (a path), rate limiting failures: built by the
 * OAuth routes (./routes.ts) and shared with the routes they mount (./par/routes.ts).
 */
export type Authenticate = (
  request: Request,
  body: ClientAuthFields,
  endpoint: string,
) => ReturnType<typeof authenticateClient>;

function readAssertion(request: Request, body: ClientAuthFields): ClientCredentials {
  if (request.headers.has('authorization') || body.client_secret !== undefined)
    throw oauthErrors.invalidRequest('use one client authentication method, not a client_assertion and a secret');
  if (body.client_assertion_type !== JWT_BEARER)
    throw oauthErrors.invalidClient(`client_assertion_type must be ${JWT_BEARER}`, null);
  if (!body.client_assertion)
    throw oauthErrors.invalidClient('client_assertion is required with client_assertion_type', null);
  const clientId = assertedClientId(body.client_assertion);
  if (!clientId)
    throw oauthErrors.invalidClient('the client_assertion must be a JWT whose iss and sub are the client_id', null);
  if (body.client_id !== undefined && body.client_id !== clientId)
    throw oauthErrors.invalidClient("client_id differs from the client_assertion's sub", null);
  return { clientId, secret: null, scheme: null, assertion: body.client_assertion };
}

export function readClientCredentials(request: Request, body: ClientAuthFields): ClientCredentials {
  if (body.client_assertion !== undefined || body.client_assertion_type !== undefined)
    return readAssertion(request, body);
  const header = request.headers.get('authorization');
  if (header && /^Basic\s/i.test(header)) {
    if (body.client_secret !== undefined)
      throw oauthErrors.invalidRequest('use one client authentication method, not both Basic and client_secret');
    let decoded: string;
    try {
      decoded = atob(header.replace(/^Basic\s+/i, '').trim());
    } catch {
      throw oauthErrors.invalidClient('the Basic credentials are not valid base64', 'Basic');
    }
    const colon = decoded.indexOf(':');
    if (colon < 0) throw oauthErrors.invalidClient('the Basic credentials must be client_id:client_secret', 'Basic');
    let clientId: string;
    let secret: string;
    try {
      // RFC 6749 §2.3.1: both halves are form-urlencoded before they are joined.
      clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
      secret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
    } catch {
      throw oauthErrors.invalidClient(
        'the Basic credentials are not valid percent-encoding (RFC 6749 §2.3.1)',
        'Basic',
      );
    }
    if (body.client_id !== undefined && body.client_id !== clientId)
      throw oauthErrors.invalidRequest('client_id in the body differs from the Basic credentials');
    return { clientId, secret, scheme: 'Basic', assertion: null };
  }
  if (!body.client_id)
    throw oauthErrors.invalidClient(
      'client authentication is required (client_secret_basic, client_secret_post or private_key_jwt)',
      null,
    );
  return { clientId: body.client_id, secret: body.client_secret ?? null, scheme: null, assertion: null };
}

/**
 * The authenticated app; a failed secret or an unknown client is the same invalid_client, so
 * nothing leaks. `endpoint` is the path posted to (an assertion's aud may name it).
 */
export async function authenticateClient(
  apps: Pick<AppService, 'forAssertion' | 'authenticateClient'>,
  assertions: Pick<ClientAssertions, 'verify'>,
  creds: ClientCredentials,
  endpoint: string,
): Promise<AuthenticatedApp> {
  if (creds.assertion !== null) {
    const app = await apps.forAssertion(creds.clientId);
    if (!app) throw oauthErrors.invalidClient('client authentication failed', null);
    await assertions.verify(app, creds.assertion, endpoint);
    return app;
  }
  const app = await apps.authenticateClient(creds.clientId, creds.secret);
  if (!app) throw oauthErrors.invalidClient('client authentication failed', creds.scheme);
  return app;
}
