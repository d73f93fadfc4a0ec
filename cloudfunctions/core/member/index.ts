/** member's front door: what other contexts and the composition root may use (nothing else is reachable from outside). */
export {
  ADDRESS_BOOK_LIMIT,
  addressForOrder,
  defaultShipProvince,
  deleteMemberAddress,
  listAddressBook,
  listRegions,
  saveAddress,
  setDefaultAddress,
} from './address-book.service';
export { INVITE_ALPHABET, isInviteCode } from './domain/invite-code';
export { REGIONS } from './domain/regions';
export { MEMBER_CODE_STEP_SECONDS, memberCodeSecret } from './domain/member-code';
export { DEFAULT_TIERS, tierForGrowth, type TierBenefits } from './domain/tiers';
export { consumeMemberCode, getMemberCode, readCounterMemberCode } from './member-code.service';
export { ackCelebration, bindPhone, getBenefits, updateProfile } from './member-profile.service';
export { ensureMember, getMyProfile } from './member.service';
export { onNewMember } from './new-member-hooks';
export { findCaller, findTierBenefits, findTiers, memberIdByOpenid } from './repo/member.repo';
export { clearSubscription, returnSubscribeQuota, spendSubscribeQuota } from './repo/subscribe-quota.repo';
export { grantSubscriptions } from './subscriptions.service';
export { tiersSettingsSection } from './tiers-settings-section';
