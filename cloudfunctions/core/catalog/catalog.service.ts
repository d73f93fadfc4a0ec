import type { ActionInput, ActionOutput, CartQuote, ProductSummary } from '../contract';
import type { Executor } from '../db/db';
import type { ServiceArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { fen, type Fen } from '../shared/money';
import { priceCart, type PricedSku } from './domain/cart-pricing';
import { decodeCursor, encodeCursor } from './domain/cursor';
import { specGroupsOf, specsText } from './domain/spec-groups';
import { detailOf } from './domain/detail-blocks';
import { productShareCoverPath, STORE_SHARE_COVER_PATH } from './domain/media-paths';
import { EXPRESS_FEE_FEN, shippingRuleText } from '../shared/shipping';
import { productShippingText } from '../freight';
import { callerPricing, memberPriceOrNull, type CallerPricing } from './member-pricing';
import { isWaitingForRestock } from './repo/restock.repo';
import { homeBanners } from './banner.service';
import { homeSectionRows } from './home-section.service';
import {
  findBestSellerTitles,
  findCategories,
  findProduct,
  findProductSummaries,
  findSkusOfProduct,
  findSkusWithProduct,
  type ProductSummaryRow,
} from './repo/catalog.repo';

const DEFAULT_PAGE = 20;
const FEATURED_ON_HOME = 8;
const HOT_SEARCHES = 6;

function toSummary(row: ProductSummaryRow, pricing: CallerPricing): ProductSummary {
  return {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    image: row.image ?? '',
    categoryId: row.category_id,
    priceFen: fen(row.price_fen),
    originalPriceFen: row.original_price_fen === null ? null : fen(row.original_price_fen),
    priceFrom: row.price_count > 1,
    memberPriceFen: cardMemberPrice(row, pricing),
    tags: row.tags,
    soldOut: row.stock === 0,
  };
}

/** The lowest price a member at this tier pays for any of the product's SKUs, or null (no member price). */
function cardMemberPrice(row: ProductSummaryRow, pricing: CallerPricing): Fen | null {
  const prices = row.prices.map(([unit, own]) => memberPriceOrNull(fen(unit), pricing, own));
  return prices.reduce<Fen | null>((low, p) => (p !== null && (low === null || p < low) ? p : low), null);
}

/** `catalog.home`: the banners showing now, categories, featured products and the manager's sections. */
export async function getHome({
  caller,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'catalog.home'>>): Promise<Result<ActionOutput<'catalog.home'>>> {
  const [banners, categories, featured, pricing, sections] = await Promise.all([
    homeBanners(exec, ctx.storeId, ctx.now),
    findCategories(exec, ctx.storeId),
    findProductSummaries(exec, { storeId: ctx.storeId, featuredOnly: true, limit: FEATURED_ON_HOME }),
    callerPricing(exec, ctx.storeId, caller),
    homeSectionRows(exec, ctx.storeId),
  ]);
  return ok({
    banners,
    categories,
    featured: featured.map((row) => toSummary(row, pricing)),
    sections: sections.map((s) => ({
      id: s.id,
      title: s.title,
      products: s.rows.map((row) => toSummary(row, pricing)),
    })),
    shareImage: STORE_SHARE_COVER_PATH,
  });
}

/** `catalog.searchHints`: 热搜, the best sellers' titles. */
export async function searchHints({
  ctx,
  exec,
}: ServiceArgs<ActionInput<'catalog.searchHints'>>): Promise<Result<ActionOutput<'catalog.searchHints'>>> {
  return ok({ hot: await findBestSellerTitles(exec, ctx.storeId, HOT_SEARCHES) });
}

/** `catalog.listProducts`: filtered by category and keyword, keyset-paged. */
export async function listProducts({
  input,
  caller,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'catalog.listProducts'>>): Promise<Result<ActionOutput<'catalog.listProducts'>>> {
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (after === null) return fail('VALIDATION_FAILED', '分页参数无效', { field: 'cursor' });
  const limit = input.limit ?? DEFAULT_PAGE;
  const rows = await findProductSummaries(exec, {
    storeId: ctx.storeId,
    categoryId: input.categoryId,
    keyword: input.keyword || undefined,
    sort: input.sort,
    after,
    limit: limit + 1,
  });
  const pricing = await callerPricing(exec, ctx.storeId, caller);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return ok({
    items: page.map((row) => toSummary(row, pricing)),
    nextCursor: rows.length > limit && last ? encodeCursor({ sort: last.sort_key, id: last.id }) : null,
  });
}

/** `catalog.getProduct`: detail with SKUs and the picker's spec groups. */
export async function getProduct({
  input,
  caller,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'catalog.getProduct'>>): Promise<Result<ActionOutput<'catalog.getProduct'>>> {
  const product = await findProduct(exec, ctx.storeId, input.productId);
  if (!product) return fail('NOT_FOUND', '商品不存在或已下架', { productId: input.productId });
  const [skus, pricing] = await Promise.all([
    findSkusOfProduct(exec, product.id),
    callerPricing(exec, ctx.storeId, caller),
  ]);
  const soldOut = skus.every((s) => s.stock === 0);
  return ok({
    id: product.id,
    title: product.title,
    subtitle: product.subtitle,
    description: product.description,
    images: product.images,
    categoryId: product.category_id,
    repurchaseCycleDays: product.repurchase_cycle_days,
    fulfilment: product.fulfilment,
    tags: product.tags,
    specGroups: specGroupsOf(skus),
    shareImage: shareCoverOf(product.id, product.images),
    skus: skus.map((s) => ({
      id: s.id,
      specs: s.specs,
      priceFen: fen(s.price_fen),
      originalPriceFen: s.original_price_fen === null ? null : fen(s.original_price_fen),
      memberPriceFen: memberPriceOrNull(fen(s.price_fen), pricing, s.member_price_fen),
      stock: s.stock,
    })),
    soldOut,
    restockSubscribed:
      soldOut && pricing.memberId !== null && (await isWaitingForRestock(exec, pricing.memberId, product.id)),
    // A product under a freight template says its own rule; otherwise the store's flat fee.
    shippingRule: product.fulfilment.includes('express')
      ? ((await productShippingText(
          exec,
          ctx.storeId,
          product.freight_template_id,
          pricing.freeShippingThresholdFen,
        )) ?? shippingRuleText(pricing.freeShippingThresholdFen, EXPRESS_FEE_FEN))
      : '门店自提，无需运费',
    detail: detailOf(product.detail),
  });
}

/**
 * Today's list prices and stock for cart lines (SKUs that no longer exist are dropped), with the SKU
 * rows read for them: their weights and freight templates price the cart's shipping.
 */
export async function priceCartRows(
  exec: Executor,
  storeId: string,
  items: ReadonlyArray<{ skuId: string; qty: number }>,
) {
  const rows = await findSkusWithProduct(
    exec,
    storeId,
    items.map((i) => i.skuId),
  );
  const bySku = new Map(rows.map((r) => [r.sku_id, r]));
  const priced = new Map<string, PricedSku>(
    rows.map((r) => [
      r.sku_id,
      { skuId: r.sku_id, unitPriceFen: fen(r.price_fen), stock: r.stock, sellable: r.active && r.status === 'on_sale' },
    ]),
  );
  const quote = priceCart(items, priced);
  const cart: CartQuote = {
    totalFen: quote.totalFen,
    count: quote.count,
    lines: quote.lines.map((line) => {
      const row = bySku.get(line.skuId)!;
      return {
        ...line,
        productId: row.product_id,
        title: row.title,
        image: row.images[0] ?? '',
        specsText: specsText(row.specs),
        stock: row.stock,
      };
    }),
  };
  return { quote: cart, rows };
}

/** `catalog.quoteCart`: a cart kept on the device (signed out), priced on the server. */
export async function quoteCart({
  input,
  ctx,
  exec,
}: ServiceArgs<ActionInput<'catalog.quoteCart'>>): Promise<Result<ActionOutput<'catalog.quoteCart'>>> {
  return ok((await priceCartRows(exec, ctx.storeId, input.items)).quote);
}

/**
 * A product's share cover: the 5:4 rendition of its art when its pictures are the catalog renditions,
 * else its first picture (WeChat crops it to 5:4), else the store's cover.
 */
export function shareCoverOf(productId: string, images: readonly string[]): string {
  if (images[0]?.startsWith('/media/products/')) return productShareCoverPath(productId);
  return images[0] ?? STORE_SHARE_COVER_PATH;
}
