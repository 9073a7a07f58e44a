-- Which integrator app a webhook belongs to (null: the tenant's own, managed by its
-- administrators). A token of an app sees and changes only its app's webhooks; the portal
-- (src/portal) shows an app's owners theirs. A webhook an app's client-credentials or service
-- token created before owners existed belongs to that app: created_by names the client. One made
-- with a user's token (authorization code) names the user, not the app it came through, and
-- stays the tenant's own until an administrator gives it to its app (PUT {"app_id"}).
alter table webhook_subscriptions add column app_id text references apps (id);
update webhook_subscriptions w set app_id = w.created_by
  from apps a where a.id = w.created_by and a.tenant_id = w.tenant_id;
create index webhook_subscriptions_app on webhook_subscriptions (tenant_id, app_id, created_at desc, id desc)
  where app_id is not null and deleted_at is null;

-- A link to an app's portal that a tenant administrator minted: only the SHA-256 of its code
-- is kept; it is exchanged once, before it expires, for a portal session (a short-lived token).
create table portal_links (
  id          text primary key,                       -- plk_…
  tenant_id   text not null references tenants (id),
  app_id      text not null references apps (id),
  code_hash   text not null unique,
  created_by  text not null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  used_at     timestamptz
);
create index portal_links_tenant on portal_links (tenant_id, created_at desc);

-- The sites a tenant's portal may be embedded in (frame-ancestors); none unless set.
create table portal_settings (
  tenant_id        text primary key references tenants (id),
  frame_ancestors  text[] not null default '{}',
  updated_at       timestamptz not null default now()
);
