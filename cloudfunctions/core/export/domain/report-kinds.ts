import type { ExportKind } from '../../contract';
import type { ReportRow } from '../repo/report.repo';
import type { Column } from './cells';
import { label, ORDER_STATUS_LABEL, POINTS_REASON_LABEL, REFUND_STATUS_LABEL } from './labels';

export type { ReportRow };

/** A report: its sheet title and its columns, in order. Its rows come from `reportPage(kind)` in the repo. */
export interface ReportKind {
  title: string;
  columns: Column<ReportRow>[];
}

const col = (header: string, kind: Column<ReportRow>['kind'], field: string, width = 14): Column<ReportRow> => ({
  header,
  kind,
  width,
  value: (r) => (r[field] ?? null) as string | number | Date | null,
});
const coded = (header: string, field: string, table: Record<string, string>): Column<ReportRow> => ({
  header,
  kind: 'text',
  width: 10,
  value: (r) => label(table, String(r[field])),
});

/** The reports an accountant reconciles with: money in yuan, times in Shanghai, codes in words. */
export const REPORT_KINDS: Record<ExportKind, ReportKind> = {
  orders: {
    title: '订单',
    columns: [
      col('订单号', 'text', 'order_no', 24),
      col('下单时间', 'time', 'created_at', 20),
      coded('状态', 'status', ORDER_STATUS_LABEL),
      coded('配送方式', 'delivery_type', { express: '快递', pickup: '自提' }),
      col('会员卡号', 'text', 'card_no', 12),
      col('会员昵称', 'text', 'nickname'),
      col('手机号', 'text', 'phone'),
      col('商品金额', 'fen', 'subtotal_fen'),
      col('会员优惠', 'fen', 'member_discount_fen'),
      col('优惠券', 'fen', 'coupon_discount_fen'),
      col('积分抵扣', 'fen', 'points_discount_fen'),
      col('运费', 'fen', 'shipping_fen'),
      col('实付金额', 'fen', 'payable_fen'),
      col('支付时间', 'time', 'paid_at', 20),
      col('微信支付单号', 'text', 'transaction_id', 32),
      col('快递公司', 'text', 'carrier'),
      col('运单号', 'text', 'tracking_no', 20),
      col('发货时间', 'time', 'shipped_at', 20),
      col('完成时间', 'time', 'completed_at', 20),
    ],
  },
  refunds: {
    title: '退款',
    columns: [
      col('退款单号', 'text', 'out_refund_no', 28),
      col('订单号', 'text', 'order_no', 24),
      col('申请时间', 'time', 'created_at', 20),
      coded('类型', 'kind', { order: '订单退款', payment_return: '重复支付退回' }),
      coded('退款方式', 'refund_type', { refund_only: '仅退款', return_refund: '退货退款' }),
      coded('发起方', 'initiated_by', { customer: '顾客', manager: '店长', system: '系统' }),
      coded('状态', 'status', REFUND_STATUS_LABEL),
      col('退款金额', 'fen', 'amount_fen'),
      col('原因', 'text', 'reason', 24),
      col('微信支付单号', 'text', 'transaction_id', 32),
      col('微信退款单号', 'text', 'wx_refund_id', 32),
      col('完成时间', 'time', 'completed_at', 20),
    ],
  },
  payments: {
    title: '支付',
    columns: [
      col('微信支付单号', 'text', 'transaction_id', 32),
      col('订单号', 'text', 'order_no', 24),
      col('支付时间', 'time', 'paid_at', 20),
      col('支付金额', 'fen', 'amount_fen'),
      coded('订单状态', 'status', ORDER_STATUS_LABEL),
    ],
  },
  members: {
    title: '会员',
    columns: [
      col('会员卡号', 'text', 'card_no', 12),
      col('昵称', 'text', 'nickname'),
      col('手机号', 'text', 'phone'),
      col('等级', 'text', 'tier_code', 10),
      col('积分余额', 'int', 'points_balance'),
      col('成长值', 'int', 'growth'),
      col('注册时间', 'time', 'created_at', 20),
    ],
  },
  points: {
    title: '积分流水',
    columns: [
      col('时间', 'time', 'created_at', 20),
      col('会员卡号', 'text', 'card_no', 12),
      col('昵称', 'text', 'nickname'),
      col('积分变动', 'int', 'delta'),
      coded('原因', 'reason', POINTS_REASON_LABEL),
      col('订单号', 'text', 'order_no', 24),
    ],
  },
};
