import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api';
import type { OrderView, ShopPickups } from '../../../cloudfunctions/core/contract';
import { EmptyState } from '../../components/EmptyState';
import { FeedBody } from '../../components/FeedBody';
import { LineTabs } from '../../components/LineTabs';
import { useCursorPages } from '../../hooks/useCursorPages';
import { useSubmit } from '../../hooks/useSubmit';
import { PickupCard } from './components/PickupCard';
import './staff.scss';
import './advisor.scss';
import { withRole } from '../../components/RoleGate';

type Stage = 'paid' | 'ready_for_pickup' | 'completed';

const EMPTY: Record<Stage, { title: string; description: string }> = {
  paid: { title: '没有待备货的订单', description: '顾客选择在本店自提并付款后，会出现在这里' },
  ready_for_pickup: { title: '没有待提货的订单', description: '备货完成的订单等顾客到店时在这里' },
  completed: { title: '还没有已提货的订单', description: '核销后的自提订单会出现在这里' },
};

/**
 * 门店自提: the caller's shop's pickup orders (the server decides which shop: the caller's own), to
 * prepare, to collect and collected. Staff mark an order 备货完成 here; the hand-over itself stays at the
 * counter, against the code the customer shows.
 */
function ShopPickupsPage() {
  const [stage, setStage] = useState<Stage>('paid');
  const feed = useCursorPages<OrderView, ShopPickups>(stage, (cursor) =>
    call('staff.listPickups', cursor ? { stage, cursor } : { stage }),
  );
  useReachBottom(feed.loadMore);
  const { busy, submit } = useSubmit();
  const counts = feed.last?.counts;
  const tabs: Array<{ value: Stage; title: string }> = [
    { value: 'paid', title: counts?.paid ? `待备货 ${counts.paid}` : '待备货' },
    { value: 'ready_for_pickup', title: counts?.ready ? `待提货 ${counts.ready}` : '待提货' },
    { value: 'completed', title: '已提货' },
  ];
  const ready = async (o: OrderView) => {
    const done = await submit(`ready:${o.orderId}`, (idempotencyKey) =>
      call('staff.readyForPickup', { orderId: o.orderId }, { idempotencyKey }),
    );
    if (!done) return;
    void Taro.showToast({ title: '已通知顾客到店自提', icon: 'none' });
    feed.refresh();
  };
  const shop = feed.last?.shop;
  return (
    <View className="page adv-page" id="page-staff-pickups">
      {feed.last && (
        <Text className="pickups__shop" id="pickups-shop">
          {shop ? shop.name : '全部门店'}
        </Text>
      )}
      <LineTabs tabs={tabs} value={stage} onChange={setStage} className="adv-page__tabs" />
      <FeedBody
        feed={feed}
        skeletonRows={3}
        listClass="adv-page__list"
        footerClass="adv-page__footer"
        id="pickup-list"
        empty={<EmptyState id="pickups-empty" {...EMPTY[stage]} />}
      >
        {feed.items.map((o) => (
          <PickupCard
            key={o.orderId}
            order={o}
            showShop={!shop}
            busy={busy === `ready:${o.orderId}`}
            onReady={(x) => void ready(x)}
          />
        ))}
      </FeedBody>
    </View>
  );
}

export default withRole('staff', ShopPickupsPage);
