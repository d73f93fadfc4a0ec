import type { ActionOutput, ManagerSkuView } from '../contract';
import type { ActionArgs } from '../context';
import { fail, ok, type Result } from '../errors';
import { fen } from '../shared/money';
import { specsText } from './domain/spec-groups';
import { decodeCursor, encodeCursor } from './domain/cursor';
import {
  findStoreSku,
  managerProductsPage,
  setProductStatus as updateProductStatus,
  setSkuPrice,
  setSkuStock,
} from './repo/manager-catalog.repo';
import { bumpProductVersion } from './repo/product-editor.repo';
import { productStock } from './repo/restock.repo';
import { announceRestock } from './restock.service';

const PAGE = 20;

function skuView(s: { id: string; specs: Record<string, string>; price_fen: number; stock: number }): ManagerSkuView {
  return { skuId: s.id, specsText: specsText(s.specs), priceFen: fen(s.price_fen), stock: s.stock };
}

/** `manager.listProducts`: every product of the store (also off the shelf), 20 a page, keyset-paged. */
export async function managerListProducts({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.listProducts'>): Promise<Result<ActionOutput<'manager.listProducts'>>> {
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (after === null) return fail('VALIDATION_FAILED', '分页参数无效', { field: 'cursor' });
  const rows = await managerProductsPage(exec, {
    storeId: ctx.storeId,
    keyword: input.keyword || undefined,
    status: input.status,
    after,
    limit: PAGE + 1,
  });
  const page = rows.slice(0, PAGE);
  const last = page[page.length - 1];
  return ok({
    items: page.map((p) => ({
      productId: p.id,
      title: p.title,
      status: p.status,
      image: p.images[0] ?? '',
      scheduled: p.on_shelf_at !== null || p.off_shelf_at !== null,
      skus: p.skus.map(skuView),
    })),
    nextCursor: rows.length > PAGE && last ? encodeCursor({ sort: last.sort, id: last.id }) : null,
  });
}

/**
 * `manager.updateSku`: price and/or stock. Stock is compare-and-set against what the manager saw,
 * because checkout keeps taking stock meanwhile: a stale edit is STOCK_CHANGED, never a lost sale.
 */
export async function updateSku({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'manager.updateSku'>): Promise<Result<ManagerSkuView>> {
  const sku = await findStoreSku(exec, ctx.storeId, input.skuId);
  if (!sku) return fail('NOT_FOUND', '规格不存在');
  const stockBefore = input.stock ? await productStock(exec, sku.product_id) : 0;
  if (
    input.stock &&
    !(await setSkuStock(exec, {
      skuId: sku.id,
      from: input.stock.from,
      to: input.stock.to,
      by: caller.openid ?? 'manager',
      now: ctx.now,
    }))
  ) {
    return fail('STOCK_CHANGED', undefined, { stock: sku.stock });
  }
  // Back in stock: the members who asked for 到货提醒 are told, in this edit's transaction.
  if (input.stock) await announceRestock(exec, { productId: sku.product_id, stockBefore, now: ctx.now });
  if (input.priceFen !== undefined) {
    await setSkuPrice(exec, { skuId: sku.id, priceFen: input.priceFen });
    // An editor open on the old price must reload rather than save it back.
    await bumpProductVersion(exec, sku.product_id, ctx.now);
  }
  return ok(skuView((await findStoreSku(exec, ctx.storeId, sku.id))!));
}

/** `manager.setProductStatus`: 上架 / 下架. */
export async function setProductStatus({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.setProductStatus'>): Promise<Result<ActionOutput<'manager.setProductStatus'>>> {
  if (
    !(await updateProductStatus(exec, {
      storeId: ctx.storeId,
      productId: input.productId,
      status: input.status,
      now: ctx.now,
    }))
  ) {
    return fail('NOT_FOUND', '商品不存在');
  }
  return ok({ productId: input.productId, status: input.status });
}
