import { View } from '@tarojs/components';
import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { Loading, Tabs } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import type { OrderTab, OrderView } from '../../../cloudfunctions/core/contract';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { ORDER_TABS } from './components/order-text';
import { OrderCard } from './components/OrderCard';
import { useCursorPages } from '../../hooks/useCursorPages';
import './order.scss';

type TabValue = OrderTab | 'all';

function initialTab(raw: string | undefined): TabValue {
  return ORDER_TABS.some((t) => t.value === raw) ? (raw as TabValue) : 'all';
}

export default function OrderListPage() {
  const routeTab = useRouter().params.tab;
  const [tab, setTab] = useState<TabValue>(() => initialTab(routeTab));
  const feed = useCursorPages<OrderView>(tab, (cursor) =>
    call('order.list', { ...(tab === 'all' ? {} : { status: tab }), ...(cursor ? { cursor } : {}) }),
  );
  const shown = useRef(false);

  // Coming back from a detail or pay page: statuses may have moved.
  useDidShow(() => {
    if (shown.current) feed.refresh();
    shown.current = true;
  });
  useReachBottom(feed.loadMore);

  return (
    <View className="page order-list" id="page-order-list">
      <Tabs value={tab} onChange={(v) => setTab(v as TabValue)} activeType="line" className="order-list__tabs">
        {ORDER_TABS.map((t) => (
          <Tabs.TabPane key={t.value} value={t.value} title={t.title} />
        ))}
      </Tabs>
      {feed.firstLoad ? (
        <ListSkeleton rows={3} />
      ) : feed.items.length === 0 ? (
        feed.failed ? (
          <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={feed.refresh} />
        ) : (
          <EmptyState id="orders-empty" title="暂无相关订单" description="去挑几件心仪的好物吧" actionText="去逛逛"
            onAction={() => void Taro.switchTab({ url: '/pages/home/index' })} />
        )
      ) : (
        <View className="order-list__items" id="order-list">
          {feed.items.map((o) => (
            <OrderCard key={o.orderId} order={o} onChanged={feed.refresh} />
          ))}
          <View className="order-list__footer">
            {feed.loading ? <Loading type="circular">加载中</Loading> : feed.done ? '— 已经到底了 —' : ''}
          </View>
        </View>
      )}
    </View>
  );
}
