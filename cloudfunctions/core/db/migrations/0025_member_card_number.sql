-- A member's card number: eight digits, unique, never reused. With a six-digit one-time code for the
-- current 30-second step it forms the readable digits under the 会员码 QR, which the counter can type
-- when the camera cannot read the QR (or on H5, which has no camera API).
create sequence member_card_seq start 10000001 maxvalue 99999999;

-- A volatile default is evaluated per row, so existing members get distinct numbers too.
alter table members
  add column card_no text not null default nextval('member_card_seq')::text unique;
