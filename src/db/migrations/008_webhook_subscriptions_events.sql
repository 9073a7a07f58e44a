-- Publishing finds the subscriptions of a tenant that receive an event type; without an index
-- on the types that was a scan of every subscription of the tenant on every publish (10,000
-- subscriptions: a few milliseconds of database CPU per event, whatever the event's fan-out).
create index webhook_subscriptions_events on webhook_subscriptions using gin (events) where deleted_at is null;
