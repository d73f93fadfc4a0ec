import type { Executor } from '../../db/db';

export function storeTemplates(exec: Executor, storeId: string) {
  return exec
    .selectFrom('coupon_templates')
    .select(['id', 'title', 'kind', 'args', 'scope', 'scope_ids', 'valid_from', 'valid_until', 'valid_days', 'total', 'remaining', 'per_member_limit', 'claimable', 'active'])
    .where('store_id', '=', storeId)
    .orderBy('active', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
}

/** Stops issuing: claimed coupons stay valid. Conditional, so stopping twice changes nothing. */
export async function deactivateTemplate(tx: Executor, storeId: string, templateId: string): Promise<boolean> {
  const rows = await tx
    .updateTable('coupon_templates')
    .set({ active: false })
    .where('id', '=', templateId)
    .where('store_id', '=', storeId)
    .where('active', '=', true)
    .returning('id')
    .execute();
  return rows.length === 1;
}
