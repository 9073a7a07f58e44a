-- Webhook subscriptions (subscription machines), events, deliveries (delivery machines)
-- and every delivery attempt.
create table webhook_subscriptions (
  id                      text primary key,          -- wh_…
  tenant_id               text not null references tenants (id),
  url                     text not null,
  events                  text[] not null,
  secret_sealed           text not null,             -- whsec_… sealed with the master key
  previous_secret_sealed  text,                      -- signs too while the rotation lasts
  created_by              text not null,
  state                   text not null,
  snapshot                jsonb not null,
  version                 integer not null default 0,
  timers                  jsonb not null default '[]'::jsonb,
  due_at                  timestamptz,
  status                  text not null,             -- active | failing | paused | disabled
  created_at              timestamptz not null default now(),
  updated_at              timestamptz not null default now(),
  deleted_at              timestamptz
);
create index webhook_subscriptions_tenant on webhook_subscriptions (tenant_id, created_at desc, id desc) where deleted_at is null;
create index webhook_subscriptions_due on webhook_subscriptions (due_at) where due_at is not null;

create table events (
  id               text primary key,                 -- evt_…
  tenant_id        text not null references tenants (id),
  type             text not null,
  data             jsonb not null,
  idempotency_key  text,
  deliveries       integer not null,
  created_at       timestamptz not null default now()
);
create unique index events_idempotency on events (tenant_id, idempotency_key) where idempotency_key is not null;

create table webhook_deliveries (
  id               text primary key,                 -- dlv_…
  tenant_id        text not null,
  subscription_id  text not null references webhook_subscriptions (id),
  event_id         text not null references events (id),
  event_type       text not null,
  state            text not null,
  snapshot         jsonb not null,
  version          integer not null default 0,
  timers           jsonb not null default '[]'::jsonb,
  due_at           timestamptz,
  status           text not null,                    -- queued | sending | retrying | succeeded | failed
  attempt          integer not null default 0,
  last_status      integer,
  last_error       text,
  next_attempt_at  timestamptz,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index webhook_deliveries_subscription on webhook_deliveries (subscription_id, created_at desc, id desc);
create index webhook_deliveries_due on webhook_deliveries (due_at) where due_at is not null;

create table webhook_attempts (
  id               bigserial primary key,
  delivery_id      text not null references webhook_deliveries (id),
  tenant_id        text not null,
  attempt          integer not null,
  attempted_at     timestamptz not null,
  duration_ms      integer not null,
  response_status  integer,
  response_body    text,
  error            text,
  request_headers  jsonb not null
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, attempt);
