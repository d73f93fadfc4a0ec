/** The manager's catalog: products on and off the shelf, SKU prices and stock. */
import { z } from 'zod';
import type { Fen } from '../../shared/money';
import { action, id } from '../action';

export interface ManagerSkuView {
  skuId: string;
  specsText: string;
  priceFen: Fen;
  stock: number;
}

export interface ManagerProductView {
  productId: string;
  title: string;
  status: 'on_sale' | 'off_shelf';
  /** The first gallery picture (empty: none). */
  image: string;
  /** It has an on- or off-shelf time set. */
  scheduled: boolean;
  skus: ManagerSkuView[];
}

const cursor = z.string().max(200).optional();
const fenAmount = z.number().int().min(1).max(100_000_000);

export const managerCatalogActions = {
  'manager.listProducts': action<{ items: ManagerProductView[]; nextCursor: string | null }>()({
    input: z
      .object({
        keyword: z.string().trim().max(30).optional(),
        status: z.enum(['on_sale', 'off_shelf']).optional(),
        cursor,
      })
      .strict(),
    role: 'manager',
  }),
  /** Price, and stock as compare-and-set (`stockFrom` is what the manager saw): checkout may sell meanwhile. */
  'manager.updateSku': action<ManagerSkuView>()({
    input: z
      .object({
        skuId: id,
        priceFen: fenAmount.optional(),
        // `from` is compared with an int4 column: above 2^31-1 the query itself fails (a 500, not a refusal).
        stock: z
          .object({ from: z.number().int().min(0).max(2_147_483_647), to: z.number().int().min(0).max(1_000_000) })
          .strict()
          .optional(),
      })
      .strict()
      .refine((v) => v.priceFen !== undefined || v.stock !== undefined, { message: 'nothing to change' }),
    role: 'manager',
    mutating: true,
  }),
  'manager.setProductStatus': action<{ productId: string; status: 'on_sale' | 'off_shelf' }>()({
    input: z.object({ productId: id, status: z.enum(['on_sale', 'off_shelf']) }).strict(),
    role: 'manager',
    mutating: true,
  }),
} as const;
