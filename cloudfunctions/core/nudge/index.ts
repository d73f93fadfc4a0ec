/** nudge's front door: what other contexts and the composition root may use (nothing else is reachable from outside). */
export { grantLongTermSubscriptions } from './consent.service';
export { clip } from './domain/message';
export { listNudgeMessages } from './messages.service';
export { runNudgeTimer } from './nudge-run.service';
export { CONVERSION_DAYS, converted } from './repo/conversion';
export { nudgeTriggers } from './triggers/registry';
export { PURCHASED } from './triggers/trigger';
export { default as repurchaseDue } from './triggers/repurchase-due.trigger';
export { nudgeSettingsSection } from './settings-section';
