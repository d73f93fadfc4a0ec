import type { ActionInput, EditorProduct } from '../../../../../cloudfunctions/core/contract';
import type { SpecGroup } from '../../../../../cloudfunctions/core/catalog/domain/sku-matrix';
import { formatFen } from '../../../../utils/money';
import { yuanInputToFen } from '../../../../utils/yuan-input';

/** A stored picture: the id a save sends, the URL the page shows. */
export interface Img {
  id: string;
  url: string;
}

export interface SkuRow {
  skuId?: string;
  specs: Record<string, string>;
  price: string;
  originalPrice: string;
  /** 会员价 in yuan; empty: the tier's percentage. */
  memberPrice: string;
  stock: string;
  /** The stock this editor loaded: the server moves stock only from it. */
  stockFrom?: number;
  weight: string;
  barcode: string;
  image: Img | null;
}

export type FormBlock = { type: 'text'; text: string } | { type: 'image'; img: Img };

export interface EditorForm {
  productId?: string;
  version?: number;
  title: string;
  subtitle: string;
  categoryId: string;
  tags: string;
  images: Img[];
  detail: FormBlock[];
  fulfilment: Array<'express' | 'pickup'>;
  repurchaseDays: string;
  status: 'on_sale' | 'off_shelf';
  onShelfAt: string;
  offShelfAt: string;
  freightTemplateId: string | null;
  groups: SpecGroup[];
  skus: SkuRow[];
}

type SaveInput = ActionInput<'manager.saveProduct'>;

const emptySku = (specs: Record<string, string>): SkuRow => ({
  specs,
  price: '',
  originalPrice: '',
  memberPrice: '',
  stock: '0',
  weight: '0',
  barcode: '',
  image: null,
});

export function blankForm(categoryId: string): EditorForm {
  return {
    title: '',
    subtitle: '',
    categoryId,
    tags: '',
    images: [],
    detail: [],
    fulfilment: ['express'],
    repurchaseDays: '30',
    status: 'on_sale',
    onShelfAt: '',
    offShelfAt: '',
    freightTemplateId: null,
    groups: [],
    skus: [emptySku({})],
  };
}

/** `2026-05-01T02:00:00.000Z` -> `2026-05-01 10:00` (the store's time, UTC+8). */
function shelfText(iso: string | null): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** `2026-05-01 10:00` (UTC+8) -> ISO with offset; '' -> null; anything else -> undefined (invalid). */
function shelfIso(text: string): string | null | undefined {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d)$/.exec(t);
  if (!m || Number.isNaN(Date.parse(`${m[1]}T${m[2]}:00+08:00`))) return undefined;
  return `${m[1]}T${m[2]}:00+08:00`;
}

export function formOf(p: EditorProduct): EditorForm {
  return {
    productId: p.productId,
    version: p.version,
    title: p.title,
    subtitle: p.subtitle,
    categoryId: p.categoryId,
    tags: p.tags.join(' '),
    images: p.imageIds.map((id, i) => ({ id, url: p.images[i] ?? id })),
    detail: p.detail.map((b) =>
      b.type === 'text' ? b : { type: 'image', img: { id: 'imageId' in b ? b.imageId : b.image, url: b.image } },
    ),
    fulfilment: p.fulfilment,
    repurchaseDays: String(p.repurchaseCycleDays),
    status: p.status,
    onShelfAt: shelfText(p.onShelfAt),
    offShelfAt: shelfText(p.offShelfAt),
    freightTemplateId: p.freightTemplateId,
    groups: p.specGroups,
    skus: p.skus.map((s) => ({
      skuId: s.skuId,
      specs: s.specs,
      price: formatFen(s.priceFen),
      originalPrice: s.originalPriceFen === null ? '' : formatFen(s.originalPriceFen),
      memberPrice: s.memberPriceFen === null ? '' : formatFen(s.memberPriceFen),
      stock: String(s.stock),
      stockFrom: s.stock,
      weight: String(s.weightGrams),
      barcode: s.barcode,
      image: s.imageId ? { id: s.imageId, url: s.image ?? s.imageId } : null,
    })),
  };
}

/**
 * The table's rows for the groups, the first group varying slowest. The mini program bundle cannot
 * take server code, so this mirrors `skuMatrix` in catalog/domain; the server checks every save
 * against its own (SPEC_MATRIX_INVALID), so a drift here is refused, never stored.
 */
