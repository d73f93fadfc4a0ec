/** Rules for what a member may put in their profile. Pure: the contract and the service share them. */

export const NICKNAME_MAX_CHARS = 20;

/** Characters as a person counts them (an emoji is one), not UTF-16 units. */
export function nicknameLength(nickname: string): number {
  return [...nickname].length;
}

/** An avatar is an https URL or a WeChat cloud storage fileID (what chooseAvatar + uploadFile yield). */
export function isAvatarUrl(value: string): boolean {
  return /^https:\/\/[^\s/$.?#][^\s]*$/i.test(value) || /^cloud:\/\/[^\s]+$/.test(value);
}

/** `YYYY-MM-DD` naming a real calendar day (no 2月30日). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

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
