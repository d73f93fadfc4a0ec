-- Carrier tracking timelines, cached: the customer's order page asks the provider (快递100, billed per
-- query and rate-limited) at most once per parcel every few minutes, and never again once delivered.
create table tracking_timelines (
  carrier_code text not null,
  tracking_no text not null,
  provider text not null,
  found boolean not null,
  state text not null,
  events jsonb not null default '[]',
  -- delivered (签收): the timeline is final and never asked for again.
  final boolean not null default false,
  fetched_at timestamptz not null,
  primary key (carrier_code, tracking_no)
);

-- Exports read orders, refunds, payments, members and points by time, keyset paged on (time, id).
create index if not exists orders_store_created_idx on orders (store_id, created_at, id);
