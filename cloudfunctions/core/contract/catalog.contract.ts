/** Catalog: browsing the store and pricing a cart. */
import { z } from 'zod';
import type { Fen } from '../shared/money';
import { action, cartItems, id } from './action';
import type { HomeLink } from './manager/home-page.contract';

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
  /** The SKUs have different prices: `priceFen` is the cheapest, shown with 起. */
  priceFrom: boolean;
  /** The caller's member price for the cheapest SKU; null when their tier has no discount (or signed out). */
  memberPriceFen: Fen | null;
  tags: string[];
  soldOut: boolean;
}

export interface Banner {
  id: string;
  title: string;
  subtitle: string;
  image: string;
  /** What a tap opens (the client turns it into a route); null: nothing. */
  target: HomeLink | null;
}

/** A featured section of the home page: its products in the manager's order. */
export interface HomeSectionView {
  id: string;
  title: string;
  products: ProductSummary[];
}

export interface Category {
  id: string;
  name: string;
  /** Path or URL of the category icon image. */
  icon: string;
}

/** One block of a product's detail: a paragraph or a picture, shown top to bottom. */
export type DetailBlock = { type: 'text'; text: string } | { type: 'image'; image: string };

/** A picture the store can show: an uploaded `/media/...` file, a `cloud://` file id or an https URL. */
export const imageRef = z
  .string()
  .max(500)
  .regex(/^(?:https:\/\/[^\s]+|cloud:\/\/[^\s]+|\/media\/[a-z0-9_\-/]+\.(?:png|jpg))$/i, 'an uploaded image');

export const detailBlocks = z
  .array(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('text'), text: z.string().trim().min(1).max(2000) }).strict(),
      z.object({ type: z.literal('image'), image: imageRef }).strict(),
    ]),
  )
  .max(50);

export interface Sku {
  id: string;
  /** Spec name -> value, e.g. `{ 容量: '30ml' }`. */
  specs: Record<string, string>;
  priceFen: Fen;
  originalPriceFen: Fen | null;
  /** The caller's member price; null when their tier has no discount (or signed out). */
  memberPriceFen: Fen | null;
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
  /** Every active SKU is out of stock: the buy buttons give way to 到货提醒. */
  soldOut: boolean;
  /** The caller already asked for 到货提醒 and has not been told yet. */
  restockSubscribed: boolean;
  /** The delivery cost rule for the caller's tier, e.g. `满¥99包邮，不满运费¥10` or `门店自提，无需运费`. */
  shippingRule: string;
  /** The detail below the buy box: paragraphs and pictures in the manager's order (may be empty). */
  detail: DetailBlock[];
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

/** A line of the member's server cart: the quote's line plus its tick and the member's unit price. */
export interface ServerCartLine extends CartLine {
  selected: boolean;
  /** The caller's member unit price; null when their tier has no discount. */
  memberPriceFen: Fen | null;
}

/** The member's cart as every device shows it; every amount computed here, at the member's tier. */
export interface ServerCart {
  lines: ServerCartLine[];
  /** Every available line is ticked (the 全选 box). */
  allSelected: boolean;
  /** Member-priced total of the ticked, available lines: what 结算 takes to checkout. */
  selectedTotalFen: Fen;
  /** Pieces in the ticked, available lines. */
  selectedCount: number;
  /** List-price minus member-price of the ticked lines (0 for a tier without discount). */
  memberSavingFen: Fen;
  /** Express for the ticked goods, priced as checkout prices it (freight templates, tier threshold). */
  shipping: CartShipping;
}

/**
 * The cart's shipping line, for the ticked goods after member price (coupon and points come at
 * checkout): to the province of the member's default address, or over every province without one.
 */
export interface CartShipping {
  /** `free`: nothing to pay; `fee`: a fee applies; `undeliverable`: some ticked goods cannot go there. */
  status: 'free' | 'fee' | 'undeliverable';
  /** The default address's province the line is priced for; null: no address yet. */
  province: string | null;
  /** The member tier's free-shipping threshold (0: everything ships free). */
  thresholdFen: Fen;
  /** Express now; without an address the lowest over the provinces (`¥6起`). */
  shippingFen: Fen;
  /** More goods that would ship everything free (tier threshold, or the one charged template's free-over); 0: none. */
  remainingFen: Fen;
  /** `运费 ¥6（浙江省），再买¥30包邮` / `已包邮` / `以下商品不配送到 新疆：…` / `运费按收货地区计，¥6起，再买¥10包邮`. */
  text: string;
  undeliverable: { province: string; skuIds: string[] } | null;
}

const cartLine = z
  .object({ skuId: id, qty: z.number().int().min(1).max(99), selected: z.boolean().optional() })
  .strict();

/** 综合 / 销量 / 价格 up or down / 新品. */
const productSorts = ['default', 'sales', 'price_asc', 'price_desc', 'new'] as const;

export const catalogActions = {
  'catalog.home': action<{
    banners: Banner[];
    categories: Category[];
    featured: ProductSummary[];
    sections: HomeSectionView[];
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
        sort: z.enum(productSorts).optional(),
      })
      .strict(),
    role: 'any',
  }),
  /** 热搜: the store's best sellers' titles, for the search page. */
  'catalog.searchHints': action<{ hot: string[] }>()({
    input: z.object({}).strict(),
    role: 'any',
  }),
  /** 到货提醒: asks to be told when a sold-out product is back; asking again changes nothing. */
  'catalog.subscribeRestock': action<{
    subscribed: true;
    /** The subscribe-message template to ask for on weapp after the tap; null when none is configured. */
    templateId: string | null;
  }>()({
    input: z.object({ productId: id }).strict(),
    role: 'customer',
    mutating: true,
  }),
  /** The member's server cart, priced at their tier. */
  'catalog.cart.list': action<ServerCart>()({
    input: z.object({}).strict(),
    role: 'customer',
  }),
  /**
   * Sets lines of the server cart (quantity and tick); `merge` adds the quantities to what is there
   * (a device's local cart joining the account), otherwise a line's quantity is replaced.
   */
  'catalog.cart.set': action<ServerCart>()({
    input: z
      .object({
        items: z
          .array(cartLine)
          .min(1)
          .max(50)
          .refine((items) => new Set(items.map((i) => i.skuId)).size === items.length, {
            message: 'each skuId at most once',
          }),
        merge: z.boolean().optional(),
      })
      .strict(),
    role: 'customer',
    mutating: true,
  }),
  /** Ticks or unticks every line at once (全选). */
  'catalog.cart.selectAll': action<ServerCart>()({
    input: z.object({ selected: z.boolean() }).strict(),
    role: 'customer',
    mutating: true,
  }),
  /** Removes lines from the server cart (removing a line that is not there is no error). */
  'catalog.cart.remove': action<ServerCart>()({
    input: z.object({ skuIds: z.array(id).min(1).max(50) }).strict(),
    role: 'customer',
    mutating: true,
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
