-- Delivery history at the hardware floor (README, "How it works").
--
-- * A delivery is persisted as the few typed columns its machine state needs (state,
--   attempt, due time, last result), not as a JSON snapshot; the snapshot is rebuilt from
--   them for XState's pure transition() (src/webhooks/dispatch/steps.ts).
-- * Its journal is its attempts: one attempt row records both transitions of an attempt
--   (into `sending` and out of it). The creation is the delivery row; the rare transitions
--   that make no attempt (manual retry, cancel) go to machine_journal.
-- * Events, deliveries, attempts and the machine journal are partitioned by day (UTC).
--   Housekeeping creates partitions ahead and retention drops whole partitions
--   (src/housekeeping/partitions.ts). A row whose day has no partition yet lands in the
--   table's default partition; housekeeping moves it into its day's partition later.
-- * A delivery's created_at is its event's, and its id carries that time (src/ids.ts): an
--   event, its deliveries and their attempts share one day, and a lookup by id reads one
--   partition.
-- * Ids of journal rows, deliveries and attempts come from one sequence stepping by 2: an
--   attempt row is the studio's transition `seq` (into sending) and `seq + 1` (out of it).
--
-- The rows of the previous layout are carried over: every event, delivery (its snapshot
-- read into the new columns, its pending timer kept as due_at), attempt and journal entry.

-- The previous tables, out of the way (their indexes too: index names are schema-wide).
alter table webhook_attempts rename to webhook_attempts_v1;
alter index webhook_attempts_pkey rename to webhook_attempts_v1_pkey;
alter index webhook_attempts_delivery rename to webhook_attempts_v1_delivery;
alter table webhook_deliveries rename to webhook_deliveries_v1;
alter index webhook_deliveries_pkey rename to webhook_deliveries_v1_pkey;
alter index webhook_deliveries_subscription rename to webhook_deliveries_v1_subscription;
alter index webhook_deliveries_due rename to webhook_deliveries_v1_due;
alter table events rename to events_v1;
alter index events_pkey rename to events_v1_pkey;
alter index events_idempotency rename to events_v1_idempotency;
alter table machine_journal rename to machine_journal_v1;
alter index machine_journal_pkey rename to machine_journal_v1_pkey;
alter index machine_journal_instance rename to machine_journal_v1_instance;

create sequence transition_seq increment by 2;
-- An even start keeps every value the sequence gives even, so an attempt's seq + 1 is never
-- given to another row.
select setval('transition_seq', (coalesce((select max(seq) from machine_journal_v1), 0) / 2 + 1) * 2);

create table machine_journal (
  seq          bigint not null default nextval('transition_seq'),
  machine      text not null,
  instance_id  text not null,
  tenant_id    text not null,
  from_state   text,
  event_type   text not null,
  event        jsonb not null,
  to_state     text not null,
  at           timestamptz not null default now(),
  primary key (seq, at)
) partition by range (at);
create table machine_journal_default partition of machine_journal default;
create index machine_journal_instance on machine_journal (machine, instance_id, seq);

create table events (
  id               text not null,                  -- evt_…, carrying created_at
  tenant_id        text not null references tenants (id),
  type             text not null,
  data             jsonb not null,
  idempotency_key  text,
  deliveries       integer not null,
  created_at       timestamptz not null,
  primary key (id, created_at)
) partition by range (created_at);
create table events_default partition of events default;
create index events_tenant on events (tenant_id, created_at desc, id desc);

-- Idempotency keys outlive no more than their 24 hours (housekeeping), so they are kept
-- apart from the partitioned events they name.
create table event_idempotency_keys (
  tenant_id         text not null,
  idempotency_key   text not null,
  event_id          text not null,
  event_created_at  timestamptz not null,
  primary key (tenant_id, idempotency_key)
);
create index event_idempotency_keys_age on event_idempotency_keys (event_created_at);

