import type { TrackingState } from '../../platform/platform';

/** The customer's words for where a parcel is. */
export const TRACKING_STATE_TEXT: Record<TrackingState, string> = {
  collected: '已揽收',
  in_transit: '运输中',
  delivering: '派送中',
  delivered: '已签收',
  problem: '异常件',
  returned: '退回中',
  unknown: '运输中',
};
