-- Staff at the counter: one-time staff invites, in-store receipts awarded points once per
-- store, coupons redeemed at the counter, and the audit log of every staff and manager action.

-- A manager's one-time invite. The token travels in a link / mini-program code; only its hash is
-- stored, so a leaked database dump cannot be used to become staff.
create table staff_invites (
  id          text primary key,
  store_id    text not null references stores(id),
  token_hash  text not null unique,
  role        text not null check (role in ('staff', 'manager')),
  created_by  text not null,
  created_at  timestamptz not null,
  expires_at  timestamptz not null check (expires_at > created_at),
  -- Set once by the conditional update that binds (used_at is null and expires_at > now).
  used_by     text,
  used_at     timestamptz,
  revoked_at  timestamptz,
  check ((used_by is null) = (used_at is null))
);
create index staff_invites_store on staff_invites (store_id, created_at desc);

alter table staff
  add column invited_by text,
  add column revoked_by text;

-- One row per in-store receipt: the primary key makes (store, receipt) award points at most once,
-- even when two counters submit the same receipt at the same moment.
create table counter_receipts (
  store_id    text not null references stores(id),
  receipt_no  text not null,
  member_id   text not null references members(id),
  amount_fen  integer not null check (amount_fen > 0),
  points      integer not null check (points >= 0),
  awarded_by  text not null,
  awarded_at  timestamptz not null,
  primary key (store_id, receipt_no)
);
create index counter_receipts_member on counter_receipts (member_id, awarded_at desc);

-- A coupon redeemed at the counter is used without an order: it records who redeemed it instead.
alter table coupons add column redeemed_by text;
-- 0004's unnamed check "(status not in ('locked','used')) or order_id is not null" is coupons_check1.
alter table coupons drop constraint coupons_check1;
alter table coupons add constraint coupons_used_has_order_or_counter
  check (status <> 'locked' or order_id is not null),
  add constraint coupons_used_by_order_or_counter
  check (status <> 'used' or order_id is not null or redeemed_by is not null);

-- Who did what at the counter or in the manager's tools. Append-only.
create table audit_log (
  id          bigint generated always as identity primary key,
  store_id    text not null references stores(id),
  who         text not null,
  role        text not null check (role in ('customer', 'staff', 'manager')),
  action      text not null,
  member_id   text references members(id),
  amount_fen  integer,
  detail      jsonb not null default '{}',
  created_at  timestamptz not null
);
create index audit_log_store on audit_log (store_id, id desc);
