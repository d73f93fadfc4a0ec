-- Timers claim a lease row instead of holding a session advisory lock: a function instance frozen or
-- killed mid-run could keep a session (and its lock) open on a connection nobody would use again, and
-- every later run skipped. A lease ends by itself at expires_at (database clock), is released by its
-- holder at the end of the run, and may be taken over at once when the connection that claimed it
-- (holder_pid, a backend the holder keeps for the run) is gone.
create table timer_leases (
  timer      text        primary key,
  holder     text        not null,
  holder_pid integer,
  expires_at timestamptz not null
);
