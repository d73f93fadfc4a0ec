-- A SKU's own 会员价, set in the manager's product editor: for members whose tier gives a member price it
-- replaces the tier's percentage on that SKU. Null: the tier's percentage applies, as before. The price
-- check keeps a member price from ever costing more than the list price it stands beside.
alter table skus add column member_price_fen integer check (member_price_fen > 0 and member_price_fen <= price_fen);
