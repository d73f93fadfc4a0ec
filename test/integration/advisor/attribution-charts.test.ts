import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ChartView } from '../../../cloudfunctions/core/contract';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase } from '../../support/databases';
import {
  daysBefore,
  JINGAN,
  makeAdvisor,
  makeAttributedOrder,
  makeCustomer,
  MANAGER,
  NOW,
  XUHUI,
} from './advisor-factory';

/** A succeeded partial refund of an order (what the refund callback leaves behind). */
async function refunded(db: Db, orderId: string, amountFen: number) {
  await db.kysely
    .insertInto('refunds')
    .values({
      id: `rf_${randomUUID().slice(0, 12)}`,
      order_id: orderId,
      out_refund_no: `R${randomUUID().replace(/-/g, '').slice(0, 20)}`,
      status: 'succeeded',
      amount_fen: amountFen,
      line_ids: [],
      whole_order: false,
      reason: '测试退款',
      initiated_by: 'manager',
      created_at: daysBefore(1),
      completed_at: daysBefore(1),
    })
    .execute();
}

const row = (charts: ChartView[], code: string, label: string) =>
  charts.find((c) => c.code === code)?.rows.find((r) => r.label === label);

describeEachDatabase('dashboard: per-shop and per-advisor attribution charts', (use) => {
  it('counts new members, repurchase rate and revenue net of refunds over the last 30 days', async () => {
    const jia = await makeAdvisor(use(), { shopId: JINGAN, name: '小甲' });
    const yi = await makeAdvisor(use(), { shopId: XUHUI, name: '小乙' });
    const twice = await makeCustomer(use(), jia, { origin: true, boundAt: daysBefore(20) });
    const once = await makeCustomer(use(), jia, { origin: true, boundAt: daysBefore(10) });
    await makeCustomer(use(), jia, { origin: true, boundAt: daysBefore(2) });
    const old = await makeCustomer(use(), jia, { origin: true, boundAt: daysBefore(40) });
    const far = await makeCustomer(use(), yi, { origin: true, shopId: XUHUI, boundAt: daysBefore(5) });

    const orders = [
      await makeAttributedOrder(use(), { openid: twice.openid, advisorOpenid: jia, paidDaysAgo: 15 }),
      await makeAttributedOrder(use(), { openid: twice.openid, advisorOpenid: jia, paidDaysAgo: 3 }),
      await makeAttributedOrder(use(), { openid: once.openid, advisorOpenid: jia, paidDaysAgo: 8 }),
    ];
    // Outside the window: neither revenue nor a buyer.
    await makeAttributedOrder(use(), { openid: old.openid, advisorOpenid: jia, paidDaysAgo: 35 });
    const farOrder = await makeAttributedOrder(use(), {
      openid: far.openid,
      advisorOpenid: yi,
      shopId: XUHUI,
      paidDaysAgo: 4,
      qty: 2,
    });
    await refunded(use(), farOrder.orderId, 3000);

    const { charts } = okData(await callAction(use(), 'manager.dashboard', {}, { openid: MANAGER, now: NOW }));
    const jiaRevenue = orders.reduce((s, o) => s + o.payableFen, 0);
    expect(row(charts, 'advisor_new_members', '小甲')).toMatchObject({ value: 3 });
    expect(row(charts, 'advisor_new_members', '小乙')).toMatchObject({ value: 1 });
    expect(row(charts, 'advisor_repurchase', '小甲')).toMatchObject({ value: 50, hint: '1/2人' });
    expect(row(charts, 'advisor_repurchase', '小乙')).toMatchObject({ value: 0, hint: '0/1人' });
    expect(row(charts, 'advisor_revenue', '小甲')).toMatchObject({
      value: Math.round(jiaRevenue / 100),
      hint: `¥${(jiaRevenue / 100).toFixed(2)}`,
    });
    expect(row(charts, 'advisor_revenue', '小乙')).toMatchObject({
      hint: `¥${((farOrder.payableFen - 3000) / 100).toFixed(2)}`,
    });
    // The demo advisor with nobody yet still has a row (an advisor with zero is news to a manager).
    expect(row(charts, 'advisor_new_members', '小禾')).toMatchObject({ value: 0 });

    const jingan = '青禾 静安嘉里中心店';
    const xuhui = '青禾 徐汇美罗城店';
    expect(row(charts, 'shop_new_members', jingan)).toMatchObject({ value: 3 });
    expect(row(charts, 'shop_new_members', xuhui)).toMatchObject({ value: 1 });
    expect(row(charts, 'shop_repurchase', jingan)).toMatchObject({ value: 50 });
    expect(row(charts, 'shop_revenue', jingan)).toMatchObject({ value: Math.round(jiaRevenue / 100) });
    // Revenue stays where the order was stamped even after the member moves to the pool.
    await use()
      .kysely.updateTable('member_advisors')
      .set({ advisor_openid: null })
      .where('member_id', '=', twice.memberId)
      .execute();
    const again = okData(await callAction(use(), 'manager.dashboard', {}, { openid: MANAGER, now: NOW }));
    expect(row(again.charts, 'advisor_revenue', '小甲')).toMatchObject({ value: Math.round(jiaRevenue / 100) });
  });
});
