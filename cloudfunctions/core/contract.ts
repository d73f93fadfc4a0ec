/**
 * Every function's actions: name -> zod input, minimum role, output type.
 * The client imports the *types* of this file only (`import type`), never the schemas.
 */
import { z } from 'zod';
import type { Fen, Points } from './shared/money';
import { isAvatarUrl, isCalendarDate, nicknameLength, NICKNAME_MAX_CHARS } from './member/domain/profile';

export type { Fen, Points } from './shared/money';
export type { Envelope, AppErrorBody, ErrorCode } from './errors';

/** Roles in increasing order of power; an action names the least role that may call it. */
export const ROLES = ['any', 'customer', 'staff', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export interface ActionSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** The least role allowed: `any` (even anonymous), `customer` (signed in), `staff`, `manager`. */
  role: Role;
  /** Mutating actions require an idempotency key from the client; the first answer is replayed. */
  mutating?: boolean;
  /** Phantom field that carries the output type; never set at run time. */
  readonly __output?: O;
}

function action<O>() {
  return <I extends z.ZodType>(spec: { input: I; role: Role; mutating?: boolean }): ActionSpec<I, O> => spec;
}

// ---------- shared output shapes ----------

export interface ProductSummary {
  id: string;
  title: string;
  subtitle: string;
  /** Path or URL of the cover image (a gateway path such as `/media/products/<id>/1.svg` locally). */
  image: string;
  categoryId: string;
  /** Lowest SKU price. */
  priceFen: Fen;
  /** Crossed-out price, when the lowest-price SKU has one. */
  originalPriceFen: Fen | null;
  tags: string[];
  soldOut: boolean;
}

export interface Banner {
  id: string;
  title: string;
  subtitle: string;
  image: string;
  /** Mini-program path to open on tap, e.g. `/packages/goods/detail?id=p-serum`. */
  link: string;
}

export interface Category {
  id: string;
  name: string;
  /** Path or URL of the category icon image. */
  icon: string;
}

export interface Sku {
  id: string;
  /** Spec name -> value, e.g. `{ 容量: '30ml' }`. */
  specs: Record<string, string>;
  priceFen: Fen;
  originalPriceFen: Fen | null;
  stock: number;
}

export interface ProductDetail {
  id: string;
  title: string;
  subtitle: string;
  description: string;
  images: string[];
  categoryId: string;
  repurchaseCycleDays: number;
  /** How the product can reach the customer. */
  fulfilment: Array<'express' | 'pickup'>;
  tags: string[];
  /** Spec names in display order with their values, for the SKU picker. */
  specGroups: Array<{ name: string; values: string[] }>;
  skus: Sku[];
}

export interface CartLine {
  skuId: string;
  productId: string;
  title: string;
  image: string;
  /** Specs joined for display, e.g. `30ml / 清爽型`. */
  specsText: string;
  unitPriceFen: Fen;
  qty: number;
  lineTotalFen: Fen;
  stock: number;
  /** False when the SKU is gone, off the shelf, or has less stock than `qty`. */
  available: boolean;
}

export interface CartQuote {
  lines: CartLine[];
  /** Sum of the available lines. */
  totalFen: Fen;
  /** Number of items in the available lines. */
  count: number;
}

export interface MemberTier {
  code: string;
  name: string;
}

export interface MemberProfile {
  memberId: string;
  nickname: string;
  avatarUrl: string | null;
  tier: MemberTier;
  points: Points;
  /** Growth value: paid yuan over the last 365 days. */
  growth: number;
  inviteCode: string;
  /** The next tier and the growth it needs; null at the top tier. */
  nextTier: (MemberTier & { minGrowth: number }) | null;
  role: Role;
  /** `YYYY-MM-DD`, set once by the member; null until then. */
  birthday: string | null;
  /** The bound phone, masked (`138****8000`); the full number never leaves the server. */
  phoneMasked: string | null;
  /** Coupons the member can use now. */
  couponCount: number;
  /** The latest upgrade the member has not yet seen celebrated; null when there is none. */
  pendingCelebration: TierCelebration | null;
}


// ---------- membership: points and tiers (types) ----------
// @points-types
export type PointsReason = 'earn' | 'award' | 'spend' | 'spend_return' | 'expire' | 'refund_reversal';

