import type { Executor } from '../db';
import type { CouponArgs, CouponKind } from '../../coupon';
import type { CouponScope } from '../../coupon';

/** Demo coupon templates for the claim center (青禾 QINGHE). Amounts in fen. */
export interface SeedCouponTemplate {
  id: string;
  title: string;
  kind: CouponKind;
  args: CouponArgs;
  scope: CouponScope;
  scopeIds?: string[];
  validDays?: number;
  validFrom?: string;
  validUntil?: string;
  total: number;
  perMemberLimit: number;
  claimable: boolean;
  sort: number;
  /** Issued automatically (0006_coupon_issuers.sql): to every new member, or on birthdays. */
  autoIssue?: 'new_member' | 'birthday';
  /** advisors may issue it against their monthly budget. */
  advisorIssuable?: boolean;
}

const DEMO_COUPON_TEMPLATES: SeedCouponTemplate[] = [
  {
    id: 'ct-new-member-20',
    title: '新人礼 无门槛立减',
    kind: 'no_threshold',
    args: { amountFen: 2000 },
    scope: 'all',
    validDays: 14,
    total: 10000,
    perMemberLimit: 1,
    claimable: true,
    sort: 10,
  },
  {
    id: 'ct-full-199-30',
    title: '全场满199减30',
    kind: 'full_reduction',
    args: { thresholdFen: 19900, amountFen: 3000 },
    scope: 'all',
    validDays: 30,
    total: 5000,
    perMemberLimit: 2,
    claimable: true,
    sort: 20,
  },
  {
    id: 'ct-serum-15-off',
    title: '精华眼霜 85折',
    kind: 'percent_off',
    args: { percentOff: 15, capFen: 5000 },
    scope: 'categories',
    scopeIds: ['c-serum'],
    validDays: 15,
    total: 2000,
    perMemberLimit: 1,
    claimable: true,
    sort: 30,
  },
  {
    id: 'ct-cream-399-80',
    title: '面霜乳液 满399减80',
    kind: 'full_reduction',
    args: { thresholdFen: 39900, amountFen: 8000 },
    scope: 'categories',
    scopeIds: ['c-cream'],
    validFrom: '2026-01-01T00:00:00+08:00',
    validUntil: '2027-01-01T00:00:00+08:00',
    total: 500,
    perMemberLimit: 1,
    claimable: true,
    sort: 40,
  },
  // Issuer-only (not in the claim center): the new-member gift and the yearly birthday coupon.
  {
    id: 'ct-auto-new-member-10',
    title: '新人礼 无门槛10元',
    kind: 'no_threshold',
    args: { amountFen: 1000 },
    scope: 'all',
    validDays: 30,
    total: 1000000,
    perMemberLimit: 1,
    claimable: false,
    sort: 900,
    autoIssue: 'new_member',
  },
  {
    id: 'ct-auto-birthday-199-50',
    title: '生日礼 满199减50',
    kind: 'full_reduction',
    args: { thresholdFen: 19900, amountFen: 5000 },
    scope: 'all',
    validDays: 30,
    total: 1000000,
    perMemberLimit: 100,
    claimable: false,
    sort: 910,
    autoIssue: 'birthday',
  },
  {
    id: 'ct-sunscreen-10',
    title: '防晒季 无门槛10元',
    kind: 'no_threshold',
    args: { amountFen: 1000 },
    scope: 'categories',
    scopeIds: ['c-sunscreen'],
    validDays: 7,
    total: 20,
    perMemberLimit: 1,
    claimable: true,
    sort: 50,
  },
];

/** Writes the demo coupon templates; idempotent (a template that exists keeps its remaining stock). */
export async function seedCouponTemplates(
  tx: Executor,
  storeId: string,
  templates: SeedCouponTemplate[] = DEMO_COUPON_TEMPLATES,
): Promise<void> {
  await tx
    .insertInto('coupon_templates')
    .values(
      templates.map((t) => ({
        id: t.id,
        store_id: storeId,
        title: t.title,
        kind: t.kind,
        args: JSON.stringify(t.args),
        scope: t.scope,
        scope_ids: t.scopeIds ?? [],
        valid_from: t.validFrom ? new Date(t.validFrom) : null,
        valid_until: t.validUntil ? new Date(t.validUntil) : null,
        valid_days: t.validDays ?? null,
        total: t.total,
        remaining: t.total,
        per_member_limit: t.perMemberLimit,
        claimable: t.claimable,
        sort: t.sort,
        auto_issue: t.autoIssue ?? null,
        advisor_issuable: t.advisorIssuable ?? false,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}
