-- Fair claims (src/webhooks/dispatch/claimer.ts). The one due index becomes three partial ones,
-- each as small as what it serves:
--
-- * ready:  deliveries queued and due, by tenant and endpoint. A claim walks it one key at a time
--           (a loose index scan: one probe per tenant, then per endpoint), so what it reads is
--           the tenants and endpoints that have work, never one tenant's whole backlog.
-- * timers: the other timers (a lease, a backoff, a hold), in due order; none of them sends.
-- * sending: the requests in flight per endpoint, counted by a claim so that the endpoint's cap
--           holds across every worker process.
create index webhook_deliveries_ready on webhook_deliveries (tenant_id, subscription_id, due_at)
  where state = 'queued' and due_at is not null;
create index webhook_deliveries_timers on webhook_deliveries (due_at)
  where due_at is not null and state <> 'queued';
create index webhook_deliveries_sending on webhook_deliveries (subscription_id)
  where state = 'sending';
drop index webhook_deliveries_due;
