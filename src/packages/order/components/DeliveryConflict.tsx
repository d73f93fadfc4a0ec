import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DeliveryType } from '../../../../cloudfunctions/core/contract';

/** The details of DELIVERY_CONFLICT: the lines that keep the cart from each delivery type. */
export interface ConflictDetails {
  deliveryOptions: DeliveryType[];
  blockers: Record<DeliveryType, Array<{ skuId: string; title: string }>>;
}

const SIDE_TEXT: Record<DeliveryType, string> = {
  express: '以下商品仅支持门店自提，移除后可快递配送',
  pickup: '以下商品仅支持快递配送，移除后可门店自提',
};

/**
 * A cart that no single delivery type can serve: which lines block which type, each removable from
 * this checkout in place (the cart keeps them for a separate order).
 */
export function DeliveryConflict({
  conflict,
  onRemove,
}: {
  conflict: ConflictDetails;
  onRemove: (skuId: string) => void;
}) {
  return (
    <View className="delivery-conflict card" id="delivery-conflict">
      <Text className="delivery-conflict__title">这些商品需分开下单</Text>
      {(['express', 'pickup'] as const)
        .filter((side) => conflict.blockers[side].length > 0)
        .map((side) => (
          <View key={side} className="delivery-conflict__side" id={`conflict-${side}`}>
            <Text className="delivery-conflict__hint">{SIDE_TEXT[side]}</Text>
            {conflict.blockers[side].map((line) => (
              <View key={line.skuId} className="delivery-conflict__line">
                <Text className="delivery-conflict__name">{line.title}</Text>
                <Button
                  size="small"
                  fill="outline"
                  id={`conflict-remove-${line.skuId}`}
                  onClick={() => onRemove(line.skuId)}
                >
                  移除
                </Button>
              </View>
            ))}
          </View>
        ))}
    </View>
  );
}
