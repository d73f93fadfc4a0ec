/** Orders: checkout, payment, the customer's orders and after-sales. */
import { z } from 'zod';
import type { Fen, Points } from '../shared/money';
import type { OrderStatus, RefundStatus } from './statuses';
import type { ShopCard } from './shop.contract';
import { action, address, id, orderId, pricingInput } from './action';

// Declared with the state machines that move them (pure files, safe for the contract to import).
export type { OrderStatus, RefundStatus } from './statuses';

/** The order list's tabs: 待付款 待发货 待收货 已完成 退款/售后. */
export type OrderTab = 'pending_payment' | 'to_ship' | 'to_receive' | 'done' | 'after_sale';

export type DeliveryType = 'express' | 'pickup';

export interface Address {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  detail: string;
}

/** Every amount the server computed for a cart or an order. payableFen >= 1 (¥0.01) always. */
export interface OrderAmounts {
  /** List price x qty, summed. */
  subtotalFen: Fen;
  memberDiscountFen: Fen;
  couponDiscountFen: Fen;
  pointsDiscountFen: Fen;
  shippingFen: Fen;
  /** All discounts together (member + coupon + points). */
  discountFen: Fen;
  pointsUsed: Points;
  payableFen: Fen;
}

export interface OrderLine {
  lineId: string;
  skuId: string;
  productId: string;
  title: string;
  image: string;
  specsText: string;
  qty: number;
  unitPriceFen: Fen;
  /** Unit price after the member discount (and group-buy price). */
  memberPriceFen: Fen;
  /** This line's share of the coupon and points discounts (largest remainder: shares sum to the whole). */
  couponShareFen: Fen;
  pointsShareFen: Fen;
  /** What the customer pays for this line. Lines sum to payable minus shipping. */
  payableFen: Fen;
  refunded: boolean;
}

/** A shop a pickup order can be collected at: the shop card without its poster code. */
export type PickupShop = Omit<ShopCard, 'code'>;

/** A pickup shop as checkout lists it: the member's own shop first, or the nearest first when located. */
export interface PickupShopChoice extends PickupShop {
  /** The shop serving the member (their advisor's or the pool they joined). */
  mine: boolean;
  /** Metres from the location checkout sent; null without one. */
  distanceM: number | null;
}

/** The 积分抵扣 switch: what the member holds, what this order could take, and its value. */
export interface QuotePoints {
  balance: Points;
  /**
   * The points the whole balance would spend here: as many as fit the store's cap (a share of the
   * goods after coupon), rounded to whole fen at the rate (the fewest points worth `valueFen`).
   */
  usable: Points;
  valueFen: Fen;
  /** The store's redeem rate in force: points that pay ¥1. */
  pointsPerYuan: number;
}

export interface OrderQuote extends OrderAmounts {
  lines: OrderLine[];
  deliveryType: DeliveryType;
  /** Delivery types every line allows. */
  deliveryOptions: DeliveryType[];
  /** Express is free at or above this payable amount for the member's tier. */
  freeShippingThresholdFen: Fen;
  /** The coupon this quote applied: the one asked for, else the best usable one (null: none, or 不使用). */
  couponId: string | null;
  /** How many of the member's live coupons fit this cart. */
  usableCouponCount: number;
  points: QuotePoints;
  /** Points this order is expected to earn when it settles (paid yuan x the tier multiplier). */
  pointsToEarn: Points;
  /** Shops to collect at, in the order to offer them; empty when pickup is not an option. */
  pickupShops: PickupShopChoice[];
  /**
   * Express to the quoted address cannot carry these lines (a freight template does not deliver to its
   * province): `order.create` would be ADDRESS_UNDELIVERABLE with this message. No shipping fee can
   * apply, so `shippingFen` is 0 and `payableFen` holds the goods only (the page shows 运费 as 无法配送).
   */
  undeliverable: { message: string; skuIds: string[] } | null;
}

/** 仅退款 (the money only) or 退货退款 (the goods go back, then the money). */
export type RefundType = 'refund_only' | 'return_refund';

export interface RefundView {
  refundId: string;
  status: RefundStatus;
  refundType: RefundType;
  /**
   * 退货退款 once the store agreed: where the goods go back (the store's return address; null when the
   * store has not set one). Null for 仅退款 and before approval.
   */
  returnAddress: string | null;
  amountFen: Fen;
  reason: string;
  lineIds: string[];
  /** True when the refund covers every line that was not yet refunded. */
  wholeOrder: boolean;
  rejectReason: string | null;
  createdAt: string;
}

