import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { T0, createInput, linesOf, MANAGER, newKey, newOpenid, orderRow, pay, setStock } from '../order/order-factory';
import { claimed, couponRow } from './coupon-factory';

const CLEANSER = 'sku-amino-acid-cleanser-1'; // ¥89

describeEachDatabase('每满减 from the manager to checkout', (use) => {
  it('a manager creates 每满100减10，最多减50; a customer claims it; checkout takes ¥10 per full ¥100 up to ¥50', async () => {
    await setStock(use(), CLEANSER, 50);
    const { templateId } = okData(
      await callAction(
        use(),
        'manager.createCouponTemplate',
        {
          title: '每满100减10',
          kind: 'every_full_reduction',
          args: { everyFen: 10_000, amountFen: 1000, capFen: 5000 },
          validDays: 7,
          total: 10,
        },
        { openid: MANAGER, now: T0, idempotencyKey: newKey() },
      ),
    );
    const offered = okData(await callAction(use(), 'coupon.listClaimable', {}, { openid: null, now: T0 })).items.find(
      (t) => t.templateId === templateId,
    );
    expect(offered).toMatchObject({
      kind: 'every_full_reduction',
      kindTitle: '每满减',
      description: { text: '每满100减10，最多减50', figure: '10', unit: '¥', condition: '每满100 · 最高减50' },
    });

    const openid = newOpenid();
    const couponId = await claimed(use(), openid, templateId, T0);
    const quote = (qty: number) =>
      callAction(
        use(),
        'order.quote',
        { items: [{ skuId: CLEANSER, qty }], couponId, deliveryType: 'pickup' },
        { openid, now: T0 },
      );
    // ¥89: below one step.
    expect(await quote(1)).toMatchObject({
      ok: false,
      error: { code: 'COUPON_THRESHOLD_NOT_MET', message: '未满¥100，还差¥11' },
    });
    // ¥267: two full steps; ¥1068: ten steps, capped at ¥50.
    expect(okData(await quote(3))).toMatchObject({ subtotalFen: 26_700, couponDiscountFen: 2000, payableFen: 24_700 });
    expect(okData(await quote(12))).toMatchObject({
      subtotalFen: 106_800,
      couponDiscountFen: 5000,
      payableFen: 101_800,
    });

    const created = okData(
      await callAction(
        use(),
        'order.create',
        { ...createInput([{ skuId: CLEANSER, qty: 3 }], 'pickup'), couponId },
        { openid, now: T0, idempotencyKey: newKey() },
      ),
    );
    expect(created.payableFen).toBe(24_700);
    expect((await orderRow(use(), created.orderId)).coupon_discount_fen).toBe(2000);
    expect((await linesOf(use(), created.orderId))[0]!.coupon_share_fen).toBe(2000);
    expect(await pay(use(), { ...created, openid, createdAt: T0 })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(await couponRow(use(), couponId)).toMatchObject({ status: 'used', order_id: created.orderId });
  });

  it('the manager is refused args the kind does not take, writing nothing', async () => {
    const create = (args: Record<string, number>) =>
      callAction(
        use(),
        'manager.createCouponTemplate',
        { title: '坏的每满减', kind: 'every_full_reduction', args, validDays: 7, total: 10 },
        { openid: MANAGER, now: T0, idempotencyKey: newKey() },
      );
    expect(await create({ everyFen: 10_000, amountFen: 10_000 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await create({ thresholdFen: 10_000, amountFen: 1000 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(
      await use().kysely.selectFrom('coupon_templates').selectAll().where('title', '=', '坏的每满减').execute(),
    ).toHaveLength(0);
  });
});
