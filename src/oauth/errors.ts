// The OAuth error catalogue (RFC 6749 §5.2, RFC 6750 §3.1), in the service's one envelope.
import { ApiError } from '../errors.ts';

export const oauthErrors = {
  invalidRequest: (d: string) => new ApiError(400, 'invalid_request', d),
  /** 401 with a challenge for the scheme the client tried (Basic when it sent a header). */
  invalidClient: (d: string, scheme: 'Basic' | null) =>
    new ApiError(
      401,
      'invalid_client',
      d,
      scheme ? { 'www-authenticate': `Basic realm="argus", error="invalid_client"` } : {},
    ),
  invalidGrant: (d: string) => new ApiError(400, 'invalid_grant', d),
  unauthorizedClient: (d: string) => new ApiError(400, 'unauthorized_client', d),
  unsupportedGrantType: (d: string) => new ApiError(400, 'unsupported_grant_type', d),
  invalidScope: (d: string) => new ApiError(400, 'invalid_scope', d),
};
