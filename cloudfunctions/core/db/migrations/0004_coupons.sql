-- Coupons: templates a store defines, and the coupon instances members hold.
-- Depends only on 0001/0002 (stores, members), never on 0003 (points), which lands in parallel.

create table coupon_templates (
  id                text primary key,
  store_id          text not null references stores(id),
  title             text not null,
  -- A key of the coupon rule registry (coupon/rules): how the discount is computed.
  kind              text not null check (kind in ('full_reduction', 'percent_off', 'no_threshold')),
  -- The rule's typed arguments (thresholdFen, amountFen, percentOff, capFen), validated by its zod schema.
  args              jsonb not null,
  scope             text not null default 'all' check (scope in ('all', 'categories', 'products')),
  scope_ids         text[] not null default '{}',
  -- Validity: a fixed window (valid_from..valid_until), or valid_days after the claim.
  valid_from        timestamptz,
  valid_until       timestamptz,
  valid_days        integer check (valid_days is null or valid_days > 0),
  total             integer not null check (total >= 0),
  -- Decremented by a conditional update (remaining > 0): a total of 1 issues exactly 1 coupon.
  remaining         integer not null check (remaining >= 0 and remaining <= total),
  per_member_limit  integer not null default 1 check (per_member_limit > 0),
  -- Shown in the claim center; false for templates only issuers hand out (new member, birthday...).
  claimable         boolean not null default true,
  active            boolean not null default true,
  sort              integer not null default 0,
  created_at        timestamptz not null default now(),
  check ((valid_days is not null) or (valid_until is not null)),
  check (valid_from is null or valid_until is null or valid_from < valid_until)
);
create index coupon_templates_store on coupon_templates (store_id, active, sort, id);

create table coupons (
  id           text primary key,
  store_id     text not null references stores(id),
  template_id  text not null references coupon_templates(id),
  member_id    text not null references members(id),
  -- The member's n-th coupon of this template: unique and <= the per-member limit, so two
  -- concurrent claims by one member cannot both take the last allowed slot.
  seq          integer not null check (seq > 0),
  -- 'expired' is stored only when a release finds the coupon past valid_until; otherwise expiry
  -- is read from valid_until.
  status       text not null default 'usable' check (status in ('usable', 'locked', 'used', 'expired')),
  source       text not null check (source in ('claim', 'new_member', 'birthday', 'referral', 'win_back', 'staff')),
  valid_from   timestamptz not null,
  valid_until  timestamptz not null,
  -- The order holding (locked) or having spent (used) it. No foreign key: the lock is taken in the
  -- order's transaction before the order row is inserted.
  order_id     text,
  claimed_at   timestamptz not null,
  used_at      timestamptz,
  unique (template_id, member_id, seq),
  check (valid_from < valid_until),
  check (status not in ('locked', 'used') or order_id is not null)
);
create index coupons_member on coupons (member_id, status, valid_until);
create index coupons_order on coupons (order_id) where order_id is not null;
