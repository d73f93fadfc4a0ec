-- Foundation: stores, catalog, members, staff roles, idempotency.
-- Money is integer fen; every balance has a CHECK; ids are text (seeded ids are readable slugs).

create table stores (
  id          text primary key,
  name        text not null,
  slogan      text not null default '',
  created_at  timestamptz not null default now()
);

create table categories (
  id          text primary key,
  store_id    text not null references stores(id),
  name        text not null,
  icon        text not null,
  art         jsonb,
  sort        integer not null default 0,
  active      boolean not null default true
);
create index categories_store_sort on categories (store_id, sort, id);

create table products (
  id                     text primary key,
  store_id               text not null references stores(id),
  category_id            text not null references categories(id),
  title                  text not null,
  subtitle               text not null default '',
  description            text not null default '',
  images                 jsonb not null default '[]',
  art                    jsonb,
  repurchase_cycle_days  integer not null check (repurchase_cycle_days > 0),
  fulfilment             text[] not null check (cardinality(fulfilment) > 0 and fulfilment <@ array['express','pickup']),
  tags                   text[] not null default '{}',
  featured               boolean not null default false,
  sort                   integer not null default 0,
  status                 text not null default 'on_sale' check (status in ('on_sale', 'off_shelf')),
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now()
);
create index products_listing on products (store_id, status, sort, id);
create index products_category on products (category_id, status, sort, id);

create table skus (
  id                  text primary key,
  product_id          text not null references products(id),
  specs               jsonb not null,
  price_fen           integer not null check (price_fen > 0),
  original_price_fen  integer check (original_price_fen is null or original_price_fen > price_fen),
  stock               integer not null check (stock >= 0),
  sort                integer not null default 0,
  active              boolean not null default true
);
create index skus_product on skus (product_id, sort);

create table banners (
  id        text primary key,
  store_id  text not null references stores(id),
  title     text not null,
  subtitle  text not null default '',
  image     text not null,
  art       jsonb,
  link      text not null,
  sort      integer not null default 0,
  active    boolean not null default true
);

-- Membership tiers per store; benefits are declarative configuration (discount, multiplier, ...).
create table tiers (
  store_id    text not null references stores(id),
  code        text not null,
  name        text not null,
  min_growth  integer not null check (min_growth >= 0),
  benefits    jsonb not null default '{}',
  primary key (store_id, code),
  unique (store_id, min_growth)
);

create table members (
  id              text primary key,
  store_id        text not null references stores(id),
  openid          text not null,
  nickname        text not null,
  avatar_url      text,
  tier_code       text not null,
  points_balance  integer not null default 0 check (points_balance >= 0),
  growth          integer not null default 0 check (growth >= 0),
  invite_code     text not null unique,
  created_at      timestamptz not null default now(),
  unique (store_id, openid),
  foreign key (store_id, tier_code) references tiers (store_id, code)
);

-- Staff roles are keyed by openid so a manager can be configured before their first visit.
create table staff (
  store_id    text not null references stores(id),
  openid      text not null,
  role        text not null check (role in ('staff', 'manager')),
  created_at  timestamptz not null default now(),
  revoked_at  timestamptz,
  primary key (store_id, openid)
);

-- The first answer to a mutating call, replayed for the same (scope, key).
create table idempotency_keys (
  scope         text not null,
  key           text not null,
  request_hash  text not null,
  response      jsonb,
  created_at    timestamptz not null default now(),
  primary key (scope, key)
);
