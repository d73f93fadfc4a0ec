import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fen } from '../../shared/money';
import { priceCart, type PricedSku } from './cart-pricing';

function sku(skuId: string, over: Partial<Omit<PricedSku, 'skuId'>> = {}): PricedSku {
  return {
    skuId,
    unitPriceFen: fen(over.unitPriceFen ?? 1000),
    stock: over.stock ?? 10,
    sellable: over.sellable ?? true,
  };
}

function catalogOf(...skus: PricedSku[]): Map<string, PricedSku> {
  return new Map(skus.map((s) => [s.skuId, s]));
}

/** A cart of distinct SKUs with the catalog that prices them (some cart SKUs may be missing). */
const cartAndCatalog = fc
  .uniqueArray(fc.stringMatching(/^sku-[a-z0-9]{1,6}$/), { minLength: 0, maxLength: 12 })
  .chain((ids) =>
    fc.tuple(
      fc.tuple(...ids.map((skuId) => fc.record({ skuId: fc.constant(skuId), qty: fc.integer({ min: 1, max: 99 }) }))),
      fc.tuple(
        ...ids.map((skuId) =>
          fc.option(
            fc.record({
              skuId: fc.constant(skuId),
              unitPriceFen: fc.integer({ min: 1, max: 10_000_000 }).map(fen),
              stock: fc.integer({ min: 0, max: 120 }),
              sellable: fc.boolean(),
            }),
            { freq: 5 },
          ),
        ),
      ),
    ),
  )
  .map(([items, skus]) => ({ items, catalog: catalogOf(...skus.filter((s): s is PricedSku => s !== null)) }));

describe('pricing a cart', () => {
  it('prices a line at the current unit price times the quantity', () => {
    const quote = priceCart([{ skuId: 'a', qty: 3 }], catalogOf(sku('a', { unitPriceFen: fen(12900) })));
    expect(quote.lines).toEqual([{ skuId: 'a', qty: 3, unitPriceFen: 12900, lineTotalFen: 38700, available: true }]);
    expect(quote.totalFen).toBe(38700);
    expect(quote.count).toBe(3);
  });

  it('marks a line unavailable when stock is below the quantity, and leaves it out of the total', () => {
    const quote = priceCart(
      [
        { skuId: 'a', qty: 2 },
        { skuId: 'b', qty: 5 },
      ],
      catalogOf(sku('a', { unitPriceFen: fen(500) }), sku('b', { unitPriceFen: fen(700), stock: 4 })),
    );
    expect(quote.lines.map((l) => l.available)).toEqual([true, false]);
    expect(quote.totalFen).toBe(1000);
    expect(quote.count).toBe(2);
  });

  it('a line for exactly the remaining stock is available; stock 0 is not', () => {
    const quote = priceCart(
      [
        { skuId: 'exact', qty: 4 },
        { skuId: 'empty', qty: 1 },
      ],
      catalogOf(sku('exact', { stock: 4 }), sku('empty', { stock: 0 })),
    );
    expect(quote.lines.map((l) => [l.skuId, l.available])).toEqual([
      ['exact', true],
      ['empty', false],
    ]);
  });

  it('marks a line unavailable when the SKU is not sellable, whatever its stock', () => {
    const quote = priceCart([{ skuId: 'a', qty: 1 }], catalogOf(sku('a', { sellable: false, stock: 500 })));
    expect(quote.lines[0]!.available).toBe(false);
    expect(quote.totalFen).toBe(0);
    expect(quote.count).toBe(0);
  });

  it('drops SKUs that no longer exist and keeps the cart order of the rest', () => {
    const quote = priceCart(
      [
        { skuId: 'b', qty: 1 },
        { skuId: 'gone', qty: 1 },
        { skuId: 'a', qty: 1 },
      ],
      catalogOf(sku('a'), sku('b')),
    );
    expect(quote.lines.map((l) => l.skuId)).toEqual(['b', 'a']);
  });

  it('an empty cart costs 0', () => {
    expect(priceCart([], new Map())).toEqual({ lines: [], totalFen: 0, count: 0 });
  });

  it('total is the sum of the available lines, count their quantities, every amount an integer', () => {
    fc.assert(
      fc.property(cartAndCatalog, ({ items, catalog }) => {
        const quote = priceCart(items, catalog);
        const available = quote.lines.filter((l) => l.available);
        expect(quote.totalFen).toBe(available.reduce((t, l) => t + l.lineTotalFen, 0));
        expect(quote.count).toBe(available.reduce((n, l) => n + l.qty, 0));
        expect(quote.lines.length).toBe(items.filter((i) => catalog.has(i.skuId)).length);
        for (const line of quote.lines) {
          const s = catalog.get(line.skuId)!;
          expect(line.available).toBe(s.sellable && s.stock >= line.qty);
          expect(line.unitPriceFen).toBe(s.unitPriceFen);
          expect(line.lineTotalFen).toBe(s.unitPriceFen * line.qty);
          expect(Number.isSafeInteger(line.lineTotalFen)).toBe(true);
        }
        expect(Number.isSafeInteger(quote.totalFen)).toBe(true);
        expect(Number.isSafeInteger(quote.count)).toBe(true);
      }),
    );
  });
});
