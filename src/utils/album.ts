import Taro from '@tarojs/taro';

const SCOPE = 'scope.writePhotosAlbum';

function errMsg(err: unknown): string {
  return String((err as { errMsg?: string } | null)?.errMsg ?? err ?? '');
}

/**
 * Saves an image to the album and handles the two refusals WeChat can answer with:
 * - the privacy guide was not agreed ("privacy permission is not authorized"): the PrivacyPopup asked
 *   and the member said no, so we only say why nothing was saved;
 * - `scope.writePhotosAlbum` was refused before ("auth deny"): WeChat never asks again by itself, so
 *   we explain and offer openSetting, then retry once if the member switched it on.
 * Resolves true when saved, false when the member declined; throws on any other failure.
 */
export async function saveImageToAlbum(filePath: string, what = '图片'): Promise<boolean> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
    return true;
  } catch (err) {
    const msg = errMsg(err);
    if (/privacy/i.test(msg)) {
      await Taro.showModal({
        title: '未保存',
        content: `你没有同意《隐私保护指引》，微信不允许小程序写入相册，${what}未保存。`,
        showCancel: false,
      });
      return false;
    }
    if (/cancel/i.test(msg)) return false;
    if (!/auth|authorize|deny|denied/i.test(msg)) throw err;
    const { confirm } = await Taro.showModal({
      title: '需要相册权限',
      content: `保存${what}需要允许写入你的相册。你之前拒绝过，微信不会再次询问，请在设置中打开「添加到相册」。`,
      confirmText: '去设置',
      cancelText: '暂不',
    });
    if (!confirm) return false;
    const { authSetting } = await Taro.openSetting();
    if (!authSetting[SCOPE]) return false;
    await Taro.saveImageToPhotosAlbum({ filePath });
    return true;
  }
}
