/** The manager's product editor and category list: whole products with their SKU matrix, categories. */
import { z } from 'zod';
import type { Fen } from '../../shared/money';
import { action, id } from '../action';
import { detailBlocks, imageRef, type DetailBlock } from '../catalog.contract';

export interface EditorSku {
  skuId: string;
  specs: Record<string, string>;
  priceFen: Fen;
  originalPriceFen: Fen | null;
  /** The SKU's own 会员价 for members whose tier gives a member price; null: the tier's percentage. */
  memberPriceFen: Fen | null;
  stock: number;
  weightGrams: number;
  barcode: string;
  /** A URL to show; `imageId` is the stored id to send back. */
  image: string | null;
  imageId: string | null;
}

export interface EditorProduct {
  productId: string;
  /** Sent back with the next save: a save over someone else's newer edit is PRODUCT_CHANGED. */
  version: number;
  title: string;
  subtitle: string;
  categoryId: string;
  tags: string[];
  /** URLs to show (the answer resolves stored ids); `imageIds` are what a save sends back. */
  images: string[];
  imageIds: string[];
  /** Image blocks carry a URL to show (`image`) and the stored id to send back (`imageId`). */
  detail: Array<DetailBlock | { type: 'image'; image: string; imageId: string }>;
  fulfilment: Array<'express' | 'pickup'>;
  repurchaseCycleDays: number;
  status: 'on_sale' | 'off_shelf';
  onShelfAt: string | null;
  offShelfAt: string | null;
  freightTemplateId: string | null;
  specGroups: Array<{ name: string; values: string[] }>;
  skus: EditorSku[];
}

export interface ManagerCategoryView {
  categoryId: string;
  name: string;
  /** A URL to show; `iconId` is the stored id to send back. */
  icon: string;
  iconId: string;
  hidden: boolean;
  /** Products filed under it, deleted ones excluded. */
  productCount: number;
}

const text = (max: number) => z.string().trim().max(max);
const specName = z.string().trim().min(1).max(10);
const stock = z.number().int().min(0).max(1_000_000);
// Postgres timestamptz refuses year 0 and the like: a schedule is bounded to this century.
const instant = z
  .string()
  .datetime({ offset: true })
  .max(40)
  .refine((v) => Date.parse(v) >= Date.UTC(2000, 0, 1) && Date.parse(v) < Date.UTC(2100, 0, 1), {
    message: 'a time between 2000 and 2100',
  });

const skuInput = z
  .object({
    /** Absent: a new SKU. Present: one of this product's SKUs. */
    skuId: id.optional(),
    specs: z.record(specName, z.string().trim().min(1).max(20)),
    priceFen: z.number().int().min(1).max(100_000_000),
    originalPriceFen: z.number().int().min(1).max(100_000_000).nullable().optional(),
    /** 会员价: at most the price; absent or null: the tier's percentage. */
    memberPriceFen: z.number().int().min(1).max(100_000_000).nullable().optional(),
    stock,
    /** The stock the editor loaded (compare-and-set: checkout may sell meanwhile); required for an existing SKU. */
    stockFrom: z.number().int().min(0).max(2_147_483_647).optional(),
    weightGrams: z.number().int().min(0).max(1_000_000),
    barcode: text(32)
      .regex(/^[0-9A-Za-z-]*$/, 'digits, letters or -')
      .optional(),
    image: imageRef.nullable().optional(),
  })
  .strict();

export const productInput = z
  .object({
    /** Absent: create. Present: update, with the `version` the editor loaded. */
    productId: id.optional(),
    version: z.number().int().min(1).max(2_147_483_647).optional(),
    title: text(40).min(1),
    subtitle: text(60).optional(),
    categoryId: id,
    tags: z.array(text(10).min(1)).max(5).optional(),
    images: z.array(imageRef).min(1).max(9),
    detail: detailBlocks.optional(),
    fulfilment: z
      .array(z.enum(['express', 'pickup']))
      .min(1)
      .max(2)
      .refine((f) => new Set(f).size === f.length, { message: 'each mode once' }),
    repurchaseCycleDays: z.number().int().min(1).max(365),
    /** Absent: a new product goes on sale, an edited one keeps its status. */
    status: z.enum(['on_sale', 'off_shelf']).optional(),
    onShelfAt: instant.nullable().optional(),
    offShelfAt: instant.nullable().optional(),
    freightTemplateId: id.nullable().optional(),
    specGroups: z
      .array(z.object({ name: specName, values: z.array(z.string().trim().min(1).max(20)).min(1).max(20) }).strict())
      .max(3),
    skus: z.array(skuInput).min(1).max(200),
  })
  .strict()
  .refine((p) => (p.productId === undefined) === (p.version === undefined), {
    message: 'version goes with productId',
  })
  .refine((p) => !p.onShelfAt || !p.offShelfAt || Date.parse(p.onShelfAt) < Date.parse(p.offShelfAt), {
    message: 'onShelfAt before offShelfAt',
  });

export type ProductInput = z.infer<typeof productInput>;

const categoryId = z.object({ categoryId: id }).strict();

export const managerCatalogEditorActions = {
  'manager.getProduct': action<EditorProduct>()({
    input: z.object({ productId: id }).strict(),
    role: 'manager',
  }),
  /** Creates or replaces a whole product with its SKU matrix; SKUs left out become inactive, never deleted. */
  'manager.saveProduct': action<EditorProduct>()({ input: productInput, role: 'manager', mutating: true }),
  /** A copy off the shelf, its SKUs with no stock: a copy is a new listing, not more goods. */
  'manager.duplicateProduct': action<EditorProduct>()({
    input: z.object({ productId: id }).strict(),
    role: 'manager',
    mutating: true,
  }),
  /** Soft: the product leaves the store and the manager's list; orders keep their own copy of its lines. */
  'manager.deleteProduct': action<{ productId: string }>()({
    input: z.object({ productId: id }).strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.listCategories': action<{ items: ManagerCategoryView[] }>()({
    input: z.object({}).strict(),
    role: 'manager',
  }),
  'manager.saveCategory': action<ManagerCategoryView>()({
    input: z.object({ categoryId: id.optional(), name: text(10).min(1), icon: imageRef }).strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.moveCategory': action<{ items: ManagerCategoryView[] }>()({
    input: z.object({ categoryId: id, direction: z.enum(['up', 'down']) }).strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.setCategoryHidden': action<ManagerCategoryView>()({
    input: z.object({ categoryId: id, hidden: z.boolean() }).strict(),
    role: 'manager',
    mutating: true,
  }),
  /** Only an empty category: one with products is CATEGORY_NOT_EMPTY (hide it instead). */
  'manager.deleteCategory': action<{ categoryId: string }>()({
    input: categoryId,
    role: 'manager',
    mutating: true,
  }),
} as const;
