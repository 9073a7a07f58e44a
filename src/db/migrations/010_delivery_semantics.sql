-- Deliveries of a paused webhook are held, those of a disabled one skipped (machines/delivery.ts),
-- and a delivery in backoff says why it waits what it waits.
alter table webhook_deliveries drop constraint webhook_deliveries_state_check;
alter table webhook_deliveries add constraint webhook_deliveries_state_check
  check (state in ('queued', 'sending', 'backoff', 'held', 'skipped', 'succeeded', 'failed'));
-- 'schedule' (the published schedule, jittered), 'retry_after' (the receiver's Retry-After was
-- longer) or 'lease_expired' (no result came back within the lease).
alter table webhook_deliveries add column next_delay_reason text;

-- Ordered delivery, opted into per webhook: its deliveries take places in line (order_seq) in
-- the publishing transaction, which holds the webhook's row while it does; only the head of the
-- line (fifo_head) is due, the others wait queued with no due time until it is done.
alter table webhook_subscriptions add column ordering text not null default 'none' check (ordering in ('none', 'fifo'));
alter table webhook_subscriptions add column fifo_last bigint not null default 0;   -- the last place given
alter table webhook_subscriptions add column fifo_head bigint;                      -- the place allowed to go; null: the next one published
alter table webhook_deliveries add column order_seq bigint;
create index webhook_deliveries_in_line on webhook_deliveries (subscription_id, order_seq)
  where order_seq is not null and state in ('queued', 'sending', 'backoff', 'held');

-- A per-webhook rate limit, shared by every worker process: a token bucket in the webhook's row
-- (capacity rate_per_second, refilled at that rate), taken from in the claiming transaction.
alter table webhook_subscriptions add column rate_per_second integer check (rate_per_second between 1 and 10000);
alter table webhook_subscriptions add column rate_tokens double precision not null default 0;
alter table webhook_subscriptions add column rate_at timestamptz;
