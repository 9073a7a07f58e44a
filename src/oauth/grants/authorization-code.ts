import { defineGrant } from './grant.ts';

/** grant_type=authorization_code: a code from /v1/oauth/authorize redeemed once (RFC 6749 §4.1.3, PKCE). */
export const authorizationCode = defineGrant({
  grantType: 'authorization_code',
  parameters: ['code', 'redirect_uri', 'code_verifier'],
  confidentialOnly: false,
  notAllowed: 'this application may not use the authorization code grant',
  handler: ({ context, app, jkt }, params) => context.authorization.redeem(app, params, jkt),
});
