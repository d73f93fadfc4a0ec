import { expect, it } from 'vitest';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase, describeOnPostgres } from '../../support/databases';
import { makeTemplate } from '../coupon/coupon-factory';
import { setStock, stockOf } from '../order/order-factory';
import { after, asStaff, errorOf, key, MANAGER, memberWithCode, newOpenid, NOW } from './staff-factory';

const SKU = 'sku-vitamin-c-brightening-serum-1';
const asManager = <N extends Parameters<typeof callAction>[1]>(
  db: Parameters<typeof callAction>[0],
  name: N,
  data: Parameters<typeof callAction<N>>[2],
) => callAction(db, name, data, { openid: MANAGER, idempotencyKey: key() });

describeEachDatabase('manager tools: products, stock, coupon templates', (use) => {
  it('edits a price and sets stock only from the value the manager saw', async () => {
    await setStock(use(), SKU, 10);
    const sku = okData(
      await asManager(use(), 'manager.updateSku', { skuId: SKU, priceFen: 12_900, stock: { from: 10, to: 25 } }),
    );
    expect(sku).toMatchObject({ skuId: SKU, priceFen: 12_900, stock: 25 });
    const stale = await asManager(use(), 'manager.updateSku', { skuId: SKU, stock: { from: 10, to: 99 } });
    expect(errorOf(stale)).toBe('STOCK_CHANGED');
    expect(await stockOf(use(), SKU)).toBe(25);
    const product = okData(
      await callAction(use(), 'catalog.getProduct', { productId: 'p-vitamin-c-brightening-serum' }, { openid: null }),
    ).skus.find((s) => s.id === SKU);
    expect(product?.priceFen).toBe(12_900);
  });

  it('pages every product exactly once, even when one is added before the walk reaches it; a tampered cursor is refused', async () => {
    const total = Number(
      (
        await use()
          .kysely.selectFrom('products')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('store_id', '=', 'demo')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const first = okData(await asManager(use(), 'manager.listProducts', {}));
    expect(first.items).toHaveLength(20);
    // A product sorted after the first page, added while the manager scrolls: an offset would repeat a row.
    await use()
      .kysely.insertInto('products')
      .values({
        id: 'p-added-mid-walk',
        store_id: 'demo',
        category_id: 'c-cleanser',
        title: '翻页中新增',
        images: '[]',
        art: null,
        repurchase_cycle_days: 30,
        fulfilment: ['express'],
        sort: -1,
      })
      .execute();
    const seen = first.items.map((p) => p.productId);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = okData(await asManager(use(), 'manager.listProducts', { cursor }));
      seen.push(...page.items.map((p) => p.productId));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total); // sorted before the cursor: it shows on the next walk, never twice
    expect(errorOf(await asManager(use(), 'manager.listProducts', { cursor: '20' }))).toBe('VALIDATION_FAILED');
  });

  it('takes a product off the shelf and back; the storefront follows', async () => {
    const { items } = okData(await asManager(use(), 'manager.listProducts', {}));
    const productId = items[0]!.productId;
    okData(await asManager(use(), 'manager.setProductStatus', { productId, status: 'off_shelf' }));
    expect(errorOf(await callAction(use(), 'catalog.getProduct', { productId }, { openid: null }))).toBe('NOT_FOUND');
    okData(await asManager(use(), 'manager.setProductStatus', { productId, status: 'on_sale' }));
    expect(okData(await callAction(use(), 'catalog.getProduct', { productId }, { openid: null })).id).toBe(productId);
  });

  it('creates a claimable template checked by the coupon rules; refuses bad terms writing nothing; stops one', async () => {
    const bad = await asManager(use(), 'manager.createCouponTemplate', {
      title: '坏券',
      kind: 'full_reduction',
      thresholdFen: 1000,
      amountFen: 2000,
      validDays: 7,
      total: 10,
    });
    expect(errorOf(bad)).toBe('VALIDATION_FAILED');
    expect(
      await use().kysely.selectFrom('coupon_templates').selectAll().where('title', '=', '坏券').execute(),
    ).toHaveLength(0);
    const { templateId } = okData(
      await asManager(use(), 'manager.createCouponTemplate', {
        title: '店庆满100减20',
        kind: 'full_reduction',
        thresholdFen: 10_000,
        amountFen: 2000,
        validDays: 7,
        total: 10,
      }),
    );
    const claimable = okData(await callAction(use(), 'coupon.listClaimable', {}, { openid: null }));
    expect(claimable.items.map((t) => t.templateId)).toContain(templateId);
    okData(await asManager(use(), 'manager.stopCouponTemplate', { templateId }));
    const after = okData(await callAction(use(), 'coupon.listClaimable', {}, { openid: null }));
    expect(after.items.map((t) => t.templateId)).not.toContain(templateId);
    expect(
      errorOf(
        await callAction(use(), 'member.claimCoupon', { templateId }, { openid: newOpenid(), idempotencyKey: key() }),
      ),
    ).toBe('COUPON_UNAVAILABLE');
    const listed = okData(await asManager(use(), 'manager.listCouponTemplates', {})).items.find(
      (t) => t.templateId === templateId,
    );
    expect(listed).toMatchObject({ active: false, thresholdFen: 10_000, amountFen: 2000, total: 10, remaining: 10 });
  });

  it("offers the registry's kinds to the form and takes its args as an object, checked by the kind's rule", async () => {
    const { kinds } = okData(await asManager(use(), 'manager.listCouponTemplates', {}));
    expect(kinds.find((k) => k.code === 'no_threshold')).toEqual({
      code: 'no_threshold',
      title: '无门槛',
      fields: [{ name: 'amountFen', label: '减', unit: '元', input: 'yuan', required: true }],
    });
    const create = (args: Record<string, number>) =>
      asManager(use(), 'manager.createCouponTemplate', {
        title: '对象参数券',
        kind: 'percent_off',
        args,
        validDays: 7,
        total: 10,
      });
    // An arg the kind does not have is refused, not dropped: the coupon would not be the one described.
    expect(errorOf(await create({ percentOff: 15, amountFen: 500 }))).toBe('VALIDATION_FAILED');
    expect(errorOf(await create({ capFen: 500 }))).toBe('VALIDATION_FAILED');
    expect(
      await use().kysely.selectFrom('coupon_templates').selectAll().where('title', '=', '对象参数券').execute(),
    ).toHaveLength(0);
    const { templateId } = okData(await create({ percentOff: 15, capFen: 5000 }));
    const listed = okData(await asManager(use(), 'manager.listCouponTemplates', {})).items.find(
      (t) => t.templateId === templateId,
    );
    expect(listed).toMatchObject({
      kind: 'percent_off',
      kindTitle: '折扣',
      description: { text: '减15%（最多减50）', figure: '8.5', unit: '折' },
      percentOff: 15,
      capFen: 5000,
    });
  });
});

describeOnPostgres('manager tools and counter under concurrency', (use) => {
  it('ten managers setting stock from the same value at once: one wins, nine are STOCK_CHANGED', async () => {
    await setStock(use(), SKU, 50);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        asManager(use(), 'manager.updateSku', { skuId: SKU, stock: { from: 50, to: 60 + i } }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => errorOf(r) === 'STOCK_CHANGED')).toHaveLength(9);
    const winner = results.find((r) => r.ok)!;
    expect(await stockOf(use(), SKU)).toBe(winner.ok ? winner.data.stock : -1);
  });

  it('one coupon redeemed 10 times at once at the counter: used once, nine COUPON_USED', async () => {
    const m = await memberWithCode(use());
    const templateId = await makeTemplate(use());
    const { couponId } = okData(
      await callAction(
        use(),
        'member.claimCoupon',
        { templateId },
        { openid: m.openid, now: NOW, idempotencyKey: key() },
      ),
    );
    okData(await asStaff(use(), 'staff.scanMemberCode', { code: m.code }, after(1)));
    const results = await Promise.all(
      Array.from({ length: 10 }, () => asStaff(use(), 'staff.redeemCoupon', { code: m.code, couponId }, after(2))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => errorOf(r) === 'COUPON_USED')).toHaveLength(9);
    const audit = await use()
      .kysely.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'staff.redeemCoupon')
      .where('member_id', '=', m.memberId)
      .execute();
    expect(audit).toHaveLength(1);
  });
});
