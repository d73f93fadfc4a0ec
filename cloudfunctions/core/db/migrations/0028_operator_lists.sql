-- 操作日志 reads newest first by the time of the action (ids follow commit order, which a slow
-- transaction can break), and narrows to one action kind or one staff member.
create index audit_log_store_time on audit_log (store_id, created_at desc, id desc);
create index audit_log_store_who on audit_log (store_id, who, created_at desc);
create index audit_log_store_action on audit_log (store_id, action, created_at desc);

-- The manager's order search: a member's phone within the store.
create index members_store_phone on members (store_id, phone) where phone is not null;
