-- A webhook's queue as the studio shows it (src/studio/console-service.ts): what is due, in flight,
-- waiting for a retry, held and in an ordered line, counted from small partial indexes. The ready
-- index (013) counts what is due, the sending index what is in flight; this one counts what waits
-- for a retry or is held, by tenant and webhook. A delivery enters it only when an attempt fails
-- or its webhook is paused: publishing and a first attempt that succeeds never touch it.
create index webhook_deliveries_waiting on webhook_deliveries (tenant_id, subscription_id, due_at)
  where state in ('backoff', 'held');
