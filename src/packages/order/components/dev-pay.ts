import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { ApiError } from '../../../api';
import { useSession } from '../../../stores/session';

dayjs.extend(utc);

function randomDigits(n: number): string {
  let s = '';
  while (s.length < n) s += Math.floor(Math.random() * 10);
  return s;
}

/**
 * Local mode only: delivers the event WeChat Pay's cloud callback would, to the gateway's dev route,
 * which runs the real payCallback. Shanghai has no DST, so UTC+8 is Asia/Shanghai.
 */
export async function simulatePayment(outTradeNo: string, totalFee: number): Promise<void> {
  const event = {
    returnCode: 'SUCCESS',
    resultCode: 'SUCCESS',
    outTradeNo,
    transactionId: `DEV${randomDigits(28)}`,
    totalFee,
    timeEnd: dayjs().utcOffset(8 * 60).format('YYYYMMDDHHmmss'),
    appid: 'wxdev',
    mchId: 'dev',
    openid: useSession.getState().openid,
    tradeType: 'JSAPI',
    feeType: 'CNY',
    cashFee: totalFee,
  };
  let body: { errcode?: number; errmsg?: string; ok?: boolean; error?: { code: string; message: string } };
  try {
    const res = await fetch('/api/dev/pay-callback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Dev-Openid': useSession.getState().openid },
      body: JSON.stringify(event),
    });
    body = await res.json();
  } catch (err) {
    throw new ApiError('NETWORK_ERROR', err instanceof Error ? err.message : String(err));
  }
  if (body.errcode === 0) return;
  if (body.ok === false && body.error) throw new ApiError(body.error.code as ApiError['code'], body.error.message);
  throw new ApiError('INTERNAL', body.errmsg ?? '支付回调失败');
}
