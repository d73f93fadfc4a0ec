import Taro from '@tarojs/taro';
import type { ErrorCode } from '../../cloudfunctions/core/contract';
import { ApiError } from './client';

/** Customer-facing text for every error code; the one place codes become words. */
const MESSAGES: Record<ErrorCode | 'NETWORK_ERROR', string> = {
  VALIDATION_FAILED: '请求参数有误',
  UNKNOWN_ACTION: '暂不支持该操作',
  IDEMPOTENCY_KEY_REQUIRED: '请求缺少标识，请重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限',
  NOT_FOUND: '内容不存在或已下架',
  UNKNOWN_FUNCTION: '服务暂不可用',
  PAYLOAD_TOO_LARGE: '内容过多，请减少后再试',
  INSUFFICIENT_STOCK: '库存不足',
  PRODUCT_UNAVAILABLE: '商品已下架',
  COUPON_UNAVAILABLE: '优惠券不可用',
  COUPON_SOLD_OUT: '优惠券已领完',
  COUPON_LIMIT_REACHED: '已达领取上限',
  COUPON_NOT_STARTED: '优惠券尚未生效',
  COUPON_EXPIRED: '优惠券已过期',
  COUPON_USED: '优惠券已使用',
  COUPON_IN_USE: '优惠券已被未支付订单占用',
  COUPON_THRESHOLD_NOT_MET: '未达到优惠券使用门槛',
  COUPON_NOT_APPLICABLE: '所选商品不适用此券',
  INSUFFICIENT_POINTS: '积分不足',
  IDEMPOTENCY_CONFLICT: '请求重复，请刷新后再试',
  AMOUNT_MISMATCH: '金额有变化，请刷新后再试',
  GROUP_BUY_UNAVAILABLE: '拼团活动已结束或不可参与',
  ORDER_STATE_CONFLICT: '订单状态已变化，请刷新后再试',
  ORDER_EXPIRED: '订单已超时关闭',
  REFUND_NOT_ALLOWED: '该订单暂不支持退款',
  REFUND_EXCEEDS_PAID: '退款金额超过该笔支付的可退金额',
  MEMBER_CODE_EXPIRED: '会员码已过期',
  MEMBER_CODE_USED: '会员码已使用',
  MEMBER_CODE_INVALID: '会员码无效',
  BIRTHDAY_ALREADY_SET: '生日已设置，不可修改',
  PHONE_BIND_FAILED: '手机号获取失败，请重新授权',
  // @staff-errors (issue 7)
  RECEIPT_ALREADY_AWARDED: '该小票已积过分，请勿重复积分',
  STAFF_INVITE_INVALID: '邀请链接无效',
  STAFF_INVITE_EXPIRED: '邀请链接已过期，请联系店长重新生成',
  STAFF_INVITE_USED: '邀请链接已被使用',
  STOCK_CHANGED: '库存已变化，请刷新后再试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  NOT_IMPLEMENTED: '功能即将上线',
  // issue 5: referral
  INVITE_CODE_INVALID: '邀请链接无效，请让好友重新分享',
  INVITE_CODE_NOT_FOUND: '邀请人不存在，请让好友重新分享',
  INTERNAL: '系统繁忙，请稍后再试',
  // issue 9
  UPSTREAM_UNAVAILABLE: '微信服务繁忙，请稍后再试',
  NETWORK_ERROR: '网络不给力，请稍后再试',
  // Issue 6: group-buy.
  GROUP_BUY_STOPPED: '拼团活动已停止',
  GROUP_BUY_NOT_STARTED: '拼团活动尚未开始',
  GROUP_BUY_ENDED: '拼团活动已结束',
  GROUP_BUY_TEAM_NOT_FOUND: '该拼团不存在',
  GROUP_BUY_TEAM_FULL: '该团已满员，可以自己开团',
  GROUP_BUY_TEAM_EXPIRED: '该团已结束，可以自己开团',
  GROUP_BUY_ALREADY_JOINED: '你已在该团中',
  GROUP_BUY_LIMIT_REACHED: '已达本活动参团上限',
  GROUP_BUY_SOLD_OUT: '拼团名额已抢完',
  // fix-grouping-refund
  GROUP_BUY_IN_PROGRESS: '拼团进行中，成团或失败后再退款',
  // issue 11: store and advisor codes
  SHOP_CODE_INVALID: '门店码无效，请重新扫码',
  SHOP_NOT_FOUND: '门店不存在或已停业',
  ADVISOR_NOT_FOUND: '导购码已失效，请向店员索取新的二维码',
  // issue 11: advisors
  ADVISOR_BUDGET_EXCEEDED: '本月发券额度不足',
  ADVISOR_TEMPLATE_NOT_ALLOWED: '该优惠券不可由导购发放',
  ADVISOR_TEMPLATE_UNBOUNDED: '无封顶的折扣券不能设为导购券',
  ADVISOR_UNAVAILABLE: '该导购已离职或不存在',
  ADVISOR_OTHER_SHOP: '该导购不属于会员所在门店',
  // issue 11 follow-up: placing staff in shops
  STAFF_NOT_FOUND: '该员工不存在或已撤销，请刷新后再试',
};

/** The text to show for an error: the mapped code, else the server's message, else a generic one. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    return (MESSAGES as Record<string, string | undefined>)[err.code] ?? (err.message || MESSAGES.INTERNAL);
  }
  return MESSAGES.INTERNAL;
}

/** Shows an error as a toast (NutUI pages share Taro's toast so every page gets it for free). */
export function toastError(err: unknown): void {
  if (!(err instanceof ApiError)) console.error(err);
  void Taro.showToast({ title: errorText(err), icon: 'none', duration: 2200 });
}
