-- The OAuth security profile (README, "OAuth and tokens"): pushed authorization requests
-- (RFC 9126), DPoP (RFC 9449) and private_key_jwt client authentication (RFC 7523).

-- How each app authenticates at the token endpoint, and the public keys of a private_key_jwt
-- app: inline (`jwks`) or fetched (`jwks_uri`), never both. Apps registered before keep
-- authenticating with their secret (or as public clients).
alter table apps add column token_endpoint_auth_method text;
update apps set token_endpoint_auth_method = case when client_type = 'public' then 'none' else 'client_secret_basic' end;
alter table apps alter column token_endpoint_auth_method set not null;
alter table apps add constraint apps_token_endpoint_auth_method
  check (token_endpoint_auth_method in ('client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'));
alter table apps add column jwks jsonb;
alter table apps add column jwks_uri text;

-- A pushed authorization request: the request_uri is kept as a SHA-256 only, lives a minute
-- and is used once (used_at is set by the authorization request that takes it).
create table pushed_authorization_requests (
  request_uri_hash  text primary key,
  tenant_id         text not null,
  app_id            text not null references apps (id),
  params            jsonb not null,
  expires_at        timestamptz not null,
  used_at           timestamptz,
  created_at        timestamptz not null default now()
);
create index pushed_authorization_requests_expiry on pushed_authorization_requests (expires_at);

-- One-time values seen by any process: DPoP proof jti (per key) and client assertion jti (per
-- client). A second insert of the same key within its window is a replay. Housekeeping drops
-- rows past expires_at, after which the proof or assertion is refused on its age anyway.
create table oauth_seen_jti (
  key         text primary key,
  expires_at  timestamptz not null
);
create index oauth_seen_jti_expiry on oauth_seen_jti (expires_at);

-- A public client's refresh token is bound to the DPoP key it was issued to (RFC 9449 §5):
-- the JWK SHA-256 thumbprint; null when it was issued without a proof.
alter table refresh_tokens add column dpop_jkt text;
