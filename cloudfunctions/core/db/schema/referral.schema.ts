import type { Generated } from 'kysely';

/** Referral (0007_referral.sql). */
export interface ReferralTables {
  referral_settings: {
    store_id: string;
    reward_kind: Generated<'points' | 'coupon'>;
    reward_points: Generated<number>;
    reward_template_id: string | null;
    friend_template_id: string | null;
    daily_cap: Generated<number>;
    monthly_cap: Generated<number>;
    binding_days: Generated<number>;
    updated_at: Generated<Date>;
  };
  referrals: {
    id: string;
    store_id: string;
    inviter_member_id: string;
    friend_member_id: string;
    status: Generated<import('../../referral/domain/referral-status').ReferralStatus>;
    bound_at: Date;
    expires_at: Date;
    friend_coupon_id: string | null;
    first_order_id: string | null;
    reward_kind: 'points' | 'coupon' | null;
    reward_points: number | null;
    reward_coupon_id: string | null;
    rewarded_at: Date | null;
    reversed_at: Date | null;
  };
  referral_events: {
    id: Generated<number>;
    store_id: string;
    inviter_member_id: string;
    friend_member_id: string | null;
    kind: import('../../referral/domain/referral-status').ReferralEventKind;
    reason: string | null;
    referral_id: string | null;
    created_at: Date;
  };
}
