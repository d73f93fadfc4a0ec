import Taro from '@tarojs/taro';
import type { WechatReceiptParams } from '../../../cloudfunctions/core/contract';

/** The AppID WeChat's confirm-receipt component returns from (`referrerInfo.appId`), as WeChat documents it. */
export const CONFIRM_COMPONENT_APPID = 'wx1183b055aeec94d1';

export interface WechatReceiptResult {
  status: 'success' | 'fail' | 'cancel';
  errorMessage?: string;
}

const STATUSES = new Set(['success', 'fail', 'cancel']);

/** The component's answer (`{ status, errormsg, req_extradata }`), or null when `extraData` carries none. */
export function receiptResultOf(extraData: unknown): WechatReceiptResult | null {
  if (!extraData || typeof extraData !== 'object') return null;
  const { status, errormsg } = extraData as { status?: unknown; errormsg?: unknown };
  if (typeof status !== 'string' || !STATUSES.has(status)) return null;
  const errorMessage = typeof errormsg === 'string' && errormsg.trim() ? errormsg.trim().slice(0, 200) : undefined;
  return { status: status as WechatReceiptResult['status'], ...(errorMessage ? { errorMessage } : {}) };
}

/**
 * Opens WeChat's confirm-receipt component (`wx.openBusinessView`, businessType `weappOrderConfirm`)
 * and resolves with what it answered. WeChat documents the answer as arriving when the component
 * returns to the mini program (`App.onShow`'s `referrerInfo.extraData`, from the component's AppID);
 * the success callback may carry the same `extraData`, so whichever comes first is taken, once.
 * Resolves null when the mini program shows again without an answer (nothing is known: the caller
 * reloads the order). A component that cannot open at all (an old WeChat) is a `fail`.
 */
export function confirmReceiptInWechat(params: WechatReceiptParams): Promise<WechatReceiptResult | null> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: WechatReceiptResult | null) => {
      if (settled) return;
      settled = true;
      Taro.offAppShow(onShow);
      resolve(result);
    };
    const onShow = (options: { referrerInfo?: { appId?: string; extraData?: unknown } }) => {
      const from = options?.referrerInfo;
      settle(from?.appId === CONFIRM_COMPONENT_APPID ? receiptResultOf(from.extraData) : null);
    };
    if (typeof Taro.openBusinessView !== 'function') {
      settle({ status: 'fail', errorMessage: '微信版本过低，请升级后再确认收货' });
      return;
    }
    Taro.onAppShow(onShow);
    Taro.openBusinessView({
      businessType: 'weappOrderConfirm',
      // Taro types extraData for WeChat Pay score only; this component takes the payment's keys.
      extraData: params as never,
      success: (res) => {
        const result = receiptResultOf((res as { extraData?: unknown }).extraData);
        if (result) settle(result);
      },
      fail: (res) =>
        settle({
          status: /cancel/i.test(res.errMsg ?? '') ? 'cancel' : 'fail',
          errorMessage: res.errMsg?.slice(0, 200),
        }),
    });
  });
}
