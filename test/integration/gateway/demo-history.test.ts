import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { createLocalPlatform } from '../../../cloudfunctions/core/platform/local/local-platform';
import { seedDemoHistory } from '../../../cloudfunctions/gateway/demo-history';
import { checkInvariants } from '../../../cloudfunctions/core/ops/invariants';

const NOW = new Date('2026-11-25T10:00:00+08:00');

describeEachDatabase('demo history for npm start', (use) => {
  it('fills the manager dashboard through the real services, once', async () => {
    const platform = createLocalPlatform({ devAuth: true, db: use(), now: () => NOW });
    const first = await seedDemoHistory(use(), platform, NOW);
    expect(first.skipped).toBe(false);
    expect(first.members).toBe(28);
    expect(first.orders).toBeGreaterThanOrEqual(50);

    const { charts } = okData(await callAction(use(), 'manager.dashboard', {}, { openid: 'demo-manager', now: NOW }));
    const chart = (code: string) => charts.find((c) => c.code === code)!;
    const total = (code: string) => chart(code).rows.reduce((sum, r) => sum + r.value, 0);
    expect(total('rfm_segments')).toBe(28); // every demo member bought, so every one has a segment
    expect(chart('repurchase_rate').rows.some((r) => r.value > 0)).toBe(true);
    const funnel = Object.fromEntries(chart('referral_funnel').rows.map((r) => [r.label, r.value]));
    expect(funnel['绑定成功']).toBe(5); // five friends bound ...
    expect(funnel['邀请卡展示']).toBe(1);
    expect(chart('referral_funnel').rows.at(-1)!.value).toBeGreaterThan(0); // ... and rewards paid out
    expect(chart('groupbuy_success').rows.some((r) => r.value > 0)).toBe(true);
    // Walk-ins through store and advisor codes: the attribution charts have revenue to show.
    expect(chart('advisor_revenue').rows.find((r) => r.label === '小禾')!.value).toBeGreaterThan(0);
    expect(total('shop_new_members')).toBeGreaterThan(0);

    // Settled orders earned points through the ledger; nothing is pending or left unpaid.
    const statuses = await use()
      .kysely.selectFrom('orders')
      .select('status')
      .where(
        'member_id',
        'in',
        use().kysely.selectFrom('members').select('id').where('openid', 'like', 'demo-member-%'),
      )
      .execute();
    expect(statuses.every((s) => s.status === 'settled' || s.status === 'completed' || s.status === 'paid')).toBe(true);
    expect(statuses.filter((s) => s.status === 'settled').length).toBeGreaterThan(40);

    // The history is trade like any other: every store invariant holds over it.
    const failing = (await checkInvariants(use().kysely)).filter((r) => r.violations.length > 0);
    expect(failing.map((r) => r.code)).toEqual([]);

    const again = await seedDemoHistory(use(), platform, NOW);
    expect(again).toEqual({ members: 0, orders: 0, skipped: true });
  }, 120_000);
});
