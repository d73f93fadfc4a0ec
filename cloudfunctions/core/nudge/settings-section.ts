import { activeTemplateChoices } from '../coupon';
import type { Executor } from '../db/db';
import type { ExternalSection, SettingField } from '../settings';
import { loadNudgeSettings } from './repo/settings.repo';
import { nudgeTriggers } from './triggers/registry';
import type { NudgeTrigger, TriggerArgField } from './triggers/trigger';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const argField = (t: NudgeTrigger<unknown>, a: TriggerArgField): SettingField =>
  a.kind === 'int'
    ? {
        key: `${t.code}.${a.key}`,
        group: t.title,
        label: a.label,
        kind: 'int',
        min: a.min,
        max: a.max,
        unit: a.unit,
        help: a.help,
      }
    : { key: `${t.code}.${a.key}`, group: t.title, label: a.label, kind: 'select', help: a.help };

/** Per trigger: a switch, then one typed field per arg the trigger declares (no JSON to type). */
const triggerFields: SettingField[] = nudgeTriggers.flatMap((t) => [
  { key: `${t.code}.enabled`, group: t.title, label: '开启', kind: 'switch' as const },
  ...t.argFields.map((a) => argField(t, a)),
]);

/** A trigger's args from the form's values: a coupon picker's '' is "no coupon" (null). */
function argsFromForm(t: NudgeTrigger<unknown>, v: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    t.argFields.map((a) => {
      const value = v[`${t.code}.${a.key}`];
      return [a.key, a.kind === 'couponTemplate' ? (value as string) || null : value];
    }),
  );
}

/**
 * 复购提醒 in 店铺设置: the template, the cap, quiet hours, and each trigger's switch and args, kept in
 * nudge_settings (the daily run reads them as before). Stored args that no longer pass a trigger's
 * schema show (and run) as its defaults.
 */
export const nudgeSettingsSection: ExternalSection = {
  code: 'nudge',
  title: '复购提醒',
  fields: [
    { key: 'templateId', label: '提醒消息模板', kind: 'text', pattern: ID },
    { key: 'capDays', label: '同一会员最多每', kind: 'int', min: 1, max: 90, unit: '天一次' },
    { key: 'quietStartHour', label: '免打扰开始', kind: 'int', min: 0, max: 23, unit: '点' },
    { key: 'quietEndHour', label: '免打扰结束', kind: 'int', min: 0, max: 23, unit: '点' },
    ...triggerFields,
  ],
  load: async (exec, storeId) => {
    const s = await loadNudgeSettings(exec, storeId);
    const values: Record<string, number | string | boolean> = {
      templateId: s.templateId,
      capDays: s.capDays,
      quietStartHour: s.quietStartHour,
      quietEndHour: s.quietEndHour,
    };
    for (const t of nudgeTriggers) {
      const { enabled, ...stored } = s.triggerArgs[t.code] ?? {};
      const parsed = t.args.safeParse(stored);
      const args = (parsed.success ? parsed.data : t.args.parse({})) as Record<string, unknown>;
      values[`${t.code}.enabled`] = enabled !== false;
      for (const a of t.argFields) {
        values[`${t.code}.${a.key}`] =
          a.kind === 'couponTemplate' ? ((args[a.key] as string | null) ?? '') : (args[a.key] as number);
      }
    }
    return values;
  },
  options: async (exec, storeId) => {
    const coupons = [{ value: '', label: '不发券' }, ...(await activeTemplateChoices(exec, storeId))];
    return Object.fromEntries(
      nudgeTriggers.flatMap((t) =>
        t.argFields.filter((a) => a.kind === 'couponTemplate').map((a) => [`${t.code}.${a.key}`, coupons]),
      ),
    );
  },
  // Each trigger's own schema has the last word on its args (the fields above only carry its ranges).
  check: (v) => {
    for (const t of nudgeTriggers) {
      const parsed = t.args.safeParse(argsFromForm(t, v));
      if (!parsed.success) {
        const key = String(parsed.error.issues[0]?.path[0] ?? t.argFields[0]?.key);
        return { field: `${t.code}.${key}`, message: `${t.title} 参数不正确` };
      }
    }
    return null;
  },
  save: (exec: Executor, storeId, v, now) => {
    const triggerArgs = Object.fromEntries(
      nudgeTriggers.map((t) => [t.code, { ...argsFromForm(t, v), enabled: v[`${t.code}.enabled`] === true }]),
    );
    const set = {
      template_id: v.templateId as string,
      cap_days: v.capDays as number,
      quiet_start_hour: v.quietStartHour as number,
      quiet_end_hour: v.quietEndHour as number,
      trigger_args: JSON.stringify(triggerArgs),
      updated_at: now,
    };
    return exec
      .insertInto('nudge_settings')
      .values({ store_id: storeId, ...set })
      .onConflict((oc) => oc.column('store_id').doUpdateSet(set))
      .execute()
      .then(() => undefined);
  },
};
