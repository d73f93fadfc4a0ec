/** The manager's 运费模板: list, edit, delete, and which template a product ships under. */
import { z } from 'zod';
import type { Fen } from '../../shared/money';
import { action, id } from '../action';

export type FreightChargeBy = 'count' | 'weight';

export interface FreightRuleView {
  /** Pieces when charged by count, grams when by weight. */
  firstUnit: number;
  firstFeeFen: Fen;
  additionalUnit: number;
  additionalFeeFen: Fen;
  freeOverFen: Fen | null;
}

/** A template as the editor shows and saves it. */
export interface FreightTemplateView {
  templateId: string;
  name: string;
  chargeBy: FreightChargeBy;
  regions: Array<FreightRuleView & { provinces: string[] }>;
  defaultRule: FreightRuleView;
  undeliverable: string[];
  /** Names the edit: a save of an older version is FREIGHT_TEMPLATE_STALE. */
  version: number;
  /** How many products ship under it (a template in use cannot be deleted). */
  productCount: number;
  summary: string;
}

// A piece count up to 999, or grams up to 1,000 kg; fees and thresholds up to ¥100,000.
const unit = z.number().int().min(1).max(1_000_000);
const amount = z.number().int().min(0).max(10_000_000);
const province = z.string().trim().min(1).max(20);
const rule = {
  firstUnit: unit,
  firstFeeFen: amount,
  additionalUnit: unit,
  additionalFeeFen: amount,
  freeOverFen: amount.nullable(),
};

export const managerFreightActions = {
  /** Every template in one line each (also the product editor's picker: keep it small). */
  'manager.listFreightTemplates': action<{ templates: Array<{ id: string; name: string; summary: string }> }>()({
    input: z.object({}).strict(),
    role: 'manager',
  }),
  /** One template for the editor (null for a new one), and the provinces a rule may name. */
  'manager.getFreightTemplate': action<{ template: FreightTemplateView | null; provinces: string[] }>()({
    input: z.object({ templateId: id.optional() }).strict(),
    role: 'manager',
  }),
  /** Creates (no templateId) or updates (templateId and the version edited) a template as a whole. */
  'manager.saveFreightTemplate': action<{ templateId: string; version: number; summary: string }>()({
    input: z
      .object({
        templateId: id.optional(),
        version: z.number().int().min(1).max(1_000_000).optional(),
        name: z.string().trim().min(1).max(30),
        chargeBy: z.enum(['count', 'weight']),
        regions: z.array(z.object({ provinces: z.array(province).min(1).max(40), ...rule }).strict()).max(40),
        defaultRule: z.object(rule).strict(),
        undeliverable: z.array(province).max(40),
      })
      .strict()
      .refine((v) => !v.templateId === !v.version, {
        message: 'an update names the version it edited, a new template none',
        path: ['version'],
      }),
    role: 'manager',
    mutating: true,
  }),
  /** Deletes a template no product uses (FREIGHT_TEMPLATE_IN_USE otherwise). */
  'manager.deleteFreightTemplate': action<{ templateId: string }>()({
    input: z.object({ templateId: id }).strict(),
    role: 'manager',
    mutating: true,
  }),
  /** The template a product's express is priced by; null: the store's flat rule. */
  'manager.setProductFreight': action<{ productId: string; freightTemplateId: string | null }>()({
    input: z.object({ productId: id, freightTemplateId: id.nullable() }).strict(),
    role: 'manager',
    mutating: true,
  }),
};
