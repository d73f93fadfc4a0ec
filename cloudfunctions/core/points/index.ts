/** points' front door: what other contexts may use. */
export { creditPoints, holdPoints, releasePoints, spendableBalance, takeBack } from './points-ledger';
