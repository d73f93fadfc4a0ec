/** referral's front door: what other contexts and the composition root may use (nothing else is reachable from outside). */
export { attributeInvite } from './attribute.service';
export { FRIEND_GIFT_TEMPLATE_ID } from './domain/referral-settings';
export { myInviteCard, myInvites } from './invites.service';
export { referralSettingsSection } from './settings-section';
