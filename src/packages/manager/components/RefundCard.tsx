import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Price } from '@nutui/nutui-react-taro';
import type { ManagerRefundView } from '../../../../cloudfunctions/core/contract';
import { formatFen } from '../../../utils/money';
import { REFUND_STATUS_TEXT, formatTime } from '../../order/components/order-text';

export type ManagerRefund = ManagerRefundView;

interface Props {
  refund: ManagerRefund;
  busy: boolean;
  onApprove: (r: ManagerRefund) => void;
  onReject: (r: ManagerRefund) => void;
  onRetry: (r: ManagerRefund) => void;
}

/**
 * One refund: who, which order (opened with a tap), the goods, how much, why; 同意 / 拒绝 while it waits, 重试退款 once WeChat Pay
 * refused it. A payment return (money that arrived for a closed order) involves no goods.
 */
export function RefundCard({ refund: r, busy, onApprove, onReject, onRetry }: Props) {
  const paymentReturn = r.kind === 'payment_return';
  return (
    <View className="m-order card" id={`m-refund-${r.refundId}`}>
      <View className="m-order__head">
        <Text className="m-order__who">{r.memberNickname || '会员'}</Text>
        <Text className={`m-order__status refund--${r.status}`}>{REFUND_STATUS_TEXT[r.status]}</Text>
      </View>
      <Text
        className="m-order__no m-order__open"
        id={`m-refund-open-${r.refundId}`}
        onClick={() => void Taro.navigateTo({ url: `/packages/manager/orders?q=${encodeURIComponent(r.orderNo)}` })}
      >{`${r.orderNo}  ·  ${formatTime(r.createdAt)}  查看订单 ›`}</Text>
      {paymentReturn ? (
        <Text className="m-order__addr">订单关闭后到账的款项，原路全额退回</Text>
      ) : (
        <View className="m-order__lines m-refund-goods">
          {r.goods.map((g) => (
            <Text key={g.lineId} className="m-refund-goods__line">
              {`${g.title}${g.specsText ? ` · ${g.specsText}` : ''} ×${g.qty}`}
            </Text>
          ))}
        </View>
      )}
      <Text className="m-order__addr">{`原因：${r.reason}`}</Text>
      {r.rejectReason && <Text className="m-order__warn">{`拒绝原因：${r.rejectReason}`}</Text>}
      {r.status === 'failed' && <Text className="m-order__warn">{`失败原因：${r.failureReason ?? '未知'}`}</Text>}
      <View className="m-order__foot">
        <View className="m-order__sum">
          <Text className="m-order__count">退款金额</Text>
          <Price price={formatFen(r.amountFen)} size="normal" thousands />
        </View>
        {r.status === 'requested' && (
          <View className="m-order__btns">
            <Button
              size="small"
              fill="outline"
              id={`m-reject-${r.refundId}`}
              disabled={busy}
              onClick={() => onReject(r)}
            >
              拒绝
            </Button>
            <Button
              size="small"
              type="primary"
              id={`m-approve-${r.refundId}`}
              loading={busy}
              disabled={busy}
              onClick={() => onApprove(r)}
            >
              同意退款
            </Button>
          </View>
        )}
        {r.status === 'failed' && (
          <View className="m-order__btns">
            <Button
              size="small"
              type="primary"
              id={`m-retry-${r.refundId}`}
              loading={busy}
              disabled={busy}
              onClick={() => onRetry(r)}
            >
              重试退款
            </Button>
          </View>
        )}
      </View>
    </View>
  );
}
