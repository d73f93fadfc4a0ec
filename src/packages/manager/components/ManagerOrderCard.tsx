import { Text, View } from '@tarojs/components';
import { Button, Price, Tag } from '@nutui/nutui-react-taro';
import type { OrderView } from '../../../../cloudfunctions/core/contract';
import { formatFen } from '../../../utils/money';
import { formatTime, pieces, statusText } from '../../order/components/order-text';

interface Props {
  order: OrderView;
  busy: boolean;
  onShip: (o: OrderView) => void;
  onReady: (o: OrderView) => void;
  onRefund: (o: OrderView) => void;
}

/** One order for the store: who, what, how much, and the next step for a paid order. */
export function ManagerOrderCard({ order, busy, onShip, onReady, onRefund }: Props) {
  const summary = order.lines.map((l) => `${l.title}${l.specsText ? `（${l.specsText}）` : ''} x${l.qty}`).join('；');
  const paid = order.status === 'paid';
  return (
    <View className="m-order card" id={`m-order-${order.orderId}`}>
      <View className="m-order__head">
        <Text className="m-order__who">{order.memberNickname || '会员'}</Text>
        <Text className="m-order__status" id={`m-order-status-${order.orderId}`}>
          {statusText(order)}
        </Text>
      </View>
      <Text className="m-order__no">{`${order.orderNo}  ·  ${formatTime(order.paidAt ?? order.createdAt)}`}</Text>
      <Text className="m-order__lines">{summary}</Text>
      {order.delivery.type === 'express' && order.delivery.address && (
        <Text className="m-order__addr">
          {`${order.delivery.address.name} ${order.delivery.address.phone}  ${order.delivery.address.province}${order.delivery.address.city}${order.delivery.address.district}${order.delivery.address.detail}`}
        </Text>
      )}
      {order.pickupShop && <Text className="m-order__addr">{`自提门店 ${order.pickupShop.name}`}</Text>}
      {order.shipping && (
        <Text className="m-order__addr">{`${order.shipping.carrier} ${order.shipping.trackingNo}`}</Text>
      )}
      <View className="m-order__foot">
        <View className="m-order__sum">
          <Tag className={order.delivery.type === 'pickup' ? 'tag-accent' : 'tag-soft'}>
            {order.delivery.type === 'pickup' ? '门店自提' : '快递配送'}
          </Tag>
          <Text className="m-order__count">{`共 ${pieces(order)} 件`}</Text>
          <Price price={formatFen(order.payableFen)} size="normal" thousands />
        </View>
        {order.actions.storeRefund && order.lines.some((l) => !l.refunded) && (
          <Button size="small" id={`m-refund-${order.orderId}`} disabled={busy} onClick={() => onRefund(order)}>
            退款
          </Button>
        )}
        {paid && order.delivery.type === 'express' && (
          <Button size="small" type="primary" id={`m-ship-${order.orderId}`} onClick={() => onShip(order)}>
            发货
          </Button>
        )}
        {paid && order.delivery.type === 'pickup' && (
          <Button
            size="small"
            type="primary"
            id={`m-ready-${order.orderId}`}
            loading={busy}
            disabled={busy}
            onClick={() => onReady(order)}
          >
            备货完成
          </Button>
        )}
      </View>
    </View>
  );
}
