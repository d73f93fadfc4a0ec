import type { Executor } from '../db/db';
import type { LoadedOptions, SettingField, SettingValue } from './domain/fields';

export const EXTERNAL_SECTION_CODES = ['tiers', 'referral', 'nudge'] as const;
export type ExternalSectionCode = (typeof EXTERNAL_SECTION_CODES)[number];

/**
 * A settings section another context keeps in its own table (tiers, referral, nudge): it plugs in
 * here (core/plugins.ts), so 店铺设置 edits it with the same form, version check and audit row while
 * the owner keeps its table and its rules. `check` adds what the fields alone cannot say;
 * `options` lists, per store, the choices of select fields whose choices are data (the store's
 * active coupon templates), and a save naming anything else is refused like any bad value.
 */
export interface ExternalSection {
  code: ExternalSectionCode;
  title: string;
  fields: SettingField[];
  load(exec: Executor, storeId: string): Promise<Record<string, SettingValue>>;
  options?(exec: Executor, storeId: string): Promise<LoadedOptions>;
  check?(values: Record<string, unknown>): { field: string; message: string } | null;
  save(exec: Executor, storeId: string, values: Record<string, unknown>, now: Date): Promise<void>;
}

const sections = new Map<ExternalSectionCode, ExternalSection>();

export function registerSettingsSection(section: ExternalSection): void {
  sections.set(section.code, section);
}

/** The plugged-in sections, in the order of their codes. */
export function externalSections(): ExternalSection[] {
  return EXTERNAL_SECTION_CODES.flatMap((c) => sections.get(c) ?? []);
}
