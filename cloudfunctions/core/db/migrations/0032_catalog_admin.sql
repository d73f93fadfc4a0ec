-- The manager's product editor: a detail made of paragraphs and images, a shelf schedule read at query
-- time (no timer flips a status), soft deletion (order lines keep pointing at the row and carry their own
-- copy of what was bought), and a version for optimistic concurrency between two editors.
alter table products
  add column detail       jsonb not null default '[]',
  add column on_shelf_at  timestamptz,
  add column off_shelf_at timestamptz,
  add column deleted_at   timestamptz,
  add column version      integer not null default 1 check (version > 0),
  add constraint products_shelf_window check (on_shelf_at is null or off_shelf_at is null or on_shelf_at < off_shelf_at);

-- Per SKU: a barcode for the counter's scanner and its own picture (null: the product's first image).
alter table skus
  add column barcode text not null default '',
  add column image   text;
