import type { Executor } from '../db/db';
import type { ExternalSection, SettingField } from '../settings';
import { loadNudgeSettings } from './repo/settings.repo';
import { nudgeTriggers } from './triggers/registry';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Per trigger: on or off, and its args as JSON (each trigger's zod schema checks them). */
const triggerFields: SettingField[] = nudgeTriggers.flatMap((t) => [
  { key: `${t.code}.enabled`, label: `${t.title} 开启`, kind: 'int', min: 0, max: 1, help: '1 开启，0 关闭' },
  { key: `${t.code}.args`, label: `${t.title} 参数`, kind: 'text', help: 'JSON，留空用默认值' },
]);

/**
 * 复购提醒 in 店铺设置: the template, the cap, quiet hours, and each trigger's switch and args, kept in
 * nudge_settings (the daily run reads them as before).
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
    const values: Record<string, number | string> = {
      templateId: s.templateId,
      capDays: s.capDays,
      quietStartHour: s.quietStartHour,
      quietEndHour: s.quietEndHour,
    };
    for (const t of nudgeTriggers) {
      const { enabled, ...args } = s.triggerArgs[t.code] ?? {};
      values[`${t.code}.enabled`] = enabled === false ? 0 : 1;
      values[`${t.code}.args`] = Object.keys(args).length > 0 ? JSON.stringify(args) : '';
    }
    return values;
  },
  check: (v) => {
    for (const t of nudgeTriggers) {
      const text = String(v[`${t.code}.args`] ?? '').trim();
      let args: unknown = {};
      try {
        args = text ? JSON.parse(text) : {};
      } catch {
        args = undefined;
      }
      const ok = args !== null && typeof args === 'object' && !Array.isArray(args) && t.args.safeParse(args).success;
      if (!ok) return { field: `${t.code}.args`, message: `${t.title} 参数不正确` };
    }
    return null;
  },
  save: (exec: Executor, storeId, v, now) => {
    const triggerArgs: Record<string, Record<string, unknown>> = {};
    for (const t of nudgeTriggers) {
      const text = String(v[`${t.code}.args`] ?? '').trim();
      triggerArgs[t.code] = { ...(text ? (JSON.parse(text) as object) : {}), enabled: v[`${t.code}.enabled`] === 1 };
    }
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
