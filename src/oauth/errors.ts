// The OAuth error constructors (RFC 6749 §5.2, RFC 6750 §3.1), codes of the one catalogue (src/errors.ts).
import { apiError } from '../errors.ts';

export const oauthErrors = {
  invalidRequest: (d: string) => apiError('invalid_request', d),
  /** 401 with a challenge for the scheme the client tried (Basic when it sent a header). */
  invalidClient: (d: string, scheme: 'Basic' | null) =>
    apiError('invalid_client', d, {
      headers: scheme ? { 'www-authenticate': `Basic realm="argus", error="invalid_client"` } : {},
    }),
  invalidGrant: (d: string) => apiError('invalid_grant', d),
  unauthorizedClient: (d: string) => apiError('unauthorized_client', d),
  unsupportedGrantType: (d: string) => apiError('unsupported_grant_type', d),
  invalidScope: (d: string) => apiError('invalid_scope', d),
};
