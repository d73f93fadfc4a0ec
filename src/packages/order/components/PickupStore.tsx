import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { OrderView, PickupShop } from '../../../../cloudfunctions/core/contract';

/** Opens the shop in the map app (WeChat's map on weapp); a shop without a position has no map. */
function openMap(shop: PickupShop): void {
  if (shop.latitude === null || shop.longitude === null) return;
  Taro.openLocation({
    latitude: shop.latitude,
    longitude: shop.longitude,
    name: shop.name,
    address: shop.address,
    scale: 16,
  }).catch(() => void Taro.showToast({ title: '无法打开地图', icon: 'none' }));
}

/**
 * Order detail: where a pickup order is collected (name, address, hours, phone, map), and the
 * customer's 订单备注 for any order.
 */
export function PickupStore({ order }: { order: OrderView }) {
  const shop = order.pickupShop;
  if (!shop && !order.remark) return null;
  return (
    <>
      {shop && (
        <View className="pickup-store card" id="detail-pickup-store">
          <Text className="pickup-store__row">自提门店</Text>
          <Text className="pickup-store__name">{shop.name}</Text>
          <Text className="pickup-store__row">{shop.address}</Text>
          <Text className="pickup-store__row">{`营业时间 ${shop.hours}`}</Text>
          <Text className="pickup-store__row">{`电话 ${shop.phone}`}</Text>
          <View className="pickup-store__actions">
            <Button
              size="small"
              fill="outline"
              id="pickup-store-call"
              onClick={() => void Taro.makePhoneCall({ phoneNumber: shop.phone }).catch(() => undefined)}
            >
              拨打电话
            </Button>
            {shop.latitude !== null && (
              <Button size="small" type="primary" id="pickup-store-map" onClick={() => openMap(shop)}>
                查看地图
              </Button>
            )}
          </View>
        </View>
      )}
      {order.remark && (
        <View className="pickup-store card" id="detail-remark">
          <Text className="pickup-store__row">订单备注</Text>
          <Text className="pickup-store__name">{order.remark}</Text>
        </View>
      )}
    </>
  );
}
