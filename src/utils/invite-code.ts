import Taro from '@tarojs/taro';

/** Where the member's own invite code is kept once a page learned it, for shares that cannot wait for it. */
export const INVITE_CODE_KEY = 'share.inviteCode';

export function knownInviteCode(): string | null {
  return (Taro.getStorageSync(INVITE_CODE_KEY) as string) || null;
}

/** Keeps the member's own invite code once a page has it (邀请有礼). */
export function rememberInviteCode(code: string): void {
  if (code && code !== knownInviteCode()) Taro.setStorageSync(INVITE_CODE_KEY, code);
}
