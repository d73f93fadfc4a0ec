-- coupon_templates.kind names a rule of the coupon rule registry (coupon/rules), which is TypeScript
-- the database cannot read. A CHECK listing the kinds here was a second list to keep in step: every
-- new kind needed a migration, and a kind added to the registry without one failed only on insert.
-- The registry validates the kind and its args on every write (the contract's enum is built from
-- it, the kind's schema parses the args), and pricing parses the args again before use, so the
-- column keeps only `not null`.
alter table coupon_templates drop constraint if exists coupon_templates_kind_check;
