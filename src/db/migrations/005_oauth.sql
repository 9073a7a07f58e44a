-- Service tokens: listed and revoked by id; the token itself is a JWT never stored.
create table service_tokens (
  id          text primary key,                      -- the JWT's jti (tok_…)
  tenant_id   text not null references tenants (id),
  app_id      text not null references apps (id),
  scopes      text[] not null,
  created_by  text not null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  revoked_at  timestamptz
);
create index service_tokens_app on service_tokens (app_id, created_at desc, id desc);

-- OAuth authorization sessions (machines/authorizationSession.ts). The code is stored as a
-- SHA-256 only; `code_hash` finds the session when the client redeems it.
create table authorization_sessions (
  id          text primary key,                      -- ses_…
  tenant_id   text not null,
  app_id      text not null references apps (id),
  code_hash   text unique,
  csrf_hash   text not null,
  state       text not null,
  snapshot    jsonb not null,
  version     integer not null default 0,
  timers      jsonb not null default '[]'::jsonb,
  due_at      timestamptz,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index authorization_sessions_due on authorization_sessions (due_at) where due_at is not null;
create index authorization_sessions_tenant on authorization_sessions (tenant_id, created_at desc);

-- Tokens issued from one authorization code, so a replayed code revokes them all; and refresh
-- tokens (hashed), rotated on use: reusing an old one revokes its whole family.
create table issued_tokens (
  jti         text primary key,
  tenant_id   text not null,
  session_id  text not null references authorization_sessions (id),
  expires_at  timestamptz not null
);
create index issued_tokens_session on issued_tokens (session_id);

create table refresh_tokens (
  token_hash  text primary key,
  tenant_id   text not null,
  app_id      text not null references apps (id),
  session_id  text not null references authorization_sessions (id),
  user_id     text not null,
  scopes      text[] not null,
  family      text not null,
  used_at     timestamptz,
  revoked_at  timestamptz,
  expires_at  timestamptz not null,
  created_at  timestamptz not null default now()
);
create index refresh_tokens_family on refresh_tokens (family);
