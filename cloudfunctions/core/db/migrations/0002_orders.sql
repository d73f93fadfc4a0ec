-- Orders, payments, refunds, the outbox and subscribe-message quotas.
-- Every state change is a conditional update on `status`; money columns are integer fen.

create table orders (
  id                   text primary key,
  order_no             text not null unique check (order_no ~ '^[0-9A-Za-z_-]{1,32}$'),
  store_id             text not null references stores(id),
  member_id            text not null references members(id),
  status               text not null check (status in ('pending_payment','paid','shipped','ready_for_pickup',
                         'completed','settled','cancelled','refunding','refunded')),
  -- The status to return to when a refund request is rejected or partially refunded.
  status_before_refund text,
  delivery_type        text not null check (delivery_type in ('express','pickup')),
  address              jsonb,
  remark               text not null default '',
  subtotal_fen         integer not null check (subtotal_fen >= 0),
  member_discount_fen  integer not null default 0 check (member_discount_fen >= 0),
  coupon_discount_fen  integer not null default 0 check (coupon_discount_fen >= 0),
  points_discount_fen  integer not null default 0 check (points_discount_fen >= 0),
  shipping_fen         integer not null default 0 check (shipping_fen >= 0),
  payable_fen          integer not null check (payable_fen >= 1),
  points_used          integer not null default 0 check (points_used >= 0),
  coupon_id            text,
  group_buy            jsonb,
  pickup_code          text,
  carrier              text,
  tracking_no          text,
  transaction_id       text unique,
  expires_at           timestamptz not null,
  paid_at              timestamptz,
  shipped_at           timestamptz,
  ready_at             timestamptz,
  completed_at         timestamptz,
  settled_at           timestamptz,
  cancelled_at         timestamptz,
  cancel_reason        text,
  created_at           timestamptz not null,
  check (delivery_type = 'pickup' or address is not null),
  check (payable_fen + member_discount_fen + coupon_discount_fen + points_discount_fen = subtotal_fen + shipping_fen)
);
create index orders_member on orders (member_id, created_at desc, id desc);
create index orders_store_status on orders (store_id, status, created_at desc, id desc);
create index orders_pending_expiry on orders (expires_at) where status = 'pending_payment';
create unique index orders_pickup_code on orders (store_id, pickup_code) where pickup_code is not null;

create table order_lines (
  id                 text primary key,
  order_id           text not null references orders(id),
  sku_id             text not null references skus(id),
  product_id         text not null references products(id),
  title              text not null,
  specs_text         text not null,
  image              text not null,
  qty                integer not null check (qty > 0),
  unit_price_fen     integer not null check (unit_price_fen > 0),
  member_price_fen   integer not null check (member_price_fen > 0),
  coupon_share_fen   integer not null default 0 check (coupon_share_fen >= 0),
  points_share_fen   integer not null default 0 check (points_share_fen >= 0),
  payable_fen        integer not null check (payable_fen >= 0),
  refund_id          text,
  sort               integer not null default 0,
  check (payable_fen = member_price_fen * qty - coupon_share_fen - points_share_fen)
);
create index order_lines_order on order_lines (order_id, sort);

-- One row per WeChat transaction: the unique key that makes duplicate callbacks harmless.
create table payments (
  transaction_id  text primary key,
  order_id        text not null references orders(id),
  amount_fen      integer not null check (amount_fen > 0),
  paid_at         timestamptz not null,
  raw             jsonb not null,
  created_at      timestamptz not null default now()
);

create index payments_order on payments (order_id);

-- Callbacks we refused or could not apply: kept for the operator and alerted.
create table payment_anomalies (
  id              bigserial primary key,
  kind            text not null check (kind in ('amount_mismatch','unknown_order','failed_result','late_payment')),
  out_trade_no    text,
  transaction_id  text,
  amount_fen      integer,
  detail          text not null default '',
  raw             jsonb not null,
  created_at      timestamptz not null default now()
);

create table refunds (
  id              text primary key,
  order_id        text not null references orders(id),
  out_refund_no   text not null unique check (out_refund_no ~ '^[0-9A-Za-z_|*@-]{1,64}$'),
  status          text not null check (status in ('requested','approved','rejected','processing','succeeded','failed')),
  amount_fen      integer not null check (amount_fen > 0),
  line_ids        text[] not null,
  whole_order     boolean not null,
  reason          text not null,
  initiated_by    text not null check (initiated_by in ('customer','manager','system')),
  reject_reason   text,
  failure_reason  text,
  wx_refund_id    text,
  created_at      timestamptz not null,
  decided_at      timestamptz,
  completed_at    timestamptz
);
create index refunds_order on refunds (order_id);
create index refunds_status on refunds (status, created_at);
-- At most one open refund per order at a time.
create unique index refunds_one_open on refunds (order_id) where status in ('requested','approved','processing');

-- Side effects leave through here, written in the same transaction as the change that causes them.
create table outbox (
  id               bigserial primary key,
  topic            text not null,
  dedupe_key       text not null unique,
  payload          jsonb not null,
  status           text not null default 'pending' check (status in ('pending','done','failed')),
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null,
  last_error       text,
  created_at       timestamptz not null,
  delivered_at     timestamptz
);
create index outbox_due on outbox (next_attempt_at) where status = 'pending';

-- One-time subscribe-message grants: each accepted template allows one send.
create table subscribe_quotas (
  member_id    text not null references members(id),
  template_id  text not null,
  remaining    integer not null check (remaining >= 0),
  updated_at   timestamptz not null,
  primary key (member_id, template_id)
);
