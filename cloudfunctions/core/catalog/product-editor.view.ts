import type { EditorProduct, EditorSku } from '../contract';
import { detailOf } from './domain/detail-blocks';
import { fen } from '../shared/money';
import { specGroupsOf } from './domain/spec-groups';
import type { findAllSkus, findEditableProduct } from './repo/product-editor.repo';

type ProductRow = NonNullable<Awaited<ReturnType<typeof findEditableProduct>>>;
type SkuRow = Awaited<ReturnType<typeof findAllSkus>>[number];

function skuView(s: SkuRow): EditorSku {
  return {
    skuId: s.id,
    specs: s.specs,
    priceFen: fen(s.price_fen),
    originalPriceFen: s.original_price_fen === null ? null : fen(s.original_price_fen),
    memberPriceFen: s.member_price_fen === null ? null : fen(s.member_price_fen),
    stock: s.stock,
    weightGrams: s.weight_grams,
    barcode: s.barcode,
    image: s.image,
    imageId: s.image,
  };
}

/**
 * The editor's copy of a product and its active SKUs. Media fields (`images`, `image`, `icon`) become
 * URLs on the way out; the `…Id` twins keep the stored ids the next save sends back.
 */
export function editorView(p: ProductRow, skus: readonly SkuRow[]): EditorProduct {
  const active = skus.filter((s) => s.active);
  return {
    productId: p.id,
    version: p.version,
    title: p.title,
    subtitle: p.subtitle,
    categoryId: p.category_id,
    tags: p.tags,
    images: [...p.images],
    imageIds: [...p.images],
    detail: detailOf(p.detail).map((b) => (b.type === 'image' ? { ...b, imageId: b.image } : b)),
    fulfilment: p.fulfilment,
    repurchaseCycleDays: p.repurchase_cycle_days,
    status: p.status,
    onShelfAt: p.on_shelf_at ? new Date(p.on_shelf_at).toISOString() : null,
    offShelfAt: p.off_shelf_at ? new Date(p.off_shelf_at).toISOString() : null,
    freightTemplateId: p.freight_template_id,
    specGroups: specGroupsOf(active),
    skus: active.map(skuView),
  };
}
