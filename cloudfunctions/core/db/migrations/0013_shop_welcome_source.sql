-- the shop's welcome gift is a coupon of its own source, so reports tell it from the
-- claim center's and the referral's gifts. (The welcome_gifts table of 0012 keeps it once per member.)
alter table coupons drop constraint coupons_source_check;
alter table coupons add constraint coupons_source_check
  check (source in ('claim', 'new_member', 'birthday', 'referral', 'win_back', 'staff', 'shop_welcome'));
