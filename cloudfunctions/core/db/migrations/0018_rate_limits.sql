-- Rate-limit counters shared by every gateway replica and every cloud function instance: one row
-- per bucket (policy + identity or client IP) holding the start of its current window and the calls
-- counted in it. One upsert counts a call atomically; a window that has run out starts again in the
-- same statement, so a row never needs deleting for correctness.
-- Unlogged: the counters are worth nothing after a crash (every budget simply starts afresh) and
-- skipping the WAL halves the cost of the write every limited call makes.
create unlogged table rate_limit_counters (
  bucket       text        primary key,
  window_start timestamptz not null,
  count        integer     not null
);
-- Pruning removes buckets whose window ran out (idle identities and addresses) by this column.
create index rate_limit_counters_window_start on rate_limit_counters (window_start);
