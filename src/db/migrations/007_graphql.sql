-- Incidents and cases: the domain behind the GraphQL transport. Every row belongs to a
-- tenant; a case links incidents of its own tenant only (enforced by the service and by
-- the composite foreign keys below).
create table incidents (
  id          text primary key,                      -- inc_…
  tenant_id   text not null references tenants (id),
  title       text not null,
  severity    text not null check (severity in ('low', 'medium', 'high', 'critical')),
  status      text not null default 'open' check (status in ('open', 'closed')),
  created_by  text not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  closed_at   timestamptz,
  unique (tenant_id, id)
);
create index incidents_tenant on incidents (tenant_id, created_at desc, id desc);

create table cases (
  id          text primary key,                      -- case_…
  tenant_id   text not null references tenants (id),
  title       text not null,
  status      text not null default 'open' check (status in ('open', 'in_progress', 'closed')),
  created_by  text not null,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  closed_at   timestamptz,
  unique (tenant_id, id)
);
create index cases_tenant on cases (tenant_id, created_at desc, id desc);

create table case_incidents (
  tenant_id    text not null,
  case_id      text not null,
  incident_id  text not null,
  linked_at    timestamptz not null default now(),
  primary key (case_id, incident_id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade,
  foreign key (tenant_id, incident_id) references incidents (tenant_id, id) on delete cascade
);
create index case_incidents_incident on case_incidents (incident_id);
