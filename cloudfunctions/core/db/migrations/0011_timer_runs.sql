-- one run per timer per scheduled second across gateway replicas. The advisory lock stops
-- two replicas running a timer at the same moment; this key stops a replica whose clock tick came
-- later from running the same schedule again after the first one finished and released the lock.
create table timer_runs (
  timer      text        not null,
  slot       timestamptz not null,
  replica    text        not null,
  started_at timestamptz not null default now(),
  primary key (timer, slot)
);
