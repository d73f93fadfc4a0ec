import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { OrderView } from '../../../../cloudfunctions/core/contract';
import { formatTime, pieces } from '../../order/components/order-text';

interface Props {
  order: OrderView;
  /** Show the shop: the caller serves every shop. */
  showShop: boolean;
  busy: boolean;
  onReady: (o: OrderView) => void;
}

/** One pickup order as the shop sees it: who collects, what to hand over, and 备货完成 while it waits. */
export function PickupCard({ order, showShop, busy, onReady }: Props) {
  const at = order.status === 'completed' ? order.completedAt : order.paidAt;
  return (
    <View className="pickup-card card" id={`pickup-${order.orderId}`}>
      <View className="pickup-card__head">
        <Text className="pickup-card__who">{order.memberNickname || '会员'}</Text>
        <Text className="pickup-card__time">{formatTime(at ?? order.createdAt)}</Text>
      </View>
      <Text className="pickup-card__no">{`订单号 ${order.orderNo}`}</Text>
      {order.lines.map((l) => (
        <Text className="pickup-card__line" key={l.lineId}>
          {`${l.title}${l.specsText ? `（${l.specsText}）` : ''} × ${l.qty}`}
        </Text>
      ))}
      {order.remark && <Text className="pickup-card__remark">{`备注：${order.remark}`}</Text>}
      <View className="pickup-card__foot">
        <View className="pickup-card__tags">
          {order.groupBuy && <Tag className="tag-accent">拼团</Tag>}
          {showShop && order.pickupShop && <Tag className="tag-soft">{order.pickupShop.name}</Tag>}
          <Text className="pickup-card__count">{`共 ${pieces(order)} 件`}</Text>
        </View>
        {order.status === 'paid' && (
          <Button
            size="small"
            type="primary"
            id={`pickup-ready-${order.orderId}`}
            loading={busy}
            disabled={busy}
            onClick={() => onReady(order)}
          >
            备货完成
          </Button>
        )}
      </View>
      {order.status === 'ready_for_pickup' && (
        <Text className="pickup-card__hint">顾客到店出示提货码后，在工作台核销</Text>
      )}
    </View>
  );
}