create table webhook_deliveries (
  id               text not null,                  -- dlv_…, carrying created_at
  tenant_id        text not null,
  subscription_id  text not null,                  -- webhook_subscriptions (soft-deleted only)
  event_id         text not null,
  event_type       text not null,
  created_at       timestamptz not null,           -- the event's
  seq              bigint not null default nextval('transition_seq'),
  state            text not null check (state in ('queued', 'sending', 'backoff', 'succeeded', 'failed')),
  status           text not null generated always as (case state when 'backoff' then 'retrying' else state end) stored,
  prev_state       text,                           -- the state before this one
  entered_at       timestamptz not null,           -- when this state was entered
  attempt          integer not null default 0,
  max_attempts     integer not null,
  client_errors    integer not null default 0,
  last_status      integer,
  last_error       text,
  last_attempt_at  timestamptz,
  next_delay_ms    integer,
  failure_reason   text,
  -- The state's timer: queued → now, sending → the lease's end, backoff → the next attempt.
  due_at           timestamptz,
  primary key (id, created_at)
) partition by range (created_at);
create table webhook_deliveries_default partition of webhook_deliveries default;
create index webhook_deliveries_subscription on webhook_deliveries (subscription_id, created_at desc, id desc);
create index webhook_deliveries_event on webhook_deliveries (event_id);
-- The hot queue: only what is due or in flight is in this index, whatever the history holds.
create index webhook_deliveries_due on webhook_deliveries (due_at) where due_at is not null;

create table webhook_attempts (
  delivery_id          text not null,
  delivery_created_at  timestamptz not null,
  tenant_id            text not null,
  subscription_id      text not null,
  attempt              integer not null,
  seq                  bigint not null default nextval('transition_seq'),
  from_state           text not null,              -- left for sending
  to_state             text not null,              -- entered on the result
  ended_by             text not null default 'RESULT', -- the event that left sending (or the lease's timer)
  started_at           timestamptz not null,       -- entered sending
  attempted_at         timestamptz not null,       -- the result was recorded
  duration_ms          integer not null,
  response_status      integer,
  response_body        text,
  error                text,
  request_timestamp    integer,                    -- webhook-timestamp sent (the other headers follow from it); null: nothing was sent
  primary key (delivery_id, attempt, delivery_created_at)
) partition by range (delivery_created_at);
create table webhook_attempts_default partition of webhook_attempts default;
create index webhook_attempts_subscription on webhook_attempts (subscription_id, seq);

-- Carry the previous layout over.
insert into machine_journal (seq, machine, instance_id, tenant_id, from_state, event_type, event, to_state, at)
select seq, machine, instance_id, tenant_id, from_state, event_type, event, to_state, at from machine_journal_v1
 where machine <> 'delivery' or event_type in ('RETRY', 'CANCEL');

insert into events (id, tenant_id, type, data, idempotency_key, deliveries, created_at)
select id, tenant_id, type, data, idempotency_key, deliveries, created_at from events_v1;
insert into event_idempotency_keys (tenant_id, idempotency_key, event_id, event_created_at)
select tenant_id, idempotency_key, id, created_at from events_v1 where idempotency_key is not null;

insert into webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, created_at, state, prev_state, entered_at,
                                attempt, max_attempts, client_errors, last_status, last_error, last_attempt_at, next_delay_ms, failure_reason, due_at)
select d.id, d.tenant_id, d.subscription_id, d.event_id, d.event_type, e.created_at, d.state,
       case when d.state = 'queued' then null when d.attempt <= 1 and d.state = 'sending' then 'queued' else 'sending' end,
       d.updated_at, d.attempt,
       coalesce((d.snapshot #>> '{context,maxAttempts}')::integer, 8),
       coalesce((d.snapshot #>> '{context,clientErrors}')::integer, 0),
       d.last_status, d.last_error,
       (d.snapshot #>> '{context,lastAttemptAt}')::timestamptz,
       (d.snapshot #>> '{context,nextDelayMs}')::integer,
       d.snapshot #>> '{context,failureReason}',
       d.due_at
  from webhook_deliveries_v1 d join events_v1 e on e.id = d.event_id;

insert into webhook_attempts (delivery_id, delivery_created_at, tenant_id, subscription_id, attempt, from_state, to_state, started_at,
                              attempted_at, duration_ms, response_status, response_body, error, request_timestamp)
select distinct on (a.delivery_id, a.attempt) a.delivery_id, d.created_at, a.tenant_id, d.subscription_id, a.attempt,
       case when a.attempt = 1 then 'queued' else 'backoff' end,
       case when a.response_status between 200 and 299 then 'succeeded'
            when a.attempt = d.attempt and d.state in ('failed', 'backoff') then d.state
            else 'backoff' end,
       a.attempted_at - make_interval(secs => a.duration_ms / 1000.0), a.attempted_at, a.duration_ms,
       a.response_status, a.response_body, a.error, (a.request_headers ->> 'webhook-timestamp')::integer
  from webhook_attempts_v1 a join webhook_deliveries d on d.id = a.delivery_id
 order by a.delivery_id, a.attempt, a.id;

drop table webhook_attempts_v1;
drop table webhook_deliveries_v1;
drop table events_v1;
drop table machine_journal_v1;
