import { randomUUID } from 'node:crypto';
import type { WxServerSdk } from '../../cloudfunctions/core/platform/wechat/sdk';

/** What WeChat Pay has on its books for one refund (cloudPay answers queryRefund from here). */
export interface BookedRefund {
  outTradeNo: string;
  refundFee: number;
  status: 'PROCESSING' | 'SUCCESS' | 'REFUNDCLOSE' | 'CHANGE';
}

/**
 * WeChat Cloud at wx-server-sdk's boundary, for attack and race tests: `getWXContext()` answers what
 * the test says invoked the function (a client, WeChat Pay, a timer trigger), and cloudPay keeps books
 * of real payments and refunds, answering `queryOrder` / `queryRefund` from them as WeChat would.
 * Nothing outside these books (an event a client wrote) is known to this WeChat.
 */
export function fakeWechat() {
  const payments = new Map<string, { transactionId: string; totalFee: number }>();
  const refunds = new Map<string, BookedRefund>();
  const refundRequests: Array<Record<string, unknown>> = [];
  /** What the next refund request is answered: accepted (booked PROCESSING), or refused outright. */
  let refundAnswer: 'accept' | { refuse: string } = 'accept';

  const sdk = (context: { SOURCE?: string; OPENID?: string }): WxServerSdk => ({
    DYNAMIC_CURRENT_ENV: 'env',
    init: () => undefined,
    getWXContext: () => ({ ...context, APPID: 'wx0000000000000000', ENV: 'prod-1' }),
    cloudPay: {
      unifiedOrder: async () => ({
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        payment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'MD5', paySign: 's' },
      }),
      refund: async (params) => {
        refundRequests.push(params);
        if (refundAnswer !== 'accept')
          return { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'ERROR', errCodeDes: refundAnswer.refuse };
        const outRefundNo = String(params.outRefundNo);
        if (!refunds.has(outRefundNo))
          refunds.set(outRefundNo, {
            outTradeNo: String(params.outTradeNo),
            refundFee: Number(params.refundFee),
            status: 'PROCESSING',
          });
        return { returnCode: 'SUCCESS', resultCode: 'SUCCESS' };
      },
      queryOrder: async (params) => {
        const booked = payments.get(String(params.outTradeNo));
        if (!booked) return { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'ORDERNOTEXIST' };
        return {
          returnCode: 'SUCCESS',
          resultCode: 'SUCCESS',
          tradeState: 'SUCCESS',
          outTradeNo: params.outTradeNo,
          ...booked,
        };
      },
      queryRefund: async (params) => {
        const booked = refunds.get(String(params.outRefundNo));
        if (!booked) return { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'REFUNDNOTEXIST' };
        return {
          returnCode: 'SUCCESS',
          resultCode: 'SUCCESS',
          outRefundNo_0: params.outRefundNo,
          refundStatus_0: booked.status,
          refundFee_0: booked.refundFee,
          refundId_0: `5${params.outRefundNo}`,
        };
      },
    },
  });

  return {
    sdk,
    /** A customer's mini program calling a function (`wx.cloud.callFunction`). */
    client: (openid: string) => sdk({ SOURCE: 'wx_client', OPENID: openid }),
    /** WeChat Pay delivering its callback. */
    payCallback: () => sdk({ SOURCE: 'wx_paycallback' }),
    /** A function's timer trigger. */
    trigger: () => sdk({ SOURCE: 'wx_trigger' }),
    /** The customer really pays: WeChat books the transaction and hands back its callback event. */
    pays(order: { orderNo: string; payableFen: number }) {
      const transactionId = `42000${randomUUID().replace(/-/g, '').slice(0, 20)}`;
      payments.set(order.orderNo, { transactionId, totalFee: order.payableFen });
      return {
        returnCode: 'SUCCESS',
        resultCode: 'SUCCESS',
        outTradeNo: order.orderNo,
        transactionId,
        totalFee: order.payableFen,
        timeEnd: '20260302100100',
      };
    },
    /** WeChat decides a refund (its books change; the callback, if any, is the test's to deliver). */
    decideRefund(outRefundNo: string, status: BookedRefund['status']) {
      const booked = refunds.get(outRefundNo);
      if (!booked) throw new Error(`WeChat has no refund ${outRefundNo}`);
      booked.status = status;
    },
    /** The refund callback event WeChat sends for a refund on its books. */
    refundEvent(outRefundNo: string, refundStatus: BookedRefund['status']) {
      const booked = refunds.get(outRefundNo);
      return {
        returnCode: 'SUCCESS',
        refundStatus,
        outTradeNo: booked?.outTradeNo,
        outRefundNo,
        refundId: `5${outRefundNo}`,
        refundFee: booked?.refundFee ?? 1,
      };
    },
    refuseRefunds(reason: string | null) {
      refundAnswer = reason === null ? 'accept' : { refuse: reason };
    },
    refunds,
    refundRequests,
  };
}

/** The event an SCF timer trigger delivers (Tencent's documented shape). */
export function timerEvent(functionName: string, at = new Date()) {
  return { Type: 'Timer', TriggerName: `${functionName}Trigger`, Time: at.toISOString(), Message: '' };
}
