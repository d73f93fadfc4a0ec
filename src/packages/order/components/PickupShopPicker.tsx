import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { PickupShopChoice } from '../../../../cloudfunctions/core/contract';
import { currentLocation } from './location';

function distanceText(m: number | null): string {
  if (m === null) return '';
  return m < 1000 ? `${m}m` : `${(m / 1000).toFixed(1)}km`;
}

interface Props {
  shops: PickupShopChoice[];
  selected: string | undefined;
  onSelect: (shopId: string) => void;
  /** A position was granted: quote again with it (shops come back nearest first). */
  onLocated: (near: { latitude: number; longitude: number }) => void;
}

/**
 * 门店自提: which shop to collect at, in the order the server gives (the member's own shop first, or
 * the nearest first once a position is granted). Refusing the position keeps the default order.
 */
export function PickupShopPicker({ shops, selected, onSelect, onLocated }: Props) {
  const [locating, setLocating] = useState(false);
  const located = shops.some((s) => s.distanceM !== null);
  const locate = async () => {
    setLocating(true);
    const near = await currentLocation();
    setLocating(false);
    if (near) onLocated(near);
    else void Taro.showToast({ title: '未获得位置，按默认顺序显示门店', icon: 'none' });
  };
  if (shops.length === 0) return <Text className="delivery__sub">暂无可自提的门店</Text>;
  return (
    <View className="pickup-shops" id="pickup-shops">
      <View className="pickup-shops__head">
        <Text className="pickup-shops__title">选择自提门店</Text>
        {!located && (
          <Button size="mini" fill="none" id="pickup-locate" loading={locating} onClick={() => void locate()}>
            离我最近
          </Button>
        )}
      </View>
      {shops.map((s) => (
        <View
          key={s.shopId}
          id={`pickup-shop-${s.shopId}`}
          className={`pickup-shop ${s.shopId === selected ? 'is-selected' : ''}`}
          onClick={() => onSelect(s.shopId)}
        >
          <View className="pickup-shop__radio" />
          <View className="pickup-shop__body">
            <View className="pickup-shop__name">
              <Text>{s.name}</Text>
              {s.mine && (
                <Tag type="success" plain className="pickup-shop__tag">
                  我的门店
                </Tag>
              )}
            </View>
            <Text className="pickup-shop__sub">{s.address}</Text>
            <Text className="pickup-shop__sub">{`营业 ${s.hours}`}</Text>
          </View>
          {s.distanceM !== null && <Text className="pickup-shop__distance">{distanceText(s.distanceM)}</Text>}
        </View>
      ))}
    </View>
  );
}
