-- Coupon issuers: templates handed out automatically (new-member gift, birthday), and a dedupe
-- record of every automatic issue so each happens once per member and period.

-- null: claim center / manual issuers only. 'new_member': every member created from now on gets one.
-- 'birthday': members whose tier has the birthdayCoupon benefit get one on their birthday each year.
-- Automatic templates are normally claimable = false (issuer-only).
alter table coupon_templates
  add column auto_issue text check (auto_issue is null or auto_issue in ('new_member', 'birthday'));
create index coupon_templates_auto_issue on coupon_templates (store_id, auto_issue) where auto_issue is not null;

-- One row per automatic issue: the primary key is the idempotency key. period is 'once' for the
-- new-member gift (once per member ever) and the Shanghai calendar year ('2026') for birthdays.
-- The row is inserted in the issuing transaction before the coupon: a concurrent run waits on the
-- key and then skips; a refused issue (sold out, ended) rolls the row back, so a later run may retry.
create table coupon_auto_issues (
  member_id    text not null references members(id),
  template_id  text not null references coupon_templates(id),
  source       text not null check (source in ('new_member', 'birthday')),
  period       text not null,
  coupon_id    text references coupons(id),
  issued_at    timestamptz not null,
  primary key (member_id, template_id, source, period)
);
