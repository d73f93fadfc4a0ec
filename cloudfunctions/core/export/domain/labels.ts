/** The words a report uses for the codes stored in rows. */
export const ORDER_STATUS_LABEL: Record<string, string> = {
  pending_payment: '待付款',
  paid: '待发货',
  grouping: '拼团中',
  shipped: '已发货',
  ready_for_pickup: '待自提',
  completed: '已完成',
  settled: '已结算',
  cancelled: '已取消',
  refunding: '退款中',
  refunded: '已退款',
};

export const REFUND_STATUS_LABEL: Record<string, string> = {
  requested: '待审核',
  approved: '已同意',
  rejected: '已拒绝',
  processing: '退款中',
  succeeded: '已退款',
  failed: '退款失败',
  cancelled: '已撤销',
};

export const POINTS_REASON_LABEL: Record<string, string> = {
  earn: '消费获得',
  award: '门店补录',
  spend: '下单抵扣',
  spend_return: '抵扣退回',
  expire: '过期',
  refund_reversal: '退款扣回',
  referral: '邀请奖励',
};

export const label = (table: Record<string, string>, code: string) => table[code] ?? code;
