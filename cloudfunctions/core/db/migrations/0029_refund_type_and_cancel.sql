-- After-sales the customer controls: a request says whether the goods come back (退货退款) or only the
-- money (仅退款), and a request still waiting for the store can be withdrawn (`cancelled`).
alter table refunds
  add column refund_type text not null default 'refund_only'
    check (refund_type in ('refund_only', 'return_refund'));

alter table refunds drop constraint refunds_status_check;
alter table refunds add constraint refunds_status_check
  check (status in ('requested','approved','rejected','processing','succeeded','failed','cancelled'));

-- Where a 退货退款 customer sends the goods once the store agreed (name, phone and address in one
-- text, as the store writes it); empty: the customer is told to ask the store.
alter table stores add column return_address text not null default '';
