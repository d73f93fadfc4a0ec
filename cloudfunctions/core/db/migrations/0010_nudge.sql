-- Repurchase nudges: per-store settings, one row per nudge with its outcome, per-member
-- order stats for win-back, and the indexes that let the daily run read only what is due.

-- Per-store overrides; a store without a row uses the defaults in nudge/domain/settings.ts.
create table nudge_settings (
  store_id          text primary key references stores(id),
  template_id       text,
  cap_days          integer check (cap_days is null or cap_days between 1 and 90),
  quiet_start_hour  integer check (quiet_start_hour is null or quiet_start_hour between 0 and 23),
  quiet_end_hour    integer check (quiet_end_hour is null or quiet_end_hour between 0 and 23),
  -- Per trigger code: its typed args (validated by the trigger's zod schema) and `enabled`.
  trigger_args      jsonb not null default '{}',
  updated_at        timestamptz not null default now()
);

-- Long-term subscriptions (WeChat grants them to some service categories only): sends never spend them.
alter table subscribe_quotas add column long_term boolean not null default false;

create table nudges (
  id           bigint generated always as identity primary key,
  store_id     text not null references stores(id),
  member_id    text not null references members(id),
  trigger      text not null,
  -- What the nudge is about (product + purchase, coupon id, expiry date ...): the dedupe key with member and trigger.
  subject      text not null,
  template_id  text not null,
  -- The trigger's facts (product and title, points, coupon ...); the message is rendered from them.
  detail       jsonb not null,
  -- What was handed to WeChat, recorded when sent.
  page         text,
  data         jsonb,
  coupon_id    text,
  status       text not null default 'queued' check (status in ('queued', 'sent', 'refused', 'failed')),
  attempts     integer not null default 0,
  errcode      integer,
  last_error   text,
  created_at   timestamptz not null,
  sent_at      timestamptz,
  unique (member_id, trigger, subject)
);
-- The 7-day cap looks up a member's latest nudges; the message log pages by store, newest first.
create index nudges_member_recent on nudges (member_id, created_at desc);
create index nudges_store_recent on nudges (store_id, id desc);

-- Per-member order stats, refreshed incrementally by the daily run for members who paid since
-- the last run, so win-back finds "at risk" members through an index instead of aggregating
-- every member's orders each day.
create table nudge_member_stats (
  member_id      text primary key references members(id),
  store_id       text not null references stores(id),
  first_paid_at  timestamptz not null,
  last_paid_at   timestamptz not null,
  orders         integer not null check (orders > 0),
  -- last + 2 x the usual interval between orders; null with a single order (no interval yet).
  at_risk_at     timestamptz,
  refreshed_at   timestamptz not null
);
create index nudge_member_stats_at_risk on nudge_member_stats (store_id, at_risk_at) where at_risk_at is not null;

-- The stats watermark: orders paid after it have not been folded into nudge_member_stats yet.
create table nudge_runs (
  store_id     text not null references stores(id),
  run_at       timestamptz not null,
  counts       jsonb not null,
  primary key (store_id, run_at)
);

-- Due-window scans: purchases by payment time, coupons by expiry.
create index orders_store_paid_at on orders (store_id, paid_at) where paid_at is not null;
create index coupons_usable_expiry on coupons (valid_until) where status = 'usable';