function matrixRows(groups: readonly SpecGroup[]): Array<Record<string, string>> {
  return groups.reduce<Array<Record<string, string>>>(
    (rows, g) => rows.flatMap((row) => g.values.map((v) => ({ ...row, [g.name]: v }))),
    [{}],
  );
}

const keyOf = (groups: readonly SpecGroup[], specs: Record<string, string>) =>
  JSON.stringify(groups.map((g) => specs[g.name] ?? null));

/** New groups regenerate the table; a row whose specs survive keeps its price, stock and id. */
export function withGroups(form: EditorForm, groups: SpecGroup[]): EditorForm {
  const old = new Map(form.skus.map((s) => [keyOf(groups, s.specs), s]));
  const skus = matrixRows(groups).map((specs) => {
    const kept = old.get(keyOf(groups, specs));
    return kept && Object.keys(kept.specs).length === groups.length ? { ...kept, specs } : emptySku(specs);
  });
  return { ...form, groups, skus };
}

const int = (text: string, max: number) => (/^\d{1,9}$/.test(text.trim()) && Number(text) <= max ? Number(text) : null);

/** The save input, or the first thing the manager must fix (a toast). */
export function toSaveInput(form: EditorForm): { input: SaveInput } | { error: string } {
  if (!form.title.trim()) return { error: '请填写商品标题' };
  if (!form.categoryId) return { error: '请选择分类' };
  if (form.images.length === 0) return { error: '请至少上传一张商品图' };
  if (form.fulfilment.length === 0) return { error: '请至少选择一种配送方式' };
  const days = int(form.repurchaseDays, 365);
  if (!days) return { error: '复购周期为 1-365 天' };
  const onShelfAt = shelfIso(form.onShelfAt);
  const offShelfAt = shelfIso(form.offShelfAt);
  if (onShelfAt === undefined || offShelfAt === undefined) return { error: '定时格式为 2026-05-01 10:00' };
  if (form.groups.some((g) => g.values.length === 0)) return { error: '每组规格至少添加一个值' };
  const skus: SaveInput['skus'] = [];
  for (const s of form.skus) {
    const priceFen = yuanInputToFen(s.price);
    const original = s.originalPrice.trim() ? yuanInputToFen(s.originalPrice) : null;
    const member = s.memberPrice.trim() ? yuanInputToFen(s.memberPrice) : null;
    const stock = int(s.stock, 1_000_000);
    const weight = int(s.weight, 1_000_000);
    if (!priceFen) return { error: '请填写每个规格的价格' };
    if (original === null && s.originalPrice.trim()) return { error: '划线价格式不对' };
    if (member === null && s.memberPrice.trim()) return { error: '会员价格式不对' };
    if (stock === null || weight === null) return { error: '库存和重量须为整数' };
    skus.push({
      ...(s.skuId ? { skuId: s.skuId, stockFrom: s.stockFrom } : {}),
      specs: s.specs,
      priceFen,
      originalPriceFen: original,
      memberPriceFen: member,
      stock,
      weightGrams: weight,
      barcode: s.barcode.trim(),
      image: s.image?.id ?? null,
    });
  }
  const detail = form.detail.flatMap((b): NonNullable<SaveInput['detail']> => {
    if (b.type === 'image') return [{ type: 'image', image: b.img.id }];
    return b.text.trim() ? [{ type: 'text', text: b.text.trim() }] : [];
  });
  return {
    input: {
      ...(form.productId ? { productId: form.productId, version: form.version } : {}),
      title: form.title.trim(),
      subtitle: form.subtitle.trim(),
      categoryId: form.categoryId,
      tags: [...new Set(form.tags.split(/[\s,，]+/).filter(Boolean))],
      images: form.images.map((i) => i.id),
      detail,
      fulfilment: form.fulfilment,
      repurchaseCycleDays: days,
      status: form.status,
      onShelfAt,
      offShelfAt,
      freightTemplateId: form.freightTemplateId,
      specGroups: form.groups,
      skus,
    },
  };
}

/** Moves item `i` one place up (-1) or down (+1); out of range leaves the list as it is. */
export function moved<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return [...list];
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}
