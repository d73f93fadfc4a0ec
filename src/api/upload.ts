import Taro from '@tarojs/taro';
import { useSession } from '../stores/session';
import { transportFailure, unwrap } from './errors';
import { apiBase, sessionToken } from './session-http';

/** Where a picked picture goes: cloud storage folder (WeChat Cloud) and gateway route (self-hosted, H5). */
type UploadKind = 'avatar' | 'catalog';

/**
 * Stores a picked picture and answers its file id (and, from the gateway, its URL).
 * WeChat Cloud: straight into cloud storage (`wx.cloud.uploadFile`; the answer is a `cloud://` id the
 * server turns into a temporary https link) under `<folder>/<name>`. Self-hosted and H5:
 * `POST /api/media/<kind>` on the gateway, which checks the bytes are PNG or JPEG within 2 MB, checks
 * the caller may upload there, and stores them on its disk.
 */
export async function uploadPicture(
  filePath: string,
  kind: UploadKind,
  cloudName: string,
): Promise<{ fileId: string; url: string | null }> {
  if (process.env.TARO_ENV === 'weapp' && process.env.TARO_APP_API_MODE !== 'http') {
    const ext = /\.jpe?g$/i.test(filePath) ? 'jpg' : 'png';
    const folder = kind === 'avatar' ? 'avatars' : 'catalog';
    try {
      const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `${folder}/${cloudName}.${ext}`, filePath });
      return { fileId: fileID, url: null };
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
    res = await Taro.uploadFile({ url: `${apiBase()}/api/media/${kind}`, filePath, name: 'file', header });
  } catch (err) {
    throw transportFailure(err);
  }
  let body: unknown;
  try {
    body = JSON.parse(res.data);
  } catch {
    body = undefined;
  }
  const data = unwrap<{ fileId: string; url?: string }>({ status: res.statusCode, body });
  return { fileId: data.fileId, url: data.url ?? null };
}

/** Stores a picked avatar and answers the file id `member.updateProfile` takes. */
export async function uploadAvatar(filePath: string, memberId: string): Promise<string> {
  return (await uploadPicture(filePath, 'avatar', `${memberId}-${Date.now()}`)).fileId;
}
