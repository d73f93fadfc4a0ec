import { randomBytes } from 'node:crypto';
import type { PaymentParams } from '../../contract';
import type { PayPort, RefundQuery } from '../platform';
import type { WxServerSdk } from './sdk';

export interface WechatPayConfig {
  /** The merchant (sub-merchant) id bound to the cloud environment. */
  subMchId: string;
  /** The cloud environment id (callbacks are delivered to functions in it). */
  envId: string;
}

const nonce = () => randomBytes(16).toString('hex');

/** WeChat Pay v2 refund_status -> ours. CHANGE: the card was closed, money held for manual handling. */
const REFUND_STATUS: Record<string, Extract<RefundQuery, { found: true }>['status']> = {
  SUCCESS: 'SUCCESS',
  PROCESSING: 'PROCESSING',
  REFUNDCLOSE: 'CLOSED',
  CHANGE: 'ABNORMAL',
};

/**
 * One refund out of a `cloudPay.queryRefund` answer. WeChat documents indexed fields
 * (`refund_status_$n`, here camelCased `refundStatus_0`); the cloud SDK has also been seen answering
 * parallel arrays (`outRefundNoList`, `refundStatusList`). Both are read, matched on our outRefundNo.
 */
function refundOf(res: Record<string, any>, outRefundNo: string): RefundQuery {
  const lists = Array.isArray(res.outRefundNoList) ? (res.outRefundNoList as unknown[]).map(String) : [];
  const at = lists.indexOf(outRefundNo);
  const field = (indexed: string, list: string) =>
    at >= 0 && Array.isArray(res[list])
      ? res[list][at]
      : (res[`${indexed}_0`] ?? res[`${indexed.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_0`]);
  const indexedNo = field('outRefundNo', 'outRefundNoList');
  if (at < 0 && indexedNo !== undefined && String(indexedNo) !== outRefundNo) return { found: false };
  const status = REFUND_STATUS[String(field('refundStatus', 'refundStatusList') ?? '')];
  if (!status) throw new Error(`cloudPay.queryRefund answered no status for ${outRefundNo}`);
  const refundId = field('refundId', 'refundIdList');
  return {
    found: true,
    status,
    refundFee: Number(field('refundFee', 'refundFeeList')),
    refundId: refundId ? String(refundId) : null,
  };
}

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
      return {
        timeStamp: p.timeStamp!,
        nonceStr: p.nonceStr!,
        package: p.package!,
        signType: p.signType!,
        paySign: p.paySign!,
      } satisfies PaymentParams;
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
        return {
          accepted: false,
          retryable,
          reason: String(res.errCodeDes ?? res.errCode ?? res.returnMsg ?? 'refund refused'),
        };
      } catch (error) {
        return { accepted: false, retryable: true, reason: error instanceof Error ? error.message : String(error) };
      }
    },
    async queryOrder({ outTradeNo }) {
      const res = await cloudPay().queryOrder({ subMchId: config.subMchId, outTradeNo, nonceStr: nonce() });
      if (res.returnCode === 'SUCCESS' && res.resultCode !== 'SUCCESS' && res.errCode === 'ORDERNOTEXIST')
        return { found: false };
      if (res.returnCode !== 'SUCCESS' || res.resultCode !== 'SUCCESS') {
        throw new Error(
          `cloudPay.queryOrder failed: ${res.errCodeDes ?? res.errCode ?? res.returnMsg ?? res.errMsg ?? 'unknown'}`,
        );
      }
      return {
        found: true,
        tradeState: String(res.tradeState ?? ''),
        outTradeNo: String(res.outTradeNo ?? ''),
        transactionId: String(res.transactionId ?? ''),
        totalFee: Number(res.totalFee),
      };
    },
    async queryRefund({ outRefundNo }) {
      const res = await cloudPay().queryRefund({ subMchId: config.subMchId, outRefundNo, nonceStr: nonce() });
      if (res.returnCode === 'SUCCESS' && res.resultCode !== 'SUCCESS' && res.errCode === 'REFUNDNOTEXIST')
        return { found: false };
      if (res.returnCode !== 'SUCCESS' || res.resultCode !== 'SUCCESS') {
        throw new Error(
          `cloudPay.queryRefund failed: ${res.errCodeDes ?? res.errCode ?? res.returnMsg ?? res.errMsg ?? 'unknown'}`,
        );
      }
      return refundOf(res, outRefundNo);
    },
  };
}
