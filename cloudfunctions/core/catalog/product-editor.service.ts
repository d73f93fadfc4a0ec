import type { ActionArgs } from '../context';
import type { ActionOutput, ProductInput } from '../contract';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import { checkSpecGroups, coversMatrix, specsKey } from './domain/sku-matrix';
import { productStock } from './repo/restock.repo';
import { setSkuStock } from './repo/manager-catalog.repo';
import {
  categoryInStore,
  deactivateSkusExcept,
  findAllSkus,
  findEditableProduct,
  insertProduct,
  insertSku,
  newCatalogId,
  softDeleteProduct,
  updateProductAtVersion,
  updateSkuFields,
  type ProductFields,
} from './repo/product-editor.repo';
import { announceRestock } from './restock.service';
import { editorView } from './product-editor.view';
import { freightTemplateInStore } from '../freight';

type Saved = Result<ActionOutput<'manager.saveProduct'>>;

async function loadView(exec: Executor, storeId: string, productId: string) {
  const product = await findEditableProduct(exec, storeId, productId);
  return product ? editorView(product, await findAllSkus(exec, product.id)) : null;
}

/** `manager.getProduct`: the whole product for the editor, on or off the shelf. */
export async function getEditorProduct({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.getProduct'>): Promise<Result<ActionOutput<'manager.getProduct'>>> {
  const view = await loadView(exec, ctx.storeId, input.productId);
  return view ? ok(view) : fail('NOT_FOUND', '商品不存在');
}

function fieldsOf(input: ProductInput): ProductFields {
  return {
    category_id: input.categoryId,
    title: input.title,
    subtitle: input.subtitle ?? '',
    tags: [...new Set(input.tags ?? [])],
    images: input.images,
    detail: input.detail ?? [],
    fulfilment: input.fulfilment,
    repurchase_cycle_days: input.repurchaseCycleDays,
    on_shelf_at: input.onShelfAt ? new Date(input.onShelfAt) : null,
    off_shelf_at: input.offShelfAt ? new Date(input.offShelfAt) : null,
    freight_template_id: input.freightTemplateId ?? null,
  };
}

/** What the input itself gets wrong, before anything is read or written. */
function checkInput(input: ProductInput): Saved | null {
  const problem = checkSpecGroups(input.specGroups);
  if (problem) return fail('SPEC_MATRIX_INVALID', undefined, problem);
  if (
    !coversMatrix(
      input.specGroups,
      input.skus.map((s) => s.specs),
    )
  )
    return fail('SPEC_MATRIX_INVALID');
  const badStrike = input.skus.findIndex((s) => s.originalPriceFen != null && s.originalPriceFen <= s.priceFen);
  if (badStrike >= 0) return fail('VALIDATION_FAILED', '划线价需高于售价', { sku: badStrike });
  const badMember = input.skus.findIndex((s) => s.memberPriceFen != null && s.memberPriceFen > s.priceFen);
  if (badMember >= 0) return fail('VALIDATION_FAILED', '会员价不能高于售价', { sku: badMember });
  return null;
}

/**
 * `manager.saveProduct`: creates a product, or replaces one at the version the editor loaded
 * (PRODUCT_CHANGED otherwise). SKUs are matched by id, else by specs to an inactive row (a spec value
 * that comes back keeps its history); those left out become inactive. Stock moves only by
 * compare-and-set from what the editor loaded, so a sale made while the editor was open is not lost.
 */
export async function saveProduct({ input, caller, ctx, exec }: ActionArgs<'manager.saveProduct'>): Promise<Saved> {
  const refused = checkInput(input);
  if (refused) return refused;
  if (!(await categoryInStore(exec, ctx.storeId, input.categoryId))) return fail('CATEGORY_NOT_FOUND');
  if (input.freightTemplateId && !(await freightTemplateInStore(exec, ctx.storeId, input.freightTemplateId)))
    return fail('FREIGHT_TEMPLATE_NOT_FOUND', undefined, { templateId: input.freightTemplateId });
  const fields = fieldsOf(input);
  let productId = input.productId;
  if (productId === undefined) {
    productId = newCatalogId('p');
    await insertProduct(exec, {
      id: productId,
      store_id: ctx.storeId,
      status: input.status ?? 'on_sale',
      now: ctx.now,
      ...fields,
    });
  } else if (
    !(await updateProductAtVersion(
      exec,
      { storeId: ctx.storeId, productId, version: input.version!, status: input.status, now: ctx.now },
      fields,
    ))
  ) {
    return (await findEditableProduct(exec, ctx.storeId, productId))
      ? fail('PRODUCT_CHANGED')
      : fail('NOT_FOUND', '商品不存在');
  }
  const stockBefore = await productStock(exec, productId);
  const saved = await saveSkus(exec, productId, input, caller.openid ?? 'manager', ctx.now);
  if (saved) return saved;
  await announceRestock(exec, { productId, stockBefore, now: ctx.now });
  return ok((await loadView(exec, ctx.storeId, productId))!);
}

/** Writes the SKU rows; a refusal (the caller's transaction rolls back) or null. */
async function saveSkus(
  exec: Executor,
  productId: string,
  input: ProductInput,
  by: string,
  now: Date,
): Promise<Saved | null> {
  const existing = await findAllSkus(exec, productId);
  const byId = new Map(existing.map((s) => [s.id, s]));
  const inactiveBySpecs = new Map(
    existing.filter((s) => !s.active).map((s) => [specsKey(input.specGroups, s.specs), s]),
  );
  const kept: string[] = [];
  for (const [i, s] of input.skus.entries()) {
    const fields = {
      specs: s.specs,
      price_fen: s.priceFen,
      original_price_fen: s.originalPriceFen ?? null,
      member_price_fen: s.memberPriceFen ?? null,
      weight_grams: s.weightGrams,
      barcode: s.barcode ?? '',
      image: s.image ?? null,
      sort: i,
    };
    if (s.skuId !== undefined && !byId.has(s.skuId)) return fail('NOT_FOUND', '规格不存在', { skuId: s.skuId });
    const row = s.skuId !== undefined ? byId.get(s.skuId)! : inactiveBySpecs.get(specsKey(input.specGroups, s.specs));
    if (row && kept.includes(row.id)) return fail('VALIDATION_FAILED', '规格重复', { skuId: row.id });
    if (!row) {
      const id = newCatalogId('sku');
      await insertSku(exec, { id, product_id: productId, stock: s.stock, ...fields });
      kept.push(id);
      continue;
    }
    // An inactive row cannot be sold, so its stock as read is the stock to move from.
    const from = row.active ? s.stockFrom : row.stock;
    if (from === undefined) return fail('VALIDATION_FAILED', '缺少原库存', { skuId: row.id, field: 'stockFrom' });
    if (from !== s.stock && !(await setSkuStock(exec, { skuId: row.id, from, to: s.stock, by, now }))) {
      return fail('STOCK_CHANGED', undefined, { skuId: row.id });
    }
    await updateSkuFields(exec, row.id, fields);
    kept.push(row.id);
  }
  await deactivateSkusExcept(exec, productId, kept);
  return null;
}

/** `manager.duplicateProduct`: a copy off the shelf, SKUs with no stock (a new listing, not more goods). */
export async function duplicateProduct({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.duplicateProduct'>): Promise<Result<ActionOutput<'manager.duplicateProduct'>>> {
  const source = await findEditableProduct(exec, ctx.storeId, input.productId);
  if (!source) return fail('NOT_FOUND', '商品不存在');
  const id = newCatalogId('p');
  await insertProduct(exec, {
    id,
    store_id: ctx.storeId,
    status: 'off_shelf',
    now: ctx.now,
    category_id: source.category_id,
    title: `${source.title} 副本`.slice(0, 40),
    subtitle: source.subtitle,
    tags: source.tags,
    images: source.images,
    detail: Array.isArray(source.detail) ? source.detail : [],
    fulfilment: source.fulfilment,
    repurchase_cycle_days: source.repurchase_cycle_days,
    on_shelf_at: null,
    off_shelf_at: null,
    freight_template_id: source.freight_template_id,
  });
  for (const s of (await findAllSkus(exec, source.id)).filter((r) => r.active)) {
    await insertSku(exec, {
      id: newCatalogId('sku'),
      product_id: id,
      stock: 0,
      specs: s.specs,
      price_fen: s.price_fen,
      original_price_fen: s.original_price_fen,
      member_price_fen: s.member_price_fen,
      weight_grams: s.weight_grams,
      barcode: '',
      image: s.image,
      sort: s.sort,
    });
  }
  return ok((await loadView(exec, ctx.storeId, id))!);
}

/** `manager.deleteProduct`: soft; the rows stay for the order lines and the stock ledger that point at them. */
export async function deleteProduct({
  input,
  ctx,
  exec,
}: ActionArgs<'manager.deleteProduct'>): Promise<Result<ActionOutput<'manager.deleteProduct'>>> {
  const done = await softDeleteProduct(exec, { storeId: ctx.storeId, productId: input.productId, now: ctx.now });
  return done ? ok({ productId: input.productId }) : fail('NOT_FOUND', '商品不存在');
}
