-- Shipping weight per SKU and the freight template a product ships under: both written by the manager's
-- product editor and read by checkout's freight pricing (templates themselves arrive in a later migration,
-- which adds the foreign key). Null template: the store's default express rule applies.
alter table products add column freight_template_id text;
alter table skus add column weight_grams integer not null default 0 check (weight_grams >= 0);
