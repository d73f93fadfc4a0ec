import { afterEach, expect, it } from 'vitest';
import '../../support/subscribers';
import { describeEachDatabase, describeOnPostgres } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { memberPrice } from '../../../cloudfunctions/core/shared/member-price';
import { fen } from '../../../cloudfunctions/core/shared/money';
import { runOutboxWorker } from '../../../cloudfunctions/core/outbox/outbox-worker';
import { jobContext, localPlatform, newKey } from '../order/order-factory';

/** Two SKUs, ¥89 and ¥129: a card says ¥89.00起. */
const CLEANSER = { id: 'p-amino-acid-cleanser', cheap: 'sku-amino-acid-cleanser-1', dear: 'sku-amino-acid-cleanser-2' };
/** Two SKUs at one price: no 起. */
const ONE_PRICE = 'p-tinted-tone-up-sunscreen';
/** Every SKU out of stock in the demo store. */
const SOLD_OUT = { id: 'p-osmanthus-limited-gift-set', sku: 'sku-osmanthus-limited-gift-set-1' };
const MANAGER = 'demo-manager';
const T0 = new Date('2026-12-04T10:00:00Z');

async function asTier(db: Db, openid: string, tier: string): Promise<void> {
  okData(await callAction(db, 'member.me', {}, { openid }));
  await db.kysely.updateTable('members').set({ tier_code: tier }).where('openid', '=', openid).execute();
}

async function summaryOf(db: Db, openid: string | null, productId: string) {
  const page = okData(await callAction(db, 'catalog.listProducts', { limit: 50 }, { openid }));
  return page.items.find((p) => p.id === productId)!;
}

const cartSet = (db: Db, openid: string, data: Parameters<typeof callAction<'catalog.cart.set'>>[2], key = newKey()) =>
  callAction(db, 'catalog.cart.set', data, { openid, idempotencyKey: key });

