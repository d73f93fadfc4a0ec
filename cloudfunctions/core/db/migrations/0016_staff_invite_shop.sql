-- A staff invite may name the shop the new staff member will serve: without it
-- a staff member who joined by invite had no shop, so their advisor code was refused at every scan.
-- staff.bind copies it onto staff.shop_id in the transaction that takes the invite.
alter table staff_invites
  add column shop_id text references shops(id);
