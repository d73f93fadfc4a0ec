/**
 * Where contexts plug into each other's seams. A lower context declares a seam (a hook it runs at a
 * point of its own use case, in the same transaction); the context that reacts registers here, so
 * the lower one never imports the higher. Each context's outbox subscribers register through
 * core/subscribers. Imported by every entry point (the dispatcher, the timers).
 */
import './subscribers';
import { issueNewMemberGifts } from './coupon';
import { onNewMember } from './member';
import { handleRefundCallback } from './payment';
import { plugIntoCheckout } from './order';
import { groupBuyPrice } from './groupbuy';
import { takeGroupBuySeat } from './groupbuy';
import { onOrderPaid } from './payment';
import { openTeamSeatOf } from './groupbuy';
import { attributionColumns, findStaffShopId, pickupShopsById, pickupShopsFor } from './shop';
import { deliverLocalRefundsTo } from './platform/local/local-platform';
import { registerSettingsSection } from './settings';
import { tiersSettingsSection } from './member';
import { referralSettingsSection } from './referral';
import { nudgeSettingsSection } from './nudge';

// A new member's gift (新人礼) is issued in the transaction that creates the member.
onNewMember((tx, m) => issueNewMemberGifts(tx, m.storeId, m.memberId, m.now));

// Local mode's WeChat Pay delivers refund results to the same refundCallback the cloud runs.
deliverLocalRefundsTo(handleRefundCallback);

// Group-buy prices its campaigns at checkout, and holds refunds of a seat in a team still open.
plugIntoCheckout({ groupBuyPrice, openTeamSeat: openTeamSeatOf });
// A paid group-buy order takes its team seat in the payment's transaction.
onOrderPaid(takeGroupBuySeat);
// Shops stamp the member's shop and advisor on each new order.
plugIntoCheckout({ attribution: attributionColumns });
// Shops list where a pickup can be collected, and name the shop on each pickup order.
plugIntoCheckout({ pickupShops: pickupShopsFor, shopsById: pickupShopsById, staffShopId: findStaffShopId });
// Tiers, referral and nudge settings keep their tables; 店铺设置 edits them through the settings seam.
registerSettingsSection(tiersSettingsSection);
registerSettingsSection(referralSettingsSection);
registerSettingsSection(nudgeSettingsSection);
