import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { transportError, unwrap } from '../../../api';
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
    timeEnd: dayjs()
      .utcOffset(8 * 60)
      .format('YYYYMMDDHHmmss'),
    appid: 'wxdev',
    mchId: 'dev',
    openid: useSession.getState().openid,
    tradeType: 'JSAPI',
    feeType: 'CNY',
    cashFee: totalFee,
  };
  let body: { errcode?: number; errmsg?: string; ok?: boolean };
  try {
    const res = await fetch('/api/dev/pay-callback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Dev-Openid': useSession.getState().openid },
      body: JSON.stringify(event),
    });
    body = await res.json();
  } catch (err) {
    throw transportError('NETWORK_ERROR', err);
  }
  if (body.errcode === 0) return;
  // The gateway refused (an envelope, thrown with the server's message), or the callback did ({ errcode, errmsg }).
  if (typeof body.ok === 'boolean') unwrap({ body });
  throw transportError('BAD_RESPONSE', body.errmsg);
}
