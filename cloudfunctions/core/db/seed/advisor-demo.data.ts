import type { Executor } from '../db';
import type { SeedCouponTemplate } from './coupon-templates.data';
import { seedCouponTemplates } from './coupon-templates.data';

/** Issuer-only templates the demo manager lets advisors hand out. */
const ADVISOR_TEMPLATES: SeedCouponTemplate[] = [
  {
    id: 'ct-advisor-10',
    title: '导购专享 无门槛10元',
    kind: 'no_threshold',
    args: { amountFen: 1000 },
    scope: 'all',
    validDays: 14,
    total: 100000,
    perMemberLimit: 3,
    claimable: false,
    sort: 950,
    advisorIssuable: true,
  },
  {
    id: 'ct-advisor-199-30',
    title: '导购专享 满199减30',
    kind: 'full_reduction',
    args: { thresholdFen: 19900, amountFen: 3000 },
    scope: 'all',
    validDays: 14,
    total: 100000,
    perMemberLimit: 3,
    claimable: false,
    sort: 960,
    advisorIssuable: true,
  },
];

/** The demo advisors' standing monthly budget: ¥300 of face value. */
const DEMO_BUDGET_FEN = 30000;

/**
 * Adds the advisor templates and gives the demo staff a budget. Only a budget never configured is
 * set (0 and no month row yet): a manager's later choice, even 0, survives a restart's seed.
 */
export async function seedAdvisorDemo(tx: Executor, storeId: string): Promise<void> {
  await seedCouponTemplates(tx, storeId, ADVISOR_TEMPLATES);
  await tx
    .updateTable('staff')
    .set({ monthly_budget_fen: DEMO_BUDGET_FEN })
    .where('store_id', '=', storeId)
    .where('openid', 'in', ['demo-staff', 'demo-manager'])
    .where('monthly_budget_fen', '=', 0)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('advisor_budgets as b')
            .select('b.month')
            .where('b.store_id', '=', storeId)
            .whereRef('b.staff_openid', '=', 'staff.openid'),
        ),
      ),
    )
    .execute();
}
