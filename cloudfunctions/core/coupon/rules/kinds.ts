// Every coupon kind a template may name, one line each: the rule exported under its code. A new
// kind is its rule file and its line here; everything else reads the kinds through ./index.ts.
export { fullReduction as full_reduction } from './full-reduction.coupon-rule';
export { percentOff as percent_off } from './percent-off.coupon-rule';
export { noThreshold as no_threshold } from './no-threshold.coupon-rule';
export { everyFullReduction as every_full_reduction } from './every-full-reduction.coupon-rule';
