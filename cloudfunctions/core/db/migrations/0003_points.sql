-- Points ledger (append-only entries + lots) and tier growth (growth_events + tier_changes).
-- Invariants: members.points_balance = sum(points_entries.delta) = sum(points_lots.remaining) per member.
-- Every write to a member's points first takes that member's row lock (conditional update or
-- `select ... for update` on members), so lots and the cached balance change together.

-- A lot is what one credit added; spends take from the oldest lots first, expiry zeroes a lot.
create table points_lots (
  id          text primary key,
  member_id   text not null references members(id),
  amount      integer not null check (amount > 0),
  remaining   integer not null check (remaining >= 0 and remaining <= amount),
  earned_at   timestamptz not null,
  -- End of the year after earned_at, Asia/Shanghai.
  expires_at  timestamptz not null check (expires_at > earned_at),
  created_at  timestamptz not null
);
-- Oldest-first consumption of a member's lots that still hold points.
create index points_lots_member_open on points_lots (member_id, earned_at, id) where remaining > 0;
-- The expiry timer's scan.
create index points_lots_due on points_lots (expires_at) where remaining > 0;

create table points_entries (
  id               bigint generated always as identity primary key,
  member_id        text not null references members(id),
  -- A refund reversal may take 0 when the balance is empty: the entry still records the shortfall.
  delta            integer not null check (delta <> 0 or reason = 'refund_reversal'),
  reason           text not null check (reason in ('earn', 'award', 'spend', 'spend_return', 'expire', 'refund_reversal')),
  order_id         text,
  -- The lot a credit created (earn/award) or an expiry emptied.
  lot_id           text references points_lots(id),
  -- e.g. earn:<orderId>, spend:<orderId>, spend_return:<orderId>, expire:<lotId>, refund_reversal:<refundId>
  idempotency_key  text not null unique,
  -- Spends record the lots they consumed; reversals record any shortfall; earns their multiplier.
  metadata         jsonb not null default '{}',
  created_at       timestamptz not null
);
create index points_entries_member on points_entries (member_id, id desc);
create index points_entries_order on points_entries (order_id) where order_id is not null;

-- Growth value ledger: paid yuan from settled orders (+), refunds after settlement (-).
create table growth_events (
  id               bigint generated always as identity primary key,
  member_id        text not null references members(id),
  delta            integer not null check (delta <> 0),
  source           text not null check (source in ('order_settled', 'order_refunded')),
  order_id         text,
  idempotency_key  text not null unique,
  at               timestamptz not null
);
create index growth_events_member_at on growth_events (member_id, at);

-- Every tier change; the member UI shows a celebration for unacknowledged upgrades.
create table tier_changes (
  id               bigint generated always as identity primary key,
  member_id        text not null references members(id),
  from_code        text not null,
  to_code          text not null,
  reason           text not null check (reason in ('upgrade', 'yearly_review')),
  created_at       timestamptz not null,
  acknowledged_at  timestamptz,
  check (from_code <> to_code)
);
create index tier_changes_member on tier_changes (member_id, id desc);
