import type { Executor } from '../db/db';
import type { ExternalSection } from '../settings';
import { DEFAULT_REFERRAL_SETTINGS } from './domain/referral-settings';
import { loadSettings } from './repo/referral.repo';

/**
 * 邀请有礼 in 店铺设置: the reward's points and the caps and binding window, kept in referral_settings.
 * The reward kind and coupon templates stay as configured (a coupon reward names a template the
 * store created; choosing one belongs with the coupon templates).
 */
export const referralSettingsSection: ExternalSection = {
  code: 'referral',
  title: '邀请有礼',
  fields: [
    { key: 'rewardPoints', label: '邀请人奖励积分', kind: 'int', min: 1, max: 100_000, unit: '分' },
    { key: 'dailyCap', label: '每人每日奖励上限', kind: 'int', min: 0, max: 1000, unit: '次' },
    { key: 'monthlyCap', label: '每人每月奖励上限', kind: 'int', min: 0, max: 10_000, unit: '次' },
    { key: 'bindingDays', label: '邀请关系有效期', kind: 'int', min: 1, max: 365, unit: '天' },
  ],
  load: async (exec, storeId) => {
    const s = await loadSettings(exec, storeId);
    return { rewardPoints: s.rewardPoints, dailyCap: s.dailyCap, monthlyCap: s.monthlyCap, bindingDays: s.bindingDays };
  },
  save: (exec: Executor, storeId, v, now) => {
    const set = {
      reward_points: v.rewardPoints as number,
      daily_cap: v.dailyCap as number,
      monthly_cap: v.monthlyCap as number,
      binding_days: v.bindingDays as number,
      updated_at: now,
    };
    return exec
      .insertInto('referral_settings')
      .values({
        store_id: storeId,
        friend_template_id: DEFAULT_REFERRAL_SETTINGS.friendTemplateId,
        reward_template_id: null,
        ...set,
      })
      .onConflict((oc) => oc.column('store_id').doUpdateSet(set))
      .execute()
      .then(() => undefined);
  },
};
