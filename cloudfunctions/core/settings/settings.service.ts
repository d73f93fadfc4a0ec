import type { ActionArgs } from '../context';
import type { ActionOutput, SettingFieldView } from '../contract';
import type { Executor } from '../db/db';
import { fail, ok, type Result } from '../errors';
import {
  checkFields,
  readSettings,
  type LoadedOptions,
  sectionDiff,
  SECTION_CODES,
  SECTIONS,
  type SectionCode,
  type SettingField,
  type SettingValue,
  type StoreSettings,
} from './domain/sections';
import { externalSections } from './external';
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

function fieldView(f: SettingField, value: SettingValue, loaded: LoadedOptions = {}): SettingFieldView {
  return {
    key: f.key,
    label: f.label,
    kind: f.kind,
    group: f.group ?? null,
    options: loaded[f.key] ?? f.options ?? null,
    min: f.min ?? null,
    max: f.max ?? null,
    unit: f.unit ?? null,
    help: f.help ?? null,
    maxItems: f.maxItems ?? null,
    value,
  };
}

/** `manager.getSettings`: every section with its fields' labels, ranges and the values in force. */
export async function getSettings({
  ctx,
  exec,
}: ActionArgs<'manager.getSettings'>): Promise<Result<ActionOutput<'manager.getSettings'>>> {
  const { version, settings } = await currentSettings(exec, ctx.storeId);
  const own = SECTION_CODES.map((code) => ({
    code,
    title: SECTIONS[code].title,
    fields: SECTIONS[code].fields.map((f) => fieldView(f, (settings[code] as Record<string, SettingValue>)[f.key]!)),
  }));
  const others = [];
  for (const s of externalSections()) {
    const values = await s.load(exec, ctx.storeId);
    const loaded = (await s.options?.(exec, ctx.storeId)) ?? {};
    others.push({ code: s.code, title: s.title, fields: s.fields.map((f) => fieldView(f, values[f.key]!, loaded)) });
  }
  return ok({ version, sections: [...own, ...others] });
}

/**
 * `manager.saveSettings`: one section's values become a new version, if `version` is still the one in
 * force (another manager's save in between is SETTINGS_CHANGED, never silently overwritten). A
 * section another context keeps (tiers, referral, nudge) is written to its table by its owner in
 * the same transaction, and still makes a version, so the check and the history are the same. The
 * answer lists each field's before and after; the audit wrapper records it with the input.
 */
export async function saveSettings({
  input,
  caller,
  ctx,
  exec,
}: ActionArgs<'manager.saveSettings'>): Promise<Result<ActionOutput<'manager.saveSettings'>>> {
  const external = externalSections().find((s) => s.code === input.section);
  const fields = external?.fields ?? SECTIONS[input.section as SectionCode]?.fields;
  if (!fields) return fail('SETTINGS_INVALID', '没有这项设置', { field: 'section' });
  const values = Object.fromEntries(input.values.map((e) => [e.key, e.value]));
  if (Object.keys(values).length !== input.values.length) {
    return fail('SETTINGS_INVALID', '同一设置项填写了两次', { field: 'values' });
  }
  // A select's choices may be the store's data (active coupon templates): read them in this transaction.
  const loaded = (await external?.options?.(exec, ctx.storeId)) ?? {};
  const checked = checkFields(fields, values, loaded);
  if (!checked.ok) return fail('SETTINGS_INVALID', checked.message, { field: checked.field });
  const refused = external?.check?.(checked.values);
  if (refused) return fail('SETTINGS_INVALID', refused.message, { field: refused.field });
  const current = await currentSettings(exec, ctx.storeId);
  if (current.version !== input.version) {
    return fail('SETTINGS_CHANGED', undefined, { version: current.version });
  }
  const before = external
    ? await external.load(exec, ctx.storeId)
    : (current.settings[input.section as SectionCode] as Record<string, unknown>);
  const doc = external ? current.settings : { ...current.settings, [input.section]: checked.values };
  const version = input.version + 1;
  const row = { storeId: ctx.storeId, version, section: input.section, doc, by: caller.openid, at: ctx.now };
  if (!(await appendSettings(exec, row))) return fail('SETTINGS_CHANGED', undefined, { version });
  if (external) await external.save(exec, ctx.storeId, checked.values, ctx.now);
  return ok({ version, section: input.section, changed: sectionDiff(fields, before, checked.values, loaded) });
}

/** `catalog.storeService`: how customers reach 客服 on H5. */
export async function storeService({
  ctx,
  exec,
}: ActionArgs<'catalog.storeService'>): Promise<Result<ActionOutput<'catalog.storeService'>>> {
  const { contact } = (await currentSettings(exec, ctx.storeId)).settings;
  return ok({ phone: contact.phone || null, wecomUrl: contact.wecomUrl || null });
}
