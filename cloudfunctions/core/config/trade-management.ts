import type { Env } from './env';

/**
 * 发货信息管理 (WeChat's order shipping management): when a mini program is under it, WeChat holds
 * the merchant's funds for each payment until shipping info is uploaded and the customer confirms
 * receipt in WeChat (or WeChat confirms it automatically). Whether this deployment is under it is a
 * fact of the mini program's account (is_trade_managed), so it is set per deployment:
 * `WX_TRADE_MANAGED=1`. Off by default, as for the demo store.
 */
export interface TradeManagement {
  managed: boolean;
  /** The WeChat Pay merchant id (商户号) payments are made to: cloudPay's, or API v3's when self-hosted. */
  merchantId: string | null;
}

const TRADE_MANAGED_VALUES = ['0', '1'] as const;

export function tradeManagement(env: Env = process.env): TradeManagement {
  return {
    managed: env.WX_TRADE_MANAGED === '1',
    merchantId: env.WX_PAY_SUB_MCH_ID || env.WXPAY_MCHID || null,
  };
}

/** A value other than 0 or 1 is refused at start, so a typo never silently means "not managed". */
export function tradeManagedProblems(env: Env, problems: string[]): void {
  const value = env.WX_TRADE_MANAGED;
  if (value !== undefined && value !== '' && !(TRADE_MANAGED_VALUES as readonly string[]).includes(value)) {
    problems.push(
      `WX_TRADE_MANAGED is "${value}": 1 when the mini program is under 发货信息管理 (mp.weixin.qq.com → 发货信息管理), 0 or unset otherwise`,
    );
  }
}
