-- Member profile (birthday set once, bound phone) and the one-time use of dynamic member codes.

alter table members
  add column birthday       date,
  add column phone          text check (phone is null or phone ~ '^[0-9]{5,20}$'),
  add column phone_country  text check (phone_country is null or phone_country ~ '^[0-9]{1,4}$');

-- A member code is usable once: the first scan of (member, step) wins, a replay conflicts here.
-- Staff scans (staff.scanMemberCode, a later issue) insert through consumeMemberCode.
create table member_code_uses (
  member_id  text not null references members(id),
  step       bigint not null check (step > 0),
  used_at    timestamptz not null,
  used_by    text,
  primary key (member_id, step)
);
