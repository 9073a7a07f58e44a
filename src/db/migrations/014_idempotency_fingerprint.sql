-- An Idempotency-Key remembers what it was first used for: a SHA-256 of the request (its type and
-- data, keys sorted), so that the same request again is a replay and a different one under the
-- same key is a conflict. Keys taken before this migration have none, and replay as before.
alter table event_idempotency_keys add column request_sha256 text;
