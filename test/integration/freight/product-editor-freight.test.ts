import { expect, it } from 'vitest';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase } from '../../support/databases';
import { asManager, twoByTwo } from '../catalog/catalog-admin-factory';
import { errorCode, newKey, newOpenid, T0 } from '../order/order-factory';
import { addressIn, makeFreightTemplate } from './freight-factory';

describeEachDatabase('the product editor names a freight template', (use) => {
  it('a product saved under a template is priced by it at checkout, for the address’s province', async () => {
    const templateId = await makeFreightTemplate(use(), { name: `编辑器-${newKey().slice(2, 10)}` });
    // ¥50 a piece: below the new member's tier free-shipping threshold (¥99) and the template's ¥199.
    const input = twoByTwo({ freightTemplateId: templateId });
    input.skus = input.skus.map((s) => ({ ...s, priceFen: 5_000 }));
    const saved = okData(await asManager(use(), 'manager.saveProduct', input));
    const product = okData(await asManager(use(), 'manager.getProduct', { productId: saved.productId }));
    expect(product.freightTemplateId).toBe(templateId);
    const openid = newOpenid();
    const items = [{ skuId: product.skus[0]!.skuId, qty: 1 }];
    const quote = async (place: '浙江省' | '北京市' | '西藏自治区') =>
      okData(
        await callAction(
          use(),
          'order.quote',
          { items, deliveryType: 'express', addressId: await addressIn(use(), openid, place) },
          { openid, now: T0 },
        ),
      );
    expect((await quote('浙江省')).shippingFen).toBe(600);
    expect((await quote('北京市')).shippingFen).toBe(1_200);
    expect((await quote('西藏自治区')).undeliverable).not.toBeNull();
  });

  it("refuses another store's or an unknown template with FREIGHT_TEMPLATE_NOT_FOUND and writes nothing", async () => {
    const count = async () =>
      Number(
        (
          await use()
            .kysely.selectFrom('products')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const refused = await asManager(use(), 'manager.saveProduct', twoByTwo({ freightTemplateId: 'no-such-template' }));
    expect(errorCode(refused)).toBe('FREIGHT_TEMPLATE_NOT_FOUND');
    expect(await count()).toBe(before);
  });
});
