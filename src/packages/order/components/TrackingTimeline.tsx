import { Text, View } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import { call } from '../../../api';
import type { OrderView } from '../../../../cloudfunctions/core/contract';
import { useRemote } from '../../../hooks/useRemote';
import { shanghaiTime } from '../../../utils/shanghai-time';
import './tracking-timeline.scss';

const SHOWN_STEPS = 6;

/** 物流跟踪 on the order detail: the carrier's journey, newest first (the server caches and refreshes it). */
export function TrackingTimeline({ order }: { order: Pick<OrderView, 'orderId' | 'shipping'> }) {
  if (!order.shipping) return null;
  return <Timeline orderId={order.orderId} />;
}

function Timeline({ orderId }: { orderId: string }) {
  const remote = useRemote(() => call('order.tracking', { orderId }), [orderId]);
  const t = remote.data;
  if (!t) {
    return (
      <View className="card tracking" id="detail-tracking">
        {remote.error ? (
          <Text className="tracking__empty" onClick={() => void remote.reload()}>
            物流信息加载失败，点此重试
          </Text>
        ) : (
          <Skeleton rows={3} animated />
        )}
      </View>
    );
  }
  return (
    <View className="card tracking" id="detail-tracking">
      <View className="tracking__head">
        <Text className="tracking__state" id="tracking-state">
          {t.stateText}
        </Text>
        <Text className="tracking__no">{`${t.carrier} ${t.trackingNo}`}</Text>
      </View>
      {t.steps.length === 0 ? (
        <Text className="tracking__empty">快递公司暂未更新，请稍后查看</Text>
      ) : (
        <View className="tracking__steps" id="tracking-steps">
          {t.steps.slice(0, SHOWN_STEPS).map((s, i) => (
            <View className={`tracking__step${i === 0 ? ' tracking__step--now' : ''}`} key={`${s.at}-${i}`}>
              <View className="tracking__dot" />
              <View className="tracking__body">
                <Text className="tracking__text">{s.text}</Text>
                <Text className="tracking__time">{shanghaiTime(s.at)}</Text>
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
