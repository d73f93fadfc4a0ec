import Taro from '@tarojs/taro';
import { useCheckout } from '../../../stores/checkout';

/** Starts the ordinary checkout for a group-buy seat: one piece of the campaign's SKU at the group price. */
export function startGroupCheckout(campaign: { campaignId: string; skuId: string }, teamId?: string): void {
  useCheckout
    .getState()
    .start(
      [{ skuId: campaign.skuId, qty: 1 }],
      'buy',
      teamId ? { campaignId: campaign.campaignId, teamId } : { campaignId: campaign.campaignId },
    );
  void Taro.navigateTo({ url: '/packages/order/checkout' });
}

export const campaignPath = (campaignId: string) =>
  `/packages/groupbuy/campaign?campaignId=${encodeURIComponent(campaignId)}`;
export const teamPath = (teamId: string) => `/packages/groupbuy/team?teamId=${encodeURIComponent(teamId)}`;
