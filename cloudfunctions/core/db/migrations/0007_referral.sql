-- Invite a friend: per-store referral settings, bindings (inviter -> friend) and the funnel.

-- Per-store configuration; a store without a row uses the defaults in referral/domain/settings.ts.
create table referral_settings (
  store_id            text primary key references stores(id),
  -- What the inviter gets when a friend's first order settles.
  reward_kind         text not null default 'points' check (reward_kind in ('points', 'coupon')),
  reward_points       integer not null default 500 check (reward_points > 0),
  reward_template_id  text references coupon_templates(id),
  -- The new-customer coupon the friend gets on binding.
  friend_template_id  text references coupon_templates(id),
  -- Rewards per inviter per Shanghai calendar day / month; beyond them a settlement is recorded as capped.
  daily_cap           integer not null default 5 check (daily_cap >= 0),
  monthly_cap         integer not null default 30 check (monthly_cap >= 0),
  -- The friend's first order must be paid within this many days of binding.
  binding_days        integer not null default 30 check (binding_days > 0),
  updated_at          timestamptz not null default now(),
  check (reward_kind <> 'coupon' or reward_template_id is not null)
);

-- One row per binding. status:
--   bound     bound, first order not settled yet (已绑定, or 已下单 once a paid order exists)
--   rewarded  first order settled, inviter rewarded (已奖励)
--   capped    first order settled, inviter over a cap: no reward (已失效)
--   reversed  the rewarded order was refunded: reward taken back (已失效)
--   void      the first order was refunded in full before settlement (已失效)
--   expired   no paid order within the binding window; set lazily when another inviter binds (已失效)
create table referrals (
  id                 text primary key,
  store_id           text not null references stores(id),
  inviter_member_id  text not null references members(id),
  friend_member_id   text not null references members(id),
  status             text not null default 'bound'
                     check (status in ('bound', 'rewarded', 'capped', 'reversed', 'void', 'expired')),
  bound_at           timestamptz not null,
  -- bound_at + binding_days: the friend's first order must be paid before this instant.
  expires_at         timestamptz not null check (expires_at > bound_at),
  friend_coupon_id   text references coupons(id),
  first_order_id     text references orders(id),
  reward_kind        text check (reward_kind in ('points', 'coupon')),
  reward_points      integer,
  reward_coupon_id   text references coupons(id),
  rewarded_at        timestamptz,
  reversed_at        timestamptz,
  check (inviter_member_id <> friend_member_id)
);
-- First touch wins: one live binding per friend. Two inviters racing insert under this index and
-- the second one's `on conflict do nothing` inserts nothing.
create unique index referrals_one_live_per_friend on referrals (friend_member_id) where status <> 'expired';
create index referrals_inviter on referrals (inviter_member_id, bound_at desc);
create index referrals_inviter_rewarded on referrals (inviter_member_id, rewarded_at) where rewarded_at is not null;

-- The funnel (read by the manager dashboard): every attribution decision with a reason code.
create table referral_events (
  id                 bigint generated always as identity primary key,
  store_id           text not null references stores(id),
  inviter_member_id  text not null references members(id),
  friend_member_id   text references members(id),
  kind               text not null check (kind in ('card_shown', 'opened', 'bound', 'first_order', 'rewarded', 'reversed', 'refused')),
  reason             text,
  referral_id        text references referrals(id),
  created_at         timestamptz not null
);
create index referral_events_store_kind on referral_events (store_id, kind, created_at);
create index referral_events_inviter on referral_events (inviter_member_id, created_at);

-- The inviter's points reward has its own ledger reason (shown as 邀请奖励).
alter table points_entries drop constraint points_entries_reason_check;
alter table points_entries add constraint points_entries_reason_check
  check (reason in ('earn', 'award', 'spend', 'spend_return', 'expire', 'refund_reversal', 'referral'));
