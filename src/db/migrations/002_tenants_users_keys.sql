create table tenants (
  id               text primary key,
  name             text not null,
  approved_scopes  text[] not null,
  created_at       timestamptz not null default now()
);
create unique index tenants_name on tenants (lower(name));

create table users (
  id             text primary key,
  tenant_id      text not null references tenants (id),
  email          text not null,
  password_hash  text not null,
  role           text not null check (role in ('admin', 'member')),
  created_at     timestamptz not null default now()
);
create unique index users_tenant_email on users (tenant_id, lower(email));

-- Signing keys are signingKey machines (machines/signingKey.ts): next → active → retiring → retired.
create table signing_keys (
  id                  text primary key,          -- the JWK kid
  tenant_id           text not null,             -- '_system': keys belong to the service
  state               text not null,
  snapshot            jsonb not null,
  version             integer not null default 0,
  timers              jsonb not null default '[]'::jsonb,
  due_at              timestamptz,
  alg                 text not null,
  public_jwk          jsonb not null,
  private_key_sealed  text not null,             -- AES-GCM under the master key
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);
create index signing_keys_due on signing_keys (due_at) where due_at is not null;

-- Access tokens are stateless JWTs; a revoked one is listed here until it would expire.
create table revoked_tokens (
  jti         text primary key,
  tenant_id   text not null,
  expires_at  timestamptz not null,
  revoked_at  timestamptz not null default now()
);
