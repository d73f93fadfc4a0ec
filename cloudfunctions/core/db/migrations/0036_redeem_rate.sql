-- The redeem rate (points that pay ¥1 at checkout) became a store setting. An order keeps the rate its
-- points discount was priced at, beside its earn rate; orders placed before this migration were priced
-- at the old fixed rate, 100 points = ¥1 (1 point = 1 fen, which every existing row satisfies).
-- The check pins the pricing rule in the table: the points an order spent are worth exactly its points
-- discount in whole fen, so a refund that returns the spent points returns what paid that discount.
alter table orders
  add column redeem_points_per_yuan smallint not null default 100
    check (redeem_points_per_yuan between 1 and 10000),
  add constraint orders_points_discount_at_rate
    check (points_discount_fen = (points_used::bigint * 100) / redeem_points_per_yuan);
