/**
 * What a member may type into a profile field, as text: shared by the contract (input validation)
 * and member's rules, so the contract needs no context's internals.
 */

export const NICKNAME_MAX_CHARS = 20;

/** Characters as a person counts them (an emoji is one), not UTF-16 units. */
export function nicknameLength(nickname: string): number {
  return [...nickname].length;
}

/** An avatar is an https URL, a WeChat cloud storage fileID (chooseAvatar + wx.cloud.uploadFile) or a gateway upload's file id. */
export function isAvatarUrl(value: string): boolean {
  return (
    /^https:\/\/[^\s/$.?#][^\s]*$/i.test(value) ||
    /^cloud:\/\/[^\s]+$/.test(value) ||
    // A file id of the gateway's storage, as POST /api/media/avatar answers it.
    /^\/media\/avatars\/[a-z0-9_-]+\.(?:png|jpg)$/.test(value)
  );
}

/** `YYYY-MM-DD` naming a real calendar day (no 2月30日). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
