-- A member's address book, shared by every client (H5 and weapp): express checkout picks one and the
-- order keeps a copy (orders.address), so editing or deleting an address never changes an order.
-- Names of province, city and district are checked against the region list by the service; the
-- checks here are the limits no row may break whatever code wrote it.
create table member_addresses (
  id          text primary key,
  store_id    text not null references stores(id),
  member_id   text not null references members(id),
  name        text not null check (char_length(name) between 1 and 20),
  phone       text not null check (phone ~ '^1[3-9][0-9]{9}$'),
  province    text not null check (char_length(province) between 1 and 20),
  city        text not null check (char_length(city) between 1 and 20),
  district    text not null default '' check (char_length(district) <= 20),
  detail      text not null check (char_length(detail) between 1 and 120),
  is_default  boolean not null default false,
  created_at  timestamptz not null,
  updated_at  timestamptz not null
);
-- At most one default per member, whatever races: the second concurrent default fails here.
create unique index member_addresses_one_default on member_addresses (member_id) where is_default;
create index member_addresses_member on member_addresses (member_id, created_at);
