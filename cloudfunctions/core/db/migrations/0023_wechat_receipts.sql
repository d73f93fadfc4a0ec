-- Receipt confirmations made in WeChat (wx.openBusinessView 'weappOrderConfirm'), one row per report
-- the customer's client sends back: who, when, what WeChat's component answered (`status`, its
-- `errormsg`), and what WeChat's own order query (get_order) said when the server asked. A report is
-- a claim until `verified`: only a verified success completes the order.
create table wechat_receipts (
  id                 bigserial primary key,
  order_id           text not null references orders (id),
  member_id          text not null references members (id),
  status             text not null check (status in ('success', 'fail', 'cancel')),
  error_message      text,
  -- get_order's order_state (1 待发货, 2 已发货, 3 确认收货, 4 交易完成, 5 已退款, 6 资金待结算); null when not asked or unreachable.
  wechat_order_state integer,
  verified           boolean not null,
  outcome            text not null check (outcome in ('completed', 'recorded', 'unverified')),
  created_at         timestamptz not null
);
create index wechat_receipts_order on wechat_receipts (order_id, created_at);
