import type { Executor } from '../../db/db';
import type { CouponKind } from '../rules';

export function storeTemplates(exec: Executor, storeId: string) {
  return exec
    .selectFrom('coupon_templates')
    .select([
      'id',
      'title',
      'kind',
      'args',
      'scope',
      'scope_ids',
      'valid_from',
      'valid_until',
      'valid_days',
      'total',
      'remaining',
      'per_member_limit',
      'claimable',
      'active',
      'advisor_issuable',
    ])
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

/** A claim-center template: store-wide, valid `validDays` after the claim, its stock full. */
export async function insertClaimTemplate(
  exec: Executor,
  t: {
    id: string;
    storeId: string;
    title: string;
    kind: CouponKind;
    args: unknown;
    validDays: number;
    total: number;
    perMemberLimit?: number;
    now: Date;
  },
): Promise<void> {
  await exec
    .insertInto('coupon_templates')
    .values({
      id: t.id,
      store_id: t.storeId,
      title: t.title,
      kind: t.kind,
      args: JSON.stringify(t.args),
      scope: 'all',
      scope_ids: [],
      valid_days: t.validDays,
      total: t.total,
      remaining: t.total,
      per_member_limit: t.perMemberLimit,
      claimable: true,
      created_at: t.now,
    })
    .execute();
}
