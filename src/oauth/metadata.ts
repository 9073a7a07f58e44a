import { ALL_SCOPES } from '../identity/scopes.ts';
import { ASSERTION_ALGS } from '../identity/apps/client-keys.ts';
import { DPOP_ALGS } from './dpop/proof.ts';

const CLIENT_AUTH = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'];

/** RFC 8414 metadata, so standard client libraries configure themselves: exactly what is supported. */
export function authorizationServerMetadata(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/v1/oauth/authorize`,
    token_endpoint: `${issuer}/v1/oauth/token`,
    pushed_authorization_request_endpoint: `${issuer}/v1/oauth/par`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    revocation_endpoint: `${issuer}/v1/oauth/revoke`,
    introspection_endpoint: `${issuer}/v1/oauth/introspect`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: [...CLIENT_AUTH, 'none'],
    token_endpoint_auth_signing_alg_values_supported: [...ASSERTION_ALGS],
    revocation_endpoint_auth_methods_supported: [...CLIENT_AUTH, 'none'],
    revocation_endpoint_auth_signing_alg_values_supported: [...ASSERTION_ALGS],
    introspection_endpoint_auth_methods_supported: CLIENT_AUTH,
    introspection_endpoint_auth_signing_alg_values_supported: [...ASSERTION_ALGS],
    // Per app (governance require_pushed_authorization_requests); not for every client.
    require_pushed_authorization_requests: false,
    request_parameter_supported: false,
    dpop_signing_alg_values_supported: DPOP_ALGS,
    authorization_response_iss_parameter_supported: true,
    scopes_supported: ALL_SCOPES,
  };
}
