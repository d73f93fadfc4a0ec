import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Price } from '@nutui/nutui-react-taro';
import { mediaUrl } from '../../../api';
import type { OrderView } from '../../../../cloudfunctions/core/contract';
import { formatFen } from '../../../utils/money';
import { pieces, statusText } from './order-text';
import { OrderActions } from './OrderActions';

/** One order in the list: status, the first lines' images, payable, and what can be done now. */
export function OrderCard({ order, onChanged }: { order: OrderView; onChanged: (o: OrderView) => void }) {
  const first = order.lines[0];
  const open = () =>
    void Taro.navigateTo({ url: `/packages/order/detail?orderId=${encodeURIComponent(order.orderId)}` });
  return (
    <View className="order-card card" id={`order-card-${order.orderId}`} onClick={open}>
      <View className="order-card__head">
        <Text className="order-card__no">{`订单号 ${order.orderNo}`}</Text>
        <Text className={`order-card__status status--${order.status}`} id={`order-status-${order.orderId}`}>
          {statusText(order)}
        </Text>
      </View>
      <View className="order-card__body">
        {order.lines.length === 1 && first ? (
          <View className="order-card__single">
            <Image className="order-card__img" src={mediaUrl(first.image)} mode="aspectFill" />
            <View className="order-card__info">
              <Text className="order-card__title">{first.title}</Text>
              {first.specsText && <Text className="order-card__specs">{first.specsText}</Text>}
            </View>
          </View>
        ) : (
          <View className="order-card__imgs">
            {order.lines.slice(0, 4).map((l) => (
              <Image key={l.lineId} className="order-card__img" src={mediaUrl(l.image)} mode="aspectFill" />
            ))}
          </View>
        )}
      </View>
      <View className="order-card__sum">
        <Text className="order-card__count">{`共 ${pieces(order)} 件  实付`}</Text>
        <Price price={formatFen(order.payableFen)} size="normal" thousands />
      </View>
      <OrderActions order={order} onChanged={onChanged} />
    </View>
  );
}
