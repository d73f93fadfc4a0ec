import type { MemberProfile } from '../contract';
import type { Executor } from '../db/db';
import { maskPhone } from './domain/profile';
import { findProfileExtras } from './repo/member-profile.repo';

type ProfileExtras = Pick<MemberProfile, 'birthday' | 'phoneMasked' | 'couponCount' | 'pendingCelebration'>;

/** The parts of the member card that come from the profile, coupons and tier changes. */
export async function loadProfileExtras(exec: Executor, memberId: string, now: Date): Promise<ProfileExtras> {
  const row = await findProfileExtras(exec, memberId, now);
  if (!row) return { birthday: null, phoneMasked: null, couponCount: 0, pendingCelebration: null };
  return {
    birthday: row.birthday,
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    couponCount: Number(row.coupon_count),
    pendingCelebration:
      row.from_code && row.to_code
        ? {
            fromTier: { code: row.from_code, name: row.from_name ?? row.from_code },
            toTier: { code: row.to_code, name: row.to_name ?? row.to_code },
          }
        : null,
  };
}
