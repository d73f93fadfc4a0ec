import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CONFIRM_COMPONENT_APPID,
  confirmReceiptInWechat,
  receiptResultOf,
} from '../../src/packages/order/wechat-receipt';

type ShowListener = (options: { referrerInfo?: { appId?: string; extraData?: unknown } }) => void;
type BusinessViewOption = {
  businessType: string;
  extraData: unknown;
  success?: (res: Record<string, unknown>) => void;
  fail?: (res: { errMsg?: string }) => void;
};

/** Taro as WeChat provides it, recorded: the component opened, and the app-show listeners. */
const taro = vi.hoisted(() => ({
  opened: [] as BusinessViewOption[],
  listeners: new Set<ShowListener>(),
  openBusinessView: undefined as ((option: BusinessViewOption) => void) | undefined,
  onAppShow(fn: ShowListener) {
    taro.listeners.add(fn);
  },
  offAppShow(fn: ShowListener) {
    taro.listeners.delete(fn);
  },
}));
// vi.mock is hoisted above the imports: the module under test gets this Taro.
vi.mock('@tarojs/taro', () => ({ default: taro }));

const params = { transaction_id: '4200001234', merchant_id: '1900000109', merchant_trade_no: 'NO1' };
const showApp = (referrerInfo: { appId?: string; extraData?: unknown }) =>
  [...taro.listeners].forEach((fn) => fn({ referrerInfo }));

beforeEach(() => {
  taro.opened = [];
  taro.listeners.clear();
  taro.openBusinessView = (option) => void taro.opened.push(option);
});

describe('confirm receipt in WeChat, on the client', () => {
  it('opens weappOrderConfirm with the order’s extraData and takes the answer from the app’s next show', async () => {
    const pending = confirmReceiptInWechat(params);
    expect(taro.opened.map((o) => [o.businessType, o.extraData])).toEqual([['weappOrderConfirm', params]]);
    taro.opened[0]!.success?.({ errMsg: 'openBusinessView:ok' });
    showApp({ appId: CONFIRM_COMPONENT_APPID, extraData: { status: 'success', req_extradata: params } });
    expect(await pending).toEqual({ status: 'success' });
    expect(taro.listeners.size).toBe(0);
  });

  it('takes the answer from the success callback when it carries one, once', async () => {
    const pending = confirmReceiptInWechat(params);
    taro.opened[0]!.success?.({ extraData: { status: 'fail', errormsg: '获取用户订单失败' } });
    showApp({ appId: CONFIRM_COMPONENT_APPID, extraData: { status: 'success' } });
    expect(await pending).toEqual({ status: 'fail', errorMessage: '获取用户订单失败' });
  });

  it('a show from elsewhere, or without an answer, is no answer; a component that cannot open is a fail', async () => {
    const elsewhere = confirmReceiptInWechat(params);
    showApp({ appId: 'wx0000000000000000', extraData: { status: 'success' } });
    expect(await elsewhere).toBeNull();

    const refused = confirmReceiptInWechat(params);
    taro.opened[1]!.fail?.({ errMsg: 'openBusinessView:fail cancel' });
    expect(await refused).toEqual({ status: 'cancel', errorMessage: 'openBusinessView:fail cancel' });

    taro.openBusinessView = undefined;
    expect(await confirmReceiptInWechat(params)).toMatchObject({ status: 'fail' });
  });

  it('reads only the documented statuses', () => {
    expect(receiptResultOf({ status: 'cancel' })).toEqual({ status: 'cancel' });
    expect(receiptResultOf({ status: 'done' })).toBeNull();
    expect(receiptResultOf(undefined)).toBeNull();
  });
});
