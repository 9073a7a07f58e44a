// Client authentication at the token endpoint: client_secret_basic or client_secret_post
// (never both), or a public client identified by client_id alone.
import type { AppService, AuthenticatedApp } from '../identity/apps/service.ts';
import { oauthErrors } from './errors.ts';

export interface ClientCredentials { clientId: string; secret: string | null; scheme: 'Basic' | null }

export function readClientCredentials(request: Request, body: { client_id?: string; client_secret?: string }): ClientCredentials {
  const header = request.headers.get('authorization');
  if (header && /^Basic\s/i.test(header)) {
    if (body.client_secret !== undefined) throw oauthErrors.invalidRequest('use one client authentication method, not both Basic and client_secret');
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
      throw oauthErrors.invalidClient('the Basic credentials are not valid percent-encoding (RFC 6749 §2.3.1)', 'Basic');
    }
    if (body.client_id !== undefined && body.client_id !== clientId) throw oauthErrors.invalidRequest('client_id in the body differs from the Basic credentials');
    return { clientId, secret, scheme: 'Basic' };
  }
  if (!body.client_id) throw oauthErrors.invalidClient('client authentication is required (client_secret_basic or client_secret_post)', null);
  return { clientId: body.client_id, secret: body.client_secret ?? null, scheme: null };
}

/** The authenticated app; every failure is the same invalid_client so nothing leaks. */
export async function authenticateClient(apps: AppService, creds: ClientCredentials): Promise<AuthenticatedApp> {
  const app = await apps.authenticateClient(creds.clientId, creds.secret);
  if (!app) throw oauthErrors.invalidClient('client authentication failed', creds.scheme);
  return app;
}
