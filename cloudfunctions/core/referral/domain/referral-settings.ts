/** Per-store referral configuration (table referral_settings); a store without a row gets DEFAULTS. */
export interface ReferralSettings {
  rewardKind: 'points' | 'coupon';
  rewardPoints: number;
  rewardTemplateId: string | null;
  friendTemplateId: string | null;
  dailyCap: number;
  monthlyCap: number;
  bindingDays: number;
}

/** The seeded gift for invited friends (db/seed, referral-templates.data.ts). */
export const FRIEND_GIFT_TEMPLATE_ID = 'ct-referral-friend-15';

export const DEFAULT_REFERRAL_SETTINGS: ReferralSettings = {
  rewardKind: 'points',
  rewardPoints: 500,
  rewardTemplateId: null,
  friendTemplateId: FRIEND_GIFT_TEMPLATE_ID,
  dailyCap: 5,
  monthlyCap: 30,
  bindingDays: 30,
};