/** One step of a parcel's journey, newest first; `at` is ISO-8601. */
export interface TrackingStep {
  at: string;
  text: string;
  place: string | null;
}

/** 物流跟踪: `available` false when the carrier has nothing yet (or no provider is configured). */
export interface TrackingView {
  orderId: string;
  carrier: string;
  trackingNo: string;
  available: boolean;
  state: 'in_transit' | 'collected' | 'delivering' | 'delivered' | 'problem' | 'returned' | 'unknown' | null;
  stateText: string;
  steps: TrackingStep[];
  fetchedAt: string | null;
}

/**
 * A refund in the manager's 售后审核 queue. `payment_return`: money that arrived for an order already
 * closed, given back in full (no goods involved).
 */
export interface OrderView extends OrderAmounts {
  orderId: string;
  orderNo: string;
  status: OrderStatus;
  lines: OrderLine[];
  delivery: { type: DeliveryType; address: Address | null };
  /** Where a pickup order is collected (null for express). */
  pickupShop: PickupShop | null;
  /** The customer's 订单备注 ('' when none). */
  remark: string;
  /** Shown to staff at the counter once the order is ready for pickup. */
  pickupCode: string | null;
  shipping: { carrier: string; trackingNo: string } | null;
  /** Unpaid orders: when they expire (ISO-8601). */
  expiresAt: string | null;
  createdAt: string;
  paidAt: string | null;
  shippedAt: string | null;
  completedAt: string | null;
  refunds: RefundView[];
  /** What the customer may do now; the server decides. */
  actions: { pay: boolean; cancel: boolean; confirmReceipt: boolean; requestRefund: boolean; storeRefund: boolean };
  /** The kinds of after-sale request the customer may open now (empty when `requestRefund` is false). */
  refundTypes: RefundType[];
  /** For manager lists. */
  memberNickname?: string;
  /** the group-buy team this order sits in, and how it went (null for ordinary orders). */
  groupBuy: GroupBuyOrderInfo | null;
  /**
   * Set when receipt must be confirmed in WeChat (the payment is under 发货信息管理 and the order is
   * shipped): the `extraData` of `wx.openBusinessView({ businessType: 'weappOrderConfirm' })`.
   */
  wechatReceipt: WechatReceiptParams | null;
}

/** WeChat's confirm-receipt component names the payment by transaction id, or merchant id + our order number. */
export interface WechatReceiptParams {
  transaction_id: string;
  merchant_id?: string;
  merchant_trade_no?: string;
}

/**
 * What became of a report from WeChat's confirm-receipt component: `completed` (WeChat confirmed,
 * the order is completed), `recorded` (cancelled or failed in WeChat: nothing changed),
 * `unverified` (the component said success but WeChat's order query did not confirm it yet: kept as
 * a claim, the order unchanged).
 */
export type WechatReceiptOutcome = 'completed' | 'recorded' | 'unverified';

/** `refused` = the payment found no seat (team full, sold out, limit) and was refunded. */
export interface GroupBuyOrderInfo {
  campaignId: string;
  teamId: string | null;
  teamStatus: 'pending' | 'open' | 'succeeded' | 'failed' | 'refused';
}

/** Parameters for Taro.requestPayment (cloud), or the local simulator's marker. */
export type PaymentParams =
  | { timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string }
  | { devPay: true; outTradeNo: string; totalFee: number };

/** "31.2243,121.4466" -> degrees, or null when out of range. */
export function parseNear(v: string): { latitude: number; longitude: number } | null {
  const [latitude, longitude] = v.split(',').map(Number) as [number, number];
  return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 ? { latitude, longitude } : null;
}

