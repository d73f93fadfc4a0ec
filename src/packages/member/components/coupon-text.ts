// A coupon's words (its kind's title, 满199减30, the ticket's face) come from the server with the
// coupon: the kind's rule writes them, so a new kind needs no client change.
export { untilText } from '../../../utils/until-text';
