import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { T0, errorCode, moneyCounts, newKey, newOpenid, orderRow, setStock, stockOf } from '../order/order-factory';
import { addressIn, makeFreightTemplate, shipSkuUnder } from './freight-factory';

const CLEANSER = 'sku-amino-acid-cleanser-1'; // ¥89, express or pickup
const LOTION = 'sku-oat-body-lotion-1'; // ¥99, express only, no template

describeEachDatabase('checkout with freight templates', (use) => {
  async function setup() {
    await setStock(use(), CLEANSER, 100);
    await setStock(use(), LOTION, 100);
    const templateId = await makeFreightTemplate(use(), { name: `按件-${newKey().slice(2, 10)}` });
    await shipSkuUnder(use(), CLEANSER, templateId);
    return templateId;
  }

  it.each([
    ['浙江省', 'a region rule', [{ skuId: CLEANSER, qty: 1 }], 600],
    ['北京市', 'the default rule', [{ skuId: CLEANSER, qty: 1 }], 1_200],
  ] as const)('%s, %s: the quote and the order charge the same shipping', async (place, _, items, expected) => {
    await setup();
    const openid = newOpenid();
    const addressId = await addressIn(use(), openid, place);
    const quote = okData(
      await callAction(
        use(),
        'order.quote',
        { items: [...items], deliveryType: 'express', addressId },
        { openid, now: T0 },
      ),
    );
    expect(quote.undeliverable).toBeNull();
    expect(quote.shippingFen).toBe(expected);
    const created = okData(
      await callAction(
        use(),
        'order.create',
        { items: [...items], delivery: { type: 'express', addressId } },
        { openid, now: T0, idempotencyKey: newKey() },
      ),
    );
    expect(created.payableFen).toBe(quote.payableFen);
    expect((await orderRow(use(), created.orderId)).shipping_fen).toBe(expected);
  });

  it('without an address the quote uses the default rule; the tier threshold ships any template free', async () => {
    await setup();
    const openid = newOpenid();
    const items = [{ skuId: CLEANSER, qty: 1 }];
    const bare = okData(
      await callAction(use(), 'order.quote', { items, deliveryType: 'express' }, { openid, now: T0 }),
    );
    expect(bare.shippingFen).toBe(1_200);
    // Two pieces reach the tier threshold (¥178 >= ¥99): free whatever the template says.
    const addressId = await addressIn(use(), openid, '北京市');
    const two = okData(
      await callAction(
        use(),
        'order.quote',
        { items: [{ skuId: CLEANSER, qty: 2 }], deliveryType: 'express', addressId },
        { openid, now: T0 },
      ),
    );
    expect(two.shippingFen).toBe(0);
  });

  it('an undeliverable province is said in the quote and refused at create, with nothing written', async () => {
    await setup();
    const openid = newOpenid();
    const addressId = await addressIn(use(), openid, '西藏自治区');
    const items = [
      { skuId: CLEANSER, qty: 1 },
      { skuId: LOTION, qty: 1 },
    ];
    const quote = okData(
      await callAction(use(), 'order.quote', { items, deliveryType: 'express', addressId }, { openid, now: T0 }),
    );
    expect(quote.undeliverable).toEqual({
      message: '青禾氨基酸温和洁面乳不支持配送到西藏自治区，请更换收货地址或移除这些商品',
      skuIds: [CLEANSER],
    });
    const before = await moneyCounts(use());
    const stock = await stockOf(use(), CLEANSER);
    const r = await callAction(
      use(),
      'order.create',
      { items, delivery: { type: 'express', addressId } },
      { openid, now: T0, idempotencyKey: newKey() },
    );
    expect(errorCode(r)).toBe('ADDRESS_UNDELIVERABLE');
    expect(r.ok ? null : r.error.message).toBe(quote.undeliverable!.message);
    expect(await moneyCounts(use())).toEqual(before);
    expect(await stockOf(use(), CLEANSER)).toBe(stock);
    // Pickup is not shipping: the same cart without the express-only line can be collected.
    const pickup = okData(
      await callAction(
        use(),
        'order.quote',
        { items: [items[0]!], deliveryType: 'pickup', addressId },
        { openid, now: T0 },
      ),
    );
    expect(pickup).toMatchObject({ shippingFen: 0, undeliverable: null });
  });

  it('an undeliverable quote puts no shipping fee in payable: none can apply there', async () => {
    await setup();
    const openid = newOpenid();
    const items = [{ skuId: CLEANSER, qty: 1 }]; // ¥89: below the entry tier's ¥99
    // Without the new-member coupon, so the goods stay ¥89.
    const ask = { items, deliveryType: 'express' as const, noCoupon: true as const };
    const elsewhere = okData(await callAction(use(), 'order.quote', ask, { openid, now: T0 }));
    expect(elsewhere).toMatchObject({ shippingFen: 1_200, payableFen: 8_900 + 1_200, undeliverable: null });
    const addressId = await addressIn(use(), openid, '西藏自治区');
    const tibet = okData(await callAction(use(), 'order.quote', { ...ask, addressId }, { openid, now: T0 }));
    expect(tibet.undeliverable?.skuIds).toEqual([CLEANSER]);
    expect(tibet).toMatchObject({ shippingFen: 0, payableFen: 8_900, subtotalFen: 8_900 });
  });

  it('a group-buy order is priced by the same rule: the ¥59 seat adds the template fee for the province', async () => {
    await setup();
    const openid = newOpenid();
    const addressId = await addressIn(use(), openid, '浙江省');
    const input = { items: [{ skuId: CLEANSER, qty: 1 }], groupBuy: { campaignId: 'gb-demo-cleanser-2' } };
    const quote = okData(
      await callAction(use(), 'order.quote', { ...input, deliveryType: 'express', addressId }, { openid, now: T0 }),
    );
    expect(quote).toMatchObject({ shippingFen: 600, payableFen: 5_900 + 600 });
    const created = okData(
      await callAction(
        use(),
        'order.create',
        { ...input, delivery: { type: 'express', addressId } },
        {
          openid,
          now: T0,
          idempotencyKey: newKey(),
        },
      ),
    );
    expect(created.payableFen).toBe(6_500);
  });

  it('a tier that ships everything free still ships templated goods free', async () => {
    await setup();
    const openid = newOpenid();
    const addressId = await addressIn(use(), openid, '北京市');
    await use().kysely.updateTable('members').set({ tier_code: 'gold' }).where('openid', '=', openid).execute();
    const items = [{ skuId: CLEANSER, qty: 1 }];
    const quote = okData(
      await callAction(use(), 'order.quote', { items, deliveryType: 'express', addressId }, { openid, now: T0 }),
    );
    expect(quote.shippingFen).toBe(0);
    const created = okData(
      await callAction(
        use(),
        'order.create',
        { items, delivery: { type: 'express', addressId } },
        {
          openid,
          now: T0,
          idempotencyKey: newKey(),
        },
      ),
    );
    expect((await orderRow(use(), created.orderId)).shipping_fen).toBe(0);
  });
});
