-- Physical stores (门店) and personal advisors (导购), issue 11.
-- `stores` is the brand (the tenant every member, product and staff row belongs to); a brand has one or
-- more `shops`: the counters where a walk-in customer scans a poster code (scene `s=<shop code>`) or
-- an advisor's code (scene `a=<staff code>`).

create table shops (
  id                   text primary key,
  store_id             text not null references stores(id),
  -- Short code carried in the mini-program code's scene (`s=CODE`, WeChat allows 32 characters).
  code                 text not null unique check (code ~ '^[0-9A-Za-z]{4,16}$'),
  name                 text not null,
  address              text not null default '',
  hours                text not null default '',
  phone                text not null default '',
  latitude             double precision check (latitude between -90 and 90),
  longitude            double precision check (longitude between -180 and 180),
  -- The coupon a new visitor receives once, ever (null: no welcome gift).
  welcome_template_id  text references coupon_templates(id),
  active               boolean not null default true,
  created_at           timestamptz not null,
  check ((latitude is null) = (longitude is null))
);
create index shops_store on shops (store_id, created_at);

-- Staff belong to a shop (a brand-level manager may have none) and carry a code for `a=CODE`.
alter table staff
  add column shop_id       text references shops(id),
  add column code          text unique check (code is null or code ~ '^[0-9A-Za-z]{4,16}$'),
  add column display_name  text;

-- Where a member came from: written once, by the first store or advisor code they scanned. Never
-- updated, so per-shop "new members" counts do not move when advisors change.
create table member_origins (
  member_id       text primary key references members(id),
  store_id        text not null references stores(id),
  shop_id         text not null references shops(id),
  advisor_openid  text,
  scene           text not null,
  created_at      timestamptz not null
);
create index member_origins_shop on member_origins (shop_id, created_at);

-- Who serves a member now: one row per member served by a shop; advisor_openid null is the shop's
-- pool. First binding wins (insert ... on conflict do nothing); a manager's reassignment and an
-- advisor's revocation are conditional updates, each audited.
create table member_advisors (
  member_id       text primary key references members(id),
  store_id        text not null references stores(id),
  shop_id         text not null references shops(id),
  advisor_openid  text,
  bound_at        timestamptz not null,
  updated_at      timestamptz not null,
  updated_by      text
);
create index member_advisors_advisor on member_advisors (store_id, advisor_openid);

-- The welcome gift, once per member ever: the primary key is the guarantee under concurrent scans.
create table welcome_gifts (
  member_id   text primary key references members(id),
  shop_id     text not null references shops(id),
  coupon_id   text not null references coupons(id),
  granted_at  timestamptz not null
);

-- Revenue attribution is stamped on the order when it is created (the member's advisor and shop at
-- that moment), so a later reassignment does not move revenue already earned.
alter table orders
  add column shop_id         text references shops(id),
  add column advisor_openid  text;
create index orders_advisor on orders (store_id, advisor_openid, paid_at) where advisor_openid is not null;
create index orders_shop on orders (shop_id, paid_at) where shop_id is not null;
