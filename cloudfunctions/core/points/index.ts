/** points's front door: what other contexts and the composition root may use (nothing else is reachable from outside). */
export { earnedForOrder, pointsForYuan, wholeYuan } from './domain/points-rules';
export { creditPoints, holdPoints, releasePoints, spendableBalance, takeBack } from './points-ledger';
export { pointsHistory, runPointsTimer } from './points.service';
export { findEntry, lockMember, tierMultiplier } from './repo/points.repo';
export { runYearlyTierReview } from './tier.service';
