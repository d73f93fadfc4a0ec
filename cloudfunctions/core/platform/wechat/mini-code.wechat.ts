import type { MiniCodeImage, MiniCodePort, MiniCodeRequest } from '../platform';
import type { WxServerSdk } from './sdk';

/**
 * `cloud.openapi.wxacode.getUnlimited({ scene, page, width, checkPath, envVersion })`: answers
 * `{ contentType, buffer }`. `checkPath: false` lets a code point at a page not yet released;
 * `envVersion` comes from configuration (release | trial | develop).
 */
export function createWechatMiniCode(sdk: WxServerSdk, options: { envVersion?: string } = {}): MiniCodePort {
  return {
    async getUnlimited(request: MiniCodeRequest): Promise<MiniCodeImage> {
      const api = sdk.openapi?.wxacode;
      if (!api) return { ok: false, reason: 'openapi.wxacode is not available' };
      try {
        const res = await api.getUnlimited({
          scene: request.scene,
          page: request.page,
          width: request.width ?? 430,
          checkPath: false,
          envVersion: options.envVersion ?? 'release',
        });
        const errCode = res.errCode ?? res.errcode ?? 0;
        if (errCode !== 0 || !res.buffer)
          return { ok: false, reason: `getUnlimited errCode ${errCode} ${res.errMsg ?? res.errmsg ?? ''}`.trim() };
        return { ok: true, contentType: String(res.contentType ?? 'image/jpeg'), data: Buffer.from(res.buffer) };
      } catch (error) {
        const e = error as { errCode?: number; errMsg?: string; message?: string };
        return { ok: false, reason: `getUnlimited failed: ${e.errCode ?? ''} ${e.errMsg ?? e.message ?? ''}`.trim() };
      }
    },
  };
}
