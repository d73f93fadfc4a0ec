import { expect, it } from 'vitest';
import type { Db } from '../../../cloudfunctions/core/db/db';
import { callAction, okData } from '../../support/call';
import { describeEachDatabase } from '../../support/databases';
import { linesOf, makeOrder, stockOf } from '../order/order-factory';
import { errorOf } from '../staff/staff-factory';
import { asManager, resave, twoByTwo } from './catalog-admin-factory';

const asCustomer = { openid: null };
const listed = async (db: Db, input: { categoryId?: string; keyword?: string }) =>
  okData(await callAction(db, 'catalog.listProducts', input, asCustomer)).items.map((p) => p.id);

describeEachDatabase('manager product editor', (use) => {
  it('creates a 2×2 product that 分类, search and the detail page show, detail blocks included', async () => {
    const created = okData(await asManager(use(), 'manager.saveProduct', twoByTwo({ title: '编辑器精华' })));
    expect(created.skus.map((s) => s.specs)).toEqual([
      { 容量: '30ml', 规格: '清爽' },
      { 容量: '30ml', 规格: '滋润' },
      { 容量: '50ml', 规格: '清爽' },
      { 容量: '50ml', 规格: '滋润' },
    ]);
    expect(created).toMatchObject({ version: 1, status: 'on_sale', specGroups: twoByTwo().specGroups });
    expect(await listed(use(), { categoryId: 'c-cleanser' })).toContain(created.productId);
    expect(await listed(use(), { keyword: '编辑器' })).toContain(created.productId);
    const detail = okData(await callAction(use(), 'catalog.getProduct', { productId: created.productId }, asCustomer));
    expect(detail.detail).toEqual([
      { type: 'text', text: '温和配方，早晚可用。' },
      { type: 'image', image: '/media/catalog/test-detail.png' },
    ]);
    expect(detail.skus).toHaveLength(4);
    const weights = await use()
      .kysely.selectFrom('skus')
      .select('weight_grams')
      .where('product_id', '=', created.productId)
      .execute();
    expect(weights.every((w) => w.weight_grams === 120)).toBe(true);
  });

  it('refuses a SKU table that is not the matrix of its groups, a fourth group and an unknown category, writing nothing', async () => {
    const before = await use().kysely.selectFrom('products').select('id').execute();
    const input = twoByTwo();
    const missing = await asManager(use(), 'manager.saveProduct', { ...input, skus: input.skus.slice(1) });
    expect(errorOf(missing)).toBe('SPEC_MATRIX_INVALID');
    const g = (name: string) => ({ name, values: ['x'] });
    const four = await asManager(use(), 'manager.saveProduct', {
      ...input,
      specGroups: [g('a'), g('b'), g('c'), g('d')],
      skus: [{ ...input.skus[0]!, specs: { a: 'x', b: 'x', c: 'x', d: 'x' } }],
    });
    expect(errorOf(four)).toBe('VALIDATION_FAILED');
    expect(errorOf(await asManager(use(), 'manager.saveProduct', { ...input, categoryId: 'no-such' }))).toBe(
      'CATEGORY_NOT_FOUND',
    );
    expect(await use().kysely.selectFrom('products').select('id').execute()).toHaveLength(before.length);
  });

  it('a second editor saving over a newer version gets PRODUCT_CHANGED; the first save stands', async () => {
    const loaded = okData(await asManager(use(), 'manager.saveProduct', twoByTwo()));
    const first = okData(await asManager(use(), 'manager.saveProduct', { ...resave(loaded), title: '甲的标题' }));
    expect(first.version).toBe(2);
    const second = await asManager(use(), 'manager.saveProduct', { ...resave(loaded), title: '乙的标题' });
    expect(errorOf(second)).toBe('PRODUCT_CHANGED');
    expect(okData(await asManager(use(), 'manager.getProduct', { productId: loaded.productId })).title).toBe(
      '甲的标题',
    );
    // A status change made elsewhere also moves the version.
    okData(await asManager(use(), 'manager.setProductStatus', { productId: loaded.productId, status: 'off_shelf' }));
    expect(errorOf(await asManager(use(), 'manager.saveProduct', resave(first)))).toBe('PRODUCT_CHANGED');
  });

  it('dropping a spec value deactivates its SKUs (never deletes them); bringing it back reuses the rows', async () => {
    const made = okData(await asManager(use(), 'manager.saveProduct', twoByTwo()));
    const order = await makeOrder(use(), { items: [{ skuId: made.skus[3]!.skuId, qty: 1 }] });
    const next = resave(made);
    next.specGroups = [next.specGroups[0]!, { name: '规格', values: ['清爽'] }];
    next.skus = next.skus.filter((s) => s.specs['规格'] === '清爽');
    const narrowed = okData(await asManager(use(), 'manager.saveProduct', next));
    expect(narrowed.skus.map((s) => s.skuId)).toEqual([made.skus[0]!.skuId, made.skus[2]!.skuId]);
    const rows = await use()
      .kysely.selectFrom('skus')
      .select(['id', 'active'])
      .where('product_id', '=', made.productId)
      .execute();
    expect(rows).toHaveLength(4);
    expect(
      rows
        .filter((r) => !r.active)
        .map((r) => r.id)
        .sort(),
    ).toEqual([made.skus[1]!.skuId, made.skus[3]!.skuId].sort());
    expect((await linesOf(use(), order.orderId))[0]!.sku_id).toBe(made.skus[3]!.skuId);
    const back = okData(
      await asManager(use(), 'manager.saveProduct', {
        ...resave(narrowed),
        specGroups: made.specGroups,
        skus: [...resave(narrowed).skus, ...twoByTwo().skus.filter((s) => s.specs['规格'] === '滋润')],
      }),
    );
    expect(back.skus.map((s) => s.skuId).sort()).toEqual(made.skus.map((s) => s.skuId).sort());
  });

  it('edits stock only from what the editor loaded: a sale in between is STOCK_CHANGED, nothing saved', async () => {
    const made = okData(await asManager(use(), 'manager.saveProduct', twoByTwo()));
    const sku = made.skus[0]!.skuId;
    await makeOrder(use(), { items: [{ skuId: sku, qty: 2 }] });
    const stale = resave(made);
    stale.skus[0] = { ...stale.skus[0]!, stock: 50 };
    stale.title = '不该保存';
    expect(errorOf(await asManager(use(), 'manager.saveProduct', stale))).toBe('STOCK_CHANGED');
    expect(await stockOf(use(), sku)).toBe(8);
    const fresh = okData(await asManager(use(), 'manager.getProduct', { productId: made.productId }));
    expect(fresh.title).toBe(made.title);
    const edit = resave(fresh);
    edit.skus[0] = { ...edit.skus[0]!, stock: 50 };
    expect(okData(await asManager(use(), 'manager.saveProduct', edit)).skus[0]!.stock).toBe(50);
    const adjustments = await use()
      .kysely.selectFrom('sku_stock_adjustments')
      .selectAll()
      .where('sku_id', '=', sku)
      .execute();
    expect(adjustments.map((a) => [a.stock_from, a.stock_to])).toEqual([[8, 50]]);
  });

  it('editing the price or deleting the product never changes an order already placed', async () => {
    const made = okData(await asManager(use(), 'manager.saveProduct', twoByTwo({ title: '下单后改价' })));
    const order = await makeOrder(use(), { items: [{ skuId: made.skus[0]!.skuId, qty: 1 }] });
    const view = async () =>
      okData(await callAction(use(), 'order.get', { orderId: order.orderId }, { openid: order.openid }));
    const placed = await view();
    const edit = resave(made);
    edit.title = '改过的标题';
    edit.images = ['/media/catalog/other.png'];
    edit.skus[0] = { ...edit.skus[0]!, priceFen: 1 };
    okData(await asManager(use(), 'manager.saveProduct', edit));
    expect(await view()).toEqual(placed);
    okData(await asManager(use(), 'manager.deleteProduct', { productId: made.productId }));
    expect(await view()).toEqual(placed);
    expect(placed.lines[0]).toMatchObject({ title: '下单后改价', unitPriceFen: 9900 });
  });

  it('deletes softly: gone from the store, the manager list and checkout; the row stays', async () => {
    const made = okData(await asManager(use(), 'manager.saveProduct', twoByTwo({ title: '要删除的商品' })));
    okData(await asManager(use(), 'manager.deleteProduct', { productId: made.productId }));
    expect(await listed(use(), { keyword: '要删除的商品' })).toEqual([]);
    expect(errorOf(await callAction(use(), 'catalog.getProduct', { productId: made.productId }, asCustomer))).toBe(
      'NOT_FOUND',
    );
    const managerList = okData(await asManager(use(), 'manager.listProducts', { keyword: '要删除的商品' }));
    expect(managerList.items).toEqual([]);
    expect(errorOf(await asManager(use(), 'manager.getProduct', { productId: made.productId }))).toBe('NOT_FOUND');
    expect(errorOf(await asManager(use(), 'manager.deleteProduct', { productId: made.productId }))).toBe('NOT_FOUND');
    const order = await callAction(
      use(),
      'order.create',
      { items: [{ skuId: made.skus[0]!.skuId, qty: 1 }], delivery: { type: 'pickup' } },
      { openid: 'o_deleted_buyer', idempotencyKey: 'k-deleted-buyer' },
    );
    expect(order.ok).toBe(false);
    const row = await use()
      .kysely.selectFrom('products')
      .select('deleted_at')
      .where('id', '=', made.productId)
      .executeTakeFirst();
    expect(row?.deleted_at).not.toBeNull();
  });

  it('duplicates a product off the shelf with the same SKUs and no stock', async () => {
    const made = okData(await asManager(use(), 'manager.saveProduct', twoByTwo({ title: '原品' })));
    const copy = okData(await asManager(use(), 'manager.duplicateProduct', { productId: made.productId }));
    expect(copy).toMatchObject({ title: '原品 副本', status: 'off_shelf', version: 1, specGroups: made.specGroups });
    expect(copy.productId).not.toBe(made.productId);
    expect(copy.skus.map((s) => [s.specs, s.priceFen, s.stock])).toEqual(
      made.skus.map((s) => [s.specs, s.priceFen, 0]),
    );
    expect(copy.detail).toEqual(made.detail);
  });

  it('honours the shelf schedule at query time: before on-shelf and after off-shelf the store does not show it', async () => {
    const hour = 3_600_000;
    const later = okData(
      await asManager(
        use(),
        'manager.saveProduct',
        twoByTwo({ title: '定时上架', onShelfAt: new Date(Date.now() + hour).toISOString() }),
      ),
    );
    const ended = okData(
      await asManager(
        use(),
        'manager.saveProduct',
        twoByTwo({
          title: '定时下架',
          onShelfAt: new Date(Date.now() - 2 * hour).toISOString(),
          offShelfAt: new Date(Date.now() - hour).toISOString(),
        }),
      ),
    );
    const running = okData(
      await asManager(
        use(),
        'manager.saveProduct',
        twoByTwo({ title: '定时在售', offShelfAt: new Date(Date.now() + hour).toISOString() }),
      ),
    );
    const ids = await listed(use(), { keyword: '定时' });
    expect(ids).toEqual([running.productId]);
    for (const p of [later, ended]) {
      expect(errorOf(await callAction(use(), 'catalog.getProduct', { productId: p.productId }, asCustomer))).toBe(
        'NOT_FOUND',
      );
    }
    const reversed = await asManager(
      use(),
      'manager.saveProduct',
      twoByTwo({ onShelfAt: new Date(Date.now() + hour).toISOString(), offShelfAt: new Date().toISOString() }),
    );
    expect(errorOf(reversed)).toBe('VALIDATION_FAILED');
  });
});
