import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, tableCounts } from '../../support/databases';
import { callAction, okData } from '../../support/call';
import { demoStore } from '../../../cloudfunctions/core/db/seed/demo-store.data';
import type { SeedProduct } from '../../../cloudfunctions/core/db/seed/seed.types';
import { encodeCursor } from '../../../cloudfunctions/core/catalog/domain/cursor';
import type { Db } from '../../../cloudfunctions/core/db/db';

const anonymous = { openid: null };
/** Taken off the shelf in this suite's own database. */
const OFF_SHELF = demoStore.products.find((p) => p.featured)!;

function skuOf(predicate: (sku: SeedProduct['skus'][number], product: SeedProduct) => boolean) {
  for (const product of demoStore.products) {
    if (product.id === OFF_SHELF.id) continue;
    const sku = product.skus.find((s) => predicate(s, product));
    if (sku) return { ...sku, productId: product.id };
  }
  throw new Error('no such sku in the demo store');
}

/** Every product on sale in this suite, by paging through the listing with the given filter. */
async function listAll(db: Db, filter: { categoryId?: string; keyword?: string } = {}) {
  const items = [];
  let cursor: string | undefined;
  do {
    const page = okData(await callAction(db, 'catalog.listProducts', { ...filter, limit: 5, cursor }, anonymous));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

function onSale(predicate: (p: SeedProduct) => boolean): string[] {
  return demoStore.products
    .filter((p) => p.id !== OFF_SHELF.id && predicate(p))
    .map((p) => p.id)
    .sort();
}

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id).sort();

describeEachDatabase('catalog filters, detail and cart', (use) => {
  beforeAll(async () => {
    await use().kysely.updateTable('products').set({ status: 'off_shelf' }).where('id', '=', OFF_SHELF.id).execute();
  });

  it('a category shows only its own products, all of them', async () => {
    for (const category of demoStore.categories) {
      const items = await listAll(use(), { categoryId: category.id });
      expect(items.every((p) => p.categoryId === category.id)).toBe(true);
      expect(ids(items)).toEqual(onSale((p) => p.categoryId === category.id));
    }
  });

  it('an unknown category is empty, not an error', async () => {
    expect(await listAll(use(), { categoryId: 'c-nope' })).toEqual([]);
  });

  it.each(['小绿瓶', '卸妆', '烟酰胺', '热销'])(
    'keyword %s finds the products whose title, subtitle or tags contain it',
    async (keyword) => {
      const expected = onSale(
        (p) => p.title.includes(keyword) || p.subtitle.includes(keyword) || p.tags.includes(keyword),
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(await listAll(use(), { keyword }))).toEqual(expected);
    },
  );

  it('keywords ignore case and surrounding spaces', async () => {
    const expected = onSale((p) => p.title.includes('SPF50+'));
    expect(expected.length).toBeGreaterThan(1);
    expect(ids(await listAll(use(), { keyword: '  spf50+ ' }))).toEqual(expected);
  });

  it.each(['%', '_', '\\', '%%', '_%_'])('keyword %j is a literal, not a wildcard', async (keyword) => {
    const expected = onSale((p) => p.title.includes(keyword) || p.subtitle.includes(keyword));
    expect(ids(await listAll(use(), { keyword }))).toEqual(expected);
  });

  it('category and keyword combine', async () => {
    const expected = onSale(
      (p) => p.categoryId === 'c-serum' && (p.title.includes('精华') || p.subtitle.includes('精华')),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(await listAll(use(), { categoryId: 'c-serum', keyword: '精华' }))).toEqual(expected);
  });

  it.each([
    ['garbage', 'not-a-cursor!'],
    ['a fractional sort', Buffer.from(JSON.stringify([10.5, 'p-x'])).toString('base64url')],
    ['an empty id', Buffer.from(JSON.stringify([10, ''])).toString('base64url')],
    ['an object', Buffer.from(JSON.stringify({ sort: 10, id: 'p-x' })).toString('base64url')],
  ])('a cursor with %s is VALIDATION_FAILED', async (_label, cursor) => {
    const result = await callAction(use(), 'catalog.listProducts', { cursor }, anonymous);
    expect(result.ok ? null : result.error.code).toBe('VALIDATION_FAILED');
  });

  it('a well-formed cursor past the end gives an empty last page', async () => {
    const page = okData(
      await callAction(use(), 'catalog.listProducts', { cursor: encodeCursor({ sort: 1e9, id: 'zz' }) }, anonymous),
    );
    expect(page).toEqual({ items: [], nextCursor: null });
  });

  it('a product detail offers spec groups that are exactly its SKUs’ specs', async () => {
    for (const seeded of demoStore.products.filter((p) => p.id !== OFF_SHELF.id)) {
      const product = okData(await callAction(use(), 'catalog.getProduct', { productId: seeded.id }, anonymous));
      expect(product.skus.map((s) => s.id)).toEqual(seeded.skus.map((s) => s.id));
      const offered = product.specGroups.flatMap((g) => g.values.map((v) => `${g.name}=${v}`)).sort();
      const present = [
        ...new Set(product.skus.flatMap((s) => Object.entries(s.specs).map(([n, v]) => `${n}=${v}`))),
      ].sort();
      expect(offered).toEqual(present);
      for (const sku of product.skus) {
        const seededSku = seeded.skus.find((s) => s.id === sku.id)!;
        expect([sku.priceFen, sku.stock]).toEqual([seededSku.priceFen, seededSku.stock]);
      }
    }
  });

  it.each([
    ['an unknown product', 'p-nope'],
    ['an off-shelf product', OFF_SHELF.id],
  ])('%s is NOT_FOUND', async (_label, productId) => {
    const result = await callAction(use(), 'catalog.getProduct', { productId }, anonymous);
    expect(result.ok ? null : result.error.code).toBe('NOT_FOUND');
  });

  it('off-shelf products are neither featured on the home page nor listed', async () => {
    const home = okData(await callAction(use(), 'catalog.home', {}, anonymous));
    expect(home.featured.length).toBeGreaterThan(0);
    expect(home.featured.map((p) => p.id)).not.toContain(OFF_SHELF.id);
    expect(ids(await listAll(use()))).not.toContain(OFF_SHELF.id);
  });

  it('the cart is priced at current prices, and a price change shows on the next quote', async () => {
    const db = use();
    const sku = skuOf((s) => s.stock >= 10 && s.id.endsWith('-2'));
    const before = okData(await callAction(db, 'catalog.quoteCart', { items: [{ skuId: sku.id, qty: 3 }] }, anonymous));
    expect(before.lines[0]).toMatchObject({
      skuId: sku.id,
      productId: sku.productId,
      unitPriceFen: sku.priceFen,
      lineTotalFen: sku.priceFen * 3,
      available: true,
    });
    expect([before.totalFen, before.count]).toEqual([sku.priceFen * 3, 3]);

    const setPrice = (price: number, original: number | null) =>
      db.kysely
        .updateTable('skus')
        .set({ price_fen: price, original_price_fen: original })
        .where('id', '=', sku.id)
        .execute();
    await setPrice(sku.priceFen + 100, null);
    try {
      const after = okData(
        await callAction(db, 'catalog.quoteCart', { items: [{ skuId: sku.id, qty: 3 }] }, anonymous),
      );
      expect(after.totalFen).toBe((sku.priceFen + 100) * 3);
    } finally {
      await setPrice(sku.priceFen, sku.originalPriceFen ?? null);
    }
  });

  it('lines beyond stock, sold out or off the shelf are unavailable and left out of the total', async () => {
    const plenty = skuOf((s) => s.stock >= 5);
    const scarce = skuOf((s) => s.stock > 0 && s.stock < 99 && s.id !== plenty.id);
    const soldOut = skuOf((s) => s.stock === 0);
    const offShelf = OFF_SHELF.skus.find((s) => s.stock > 0)!;
    const quote = okData(
      await callAction(
        use(),
        'catalog.quoteCart',
        {
          items: [
            { skuId: plenty.id, qty: 2 },
            { skuId: scarce.id, qty: scarce.stock + 1 },
            { skuId: soldOut.id, qty: 1 },
            { skuId: offShelf.id, qty: 1 },
          ],
        },
        anonymous,
      ),
    );
    const availability = Object.fromEntries(quote.lines.map((l) => [l.skuId, l.available]));
    expect(availability).toEqual({ [plenty.id]: true, [scarce.id]: false, [soldOut.id]: false, [offShelf.id]: false });
    expect(quote.totalFen).toBe(plenty.priceFen * 2);
    expect(quote.count).toBe(2);
  });

  it('duplicate SKUs in one cart are VALIDATION_FAILED and write nothing', async () => {
    const sku = skuOf(() => true);
    const before = await tableCounts(use());
    const result = await callAction(
      use(),
      'catalog.quoteCart',
      {
        items: [
          { skuId: sku.id, qty: 1 },
          { skuId: sku.id, qty: 2 },
        ],
      },
      anonymous,
    );
    expect(result.ok ? null : result.error.code).toBe('VALIDATION_FAILED');
    expect(await tableCounts(use())).toEqual(before);
  });
});
