/**
 * Every function's actions: name -> zod input, minimum role, output type.
 * The client imports the *types* of this file only (`import type`), never the schemas.
 */
import { z } from 'zod';
import type { Fen, Points } from './shared/money';

export type { Fen, Points } from './shared/money';
export type { Envelope, AppErrorBody, ErrorCode } from './errors';

/** Roles in increasing order of power; an action names the least role that may call it. */
export const ROLES = ['any', 'customer', 'staff', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export interface ActionSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** The least role allowed: `any` (even anonymous), `customer` (signed in), `staff`, `manager`. */
  role: Role;
  /** Mutating actions require an idempotency key from the client; the first answer is replayed. */
  mutating?: boolean;
  /** Phantom field that carries the output type; never set at run time. */
  readonly __output?: O;
}

function action<O>() {
  return <I extends z.ZodType>(spec: { input: I; role: Role; mutating?: boolean }): ActionSpec<I, O> => spec;
}

// ---------- shared output shapes ----------

export interface ProductSummary {
  id: string;
  title: string;
  subtitle: string;
  /** Path or URL of the cover image (a gateway path such as `/media/products/<id>/1.svg` locally). */
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

export interface MemberTier {
  code: string;
  name: string;
}

export interface MemberProfile {
  memberId: string;
  nickname: string;
  avatarUrl: string | null;
  tier: MemberTier;
  points: Points;
  /** Growth value: paid yuan over the last 365 days. */
  growth: number;
  inviteCode: string;
  /** The next tier and the growth it needs; null at the top tier. */
  nextTier: (MemberTier & { minGrowth: number }) | null;
  role: Role;
}

// ---------- the contract ----------

const id = z.string().min(1).max(64);
const cartItems = z
  .array(z.object({ skuId: id, qty: z.number().int().min(1).max(99) }).strict())
  .min(1)
  .max(50)
  .refine((items) => new Set(items.map((i) => i.skuId)).size === items.length, { message: 'each skuId at most once' });

export const contract = {
  'catalog.home': action<{ banners: Banner[]; categories: Category[]; featured: ProductSummary[] }>()({
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
  'member.me': action<MemberProfile>()({
    input: z.object({}).strict(),
    role: 'customer',
  }),
} as const;

export type Contract = typeof contract;
export type ActionName = keyof Contract;
export type ActionInput<N extends ActionName> = z.input<Contract[N]['input']>;
export type ActionOutput<N extends ActionName> = Contract[N] extends ActionSpec<z.ZodType, infer O> ? O : never;
/** The deployed function that hosts an action: the part before the dot. */
export type FunctionOf<N extends ActionName> = N extends `${infer F}.${string}` ? F : never;
export type FunctionName = FunctionOf<ActionName>;
export type ActionsOf<F extends FunctionName> = Extract<ActionName, `${F}.${string}`>;
