-- Every machine-backed table carries these columns (see src/actors/runtime.ts).
-- machine_instances serves machines that have no domain table of their own and is the
-- template the others copy.
create table machine_instances (
  id          text primary key,
  machine     text not null,
  tenant_id   text not null,
  state       text not null,
  snapshot    jsonb not null,
  version     integer not null default 0,
  timers      jsonb not null default '[]'::jsonb,
  due_at      timestamptz,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index machine_instances_due on machine_instances (due_at) where due_at is not null;

-- One row per committed transition: what the studio replays and tests assert.
create table machine_journal (
  seq          bigserial primary key,
  machine      text not null,
  instance_id  text not null,
  tenant_id    text not null,
  from_state   text,
  event_type   text not null,
  event        jsonb not null,
  to_state     text not null,
  at           timestamptz not null default now()
);
create index machine_journal_instance on machine_journal (machine, instance_id, seq);
