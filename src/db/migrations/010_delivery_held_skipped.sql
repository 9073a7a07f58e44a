-- Deliveries of a paused webhook are held, those of a disabled one skipped (machines/delivery.ts),
-- and a delivery in backoff says why it waits what it waits.
alter table webhook_deliveries drop constraint webhook_deliveries_state_check;
alter table webhook_deliveries add constraint webhook_deliveries_state_check
  check (state in ('queued', 'sending', 'backoff', 'held', 'skipped', 'succeeded', 'failed'));
-- 'schedule' (the published schedule, jittered), 'retry_after' (the receiver's Retry-After was
-- longer) or 'lease_expired' (no result came back within the lease).
alter table webhook_deliveries add column next_delay_reason text;
