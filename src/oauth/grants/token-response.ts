/** The token endpoint's answer, exactly as the contract shows it (RFC 6749 §5.1). */
export interface TokenResponse {
  access_token: string;
  /** DPoP when the token is bound to the key of the request's DPoP proof (RFC 9449 §5). */
  token_type: 'Bearer' | 'DPoP';
  expires_in: number;
  scope: string;
  refresh_token?: string;
}
