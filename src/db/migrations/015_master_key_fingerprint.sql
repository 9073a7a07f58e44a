-- Which master key sealed this database's secrets, told by a fingerprint derived from it
-- (HKDF, never the key): a process with another key refuses to start rather than fail at the
-- first secret it opens. One row; written by the first process, or by `argus master-key reseal`.
create table master_key (
  id           boolean primary key default true check (id),
  fingerprint  text not null,
  set_at       timestamptz not null default now()
);
