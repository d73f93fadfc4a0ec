import { randomBytes } from 'node:crypto';
import type { PaymentParams } from '../../contract';
import type { PayPort } from '../platform';
import type { WxServerSdk } from './sdk';

export interface WechatPayConfig {
  /** The merchant (sub-merchant) id bound to the cloud environment. */
  subMchId: string;
  /** The cloud environment id (callbacks are delivered to functions in it). */
  envId: string;
}

const nonce = () => randomBytes(16).toString('hex');

/**
 * WeChat Pay through cloudPay: unifiedOrder with `functionName: 'payCallback'` (WeChat calls that
 * function with the result), refund with `functionName: 'refundCallback'`. totalFee is integer fen.
 */
export function createWechatPay(sdk: WxServerSdk, config: WechatPayConfig): PayPort {
  const cloudPay = () => {
    if (!sdk.cloudPay) throw new Error('wx-server-sdk has no cloudPay: WeChat Pay is not enabled for this environment');
    return sdk.cloudPay;
  };
  return {
    async unifiedOrder(request) {
      const res = await cloudPay().unifiedOrder({
        body: request.body,
        outTradeNo: request.outTradeNo,
        spbillCreateIp: '127.0.0.1',
        subMchId: config.subMchId,
        totalFee: request.totalFee,
        envId: config.envId,
        functionName: 'payCallback',
        nonceStr: nonce(),
        tradeType: 'JSAPI',
      });
      if (res.returnCode !== 'SUCCESS' || res.resultCode !== 'SUCCESS' || !res.payment) {
        throw new Error(`cloudPay.unifiedOrder failed: ${res.errCodeDes ?? res.returnMsg ?? res.errMsg ?? 'unknown'}`);
      }
      const p = res.payment as Record<string, string>;
      return { timeStamp: p.timeStamp!, nonceStr: p.nonceStr!, package: p.package!, signType: p.signType!, paySign: p.paySign! } satisfies PaymentParams;
    },
    async refund(request) {
      try {
        const res = await cloudPay().refund({
          functionName: 'refundCallback',
          envId: config.envId,
          subMchId: config.subMchId,
          nonceStr: nonce(),
          outTradeNo: request.outTradeNo,
          outRefundNo: request.outRefundNo,
          totalFee: request.totalFee,
          refundFee: request.refundFee,
          refundDesc: request.refundDesc,
        });
        if (res.returnCode === 'SUCCESS' && res.resultCode === 'SUCCESS') return { accepted: true };
        // SYSTEMERROR and friends are worth retrying with the same outRefundNo; the rest are final.
        const retryable = ['SYSTEMERROR', 'BIZERR_NEED_RETRY', 'FREQUENCY_LIMITED'].includes(String(res.errCode));
        return { accepted: false, retryable, reason: String(res.errCodeDes ?? res.errCode ?? res.returnMsg ?? 'refund refused') };
      } catch (error) {
        return { accepted: false, retryable: true, reason: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
