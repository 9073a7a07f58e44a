-- An event's W3C trace context (traceparent) when it was published with tracing on: the
-- publish span, child of the caller's trace. Delivery attempts link their spans to it.
-- Null for events published with tracing off. Partitions of events get the column too.
alter table events add column traceparent text;