export interface PointsHistoryItem {
  id: string;
  /** Signed: + credited, - spent/expired/reversed. */
  delta: Points;
  reason: PointsReason;
  /** zh-CN text for the reason, e.g. 购物奖励. */
  reasonText: string;
  createdAt: string;
  /** When the credited lot expires (credits only), else null. */
  expiresAt: string | null;
  orderId?: string;
}

// ---------- membership: coupons (types) ----------
// @coupon-types
export type CouponKind = 'full_reduction' | 'percent_off' | 'no_threshold';
export type CouponStatus = 'usable' | 'locked' | 'used' | 'expired';

/** A template's discount in numbers (null where its kind has none); the ticket renders these. */
export interface CouponTermsView {
  kind: CouponKind;
  thresholdFen: Fen | null;
  amountFen: Fen | null;
  /** Percent taken off: 15 means 8.5 折. */
  percentOff: number | null;
  capFen: Fen | null;
  /** 全场通用 / 限面霜乳液可用 ... */
  scopeText: string;
}

export interface ClaimableCoupon extends CouponTermsView {
  templateId: string;
  title: string;
  remaining: number;
  total: number;
  /** 领取后7天内有效 / 2026.03.01-2026.03.31. */
  validityText: string;
  /** Signed-in callers: whether they hold one of this template already; null when anonymous. */
  claimedByMe: boolean | null;
  /** Signed-in callers: whether the per-member limit still allows a claim. */
  canClaim: boolean;
}

export interface MemberCoupon extends CouponTermsView {
  couponId: string;
  templateId: string;
  title: string;
  status: CouponStatus;
  validFrom: string;
  validUntil: string;
}

export interface UsableCoupon {
  couponId: string;
  title: string;
  validUntil: string;
  /** What the coupon takes off this cart (after member price); 0 when not usable. */
  discountFen: Fen;
  usable: boolean;
  /** Why not, in words for the customer (未满¥199，还差¥20 / 所选商品不适用此券 ...). */
  reason?: string;
}

// ---------- membership: profile, member code, benefits (types) ----------
// @member-types
export interface TierCelebration {
  fromTier: MemberTier;
  toTier: MemberTier;
}

/** A dynamic member code: show it as a QR; it rotates every 30 s and works once. */
export interface MemberCodeView {
  code: string;
  /** When staff stop accepting it (ISO-8601): the end of the next 30-second step. */
  expiresAt: string;
  /** When the screen should show the next code (ISO-8601): the end of this step. */
  refreshAt: string;
  /** The server's now (ISO-8601), so the countdown does not trust the phone's clock. */
  serverNow: string;
}

export interface TierBenefitsView {
  /** Member price as a percentage of list price (100 = no discount). */
  memberPricePercent: number;
  pointsMultiplier: number;
  birthdayCoupon: boolean;
  /** Free express at or above this paid amount; 0 = always free. */
  freeShippingThresholdFen: Fen;
}

export interface TierWithBenefits extends MemberTier {
  minGrowth: number;
  benefits: TierBenefitsView;
}

export interface MemberBenefits {
  tiers: TierWithBenefits[];
  /** The caller's tier code when signed in and already a member. */
  current?: string;
}

// ---------- orders ----------

export type OrderStatus =
  | 'pending_payment'
  | 'paid'
  | 'shipped'
  | 'ready_for_pickup'
  | 'completed'
  | 'settled'
  | 'cancelled'
  | 'refunding'
  | 'refunded';

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

export interface OrderQuote extends OrderAmounts {
  lines: OrderLine[];
  deliveryType: DeliveryType;
  /** Delivery types every line allows. */
  deliveryOptions: DeliveryType[];
  /** Express is free at or above this payable amount for the member's tier. */
  freeShippingThresholdFen: Fen;
}

export interface RefundView {
  refundId: string;
  status: 'requested' | 'approved' | 'rejected' | 'processing' | 'succeeded' | 'failed';
  amountFen: Fen;
  reason: string;
  lineIds: string[];
  /** True when the refund covers every line that was not yet refunded. */
  wholeOrder: boolean;
  rejectReason: string | null;
  createdAt: string;
}

export interface OrderView extends OrderAmounts {
  orderId: string;
  orderNo: string;
  status: OrderStatus;
  lines: OrderLine[];
  delivery: { type: DeliveryType; address: Address | null };
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
  actions: { pay: boolean; cancel: boolean; confirmReceipt: boolean; requestRefund: boolean };
  /** For manager lists. */
  memberNickname?: string;
}

/** Parameters for Taro.requestPayment (cloud), or the local simulator's marker. */
export type PaymentParams =
  | { timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string }
  | { devPay: true; outTradeNo: string; totalFee: number };

