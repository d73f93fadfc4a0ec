import { describe, expect, it } from 'vitest';
import { ART_SHAPES } from '../../catalog/domain/product-art';
import { demoStore } from './demo-store.data';
import type { SeedProduct } from './seed.types';

const ID = /^[a-z0-9-]+$/;
const { categories, products, banners } = demoStore;
const allSkus = products.flatMap((p) => p.skus.map((sku) => ({ product: p, sku })));

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

function specKey(specs: Record<string, string>): string {
  return JSON.stringify(
    Object.keys(specs)
      .sort()
      .map((k) => [k, specs[k]]),
  );
}

describe('demo store data', () => {
  it('has a store id, name and enough content', () => {
    expect(demoStore.id).toBe('demo');
    expect(demoStore.name).not.toBe('');
    expect(categories.length).toBeGreaterThanOrEqual(4);
    expect(products.length).toBeGreaterThanOrEqual(20);
    expect(banners.length).toBeGreaterThanOrEqual(1);
  });

  it('has unique category, product, sku and banner ids', () => {
    expect(duplicates(categories.map((c) => c.id))).toEqual([]);
    expect(duplicates(products.map((p) => p.id))).toEqual([]);
    expect(duplicates(allSkus.map(({ sku }) => sku.id))).toEqual([]);
    expect(duplicates(banners.map((b) => b.id))).toEqual([]);
  });

  it('uses short lowercase kebab ids with the agreed prefixes', () => {
    for (const c of categories) {
      expect(c.id).toMatch(ID);
      expect(c.id.startsWith('c-')).toBe(true);
      expect(c.id.length).toBeLessThanOrEqual(40);
    }
    for (const p of products) {
      expect(p.id).toMatch(ID);
      expect(p.id.startsWith('p-')).toBe(true);
      expect(p.id.length).toBeLessThanOrEqual(40);
      const slug = p.id.slice(2);
      p.skus.forEach((sku, i) => {
        expect(sku.id).toMatch(ID);
        expect(sku.id.length).toBeLessThanOrEqual(40);
        expect(sku.id).toBe(`sku-${slug}-${i + 1}`);
      });
    }
    for (const b of banners) {
      expect(b.id).toMatch(ID);
      expect(b.id.length).toBeLessThanOrEqual(40);
    }
  });

  it('puts every product in an existing category, and every category has products', () => {
    const ids = new Set(categories.map((c) => c.id));
    for (const p of products) expect(ids.has(p.categoryId), `${p.id} -> ${p.categoryId}`).toBe(true);
    for (const c of categories)
      expect(
        products.some((p) => p.categoryId === c.id),
        c.id,
      ).toBe(true);
  });

  it('prices SKUs in positive integer fen, with crossed-out prices above the price', () => {
    for (const { product, sku } of allSkus) {
      expect(Number.isSafeInteger(sku.priceFen), sku.id).toBe(true);
      expect(sku.priceFen, sku.id).toBeGreaterThan(0);
      if (sku.originalPriceFen !== undefined) {
        expect(Number.isSafeInteger(sku.originalPriceFen), sku.id).toBe(true);
        expect(sku.originalPriceFen, `${product.id} ${sku.id}`).toBeGreaterThan(sku.priceFen);
      }
    }
  });

  it('keeps stock as non-negative integers, with a sold-out SKU and a sold-out product', () => {
    for (const { sku } of allSkus) {
      expect(Number.isSafeInteger(sku.stock), sku.id).toBe(true);
      expect(sku.stock, sku.id).toBeGreaterThanOrEqual(0);
    }
    const soldOut = (p: SeedProduct) => p.skus.every((s) => s.stock === 0);
    expect(products.some(soldOut)).toBe(true);
    expect(products.some((p) => !soldOut(p) && p.skus.some((s) => s.stock === 0))).toBe(true);
  });

  it('gives every product 1-6 SKUs with one set of spec names and distinct combinations', () => {
    for (const p of products) {
      expect(p.skus.length, p.id).toBeGreaterThanOrEqual(1);
      expect(p.skus.length, p.id).toBeLessThanOrEqual(6);
      const names = JSON.stringify(Object.keys(p.skus[0].specs).sort());
      expect(Object.keys(p.skus[0].specs).length, p.id).toBeGreaterThan(0);
      for (const sku of p.skus) {
        expect(JSON.stringify(Object.keys(sku.specs).sort()), sku.id).toBe(names);
        for (const value of Object.values(sku.specs)) expect(value.trim(), sku.id).not.toBe('');
      }
      expect(duplicates(p.skus.map((s) => specKey(s.specs))), p.id).toEqual([]);
    }
  });

  it('offers every combination for products with two spec dimensions', () => {
    const multi = products.filter((p) => Object.keys(p.skus[0].specs).length > 1);
    expect(multi.length).toBeGreaterThan(0);
    for (const p of multi) {
      const names = Object.keys(p.skus[0].specs);
      const combos = names.reduce((n, name) => n * new Set(p.skus.map((s) => s.specs[name])).size, 1);
      expect(p.skus.length, p.id).toBe(combos);
    }
  });

  it('has believable product fields', () => {
    const shapes = new Set<string>(ART_SHAPES);
    for (const p of products) {
      expect(p.title.trim(), p.id).not.toBe('');
      expect(p.subtitle.trim(), p.id).not.toBe('');
      expect(p.description.length, p.id).toBeGreaterThan(30);
      expect(Number.isInteger(p.repurchaseCycleDays) && p.repurchaseCycleDays > 0, p.id).toBe(true);
      expect(p.fulfilment.length, p.id).toBeGreaterThan(0);
      expect(new Set(p.fulfilment).size, p.id).toBe(p.fulfilment.length);
      expect(p.tags.length, p.id).toBeLessThanOrEqual(2);
      expect(shapes.has(p.art.shape), p.id).toBe(true);
      expect(p.art.hue >= 0 && p.art.hue < 360, p.id).toBe(true);
    }
    expect(products.filter((p) => p.featured).length).toBeGreaterThanOrEqual(4);
    expect(products.some((p) => p.fulfilment.length === 1 && p.fulfilment[0] === 'pickup')).toBe(true);
    expect(duplicates(products.map((p) => String(p.sort)))).toEqual([]);
  });

  it('points banner links at existing products or categories', () => {
    const productIds = new Set(products.map((p) => p.id));
    const categoryIds = new Set(categories.map((c) => c.id));
    for (const b of banners) {
      const detail = /^\/packages\/goods\/detail\?id=([a-z0-9-]+)$/.exec(b.link);
      const list = /^\/packages\/goods\/list\?categoryId=([a-z0-9-]+)$/.exec(b.link);
      expect(detail || list, b.link).toBeTruthy();
      if (detail) expect(productIds.has(detail[1]), b.link).toBe(true);
      if (list) expect(categoryIds.has(list[1]), b.link).toBe(true);
    }
  });
});
