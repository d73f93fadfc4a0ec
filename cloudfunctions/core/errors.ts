/**
 * Stable error codes, their customer-facing message (zh-CN) and the HTTP status the gateway answers.
 * This table is the only place a business message's words live: the client shows the `message` it
 * receives (often a more specific one a service passed to `fail`) and branches on `code`, never on text.
 * Messages are shown in WeChat's icon-less toast, which fits about two lines: keep them short.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '请求参数有误' },
  UNKNOWN_ACTION: { status: 400, message: '暂不支持该操作' },
  IDEMPOTENCY_KEY_REQUIRED: { status: 400, message: '请求缺少标识，请重试' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '没有权限进行此操作' },
  NOT_FOUND: { status: 404, message: '内容不存在' },
  UNKNOWN_FUNCTION: { status: 404, message: '服务暂不可用' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '内容过多，请减少后再试' },
  INSUFFICIENT_STOCK: { status: 409, message: '库存不足' },
  PRODUCT_UNAVAILABLE: { status: 409, message: '商品已下架' },
  COUPON_UNAVAILABLE: { status: 409, message: '优惠券不可用' },
  COUPON_SOLD_OUT: { status: 409, message: '优惠券已领完' },
  COUPON_LIMIT_REACHED: { status: 409, message: '已达领取上限' },
  COUPON_NOT_STARTED: { status: 409, message: '优惠券尚未生效' },
  COUPON_EXPIRED: { status: 409, message: '优惠券已过期' },
  COUPON_USED: { status: 409, message: '优惠券已使用' },
  COUPON_IN_USE: { status: 409, message: '优惠券已被未支付订单占用' },
  COUPON_THRESHOLD_NOT_MET: { status: 409, message: '未达到优惠券使用门槛' },
  COUPON_NOT_APPLICABLE: { status: 409, message: '所选商品不适用此券' },
  INSUFFICIENT_POINTS: { status: 409, message: '积分不足' },
  // The cart's lines allow no common delivery type, or not the one asked for; details name the lines.
  DELIVERY_CONFLICT: { status: 409, message: '部分商品不支持所选配送方式' },
  // A shop's staff prepare their own shop's pickups; another shop's order waits for that shop.
  PICKUP_AT_OTHER_SHOP: { status: 409, message: '这笔订单在其他门店自提' },
  GROUP_BUY_UNAVAILABLE: { status: 409, message: '拼团活动不可用' },
  // group-buy.
  GROUP_BUY_STOPPED: { status: 409, message: '拼团活动已停止' },
  GROUP_BUY_NOT_STARTED: { status: 409, message: '拼团活动尚未开始' },
  GROUP_BUY_ENDED: { status: 409, message: '拼团活动已结束' },
  GROUP_BUY_TEAM_NOT_FOUND: { status: 409, message: '该拼团不存在' },
  GROUP_BUY_TEAM_FULL: { status: 409, message: '该团已满员，可以自己开团' },
  GROUP_BUY_TEAM_EXPIRED: { status: 409, message: '该团已结束，可以自己开团' },
  GROUP_BUY_ALREADY_JOINED: { status: 409, message: '你已在该团中' },
  GROUP_BUY_LIMIT_REACHED: { status: 409, message: '已达本活动参团上限' },
  GROUP_BUY_SOLD_OUT: { status: 409, message: '拼团名额已抢完' },
  ORDER_STATE_CONFLICT: { status: 409, message: '订单状态已变化，请刷新后再试' },
  ORDER_EXPIRED: { status: 409, message: '订单已超时关闭' },
  // A confirm-receipt report for an order WeChat does not hold (not under 发货信息管理, or not paid in WeChat).
  WECHAT_RECEIPT_NOT_APPLICABLE: { status: 409, message: '该订单无需在微信确认收货' },
  CONFIRM_RECEIPT_IN_WECHAT: { status: 409, message: '请在微信的确认收货页中确认收货' },
  REFUND_NOT_ALLOWED: { status: 409, message: '该订单不支持退款' },
  REFUND_EXCEEDS_PAID: { status: 409, message: '退款金额超过该笔支付的可退金额' },
  IDEMPOTENCY_CONFLICT: { status: 409, message: '请求重复，请刷新后再试' },
  AMOUNT_MISMATCH: { status: 409, message: '金额有变化，请刷新后再试' },
  MEMBER_CODE_EXPIRED: { status: 409, message: '会员码已过期' },
  MEMBER_CODE_USED: { status: 409, message: '会员码已使用' },
  MEMBER_CODE_INVALID: { status: 409, message: '会员码无效' },
  BIRTHDAY_ALREADY_SET: { status: 409, message: '生日已设置，不可修改' },
  PHONE_BIND_FAILED: { status: 409, message: '手机号获取失败，请重新授权' },
  RECEIPT_ALREADY_AWARDED: { status: 409, message: '该小票已积过分' },
  STAFF_INVITE_INVALID: { status: 404, message: '邀请链接无效' },
  STAFF_INVITE_EXPIRED: { status: 409, message: '邀请链接已过期，请联系店长重新生成' },
  STAFF_INVITE_USED: { status: 409, message: '邀请链接已被使用' },
  STOCK_CHANGED: { status: 409, message: '库存已变化，请刷新后再试' },
  PRODUCT_IN_STOCK: { status: 409, message: '商品有货，可以直接购买' },
  // the manager's product editor and categories
  PRODUCT_CHANGED: { status: 409, message: '商品已被他人修改，请刷新后再编辑' },
  SPEC_MATRIX_INVALID: { status: 400, message: '规格组合与规格表不一致，请检查规格' },
  CATEGORY_NOT_FOUND: { status: 404, message: '分类不存在' },
  CATEGORY_NOT_EMPTY: { status: 409, message: '分类下还有商品，不能删除，可以隐藏' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  NOT_IMPLEMENTED: { status: 501, message: '功能尚未开放' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后再试' },
  // self-hosted sign-in when WeChat's code2session is busy or unreachable.
  UPSTREAM_UNAVAILABLE: { status: 503, message: '微信服务繁忙，请稍后再试' },
  // referral
  INVITE_CODE_INVALID: { status: 400, message: '邀请链接无效，请让好友重新分享' },
  INVITE_CODE_NOT_FOUND: { status: 404, message: '邀请人不存在，请让好友重新分享' },
  // fix-grouping-refund: a seat in a team still open is not refunded (the team would count an unpaid member).
  GROUP_BUY_IN_PROGRESS: { status: 409, message: '拼团进行中，成团或失败后再退款' },
  // store and advisor codes
  SHOP_CODE_INVALID: { status: 400, message: '门店码无效，请重新扫码' },
  SHOP_NOT_FOUND: { status: 404, message: '门店不存在或已停业' },
  ADVISOR_NOT_FOUND: { status: 404, message: '导购码已失效，请向店员索取新的二维码' },
  // advisors (导购) and their coupon budgets.
  ADVISOR_BUDGET_EXCEEDED: { status: 409, message: '本月发券额度不足' },
  ADVISOR_TEMPLATE_NOT_ALLOWED: { status: 409, message: '该优惠券不可由导购发放' },
  ADVISOR_TEMPLATE_UNBOUNDED: { status: 409, message: '无封顶的折扣券不能设为导购券' },
  ADVISOR_UNAVAILABLE: { status: 409, message: '该导购已离职或不存在' },
  ADVISOR_OTHER_SHOP: { status: 409, message: '该导购不属于会员所在门店' },
  // uploaded images (avatars): PNG or JPEG by their bytes, at most 2 MB.
  MEDIA_EMPTY: { status: 400, message: '图片为空，请重新选择' },
  MEDIA_TOO_LARGE: { status: 413, message: '图片太大，请选择 2MB 以内的图片' },
  MEDIA_TYPE_UNSUPPORTED: { status: 400, message: '仅支持 PNG 或 JPG 图片' },
  // placing staff in shops (manager.setStaffShop).
  STAFF_NOT_FOUND: { status: 404, message: '该员工不存在或已撤销，请刷新后再试' },
  // the member's address book.
  ADDRESS_NOT_FOUND: { status: 404, message: '收货地址不存在，请刷新后再试' },
  ADDRESS_LIMIT_REACHED: { status: 409, message: '最多保存 20 个收货地址，请先删除不用的地址' },
  ADDRESS_REGION_INVALID: { status: 400, message: '所在地区不正确，请重新选择' },
  // freight templates (运费模板) and express shipping priced by them.
  ADDRESS_UNDELIVERABLE: { status: 409, message: '部分商品不支持配送到该地区' },
  FREIGHT_TEMPLATE_NOT_FOUND: { status: 404, message: '运费模板不存在，请刷新后再试' },
  FREIGHT_TEMPLATE_INVALID: { status: 400, message: '运费模板设置有误' },
  FREIGHT_TEMPLATE_NAME_TAKEN: { status: 409, message: '已有同名的运费模板' },
  FREIGHT_TEMPLATE_STALE: { status: 409, message: '运费模板已被修改，请刷新后再试' },
  FREIGHT_TEMPLATE_IN_USE: { status: 409, message: '仍有商品使用该运费模板，请先为它们更换模板' },
  // the home page and shops, edited by the manager.
  BANNER_LINK_INVALID: { status: 409, message: '链接的内容不存在或已下架，请重新选择' },
  SCHEDULE_INVALID: { status: 400, message: '结束时间须晚于开始时间' },
  HOME_SECTION_PRODUCT_INVALID: { status: 409, message: '所选商品不存在或已下架，请重新选择' },
  SHOP_CLOSED: { status: 409, message: '该门店已暂停营业' },
  WELCOME_TEMPLATE_INVALID: { status: 409, message: '所选礼券不存在或已停发' },
  // store settings (manager.saveSettings): someone saved since this page loaded; a value out of its range.
  SETTINGS_CHANGED: { status: 409, message: '设置已被他人修改，请刷新后再改' },
  SETTINGS_INVALID: { status: 400, message: '设置值不正确，请检查后再保存' },
  // exports (数据导出): a job of another store or past retention; a file not built yet.
  EXPORT_NOT_FOUND: { status: 404, message: '导出记录不存在或已过期' },
  EXPORT_NOT_READY: { status: 409, message: '报表还在生成中，请稍后再下载' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

/** A business outcome: either data or a typed failure. Services return these; only bugs throw. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message?: string, details?: unknown): { ok: false; error: AppErrorBody } {
  const error: AppErrorBody = { code, message: message ?? ERRORS[code].message };
  if (details !== undefined) error.details = details;
  return { ok: false, error };
}

export function httpStatusOf(envelope: Envelope<unknown>): number {
  return envelope.ok ? 200 : ERRORS[envelope.error.code].status;
}
