/**
 * What each private API or component is used for, in the member's words, by WeChat's `referrer`
 * (e.g. "button.getPhoneNumber", "chooseAddress"). docs/features/privacy.md lists the same classes.
 */
const PURPOSES: Array<{ match: RegExp; text: string }> = [
  { match: /nickname|chooseAvatar|UserInfo|UserProfile/i, text: '使用微信头像、昵称完善你的会员资料' },
  { match: /PhoneNumber/i, text: '用微信手机号绑定会员，到店凭手机号累积积分' },
  { match: /Address/i, text: '读取你选择的微信收货地址，用于快递配送' },
  { match: /PhotosAlbum/i, text: '把邀请海报保存到你的相册' },
  { match: /Clipboard/i, text: '复制链接、地址或邀请码到剪贴板' },
  { match: /Location|Poi/i, text: '使用你的位置查找附近门店' },
  { match: /MessageFile/i, text: '读取你从聊天中选择的发货表格' },
];

export function privacyPurpose(referrer: string): string {
  return PURPOSES.find((p) => p.match.test(referrer))?.text ?? '使用会处理你个人信息的功能';
}
