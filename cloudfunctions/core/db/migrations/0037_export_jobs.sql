-- Exports as background jobs: manager.exportReport records a job and answers at once; the exportWorker
-- timer builds the file outside any request (a 100k-order XLSX outlasts a client call) and the same
-- timer deletes files and rows past expires_at (retention).
create table export_jobs (
  id text primary key,
  store_id text not null references stores (id),
  kind text not null,
  format text not null check (format in ('csv', 'xlsx')),
  from_day text not null,
  to_day text not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  -- Each claim counts; a build that crashed or timed out is claimed again until the cap, then failed.
  attempts integer not null default 0,
  -- running: the claim's lease; past it the job belongs to nobody (its worker died or timed out).
  -- queued after a failed build: not claimed before it (the retry waits for a later run).
  lease_until timestamptz,
  rows integer,
  bytes bigint,
  file_id text,
  file_name text,
  error text,
  requested_by text not null references members (id),
  created_at timestamptz not null,
  started_at timestamptz,
  finished_at timestamptz,
  expires_at timestamptz not null
);

-- The page lists a store's recent jobs; the worker finds queued and lapsed jobs; retention finds old ones.
create index export_jobs_store_created_idx on export_jobs (store_id, created_at desc);
create index export_jobs_pending_idx on export_jobs (created_at) where status in ('queued', 'running');
create index export_jobs_expires_idx on export_jobs (expires_at);
