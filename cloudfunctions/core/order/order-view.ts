import type { GroupBuyOrderInfo, OrderLine, OrderView, PickupShop, RefundView, WechatReceiptParams } from '../contract';
import { tradeManagement, type TradeManagement } from '../config/trade-management';
import { fen, points } from '../shared/money';
import { customerActions, refundTypesFor } from './domain/order-rules';
import { OPEN_REFUND_STATUSES } from './domain/refund-state-machine';
import type { Database } from '../db/schema';
import type { Selectable } from 'kysely';

type OrderRecord = Selectable<Database['orders']>;
type LineRecord = Selectable<Database['order_lines']>;
type RefundRecord = Selectable<Database['refunds']>;

function toLineView(l: LineRecord): OrderLine {
  return {
    lineId: l.id,
    skuId: l.sku_id,
    productId: l.product_id,
    title: l.title,
    image: l.image,
    specsText: l.specs_text,
    qty: l.qty,
    unitPriceFen: fen(l.unit_price_fen),
    memberPriceFen: fen(l.member_price_fen),
    couponShareFen: fen(l.coupon_share_fen),
    pointsShareFen: fen(l.points_share_fen),
    payableFen: fen(l.payable_fen),
    refunded: l.refund_id !== null,
  };
}

/** Statuses in which a 退货退款 customer is told where to send the goods: the store said yes. */
const RETURN_AGREED: readonly RefundRecord['status'][] = ['approved', 'processing', 'succeeded', 'failed'];

/** Whether a refund's view shows the return address (views ask the store for it only then). */
export function showsReturnAddress(r: Pick<RefundRecord, 'refund_type' | 'status'>): boolean {
  return r.refund_type === 'return_refund' && RETURN_AGREED.includes(r.status);
}

function toRefundView(r: RefundRecord, returnAddress: string): RefundView {
  return {
    refundId: r.id,
    status: r.status,
    refundType: r.refund_type,
    returnAddress: showsReturnAddress(r) ? returnAddress || null : null,
    amountFen: fen(r.amount_fen),
    reason: r.reason,
    lineIds: r.line_ids,
    wholeOrder: r.whole_order,
    rejectReason: r.reject_reason,
    createdAt: r.created_at.toISOString(),
  };
}

/** the order's group-buy record as the view shows it; `pending` until the payment takes a seat. */
function groupBuyInfo(raw: unknown): GroupBuyOrderInfo | null {
  if (!raw || typeof raw !== 'object') return null;
  const g = raw as Partial<GroupBuyOrderInfo>;
  return { campaignId: String(g.campaignId), teamId: g.teamId ?? null, teamStatus: g.teamStatus ?? 'pending' };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The confirm-receipt component's `extraData` for a shipped order paid under 发货信息管理: the
 * transaction id, plus the merchant id and our order number (the out_trade_no WeChat Pay knows) when
 * the merchant id is configured, as WeChat's own sample passes all three.
 */
function wechatReceiptParams(
  o: Pick<OrderRecord, 'status' | 'transaction_id' | 'order_no'>,
  trade: TradeManagement,
): WechatReceiptParams | null {
  if (!trade.managed || o.status !== 'shipped' || !o.transaction_id) return null;
  return {
    transaction_id: o.transaction_id,
    ...(trade.merchantId ? { merchant_id: trade.merchantId, merchant_trade_no: o.order_no } : {}),
  };
}

/** The customer's (and manager's) view of an order; `actions` says what the customer may do now. */
export function toOrderView(
  o: OrderRecord,
  lines: LineRecord[],
  refunds: RefundRecord[],
  now: Date,
  {
    trade = tradeManagement(),
    shops = new Map(),
    returnAddress = '',
  }: {
    trade?: TradeManagement;
    /** Pickup stores by id, for the orders that name one. */
    shops?: ReadonlyMap<string, PickupShop>;
    /** The store's return address, shown on a 退货退款 refund once approved. */
    returnAddress?: string;
  } = {},
): OrderView {
  const own = refunds.filter((r) => r.order_id === o.id);
  const hasOpenRefund = own.some((r) => OPEN_REFUND_STATUSES.includes(r.status));
  const actions = customerActions(
    {
      status: o.status,
      expiresAt: o.expires_at,
      completedAt: o.completed_at,
      hasOpenRefund,
      refundWindowDays: o.refund_window_days,
    },
    now,
  );
  return {
    orderId: o.id,
    orderNo: o.order_no,
    status: o.status,
    lines: lines.filter((l) => l.order_id === o.id).map(toLineView),
    delivery: { type: o.delivery_type, address: o.address },
    pickupShop: (o.pickup_shop_id && shops.get(o.pickup_shop_id)) || null,
    remark: o.remark,
    pickupCode: o.pickup_code,
    shipping: o.carrier && o.tracking_no ? { carrier: o.carrier, trackingNo: o.tracking_no } : null,
    expiresAt: o.status === 'pending_payment' ? o.expires_at.toISOString() : null,
    createdAt: o.created_at.toISOString(),
    paidAt: iso(o.paid_at),
    shippedAt: iso(o.shipped_at),
    completedAt: iso(o.completed_at),
    refunds: own.map((r) => toRefundView(r, returnAddress)),
    subtotalFen: fen(o.subtotal_fen),
    memberDiscountFen: fen(o.member_discount_fen),
    couponDiscountFen: fen(o.coupon_discount_fen),
    pointsDiscountFen: fen(o.points_discount_fen),
    shippingFen: fen(o.shipping_fen),
    discountFen: fen(o.member_discount_fen + o.coupon_discount_fen + o.points_discount_fen),
    pointsUsed: points(o.points_used),
    payableFen: fen(o.payable_fen),
    groupBuy: groupBuyInfo(o.group_buy),
    wechatReceipt: wechatReceiptParams(o, trade),
    actions,
    refundTypes: actions.requestRefund ? refundTypesFor(o.status) : [],
  };
}
