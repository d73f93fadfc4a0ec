import type { MessageDelivery, MessagePort, SubscribeMessage } from '../platform';
import type { WxServerSdk } from './sdk';

/** WeChat's answers that no retry can change: no subscription, bad template or data, bad page, bad openid. */
const FINAL_ERRCODES = new Set([40003, 40037, 41030, 43101, 47003]);

/**
 * `cloud.openapi.subscribeMessage.send({ touser, templateId, page, data, miniprogramState })`.
 * The SDK throws on WeChat errors with `errCode`; refusals are returned as final outcomes.
 */
export function createWechatMessages(sdk: WxServerSdk, options: { miniprogramState?: string } = {}): MessagePort {
  return {
    async sendSubscribeMessage(message: SubscribeMessage): Promise<MessageDelivery> {
      const api = sdk.openapi?.subscribeMessage;
      if (!api)
        return { ok: false, errcode: -1, retryable: false, reason: 'openapi.subscribeMessage is not available' };
      let errCode: number;
      let errMsg: string;
      try {
        const res = await api.send({
          touser: message.openid,
          templateId: message.templateId,
          page: message.page,
          data: message.data,
          miniprogramState: options.miniprogramState ?? 'formal',
        });
        errCode = Number(res.errCode ?? res.errcode ?? 0);
        errMsg = String(res.errMsg ?? res.errmsg ?? '');
      } catch (error) {
        const e = error as { errCode?: number; errMsg?: string; message?: string };
        errCode = Number(e.errCode ?? -1);
        errMsg = String(e.errMsg ?? e.message ?? '');
      }
      if (errCode === 0) return { ok: true };
      return { ok: false, errcode: errCode, retryable: !FINAL_ERRCODES.has(errCode), reason: errMsg };
    },
  };
}
