import type { Caller } from '../context';
import type { Executor } from '../db/db';
import { DEFAULT_TIERS, findCaller, findTierBenefits, type TierBenefits } from '../member';
import { memberUnitPrice } from '../shared/member-price';
import type { Fen } from '../shared/money';

/** What a caller's tier does to the prices the catalog shows: the same benefits checkout charges by. */
export interface CallerPricing {
  memberId: string | null;
  memberPricePercent: number;
  freeShippingThresholdFen: number;
}

/**
 * The caller's tier benefits. Browsing actions are open to anyone, so the dispatcher does not resolve
 * their member: a signed-in caller is looked up here, and a visitor prices as the entry tier.
 */
export async function callerPricing(exec: Executor, storeId: string, caller: Caller): Promise<CallerPricing> {
  const memberId =
    caller.memberId ?? (caller.openid ? (await findCaller(exec, storeId, caller.openid)).member_id : null);
  const stored = memberId ? ((await findTierBenefits(exec, memberId)) as unknown as TierBenefits | null) : null;
  const benefits = stored ?? DEFAULT_TIERS[0]!.benefits;
  return {
    memberId,
    memberPricePercent: benefits.memberPricePercent,
    freeShippingThresholdFen: benefits.freeShippingThresholdFen,
  };
}

/**
 * The member price a card or line shows (the SKU's own 会员价, else the tier's percentage), or null
 * when the tier gives no member price.
 */
export function memberPriceOrNull(unit: Fen, pricing: CallerPricing, skuMemberPriceFen: number | null): Fen | null {
  return pricing.memberPricePercent < 100 ? memberUnitPrice(unit, pricing.memberPricePercent, skuMemberPriceFen) : null;
}
