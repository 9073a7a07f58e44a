create table apps (
  id                text primary key,                 -- the client_id (app_…)
  tenant_id         text not null references tenants (id),
  name              text not null,
  client_type       text not null check (client_type in ('confidential', 'public')),
  grant_types       text[] not null,
  redirect_uris     text[] not null,
  requested_scopes  text[] not null,
  governance        jsonb not null,
  created_by        text not null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create index apps_tenant_created on apps (tenant_id, created_at desc, id desc);

-- Only the SHA-256 of each client secret is kept. Which ones authenticate is decided by the
-- app's clientSecretRotation machine (app_secret_rotations).
create table client_secrets (
  id           text primary key,                      -- sec_…
  app_id       text not null references apps (id),
  tenant_id    text not null,
  secret_hash  text not null,
  created_at   timestamptz not null default now(),
  retired_at   timestamptz
);
create index client_secrets_app on client_secrets (app_id);

create table app_secret_rotations (
  id          text primary key references apps (id),  -- one machine per app
  tenant_id   text not null,
  state       text not null,
  snapshot    jsonb not null,
  version     integer not null default 0,
  timers      jsonb not null default '[]'::jsonb,
  due_at      timestamptz,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index app_secret_rotations_due on app_secret_rotations (due_at) where due_at is not null;

-- Who changed what, when: readable by the tenant's administrators. Never holds secrets.
create table audit_events (
  id           text primary key,                      -- aud_…
  tenant_id    text not null,
  actor        text not null,
  action       text not null,
  target_type  text not null,
  target_id    text not null,
  changes      jsonb not null default '{}'::jsonb,
  at           timestamptz not null default now()
);
create index audit_events_tenant_at on audit_events (tenant_id, at desc, id desc);