export const orderActions = {
  'order.quote': action<OrderQuote>()({
    input: z
      .object({
        ...pricingInput,
        // Omitted: the first type the cart allows.
        deliveryType: z.enum(['express', 'pickup']).optional(),
        // The address book entry express would go to: shipping is priced for its province.
        addressId: id.optional(),
        // Without couponId the quote applies the best usable coupon, unless the customer chose 不使用.
        noCoupon: z.literal(true).optional(),
        // Where the customer is (granted location), as "latitude,longitude" in degrees: pickup shops
        // come nearest first. Text, not two numbers: coordinates are signed decimals, unlike every
        // other number of the contract (amounts, counts), which are non-negative integers.
        near: z
          .string()
          .regex(/^-?\d{1,3}(\.\d{1,8})?,-?\d{1,3}(\.\d{1,8})?$/)
          .refine((v) => parseNear(v) !== null, { message: 'latitude within ±90, longitude within ±180' })
          .optional(),
      })
      .strict(),
    role: 'customer',
  }),
  'order.create': action<{
    orderId: string;
    orderNo: string;
    payableFen: Fen;
    status: OrderStatus;
    expiresAt: string;
  }>()({
    input: z
      .object({
        ...pricingInput,
        // Express takes one address: an entry of the member's address book (`addressId`), or typed in.
        // Pickup names its shop (`shopId`); without one the member's shop, else the store's first, is used.
        delivery: z
          .object({
            type: z.enum(['express', 'pickup']),
            address: address.optional(),
            addressId: id.optional(),
            shopId: id.optional(),
          })
          .strict(),
        remark: z.string().trim().max(100).optional(),
      })
      .strict()
      .refine((v) => v.delivery.type !== 'express' || !v.delivery.address !== !v.delivery.addressId, {
        message: 'express delivery needs exactly one of address and addressId',
        path: ['delivery', 'address'],
      })
      .refine((v) => v.delivery.type === 'pickup' || !v.delivery.shopId, {
        message: 'only pickup names a shop',
        path: ['delivery', 'shopId'],
      }),
    role: 'customer',
    mutating: true,
  }),
  'order.pay': action<{ payment: PaymentParams; subscribeTemplateIds: string[] }>()({
    input: orderId,
    role: 'customer',
  }),
  'order.get': action<OrderView>()({ input: orderId, role: 'customer' }),
  /** The parcel's journey for a shipped order (cached; asked of the carrier at most every 30 minutes). */
  'order.tracking': action<TrackingView>()({ input: orderId, role: 'customer' }),
  'order.list': action<{ items: OrderView[]; nextCursor: string | null; counts: Record<OrderTab, number> }>()({
    input: z
      .object({
        status: z.enum(['pending_payment', 'to_ship', 'to_receive', 'done', 'after_sale']).optional(),
        cursor: z.string().max(200).optional(),
      })
      .strict(),
    role: 'customer',
  }),
  'order.cancel': action<OrderView>()({ input: orderId, role: 'customer', mutating: true }),
  'order.confirmReceipt': action<OrderView>()({ input: orderId, role: 'customer', mutating: true }),
  // The outcome of WeChat's confirm-receipt component (referrerInfo.extraData of the return to the app).
  'order.recordWechatReceipt': action<{ order: OrderView; outcome: WechatReceiptOutcome }>()({
    input: z
      .object({
        orderId: id,
        status: z.enum(['success', 'fail', 'cancel']),
        errorMessage: z.string().trim().max(200).optional(),
      })
      .strict(),
    role: 'customer',
    mutating: true,
  }),
  'order.requestRefund': action<{ refundId: string; status: RefundView['status'] }>()({
    input: z
      .object({
        orderId: id,
        lineIds: z.array(id).min(1).max(50).optional(),
        reason: z.string().trim().min(1).max(200),
        // Unset: 仅退款 before the goods left the store, 退货退款 after (see payments-and-refunds.md).
        refundType: z.enum(['refund_only', 'return_refund']).optional(),
      })
      .strict(),
    role: 'customer',
    mutating: true,
  }),
  // The customer withdraws an after-sale request the store has not decided yet; the order returns to
  // where it was.
  'order.cancelRefund': action<OrderView>()({
    input: z.object({ refundId: id }).strict(),
    role: 'customer',
    mutating: true,
  }),
  // 再来一单: which of an order's SKUs can go back into the cart now, at today's stock; the cart prices them.
  'order.reorder': action<ReorderPlan>()({ input: orderId, role: 'customer' }),
} as const;

/** What 再来一单 puts into the cart, and what it left out (with the words to say so). */
export interface ReorderPlan {
  items: Array<{ skuId: string; qty: number }>;
  skipped: Array<{ title: string; specsText: string; reason: 'unavailable' | 'sold_out' }>;
  /** Set when something was left out or reduced: the toast the customer reads. */
  notice: string | null;
}
