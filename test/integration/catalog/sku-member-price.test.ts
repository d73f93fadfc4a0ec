import { expect, it } from 'vitest';
import '../../support/subscribers';
import { describeEachDatabase } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { errorOf } from '../staff/staff-factory';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { memberPrice } from '../../../cloudfunctions/core/shared/member-price';
import { fen } from '../../../cloudfunctions/core/shared/money';
import { newKey } from '../order/order-factory';
import { asManager, resave, twoByTwo } from './catalog-admin-factory';

/** Silver's member price is 98% in the demo store's tiers; 普通会员 has none. */
const SILVER_PERCENT = 98;

async function asTier(db: Db, openid: string, tier: string): Promise<void> {
  okData(await callAction(db, 'member.me', {}, { openid }));
  await db.kysely.updateTable('members').set({ tier_code: tier }).where('openid', '=', openid).execute();
}

/** A 2 × 2 product whose first SKU (¥99) has a 会员价 of ¥79; the others follow the tier's percentage. */
async function productWithMemberPrice(db: Db, title: string) {
  const input = twoByTwo({ title });
  input.skus[0] = { ...input.skus[0]!, memberPriceFen: 7_900 };
  return okData(await asManager(db, 'manager.saveProduct', input));
}

describeEachDatabase('a SKU’s own 会员价', (use) => {
  it('is what members of a tier with a member price see on the card, the detail and the cart, and what checkout charges', async () => {
    const made = await productWithMemberPrice(use(), '会员价精华');
    const [own, other] = [made.skus[0]!, made.skus[1]!];
    expect(own.memberPriceFen).toBe(7_900);
    expect(other.memberPriceFen).toBeNull();

    const silver = 'member-price-silver';
    await asTier(use(), silver, 'silver');
    const detail = okData(
      await callAction(use(), 'catalog.getProduct', { productId: made.productId }, { openid: silver }),
    );
    expect(detail.skus.find((s) => s.id === own.skuId)!.memberPriceFen).toBe(7_900);
    expect(detail.skus.find((s) => s.id === other.skuId)!.memberPriceFen).toBe(
      memberPrice(fen(10_900), SILVER_PERCENT),
    );
    const card = okData(await callAction(use(), 'catalog.listProducts', { keyword: '会员价精华' }, { openid: silver }))
      .items[0]!;
    expect(card).toMatchObject({ priceFen: 9_900, memberPriceFen: 7_900 });

    const cart = okData(
      await callAction(
        use(),
        'catalog.cart.set',
        { items: [{ skuId: own.skuId, qty: 2 }], merge: true },
        { openid: silver, idempotencyKey: newKey() },
      ),
    );
    expect(cart.lines[0]!.memberPriceFen).toBe(7_900);
    expect(cart.selectedTotalFen).toBe(15_800);

    const order = okData(
      await callAction(
        use(),
        'order.create',
        { items: [{ skuId: own.skuId, qty: 2 }], delivery: { type: 'pickup' } },
        { openid: silver, idempotencyKey: newKey() },
      ),
    );
    expect(order.payableFen).toBe(15_800);
  });

  it('is not given to a tier without member prices, nor shown to a signed-out cart', async () => {
    const made = await productWithMemberPrice(use(), '普通会员看原价');
    const own = made.skus[0]!;
    const normal = 'member-price-normal';
    await asTier(use(), normal, 'normal');
    const detail = okData(
      await callAction(use(), 'catalog.getProduct', { productId: made.productId }, { openid: normal }),
    );
    expect(detail.skus.find((s) => s.id === own.skuId)!.memberPriceFen).toBeNull();
    const quote = okData(
      await callAction(use(), 'order.quote', { items: [{ skuId: own.skuId, qty: 1 }] }, { openid: normal }),
    );
    expect(quote.subtotalFen - quote.memberDiscountFen).toBe(9_900);
    const signedOut = okData(
      await callAction(use(), 'catalog.quoteCart', { items: [{ skuId: own.skuId, qty: 1 }] }, { openid: null }),
    );
    expect(signedOut.lines[0]).not.toHaveProperty('skuMemberPriceFen');
  });

  it('above the price is refused and nothing is saved; a price cut below it drops it', async () => {
    const made = await productWithMemberPrice(use(), '会员价校验');
    const edit = resave(made);
    edit.skus[1] = { ...edit.skus[1]!, memberPriceFen: 20_000 };
    const refused = await asManager(use(), 'manager.saveProduct', edit);
    expect(errorOf(refused)).toBe('VALIDATION_FAILED');
    const after = okData(await asManager(use(), 'manager.getProduct', { productId: made.productId }));
    expect(after.skus.map((s) => s.memberPriceFen)).toEqual([7_900, null, null, null]);
    expect(after.version).toBe(made.version);

    okData(await asManager(use(), 'manager.updateSku', { skuId: made.skus[0]!.skuId, priceFen: 6_900 }));
    const cut = okData(await asManager(use(), 'manager.getProduct', { productId: made.productId }));
    expect(cut.skus[0]).toMatchObject({ priceFen: 6_900, memberPriceFen: null });
  });

  it('travels with the editor: a resave keeps it, duplicating copies it', async () => {
    const made = await productWithMemberPrice(use(), '会员价保留');
    const again = okData(await asManager(use(), 'manager.saveProduct', resave(made)));
    expect(again.skus[0]!.memberPriceFen).toBe(7_900);
    const copy = okData(await asManager(use(), 'manager.duplicateProduct', { productId: made.productId }));
    expect(copy.skus[0]!.memberPriceFen).toBe(7_900);
  });
});
