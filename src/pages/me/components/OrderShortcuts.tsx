import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Badge } from '@nutui/nutui-react-taro';
import { ArrowRight, Received, Refund, ToPay, ToReceive, Transit } from '@nutui/icons-react-taro';
import type { OrderTab } from '../../../../cloudfunctions/core/contract';

const SHORTCUTS: Array<{ tab: OrderTab; title: string; Icon: typeof ToPay }> = [
  { tab: 'pending_payment', title: '待付款', Icon: ToPay },
  { tab: 'to_ship', title: '待发货', Icon: Transit },
  { tab: 'to_receive', title: '待收货', Icon: ToReceive },
  { tab: 'done', title: '已完成', Icon: Received },
  { tab: 'after_sale', title: '退款/售后', Icon: Refund },
];

function openOrders(tab?: OrderTab) {
  void Taro.navigateTo({ url: `/packages/order/list${tab ? `?tab=${tab}` : ''}` });
}

/** 我的订单 with one shortcut per tab; the counts are the server's (`order.list` counts). */
export function OrderShortcuts({ counts }: { counts?: Partial<Record<OrderTab, number>> }) {
  return (
    <View className="order-shortcuts card" id="me-orders">
      <View className="order-shortcuts__head" id="me-orders-all" onClick={() => openOrders()}>
        <Text className="order-shortcuts__title">我的订单</Text>
        <View className="order-shortcuts__all">
          <Text>全部订单</Text>
          <ArrowRight size={12} color="#9A918A" />
        </View>
      </View>
      <View className="order-shortcuts__row">
        {SHORTCUTS.map(({ tab, title, Icon }) => {
          // "Done" is history, not a to-do: no badge for it.
          const n = tab === 'done' ? 0 : (counts?.[tab] ?? 0);
          return (
            <View key={tab} className="order-shortcuts__item" id={`me-orders-${tab}`} onClick={() => openOrders(tab)}>
              <Badge value={n > 0 ? n : undefined} max={99} top="2" right="4">
                <Icon size={26} color="#3F6B57" />
              </Badge>
              <Text className="order-shortcuts__label">{title}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}
