-- The shop a pickup order is collected at, chosen at checkout. Kept apart from `shop_id` (the
-- member's shop stamped for attribution): a member of one shop may collect at the other.
alter table orders add column pickup_shop_id text references shops(id);

-- The counter lists the pickups waiting in its own shop.
create index orders_pickup_shop_idx on orders (pickup_shop_id, status) where pickup_shop_id is not null;
