/** Rules for what a member may put in their profile. Pure. */

import { isCalendarDate } from '../../shared/profile-text';

export { isAvatarUrl, isCalendarDate, nicknameLength } from '../../shared/profile-text';

/** A birthday must be a past day (business date, Asia/Shanghai) and not absurdly old. */
export function isPlausibleBirthday(value: string, today: string): boolean {
  return isCalendarDate(value) && value >= '1900-01-01' && value <= today;
}

/** `13800138000` -> `138****8000`: enough for the member to recognise it, not enough to dial. */
export function maskPhone(phone: string): string {
  if (phone.length >= 11) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  if (phone.length >= 7) return `${phone.slice(0, 2)}***${phone.slice(-2)}`;
  return '*'.repeat(phone.length);
}
