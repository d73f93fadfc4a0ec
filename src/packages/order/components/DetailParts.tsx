import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Location, Store, Transit } from '@nutui/icons-react-taro';
import type { OrderView } from '../../../../cloudfunctions/core/contract';
import { formatFen } from '../../../utils/money';
import { Countdown } from '../../../components/Countdown';
import { addressText } from './address-text';
import { REFUND_STATUS_TEXT, REFUND_TYPE_TEXT, formatTime, refundHeadline, statusText } from './order-text';

const HINT: Partial<Record<OrderView['status'], string>> = {
  paid: '商家正在备货，请耐心等待',
  grouping: '拼团中，成团后商家开始备货；未成团将自动退款',
  shipped: '包裹正在路上，收到后请确认收货',
  ready_for_pickup: '商品已备好，请到店出示提货码',
  completed: '感谢您的购买，期待再次光临',
  settled: '感谢您的购买，期待再次光临',
  cancelled: '订单已取消',
  refunding: '退款处理中，款项将原路退回',
  refunded: '款项已原路退回',
};

/** Status banner; unpaid orders count down to `expiresAt` and re-fetch when it passes. */
export function StatusHeader({ order, onExpired }: { order: OrderView; onExpired: () => void }) {
  const pending = order.status === 'pending_payment' && order.expiresAt;
  const refund = refundHeadline(order);
  if (refund) {
    return (
      <View className="status-header" id="detail-status-header">
        <Text className="status-header__title" id="detail-status">
          {refund.title}
        </Text>
        <Text className="status-header__hint">{refund.hint}</Text>
      </View>
    );
  }
  return (
    <View className="status-header" id="detail-status-header">
      <Text className="status-header__title" id="detail-status">
        {statusText(order)}
      </Text>
      <Text className="status-header__hint">
        {pending ? (
          <>
            {'请在 '}
            <Countdown until={order.expiresAt!} onEnd={onExpired} id="detail-countdown" />
            {' 内完成支付，超时订单将自动取消'}
          </>
        ) : (
          (HINT[order.status] ?? '')
        )}
      </Text>
    </View>
  );
}

/** Address for express; for pickup the 6-digit code to show at the counter. */
export function DeliveryInfo({ order }: { order: OrderView }) {
  const { delivery, shipping, pickupCode } = order;
  if (delivery.type === 'pickup') {
    return (
      <View className="detail-block card" id="detail-delivery">
        <View className="detail-block__row">
          <Store size={18} color="#3F6B57" />
          <Text className="detail-block__main">门店自提</Text>
        </View>
        {pickupCode ? (
          <View className="pickup-code">
            <Text className="pickup-code__label">提货码</Text>
            <Text className="pickup-code__code" id="detail-pickup-code">
              {pickupCode}
            </Text>
            <Text className="pickup-code__hint">到店出示提货码</Text>
          </View>
        ) : (
          <Text className="detail-block__sub">备货完成后将生成提货码</Text>
        )}
      </View>
    );
  }
  const a = delivery.address;
  return (
    <View className="detail-block card" id="detail-delivery">
      {shipping && (
        <View className="detail-block__row detail-block__row--ship" id="detail-shipping">
          <Transit size={18} color="#3F6B57" />
          <Text className="detail-block__main">{`${shipping.carrier}  ${shipping.trackingNo}`}</Text>
        </View>
      )}
      <View className="detail-block__row">
        <Location size={18} color="#3F6B57" />
        <View className="detail-block__text">
          <Text className="detail-block__main">{a ? `${a.name}  ${a.phone}` : '快递配送'}</Text>
          {a && <Text className="detail-block__sub">{addressText(a)}</Text>}
        </View>
      </View>
    </View>
  );
}

/** Copies the order number (a private API on weapp: the page renders the privacy popup). */
function copyOrderNo(orderNo: string) {
  void Taro.setClipboardData({ data: orderNo }).then(
    () => Taro.showToast({ title: '订单编号已复制', icon: 'none' }),
    () => Taro.showToast({ title: '复制失败，请长按订单编号复制', icon: 'none' }),
  );
}

export function OrderInfo({ order }: { order: OrderView }) {
  const rows: Array<[string, string]> = [
    ['订单编号', order.orderNo],
    ['下单时间', formatTime(order.createdAt)],
    ['付款时间', formatTime(order.paidAt)],
    ['发货时间', formatTime(order.shippedAt)],
    ['完成时间', formatTime(order.completedAt)],
  ];
  return (
    <View className="detail-info-rows card" id="detail-info">
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <View key={k} className="amount-row">
            <Text className="amount-row__label">{k}</Text>
            <View className="detail-info__value">
              <Text className="amount-row__muted" id={k === '订单编号' ? 'detail-order-no' : undefined} userSelect>
                {v}
              </Text>
              {k === '订单编号' && (
                <Text className="detail-info__copy" id="detail-copy-order-no" onClick={() => copyOrderNo(v)}>
                  复制
                </Text>
              )}
            </View>
          </View>
        ))}
    </View>
  );
}

/** A 退货退款 the store agreed to: the goods are due back while the money is on its way or paid. */
const RETURN_SHOWN: readonly OrderView['refunds'][number]['status'][] = ['approved', 'processing', 'succeeded'];

/**
 * The order's after-sale records: kind, amount, state; a request still 待审核 can be withdrawn, and a
 * 退货退款 the store agreed to says where the goods go back.
 */
export function RefundList({
  order,
  cancelling,
  onCancel,
}: {
  order: OrderView;
  cancelling: string | undefined;
  onCancel: (refundId: string) => void;
}) {
  if (order.refunds.length === 0) return null;
  return (
    <View className="detail-info-rows card" id="detail-refunds">
      <Text className="detail-block__head">售后记录</Text>
      {order.refunds.map((r) => (
        <View key={r.refundId} className="refund-row" id={`refund-${r.refundId}`}>
          <View className="amount-row">
            <Text className="amount-row__label">{`${REFUND_TYPE_TEXT[r.refundType]} ¥${formatFen(r.amountFen)}`}</Text>
            <Text className={`refund-row__status refund--${r.status}`}>{REFUND_STATUS_TEXT[r.status]}</Text>
          </View>
          <Text className="refund-row__sub">{`原因：${r.reason}  ·  ${formatTime(r.createdAt)}`}</Text>
          {r.rejectReason && <Text className="refund-row__sub">{`拒绝原因：${r.rejectReason}`}</Text>}
          {r.refundType === 'return_refund' && RETURN_SHOWN.includes(r.status) && (
            <View className="refund-row__return" id={`refund-return-${r.refundId}`}>
              <Text className="refund-row__return-head">请寄回商品</Text>
              <Text className="refund-row__sub">
                {r.returnAddress ? `寄回地址：${r.returnAddress}` : '商家尚未设置退货地址，请联系门店获取'}
              </Text>
              <Text className="refund-row__sub">包裹内请附上订单编号，勿寄到付；款项将原路退回</Text>
            </View>
          )}
          {r.status === 'requested' && (
            <View className="refund-row__actions">
              <Button
                size="small"
                fill="outline"
                id={`btn-cancel-refund-${r.refundId}`}
                loading={cancelling === r.refundId}
                disabled={cancelling === r.refundId}
                onClick={() => onCancel(r.refundId)}
              >
                撤销申请
              </Button>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