describeEachDatabase('prices, the server cart, 到货提醒 and sorting', (use) => {
  afterEach(() => {
    delete process.env.RESTOCK_TEMPLATE_ID;
  });

  it('a multi-price product is listed at its cheapest SKU with 起; one price without', async () => {
    const cleanser = await summaryOf(use(), null, CLEANSER.id);
    expect(cleanser.priceFen).toBe(8_900);
    expect(cleanser.priceFrom).toBe(true);
    expect((await summaryOf(use(), null, ONE_PRICE)).priceFrom).toBe(false);
  });

  it('members see their tier’s member price on cards and SKUs, the same price checkout charges', async () => {
    const percents = { normal: 100, silver: 98, gold: 95, black: 90 } as const;
    for (const [tier, percent] of Object.entries(percents)) {
      const openid = `price-${tier}`;
      await asTier(use(), openid, tier);
      const card = await summaryOf(use(), openid, CLEANSER.id);
      const detail = okData(await callAction(use(), 'catalog.getProduct', { productId: CLEANSER.id }, { openid }));
      const dear = detail.skus.find((s) => s.id === CLEANSER.dear)!;
      const expected = percent < 100 ? memberPrice(fen(12_900), percent) : null;
      expect(card.memberPriceFen).toBe(percent < 100 ? memberPrice(fen(8_900), percent) : null);
      expect(dear.memberPriceFen).toBe(expected);
      const quote = okData(
        await callAction(use(), 'order.quote', { items: [{ skuId: CLEANSER.dear, qty: 1 }] }, { openid }),
      );
      expect(quote.subtotalFen - quote.memberDiscountFen).toBe(expected ?? 12_900);
    }
    // A visitor, signed out, sees list prices and the entry tier's shipping rule.
    const visitor = okData(await callAction(use(), 'catalog.getProduct', { productId: CLEANSER.id }, { openid: null }));
    expect(visitor.skus.every((s) => s.memberPriceFen === null)).toBe(true);
    expect(visitor.shippingRule).toBe('满¥99包邮，不满运费¥10');
    const gold = okData(
      await callAction(use(), 'catalog.getProduct', { productId: CLEANSER.id }, { openid: 'price-gold' }),
    );
    expect(gold.shippingRule).toBe('全场包邮');
    const voucher = okData(
      await callAction(use(), 'catalog.getProduct', { productId: 'p-in-store-facial-voucher' }, { openid: null }),
    );
    expect(voucher.shippingRule).toBe('门店自提，无需运费');
  });

  it('the server cart follows the member: merge adds once per key, ticks choose what 结算 takes', async () => {
    const openid = 'cart-silver';
    await asTier(use(), openid, 'silver');
    const key = newKey();
    const merged = okData(
      await cartSet(use(), openid, { items: [{ skuId: CLEANSER.cheap, qty: 1 }], merge: true }, key),
    );
    // The same request retried (a flaky network) is replayed, not added again.
    const replay = okData(
      await cartSet(use(), openid, { items: [{ skuId: CLEANSER.cheap, qty: 1 }], merge: true }, key),
    );
    expect(replay).toEqual(merged);
    // Another device adds more of it and a second product.
    const other = okData(
      await cartSet(use(), openid, {
        items: [
          { skuId: CLEANSER.cheap, qty: 2 },
          { skuId: CLEANSER.dear, qty: 1, selected: false },
        ],
        merge: true,
      }),
    );
    expect(other.lines.map((l) => [l.skuId, l.qty, l.selected])).toEqual([
      [CLEANSER.cheap, 3, true],
      [CLEANSER.dear, 1, false],
    ]);
    const unit = memberPrice(fen(8_900), 98);
    expect(other.selectedTotalFen).toBe(unit * 3);
    expect(other.selectedCount).toBe(3);
    expect(other.allSelected).toBe(false);
    expect(other.memberSavingFen).toBe((8_900 - unit) * 3);
    // Silver ships free from ¥69: ¥261.66 is over it.
    expect(other.shipping.remainingFen).toBe(0);
    const listed = okData(await callAction(use(), 'catalog.cart.list', {}, { openid }));
    expect(listed).toEqual(other);

    const all = okData(
      await callAction(use(), 'catalog.cart.selectAll', { selected: true }, { openid, idempotencyKey: newKey() }),
    );
    expect(all.allSelected).toBe(true);
    expect(all.selectedTotalFen).toBe(unit * 3 + memberPrice(fen(12_900), 98));

    const none = okData(
      await callAction(use(), 'catalog.cart.selectAll', { selected: false }, { openid, idempotencyKey: newKey() }),
    );
    expect([none.selectedTotalFen, none.selectedCount]).toEqual([0, 0]);
    // Nothing ticked: free shipping is the whole threshold away.
    expect(none.shipping).toMatchObject({ remainingFen: 6_900, shippingFen: 0, text: '满¥69包邮' });

    const removed = okData(
      await callAction(use(), 'catalog.cart.remove', { skuIds: [CLEANSER.dear] }, { openid, idempotencyKey: newKey() }),
    );
    expect(removed.lines.map((l) => l.skuId)).toEqual([CLEANSER.cheap]);
    // A plain set replaces the quantity; an unknown SKU is refused unless merging.
    const set = okData(await cartSet(use(), openid, { items: [{ skuId: CLEANSER.cheap, qty: 1, selected: true }] }));
    expect(set.lines[0]).toMatchObject({ qty: 1, selected: true });
    expect(set.shipping).toMatchObject({ remainingFen: 0, shippingFen: 0, status: 'free', text: '已包邮' });
    const unknown = await cartSet(use(), openid, { items: [{ skuId: 'sku-gone', qty: 1 }] });
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
    const mergedGone = okData(await cartSet(use(), openid, { items: [{ skuId: 'sku-gone', qty: 1 }], merge: true }));
    expect(mergedGone.lines.map((l) => l.skuId)).toEqual([CLEANSER.cheap]);
    // Another member's cart is their own.
    expect(okData(await callAction(use(), 'catalog.cart.list', {}, { openid: 'cart-someone-else' })).lines).toEqual([]);
  });

  it('到货提醒 is one request per member and product, told once when the manager restocks', async () => {
    process.env.RESTOCK_TEMPLATE_ID = 'tmpl-restock';
    const openid = 'restock-fan';
    const detail = okData(await callAction(use(), 'catalog.getProduct', { productId: SOLD_OUT.id }, { openid }));
    expect([detail.soldOut, detail.restockSubscribed]).toEqual([true, false]);
    for (let i = 0; i < 2; i++) {
      const answer = okData(
        await callAction(
          use(),
          'catalog.subscribeRestock',
          { productId: SOLD_OUT.id },
          { openid, idempotencyKey: newKey() },
        ),
      );
      expect(answer).toEqual({ subscribed: true, templateId: 'tmpl-restock' });
    }
    const rows = await use()
      .kysely.selectFrom('restock_subscriptions')
      .selectAll()
      .where('product_id', '=', SOLD_OUT.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(
      okData(await callAction(use(), 'catalog.getProduct', { productId: SOLD_OUT.id }, { openid })).restockSubscribed,
    ).toBe(true);
    // The weapp asked for the template after the tap, and the member accepted.
    okData(
      await callAction(
        use(),
        'member.grantSubscriptions',
        { accepted: ['tmpl-restock'] },
        { openid, idempotencyKey: newKey() },
      ),
    );
    // An in-stock product cannot be subscribed to.
    const inStock = await callAction(
      use(),
      'catalog.subscribeRestock',
      { productId: CLEANSER.id },
      { openid, idempotencyKey: newKey() },
    );
    expect(inStock.ok ? null : inStock.error.code).toBe('PRODUCT_IN_STOCK');

    const restock = (from: number, to: number) =>
      callAction(
        use(),
        'manager.updateSku',
        { skuId: SOLD_OUT.sku, stock: { from, to } },
        { openid: MANAGER, idempotencyKey: newKey(), now: T0 },
      );
    okData(await restock(0, 5));
    // More stock on a product already back announces nothing new.
    okData(await restock(5, 8));
    const platform = localPlatform(use(), { now: T0 });
    await runOutboxWorker(jobContext(use(), T0, platform));
    await runOutboxWorker(jobContext(use(), T0, platform));
    const sent = platform.messages.sent.filter((m) => m.templateId === 'tmpl-restock');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ page: `packages/goods/detail?id=${SOLD_OUT.id}` });
    const after = await use()
      .kysely.selectFrom('restock_subscriptions')
      .selectAll()
      .where('product_id', '=', SOLD_OUT.id)
      .execute();
    expect(after[0]!.notified_at).not.toBeNull();
    const back = okData(await callAction(use(), 'catalog.getProduct', { productId: SOLD_OUT.id }, { openid }));
    expect([back.soldOut, back.restockSubscribed]).toEqual([false, false]);
  });

  it('sort: price both ways, 新品 and 销量 page through every product once, in order', async () => {
    const all = async (sort: 'price_asc' | 'price_desc' | 'new' | 'sales' | 'default') => {
      const items = [];
      let cursor: string | undefined;
      do {
        const page = okData(
          await callAction(use(), 'catalog.listProducts', { sort, limit: 7, cursor }, { openid: null }),
        );
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    };
    const base = (await all('default')).map((p) => p.id).sort();
    const asc = await all('price_asc');
    const desc = await all('price_desc');
    expect(asc.map((p) => p.id).sort()).toEqual(base);
    expect(desc.map((p) => p.id).sort()).toEqual(base);
    const ascPrices = asc.map((p) => p.priceFen);
    expect(ascPrices).toEqual([...ascPrices].sort((a, b) => a - b));
    const descPrices = desc.map((p) => p.priceFen);
    expect(descPrices).toEqual([...descPrices].sort((a, b) => b - a));

    // The newest product comes first.
    await use()
      .kysely.updateTable('products')
      .set({ created_at: new Date('2030-01-01T00:00:00Z') })
      .where('id', '=', ONE_PRICE)
      .execute();
    const newest = await all('new');
    expect(newest[0]!.id).toBe(ONE_PRICE);
    expect(newest.map((p) => p.id).sort()).toEqual(base);

    // A best seller: the stock ledger says 30 of the sunscreen stick went.
    await use().kysely.updateTable('skus').set({ stock: 150 }).where('id', '=', 'sku-sunscreen-stick-1').execute();
    const sales = await all('sales');
    expect(sales[0]!.id).toBe('p-sunscreen-stick');
    expect(sales.map((p) => p.id).sort()).toEqual(base);
    const hints = okData(await callAction(use(), 'catalog.searchHints', {}, { openid: null }));
    expect(hints.hot[0]).toBe('清透防晒棒 SPF50+');
    expect(hints.hot.length).toBeLessThanOrEqual(6);
  });
});

describeOnPostgres('the server cart under concurrent merges', (use) => {
  it('ten devices merging at once add up exactly', async () => {
    const openid = 'cart-race';
    okData(await callAction(use(), 'member.me', {}, { openid }));
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        cartSet(use(), openid, { items: [{ skuId: CLEANSER.cheap, qty: 2 }], merge: true }),
      ),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    const cart = okData(await callAction(use(), 'catalog.cart.list', {}, { openid }));
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]!.qty).toBe(20);
  });

  it('many taps of 到货提醒 at once leave one request', async () => {
    const openid = 'restock-race';
    okData(await callAction(use(), 'member.me', {}, { openid }));
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        callAction(use(), 'catalog.subscribeRestock', { productId: SOLD_OUT.id }, { openid, idempotencyKey: newKey() }),
      ),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    const rows = await use()
      .kysely.selectFrom('restock_subscriptions as r')
      .innerJoin('members as m', 'm.id', 'r.member_id')
      .select('r.product_id')
      .where('m.openid', '=', openid)
      .execute();
    expect(rows).toHaveLength(1);
  });
});
