-- What a running server says of itself, for processes that act on the same database without
-- its settings: its PUBLIC_URL, the issuer of the tokens it accepts (the CLI mints for it).
create table server_settings (
  name        text primary key,
  value       text not null,
  updated_at  timestamptz not null default now()
);
