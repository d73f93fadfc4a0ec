import { activeTemplateChoices } from '../coupon';
import type { ExternalSection } from '../settings';
import { loadSettings } from './repo/referral.repo';

/**
 * 邀请有礼 in 店铺设置: what the inviter gets (points or a coupon), the friend's new-customer coupon,
 * the caps and the binding window, kept in referral_settings. The coupon pickers offer the store's
 * active templates (the server lists them with their titles); a save naming any other template is
 * refused, so settlement never meets a template the manager could not have chosen.
 */
export const referralSettingsSection: ExternalSection = {
  code: 'referral',
  title: '邀请有礼',
  fields: [
    {
      key: 'rewardKind',
      label: '邀请人奖励方式',
      kind: 'select',
      options: [
        { value: 'points', label: '积分' },
        { value: 'coupon', label: '优惠券' },
      ],
      help: '好友首单过了退款期后发放',
    },
    { key: 'rewardPoints', label: '邀请人奖励积分', kind: 'int', min: 1, max: 100_000, unit: '分' },
    { key: 'rewardTemplateId', label: '邀请人奖励券', kind: 'select', help: '奖励方式为优惠券时必选' },
    { key: 'friendTemplateId', label: '好友新人券', kind: 'select', help: '好友绑定时发放' },
    { key: 'dailyCap', label: '每人每日奖励上限', kind: 'int', min: 0, max: 1000, unit: '次' },
    { key: 'monthlyCap', label: '每人每月奖励上限', kind: 'int', min: 0, max: 10_000, unit: '次' },
    { key: 'bindingDays', label: '邀请关系有效期', kind: 'int', min: 1, max: 365, unit: '天' },
  ],
  load: async (exec, storeId) => {
    const s = await loadSettings(exec, storeId);
    return {
      rewardKind: s.rewardKind,
      rewardPoints: s.rewardPoints,
      rewardTemplateId: s.rewardTemplateId ?? '',
      friendTemplateId: s.friendTemplateId ?? '',
      dailyCap: s.dailyCap,
      monthlyCap: s.monthlyCap,
      bindingDays: s.bindingDays,
    };
  },
  options: async (exec, storeId) => {
    const templates = await activeTemplateChoices(exec, storeId);
    return {
      rewardTemplateId: [{ value: '', label: '不选' }, ...templates],
      friendTemplateId: [{ value: '', label: '不发券' }, ...templates],
    };
  },
  check: (v) =>
    v.rewardKind === 'coupon' && v.rewardTemplateId === ''
      ? { field: 'rewardTemplateId', message: '奖励方式为优惠券时，请选择邀请人奖励券' }
      : null,
  save: async (exec, storeId, v, now) => {
    const set = {
      reward_kind: v.rewardKind as 'points' | 'coupon',
      reward_points: v.rewardPoints as number,
      reward_template_id: (v.rewardTemplateId as string) || null,
      friend_template_id: (v.friendTemplateId as string) || null,
      daily_cap: v.dailyCap as number,
      monthly_cap: v.monthlyCap as number,
      binding_days: v.bindingDays as number,
      updated_at: now,
    };
    await exec
      .insertInto('referral_settings')
      .values({ store_id: storeId, ...set })
      .onConflict((oc) => oc.column('store_id').doUpdateSet(set))
      .execute();
  },
};
