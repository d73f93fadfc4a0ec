import { View } from '@tarojs/components';
import Taro, { useDidShow, useReachBottom, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../../api';
import type { OrderTab, OrderView } from '../../../cloudfunctions/core/contract';
import { EmptyState } from '../../components/EmptyState';
import { LineTabs } from '../../components/LineTabs';
import { FeedBody } from '../../components/FeedBody';
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
      <LineTabs tabs={ORDER_TABS} value={tab} onChange={setTab} className="order-list__tabs" />
      <FeedBody
        feed={feed}
        listClass="order-list__items"
        footerClass="order-list__footer"
        id="order-list"
        empty={
          <EmptyState
            id="orders-empty"
            title="暂无相关订单"
            description="去挑几件心仪的好物吧"
            actionText="去逛逛"
            onAction={() => void Taro.switchTab({ url: '/pages/home/index' })}
          />
        }
      >
        {feed.items.map((o) => (
          <OrderCard key={o.orderId} order={o} onChanged={feed.refresh} />
        ))}
      </FeedBody>
    </View>
  );
}
