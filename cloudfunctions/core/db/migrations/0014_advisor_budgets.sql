-- The advisor's workspace (issue 11, advisor half): which templates an advisor may hand out, the
-- per-staff monthly coupon budget, and the ledger of what each advisor issued against it.

-- A manager marks the templates advisors may issue: advisors hand out the brand's money, so the
-- choice of offer (and its cost) stays with the manager, not with whoever is at the counter.
alter table coupon_templates
  add column advisor_issuable boolean not null default false;

-- The standing monthly budget of a staff member, in fen of face value; copied into each month's row
-- when the month's first issue (or the manager's edit) creates it. 0: may not issue.
alter table staff
  add column monthly_budget_fen integer not null default 0 check (monthly_budget_fen >= 0);

-- One row per (store, staff, Shanghai month). An issue charges it with the conditional update
-- `spent_fen = spent_fen + cost WHERE spent_fen + cost <= budget_fen`: concurrent issues queue on
-- the row lock and each re-checks the condition, so the budget is never exceeded.
-- budget_fen may be lowered below spent_fen by a manager: that only stops further issues.
create table advisor_budgets (
  store_id      text not null references stores(id),
  staff_openid  text not null,
  month         text not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
  budget_fen    integer not null check (budget_fen >= 0),
  spent_fen     integer not null default 0 check (spent_fen >= 0),
  updated_at    timestamptz not null,
  primary key (store_id, staff_openid, month)
);

-- Append-only: what each charge bought. Invariant: spent_fen = sum(cost_fen) per (store, staff, month).
create table advisor_coupon_issues (
  coupon_id     text primary key references coupons(id),
  store_id      text not null references stores(id),
  staff_openid  text not null,
  month         text not null,
  member_id     text not null references members(id),
  template_id   text not null references coupon_templates(id),
  cost_fen      integer not null check (cost_fen > 0),
  issued_at     timestamptz not null
);
create index advisor_coupon_issues_staff on advisor_coupon_issues (store_id, staff_openid, month);
create index advisor_coupon_issues_member on advisor_coupon_issues (member_id, issued_at);
