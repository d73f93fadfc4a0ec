import Taro from '@tarojs/taro';
import { call, newIdempotencyKey } from '../../../api';

/**
 * weapp: right after the 到货提醒 tap (WeChat allows the request only then), asks the member to accept
 * the restock template and reports an acceptance, which the notice spends. Declining changes nothing:
 * the request is kept and the product page still says so.
 */
export async function askRestockMessage(templateId: string | null): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || !templateId) return;
  try {
    const res = (await Taro.requestSubscribeMessage({
      tmplIds: [templateId],
    } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    if (res[templateId] === 'accept') {
      await call('member.grantSubscriptions', { accepted: [templateId] }, { idempotencyKey: newIdempotencyKey() });
    }
  } catch {
    // A refusal or a failed report leaves the request in place; there is nothing to tell the member.
  }
}
