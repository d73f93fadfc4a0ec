/** Catalog: browsing the store and pricing a cart. */
import { z } from 'zod';
import type { Fen } from '../shared/money';
import { action, cartItems, id } from './action';

export interface ProductSummary {
  id: string;
  title: string;
  subtitle: string;
  /** URL of the cover image (a same-origin `/media/...` path in local mode, https otherwise). */
  image: string;
  categoryId: string;
  /** Lowest SKU price. */
  priceFen: Fen;
  /** Crossed-out price, when the lowest-price SKU has one. */
  originalPriceFen: Fen | null;
  tags: string[];
  soldOut: boolean;
}

export interface Banner {
  id: string;
  title: string;
  subtitle: string;
  image: string;
  /** Mini-program path to open on tap, e.g. `/packages/goods/detail?id=p-serum`. */
  link: string;
}

export interface Category {
  id: string;
  name: string;
  /** Path or URL of the category icon image. */
  icon: string;
}

export interface Sku {
  id: string;
  /** Spec name -> value, e.g. `{ 容量: '30ml' }`. */
  specs: Record<string, string>;
  priceFen: Fen;
  originalPriceFen: Fen | null;
  stock: number;
}

export interface ProductDetail {
  id: string;
  title: string;
  subtitle: string;
  description: string;
  images: string[];
  categoryId: string;
  repurchaseCycleDays: number;
  /** How the product can reach the customer. */
  fulfilment: Array<'express' | 'pickup'>;
  tags: string[];
  /** Spec names in display order with their values, for the SKU picker. */
  specGroups: Array<{ name: string; values: string[] }>;
  skus: Sku[];
  /** A 5:4 PNG for the chat share card and the 朋友圈 share. */
  shareImage: string;
}

export interface CartLine {
  skuId: string;
  productId: string;
  title: string;
  image: string;
  /** Specs joined for display, e.g. `30ml / 清爽型`. */
  specsText: string;
  unitPriceFen: Fen;
  qty: number;
  lineTotalFen: Fen;
  stock: number;
  /** False when the SKU is gone, off the shelf, or has less stock than `qty`. */
  available: boolean;
}

export interface CartQuote {
  lines: CartLine[];
  /** Sum of the available lines. */
  totalFen: Fen;
  /** Number of items in the available lines. */
  count: number;
}

export const catalogActions = {
  'catalog.home': action<{
    banners: Banner[];
    categories: Category[];
    featured: ProductSummary[];
    /** The store's 5:4 PNG share card cover. */
    shareImage: string;
  }>()({
    input: z.object({}).strict(),
    role: 'any',
  }),
  'catalog.listProducts': action<{ items: ProductSummary[]; nextCursor: string | null }>()({
    input: z
      .object({
        categoryId: id.optional(),
        keyword: z.string().trim().max(40).optional(),
        cursor: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(50).optional(),
      })
      .strict(),
    role: 'any',
  }),
  'catalog.getProduct': action<ProductDetail>()({
    input: z.object({ productId: id }).strict(),
    role: 'any',
  }),
  /** Prices a cart on the server: the client never adds up money itself. */
  'catalog.quoteCart': action<CartQuote>()({
    input: z.object({ items: cartItems }).strict(),
    role: 'any',
  }),
} as const;
