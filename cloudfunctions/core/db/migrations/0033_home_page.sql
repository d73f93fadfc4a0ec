-- The home page as the manager arranges it: banners get a typed link (what a tap opens, checked to exist
-- when saved) and a schedule honoured when the home page is read; featured sections list chosen products
-- in the manager's order, or the newest products of a category.
alter table banners
  add column link_kind  text check (link_kind in ('product', 'category', 'campaign', 'page')),
  add column link_id    text,
  add column starts_at  timestamptz,
  add column ends_at    timestamptz,
  add column updated_at timestamptz,
  add constraint banners_link_typed check ((link_kind is null) = (link_id is null)),
  add constraint banners_schedule check (starts_at is null or ends_at is null or ends_at > starts_at);

-- Banners written before typed links carried a route; read it once into the typed link.
update banners
   set link_kind = 'product', link_id = substring(link from '^/packages/goods/detail\?id=([A-Za-z0-9_-]+)$')
 where link ~ '^/packages/goods/detail\?id=[A-Za-z0-9_-]+$';
update banners
   set link_kind = 'category', link_id = substring(link from '^/packages/goods/list\?categoryId=([A-Za-z0-9_-]+)')
 where link ~ '^/packages/goods/list\?categoryId=[A-Za-z0-9_-]+';

create index banners_store on banners (store_id, sort, id);

create table home_sections (
  id            text primary key,
  store_id      text not null references stores(id),
  title         text not null,
  -- 'products': the manager's chosen products in their order; 'newest': the newest N of a category.
  kind          text not null check (kind in ('products', 'newest')),
  product_ids   jsonb not null default '[]',
  category_id   text references categories(id),
  newest_count  integer check (newest_count between 1 and 20),
  sort          integer not null default 0,
  active        boolean not null default true,
  created_at    timestamptz not null,
  updated_at    timestamptz not null,
  check ((kind = 'newest') = (category_id is not null and newest_count is not null))
);
create index home_sections_store on home_sections (store_id, sort, id);
