/** The shape of a contract entry, and the input schemas several contexts share. */
import { z } from 'zod';

/** Roles in increasing order of power; an action names the least role that may call it. */
export const ROLES = ['any', 'customer', 'staff', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export interface ActionSpec<I extends z.ZodType = z.ZodType, O = unknown, R extends Role = Role> {
  input: I;
  /** The least role allowed: `any` (even anonymous), `customer` (signed in), `staff`, `manager`. */
  role: R;
  /** Mutating actions require an idempotency key from the client; the first answer is replayed. */
  mutating?: boolean;
  /** Phantom field that carries the output type; never set at run time. */
  readonly __output?: O;
}

export function action<O>() {
  return <I extends z.ZodType, R extends Role>(spec: { input: I; role: R; mutating?: boolean }): ActionSpec<I, O, R> =>
    spec;
}

export const id = z.string().min(1).max(64);
export const cartItems = z
  .array(z.object({ skuId: id, qty: z.number().int().min(1).max(99) }).strict())
  .min(1)
  .max(50)
  .refine((items) => new Set(items.map((i) => i.skuId)).size === items.length, { message: 'each skuId at most once' });

export const address = z
  .object({
    name: z.string().trim().min(1).max(30),
    phone: z.string().regex(/^1\d{10}$/, 'phone must be 11 digits starting with 1'),
    province: z.string().trim().min(1).max(20),
    city: z.string().trim().min(1).max(20),
    district: z.string().trim().max(20),
    detail: z.string().trim().min(1).max(120),
  })
  .strict();
export const pricingInput = {
  items: cartItems,
  couponId: id.optional(),
  pointsToUse: z.number().int().min(0).max(10_000_000).optional(),
  groupBuy: z.object({ campaignId: id, teamId: id.optional() }).strict().optional(),
};
export const orderId = z.object({ orderId: id }).strict();
