-- Money sent back can never exceed what was paid, enforced here, before any refund request leaves.
--
-- Every refund names the payment (WeChat transaction) it returns money from. An order refund returns
-- the order's own payment; a `payment_return` gives back a payment that arrived for an order already
-- closed (expired, cancelled, paid twice): before, that was an outbox message only, and a refusal by
-- WeChat vanished with it; now it is a refund row like any other, visible as failed with its reason.
alter table refunds
  add column kind text not null default 'order' check (kind in ('order', 'payment_return')),
  add column transaction_id text references payments(transaction_id);

update refunds r
   set transaction_id = coalesce(o.transaction_id,
         (select p.transaction_id from payments p where p.order_id = r.order_id order by p.paid_at limit 1))
  from orders o
 where o.id = r.order_id;

-- One open refund per order concerns the order's own money; a payment return may run beside it.
drop index refunds_one_open;
create unique index refunds_one_open on refunds (order_id)
  where status in ('requested', 'approved', 'processing') and kind = 'order';
create index refunds_transaction on refunds (transaction_id);

-- A refund counts against its payment from the moment it is approved (the request may leave at any
-- time after) until it fails. Under the payment row's lock, so two approvals racing on one payment
-- queue here and the second sees the first. A refund row without a transaction takes its order's.
create function refunds_within_payment() returns trigger language plpgsql as $$
declare
  paid integer;
  committed integer;
begin
  if new.transaction_id is null then
    select o.transaction_id into new.transaction_id from orders o where o.id = new.order_id;
  end if;
  if new.status not in ('approved', 'processing', 'succeeded') then
    return new;
  end if;
  if tg_op = 'UPDATE' and old.status in ('approved', 'processing', 'succeeded')
     and old.amount_fen = new.amount_fen and old.transaction_id is not distinct from new.transaction_id then
    return new;
  end if;
  select p.amount_fen into paid from payments p where p.transaction_id = new.transaction_id for update;
  if paid is null then
    raise exception using errcode = '23514', message = format('refund %s returns no recorded payment', new.id);
  end if;
  select coalesce(sum(r.amount_fen), 0) into committed
    from refunds r
   where r.transaction_id = new.transaction_id and r.id <> new.id
     and r.status in ('approved', 'processing', 'succeeded');
  if committed + new.amount_fen > paid then
    raise exception using errcode = '23514',
      message = format('refund %s of %s fen exceeds payment %s: %s fen paid, %s fen already refunded or on its way',
                       new.id, new.amount_fen, new.transaction_id, paid, committed);
  end if;
  return new;
end $$;

create trigger refunds_within_payment
  before insert or update of status, amount_fen, transaction_id on refunds
  for each row execute function refunds_within_payment();

alter table refunds alter column transaction_id set not null;

-- Callbacks WeChat Pay's own query did not confirm, and confirmed refund outcomes that could not be
-- applied (a late SUCCESS whose money another refund already claimed): kept and alerted.
alter table payment_anomalies drop constraint payment_anomalies_kind_check;
alter table payment_anomalies add constraint payment_anomalies_kind_check
  check (kind in ('amount_mismatch', 'unknown_order', 'failed_result', 'late_payment',
                  'unconfirmed_payment', 'unconfirmed_refund', 'refund_conflict'));
