-- 运费模板: how express is priced per product. A template charges by piece count or by weight (grams),
-- has region rules (province groups, each with first / additional unit and fee, and an optional
-- free-shipping-over amount), a default rule for provinces no region names, and provinces not delivered
-- to. The rules are read and written as one value (the editor saves the whole template), so they are
-- one jsonb document; the domain validates it (no province twice, units > 0, fees >= 0).
create table freight_templates (
  id            text primary key,
  store_id      text not null references stores(id),
  name          text not null check (char_length(name) between 1 and 30),
  charge_by     text not null check (charge_by in ('count', 'weight')),
  rules         jsonb not null,
  undeliverable text[] not null default '{}',
  -- Bumped by every save: an update names the version it edited, so two editors cannot overwrite each other.
  version       integer not null default 1,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  unique (store_id, name)
);
create index freight_templates_store on freight_templates (store_id, created_at, id);

-- A product names its template; a template in use cannot be deleted (the service says so first).
alter table products
  add constraint products_freight_template_fk foreign key (freight_template_id) references freight_templates(id);
create index products_freight_template on products (freight_template_id) where freight_template_id is not null;
