import type { CouponLine } from '../rules';

export type CouponScope = 'all' | 'categories' | 'products';

/** Which lines a template's scope covers: one small filter per scope. */
export const SCOPE_FILTERS: Record<
  CouponScope,
  (line: Pick<CouponLine, 'productId' | 'categoryId'>, ids: readonly string[]) => boolean
> = {
  all: () => true,
  categories: (line, ids) => ids.includes(line.categoryId),
  products: (line, ids) => ids.includes(line.productId),
};

/** 全场通用 / 限洁面卸妆、面霜乳液可用 / 限指定商品可用: names are looked up by the caller. */
export function scopeText(scope: CouponScope, names: readonly string[]): string {
  if (scope === 'all') return '全场通用';
  if (names.length === 0) return scope === 'categories' ? '限指定品类可用' : '限指定商品可用';
  if (scope === 'products' && names.length > 2) return `限${names.slice(0, 2).join('、')}等${names.length}件商品可用`;
  return `限${names.join('、')}可用`;
}
