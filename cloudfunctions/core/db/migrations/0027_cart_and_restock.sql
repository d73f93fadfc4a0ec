-- A member's cart on the server, so it follows the account across devices. One row per member and
-- SKU: writes are upserts on that key, so a repeated or replayed set lands once. `selected` is the
-- 全选 / per-line tick, kept with the line so another device shows the same selection.
create table cart_items (
  member_id   text not null references members(id),
  sku_id      text not null references skus(id),
  qty         integer not null check (qty between 1 and 99),
  selected    boolean not null default true,
  added_at    timestamptz not null,
  updated_at  timestamptz not null,
  primary key (member_id, sku_id)
);

-- 到货提醒: a member asks to hear when a sold-out product is back. One row per member and product
-- (asking twice is the same request); `notified_at` is set once, by the conditional update that
-- sends the message, so a product that sells out and comes back again notifies only new requests.
create table restock_subscriptions (
  member_id      text not null references members(id),
  product_id     text not null references products(id),
  created_at     timestamptz not null,
  notified_at    timestamptz,
  last_error     text,
  primary key (member_id, product_id)
);
create index restock_waiting on restock_subscriptions (product_id) where notified_at is null;
