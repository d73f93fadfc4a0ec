import Taro from '@tarojs/taro';
import { useSession } from '../stores/session';
import { transportFailure, unwrap } from './errors';
import { apiBase, sessionToken } from './session-http';

/**
 * Stores a picked avatar and answers the file id `member.updateProfile` takes.
 * WeChat Cloud: straight into cloud storage (`wx.cloud.uploadFile`; the answer is a `cloud://` id the
 * server turns into a temporary https link). Self-hosted and H5: `POST /api/media/avatar` on the
 * gateway, which checks the bytes are PNG or JPEG within 2 MB and stores them on its disk.
 */
export async function uploadAvatar(filePath: string, memberId: string): Promise<string> {
  if (process.env.TARO_ENV === 'weapp' && process.env.TARO_APP_API_MODE !== 'http') {
    const ext = /\.jpe?g$/i.test(filePath) ? 'jpg' : 'png';
    try {
      const { fileID } = await Taro.cloud.uploadFile({
        cloudPath: `avatars/${memberId}-${Date.now()}.${ext}`,
        filePath,
      });
      return fileID;
    } catch (err) {
      throw transportFailure(err);
    }
  }
  const header: Record<string, string> = {};
  if (process.env.TARO_ENV === 'h5') header['X-Dev-Openid'] = useSession.getState().openid;
  else {
    const token = await sessionToken();
    if (typeof token !== 'string') return unwrap<never>({ body: token });
    header.authorization = `Bearer ${token}`;
  }
  let res: Taro.uploadFile.SuccessCallbackResult;
  try {
    res = await Taro.uploadFile({ url: `${apiBase()}/api/media/avatar`, filePath, name: 'file', header });
  } catch (err) {
    throw transportFailure(err);
  }
  let body: unknown;
  try {
    body = JSON.parse(res.data);
  } catch {
    body = undefined;
  }
  return unwrap<{ fileId: string }>({ status: res.statusCode, body }).fileId;
}
