/** The store's settings in one audited place: points, order rules, message templates, 客服, tiers, referral, nudges. */
import { z } from 'zod';
import { action } from '../action';

const SETTINGS_SECTIONS = ['points', 'orderRules', 'templates', 'contact', 'tiers', 'referral', 'nudge'] as const;
export type SettingsSectionCode = (typeof SETTINGS_SECTIONS)[number];
export type SettingValue = number | string | string[] | boolean;

/** One field as the manager's form renders it (label, unit and range come from the server). */
export interface SettingFieldView {
  key: string;
  label: string;
  /** switch: a boolean; select: one of `options` (the server lists them, titles included). */
  kind: 'int' | 'text' | 'textList' | 'switch' | 'select';
  /** A heading above the field when it differs from the previous field's (a tier, a trigger). */
  group: string | null;
  options: Array<{ value: string; label: string }> | null;
  min: number | null;
  max: number | null;
  unit: string | null;
  help: string | null;
  maxItems: number | null;
  value: SettingValue;
}

export interface StoreSettingsView {
  /** The version in force; a save names it and is refused (SETTINGS_CHANGED) if another came since. */
  version: number;
  sections: Array<{ code: SettingsSectionCode; title: string; fields: SettingFieldView[] }>;
}

/** What customers' pages read: how to reach 客服 on H5 (the weapp uses WeChat's own 客服 button). */
export interface StoreServiceInfo {
  phone: string | null;
  wecomUrl: string | null;
}

const value = z.union([z.number(), z.boolean(), z.string().max(200), z.array(z.string().max(64)).max(3)]);
/** One field's new value; a list of them (not a record), so an unknown property is refused by its shape. */
const entry = z.object({ key: z.string().regex(/^[a-z][A-Za-z_]{0,40}(\.[A-Za-z]{1,30})?$/), value }).strict();

export const managerSettingsActions = {
  'manager.getSettings': action<StoreSettingsView>()({
    input: z.object({}).strict(),
    role: 'manager',
  }),
  /** Saves one section (every field of it) as a new version; old orders keep the rules they were placed under. */
  'manager.saveSettings': action<{
    version: number;
    section: SettingsSectionCode;
    /** Field by field, for the audit log. */
    changed: Array<{ field: string; label: string; before: unknown; after: unknown }>;
  }>()({
    input: z
      .object({
        section: z.enum(SETTINGS_SECTIONS),
        values: z.array(entry).min(1).max(40),
        version: z.number().int().min(0).max(2_147_483_647),
      })
      .strict(),
    role: 'manager',
    mutating: true,
  }),
} as const;

/** The customer-readable part, served by the catalog function (anonymous browsing shows 客服 too). */
export const storeServiceActions = {
  'catalog.storeService': action<StoreServiceInfo>()({
    input: z.object({}).strict(),
    role: 'any',
  }),
} as const;
