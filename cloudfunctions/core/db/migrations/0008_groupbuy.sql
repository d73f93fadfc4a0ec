-- Group-buy (拼团), campaigns on a SKU, teams that fill by payment, and their members.
-- A seat is taken only when a payment is recorded, with conditional updates on these counters.

create table groupbuy_campaigns (
  id                text primary key,
  store_id          text not null references stores(id),
  sku_id            text not null references skus(id),
  title             text not null,
  group_price_fen   integer not null check (group_price_fen >= 1),
  team_size         integer not null check (team_size between 2 and 10),
  window_hours      integer not null default 24 check (window_hours between 1 and 168),
  -- Seats (paid group-buy orders) one member may hold in this campaign, refunds given back.
  per_member_limit  integer not null default 1 check (per_member_limit between 1 and 99),
  -- Seats the campaign may sell in all; seats_sold never passes it (the conditional update is the lock).
  stock_cap         integer not null check (stock_cap >= 1),
  seats_sold        integer not null default 0 check (seats_sold >= 0 and seats_sold <= stock_cap),
  -- An unfilled team at expiry succeeds as a "virtual group" instead of being refunded.
  allow_virtual     boolean not null default false,
  -- A payment for a team that has just filled: open a new team for the payer, or refund it.
  on_full           text not null default 'open_new' check (on_full in ('open_new', 'refund')),
  status            text not null default 'active' check (status in ('active', 'stopped')),
  starts_at         timestamptz not null,
  ends_at           timestamptz not null,
  created_at        timestamptz not null,
  stopped_at        timestamptz,
  check (ends_at > starts_at)
);
create index groupbuy_campaigns_store on groupbuy_campaigns (store_id, status, ends_at);

create table groupbuy_teams (
  id           text primary key,
  store_id     text not null references stores(id),
  campaign_id  text not null references groupbuy_campaigns(id),
  leader_id    text not null references members(id),
  status       text not null default 'open' check (status in ('open', 'succeeded', 'failed')),
  size         integer not null check (size between 2 and 10),
  joined       integer not null check (joined >= 0 and joined <= size),
  -- Succeeded at expiry without filling (campaign allowed virtual groups).
  virtual      boolean not null default false,
  created_at   timestamptz not null,
  expires_at   timestamptz not null,
  finished_at  timestamptz,
  check (status = 'open' or finished_at is not null)
);
create index groupbuy_teams_open on groupbuy_teams (campaign_id, expires_at) where status = 'open';
create index groupbuy_teams_expiry on groupbuy_teams (expires_at) where status = 'open';
create index groupbuy_teams_store on groupbuy_teams (store_id, created_at);

-- One row per seat: a paid order in a team. A member sits in a team at most once.
create table groupbuy_team_members (
  team_id    text not null references groupbuy_teams(id),
  order_id   text not null unique references orders(id),
  member_id  text not null references members(id),
  seat       integer not null check (seat >= 1 and seat <= 10),
  joined_at  timestamptz not null,
  primary key (team_id, member_id),
  unique (team_id, seat)
);

-- Seats a member holds per campaign: the per-member limit as one conditional upsert.
create table groupbuy_member_seats (
  campaign_id  text not null references groupbuy_campaigns(id),
  member_id    text not null references members(id),
  seats        integer not null check (seats >= 0),
  primary key (campaign_id, member_id)
);

-- Team outcome messages and what became of them (sent, no consent, refused by WeChat).
create table groupbuy_notifications (
  order_id     text not null references orders(id),
  outcome      text not null check (outcome in ('succeeded', 'failed')),
  result       text not null check (result in ('sent', 'no_quota', 'refused', 'no_template')),
  errcode      integer,
  detail       text not null default '',
  created_at   timestamptz not null,
  primary key (order_id, outcome)
);

-- A paid group-buy order waits in 'grouping' (拼团中) until its team succeeds (-> paid) or fails (-> refund).
alter table orders drop constraint orders_status_check;
alter table orders add constraint orders_status_check check (status in ('pending_payment','paid','grouping','shipped',
  'ready_for_pickup','completed','settled','cancelled','refunding','refunded'));
