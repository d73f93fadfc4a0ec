-- make "stock + sold - returned = initial" checkable per SKU without touching the order
-- path. A SKU's initial stock is recorded once, when the SKU row is inserted (a row trigger on insert
-- only: reserve/release updates never fire it), and every manager stock edit appends an adjustment
-- in the same statement as the compare-and-set. initial = baseline + sum(adjustments). A SKU that
-- is deleted (possible only before it was ever ordered) takes its records with it.

create table sku_stock_baselines (
  sku_id         text primary key references skus(id) on delete cascade,
  initial_stock  integer not null,
  -- 'created': the SKU's stock when inserted; 'backfill': derived when this migration ran
  -- (stock + sold - returned at that moment), so history before 0015 is taken as given.
  source         text not null check (source in ('created', 'backfill')),
  recorded_at    timestamptz not null default now()
);

-- Append-only: one row per manager stock change (manager.updateSku), never edited.
create table sku_stock_adjustments (
  id          bigint generated always as identity primary key,
  sku_id      text not null references skus(id) on delete cascade,
  delta       integer not null check (delta <> 0),
  stock_from  integer not null,
  stock_to    integer not null,
  adjusted_by text not null,
  created_at  timestamptz not null,
  check (stock_to - stock_from = delta)
);
create index sku_stock_adjustments_sku on sku_stock_adjustments (sku_id);

insert into sku_stock_baselines (sku_id, initial_stock, source)
select s.id,
       s.stock
         + coalesce((select sum(l.qty) from order_lines l join orders o on o.id = l.order_id
                     where l.sku_id = s.id and o.status <> 'cancelled'), 0)
         - coalesce((select sum(l.qty) from order_lines l where l.sku_id = s.id and l.refund_id is not null), 0),
       'backfill'
from skus s;

create function record_sku_stock_baseline() returns trigger language plpgsql as $$
begin
  insert into sku_stock_baselines (sku_id, initial_stock, source) values (new.id, new.stock, 'created');
  return new;
end
$$;

create trigger skus_record_stock_baseline after insert on skus
  for each row execute function record_sku_stock_baseline();
