-- Vendor integration requests (the guide's "Request reviewed access" form).
create table integration_requests (
  id             text primary key,                 -- ir_…
  reference      text not null unique,             -- IR-XXXX-XXXX, quoted to the vendor
  tenant_id      text references tenants (id),     -- set when the vendor is already a tenant
  organisation   text not null,
  contact_name   text not null,
  contact_email  text not null,
  use_case       text not null,
  capabilities   text[] not null,
  status         text not null default 'received' check (status in ('received', 'in_review', 'approved', 'declined')),
  remote_address text not null,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create index integration_requests_tenant on integration_requests (tenant_id, created_at desc, id desc);
