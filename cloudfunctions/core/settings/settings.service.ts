import type { ActionArgs } from '../context';
import type { ActionOutput, SettingFieldView, SettingValue } from '../contract';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import {
  checkSection,
  readSettings,
  sectionDiff,
  SECTION_CODES,
  SECTIONS,
  type StoreSettings,
} from './domain/sections';
import { appendSettings, newestSettings } from './repo/settings.repo';

export interface SettingsInForce {
  /** 0 while the store has never saved any: the defaults. */
  version: number;
  settings: StoreSettings;
}

/** The settings in force for a store: the newest saved version over the defaults. */
export async function currentSettings(exec: Executor, storeId: string): Promise<SettingsInForce> {
  const row = await newestSettings(exec, storeId);
  return { version: row?.version ?? 0, settings: readSettings(row?.doc) };
}

/** `manager.getSettings`: every section with its fields' labels, ranges and the values in force. */
export async function getSettings({
  ctx,
  exec,
}: ActionArgs<'manager.getSettings'>): Promise<Result<ActionOutput<'manager.getSettings'>>> {
  const { version, settings } = await currentSettings(exec, ctx.storeId);
  return ok({
    version,
    sections: SECTION_CODES.map((code) => ({
      code,
      title: SECTIONS[code].title,
      fields: SECTIONS[code].fields.map((f): SettingFieldView => ({
        key: f.key,
        label: f.label,
        kind: f.kind,
        min: f.min ?? null,
        max: f.max ?? null,
        unit: f.unit ?? null,
        help: f.help ?? null,
        maxItems: f.maxItems ?? null,
        value: (settings[code] as Record<string, SettingValue>)[f.key]!,
      })),
    })),
  });
}

/**
 * `manager.saveSettings`: one section's values become a new version, if `version` is still the one in
 * force (another manager's save in between is SETTINGS_CHANGED, never silently overwritten). The
 * answer lists each field's before and after; the audit wrapper records it with the input.
 */
export async function saveSettings({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'manager.saveSettings'>): Promise<Result<ActionOutput<'manager.saveSettings'>>> {
  const checked = checkSection(input.section, input.values);
  if (!checked.ok) return fail('SETTINGS_INVALID', checked.message, { field: checked.field });
  const current = await currentSettings(exec, ctx.storeId);
  if (current.version !== input.version) {
    return fail('SETTINGS_CHANGED', undefined, { version: current.version });
  }
  const before = current.settings[input.section] as Record<string, unknown>;
  const doc = { ...current.settings, [input.section]: checked.values };
  const saved = await appendSettings(exec, {
    storeId: ctx.storeId,
    version: input.version + 1,
    section: input.section,
    doc,
    by: caller.openid,
    at: ctx.now,
  });
  if (!saved) return fail('SETTINGS_CHANGED', undefined, { version: input.version + 1 });
  return ok({
    version: input.version + 1,
    section: input.section,
    changed: sectionDiff(input.section, before, checked.values),
  });
}

/** `catalog.storeService`: how customers reach 客服 on H5. */
export async function storeService({
  ctx,
  exec,
}: ActionArgs<'catalog.storeService'>): Promise<Result<ActionOutput<'catalog.storeService'>>> {
  const { contact } = (await currentSettings(exec, ctx.storeId)).settings;
  return ok({ phone: contact.phone || null, wecomUrl: contact.wecomUrl || null });
}
