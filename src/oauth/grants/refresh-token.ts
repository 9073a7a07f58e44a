import { defineGrant } from './grant.ts';

/** grant_type=refresh_token: rotated on use; reusing an old one revokes its family (RFC 6749 §6). */
export const refreshToken = defineGrant({
  grantType: 'refresh_token',
  parameters: ['refresh_token', 'scope'],
  confidentialOnly: false,
  notAllowed: 'this application may not use refresh tokens',
  handler: ({ services, app, jkt }, params) => services.authorization.refresh(app, params, jkt),
});
