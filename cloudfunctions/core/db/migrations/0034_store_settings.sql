-- Store settings, one versioned document per store: each save appends a version (the newest is in
-- force), so the history is the table itself and two managers saving at once cannot both win (the
-- second insert of the same version conflicts). No row: the defaults, today's behaviour.
create table store_settings (
  store_id    text not null references stores(id),
  version     integer not null check (version > 0),
  section     text not null,
  doc         jsonb not null,
  created_by  text not null,
  created_at  timestamptz not null,
  primary key (store_id, version)
);

-- An order keeps the rules it was placed under: the settings version and the numbers the timers and
-- the points consumer read. Orders placed before this migration keep today's constants.
alter table orders
  add column settings_version integer,
  add column auto_confirm_days smallint not null default 7 check (auto_confirm_days > 0),
  add column refund_window_days smallint not null default 7 check (refund_window_days >= 0),
  add column points_per_yuan smallint not null default 1 check (points_per_yuan >= 0);
