/** groupbuy's front door: what other contexts and the composition root may use (nothing else is reachable from outside). */
export { createCampaign, listManagerCampaigns, stopCampaign } from './campaign-admin.service';
export { runGroupbuyTimer } from './expiry.service';
export { groupBuyPrice } from './groupbuy-price';
export { getCampaign, getTeam, listCampaigns } from './groupbuy.service';
export { openTeamSeatOf } from './repo/groupbuy.repo';
export { takeGroupBuySeat } from './take-seat';