// ---------- the contract ----------

const id = z.string().min(1).max(64);
const cartItems = z
  .array(z.object({ skuId: id, qty: z.number().int().min(1).max(99) }).strict())
  .min(1)
  .max(50)
  .refine((items) => new Set(items.map((i) => i.skuId)).size === items.length, { message: 'each skuId at most once' });

const address = z
  .object({
    name: z.string().trim().min(1).max(30),
    phone: z.string().regex(/^1\d{10}$/, 'phone must be 11 digits starting with 1'),
    province: z.string().trim().min(1).max(20),
    city: z.string().trim().min(1).max(20),
    district: z.string().trim().max(20),
    detail: z.string().trim().min(1).max(120),
  })
  .strict();
const pricingInput = {
  items: cartItems,
  couponId: id.optional(),
  pointsToUse: z.number().int().min(0).max(10_000_000).optional(),
  groupBuy: z.object({ campaignId: id, teamId: id.optional() }).strict().optional(),
};
const orderId = z.object({ orderId: id }).strict();

export const contract = {
  'catalog.home': action<{ banners: Banner[]; categories: Category[]; featured: ProductSummary[] }>()({
    input: z.object({}).strict(),
    role: 'any',
  }),
  'catalog.listProducts': action<{ items: ProductSummary[]; nextCursor: string | null }>()({
    input: z
      .object({
        categoryId: id.optional(),
        keyword: z.string().trim().max(40).optional(),
        cursor: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(50).optional(),
      })
      .strict(),
    role: 'any',
  }),
  'catalog.getProduct': action<ProductDetail>()({
    input: z.object({ productId: id }).strict(),
    role: 'any',
  }),
  /** Prices a cart on the server: the client never adds up money itself. */
  'catalog.quoteCart': action<CartQuote>()({
    input: z.object({ items: cartItems }).strict(),
    role: 'any',
  }),
  'member.me': action<MemberProfile>()({
    input: z.object({}).strict(),
    role: 'customer',
  }),
  'member.grantSubscriptions': action<{ quotas: Array<{ templateId: string; remaining: number }> }>()({
    input: z.object({ accepted: z.array(z.string().min(1).max(64)).max(3) }).strict(),
    role: 'customer',
    mutating: true,
  }),
  'order.quote': action<OrderQuote>()({
    input: z.object({ ...pricingInput, deliveryType: z.enum(['express', 'pickup']).optional() }).strict(),
    role: 'customer',
  }),
  'order.create': action<{ orderId: string; orderNo: string; payableFen: Fen; status: OrderStatus; expiresAt: string }>()({
    input: z
      .object({
        ...pricingInput,
        delivery: z.object({ type: z.enum(['express', 'pickup']), address: address.optional() }).strict(),
        remark: z.string().trim().max(100).optional(),
      })
      .strict()
      .refine((v) => v.delivery.type !== 'express' || v.delivery.address, {
        message: 'express delivery needs an address',
        path: ['delivery', 'address'],
      }),
    role: 'customer',
    mutating: true,
  }),
  'order.pay': action<{ payment: PaymentParams; subscribeTemplateIds: string[] }>()({
    input: orderId,
    role: 'customer',
  }),
  'order.get': action<OrderView>()({ input: orderId, role: 'customer' }),
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
  'order.requestRefund': action<{ refundId: string; status: RefundView['status'] }>()({
    input: z
      .object({
        orderId: id,
        lineIds: z.array(id).min(1).max(50).optional(),
        reason: z.string().trim().min(1).max(200),
      })
      .strict(),
    role: 'customer',
    mutating: true,
  }),
  'manager.listOrders': action<{ items: OrderView[]; nextCursor: string | null }>()({
    input: z
      .object({
        status: z
          .enum(['pending_payment', 'paid', 'shipped', 'ready_for_pickup', 'completed', 'settled', 'cancelled', 'refunding', 'refunded'])
          .optional(),
        cursor: z.string().max(200).optional(),
      })
      .strict(),
    role: 'manager',
  }),
  'manager.shipOrder': action<OrderView>()({
    input: z.object({ orderId: id, carrier: z.string().trim().min(1).max(30), trackingNo: z.string().trim().regex(/^[A-Za-z0-9-]{4,40}$/) }).strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.readyForPickup': action<OrderView>()({ input: orderId, role: 'manager', mutating: true }),
  'manager.verifyPickup': action<OrderView>()({
    input: z.object({ pickupCode: z.string().regex(/^\d{6}$/) }).strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.listRefunds': action<{ items: Array<RefundView & { orderId: string; orderNo: string; memberNickname: string; failureReason: string | null }> }>()({
    input: z.object({ status: z.enum(['requested', 'approved', 'rejected', 'processing', 'succeeded', 'failed']).optional() }).strict(),
    role: 'manager',
  }),
  // @points-actions
  'member.pointsHistory': action<{ items: PointsHistoryItem[]; nextCursor: string | null; balance: Points }>()({
    input: z.object({ cursor: z.string().regex(/^\d{1,18}$/).optional() }).strict(),
    role: 'customer',
  }),
  // @coupon-actions
  'coupon.listClaimable': action<{ items: ClaimableCoupon[] }>()({
    input: z.object({}).strict(),
    role: 'any',
  }),
  'member.claimCoupon': action<{ couponId: string }>()({
    input: z.object({ templateId: id }).strict(),
    role: 'customer',
    mutating: true,
  }),
  'member.coupons': action<{ items: MemberCoupon[] }>()({
    input: z.object({ status: z.enum(['usable', 'used', 'expired']).optional() }).strict(),
    role: 'customer',
  }),
  /** The checkout picker: every coupon the member holds, priced against this cart, best first. */
  'order.usableCoupons': action<{ items: UsableCoupon[] }>()({
    input: z
      .object({
        items: cartItems,
        pointsToUse: pricingInput.pointsToUse,
        groupBuy: pricingInput.groupBuy,
        deliveryType: z.enum(['express', 'pickup']).optional(),
      })
      .strict(),
    role: 'customer',
  }),
  // @member-actions
  'member.memberCode': action<MemberCodeView>()({
    input: z.object({}).strict(),
    role: 'customer',
  }),
  'member.updateProfile': action<MemberProfile>()({
    input: z
      .object({
        nickname: z
          .string()
          .trim()
          .min(1)
          .refine((v) => nicknameLength(v) <= NICKNAME_MAX_CHARS, { message: `nickname is at most ${NICKNAME_MAX_CHARS} characters` })
          .optional(),
        avatarUrl: z.string().max(500).refine(isAvatarUrl, { message: 'avatarUrl must be https:// or cloud://' }).optional(),
        birthday: z.string().refine(isCalendarDate, { message: 'birthday must be a real YYYY-MM-DD date' }).optional(),
      })
      .strict()
      .refine((v) => v.nickname !== undefined || v.avatarUrl !== undefined || v.birthday !== undefined, { message: 'nothing to update' }),
    role: 'customer',
    mutating: true,
  }),
  'member.bindPhone': action<{ phoneMasked: string }>()({
    input: z.object({ code: z.string().min(1).max(128) }).strict(),
    role: 'customer',
    mutating: true,
  }),
  'member.benefits': action<MemberBenefits>()({
    input: z.object({}).strict(),
    role: 'any',
  }),
  'member.ackCelebration': action<{ acknowledged: number }>()({
    input: z.object({}).strict(),
    role: 'customer',
    mutating: true,
  }),
  'manager.refundOrder': action<{ refundId: string; status: RefundView['status'] }>()({
    input: z
      .object({ orderId: id, lineIds: z.array(id).min(1).max(50).optional(), reason: z.string().trim().min(1).max(200) })
      .strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.approveRefund': action<{ refundId: string; status: RefundView['status'] }>()({
    input: z.object({ refundId: id }).strict(),
    role: 'manager',
    mutating: true,
  }),
  'manager.rejectRefund': action<{ refundId: string; status: RefundView['status'] }>()({
    input: z.object({ refundId: id, reason: z.string().trim().min(1).max(200) }).strict(),
    role: 'manager',
    mutating: true,
  }),
} as const;

export type Contract = typeof contract;
export type ActionName = keyof Contract;
export type ActionInput<N extends ActionName> = z.input<Contract[N]['input']>;
export type ActionOutput<N extends ActionName> = Contract[N] extends ActionSpec<z.ZodType, infer O> ? O : never;
/** The deployed function that hosts an action: the part before the dot. */
export type FunctionOf<N extends ActionName> = N extends `${infer F}.${string}` ? F : never;
export type FunctionName = FunctionOf<ActionName>;
export type ActionsOf<F extends FunctionName> = Extract<ActionName, `${F}.${string}`>;
