import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ArrowRight } from '@nutui/icons-react-taro';
import { SearchBar } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import type { OrderStatus, OrderView } from '../../../cloudfunctions/core/contract';
import { EmptyState } from '../../components/EmptyState';
import { LineTabs } from '../../components/LineTabs';
import { FeedBody } from '../../components/FeedBody';
import { useCursorPages } from '../../hooks/useCursorPages';
import { useSubmit } from '../../hooks/useSubmit';
import { ManagerOrderCard } from './components/ManagerOrderCard';
import { ShipForm } from './components/ShipForm';
import { VerifyPickup } from '../../components/VerifyPickup';
import { RefundSheet } from './components/RefundSheet';
import { safeDecode } from '../../utils/query';
import './manager.scss';
import { withRole } from '../../components/RoleGate';

const TABS: Array<{ value: OrderStatus | 'all'; title: string }> = [
  { value: 'paid', title: '待发货' },
  { value: 'grouping', title: '拼团中' },
  { value: 'ready_for_pickup', title: '待自提' },
  { value: 'shipped', title: '已发货' },
  { value: 'completed', title: '已完成' },
  { value: 'settled', title: '已结算' },
  { value: 'all', title: '全部' },
];

type Step = 'manager.shipOrder' | 'manager.readyForPickup' | 'manager.refundOrder';

function ManagerOrdersPage() {
  // 管理后台's counts open their tab (?status=ready_for_pickup).
  const params = useRouter().params;
  const asked = params.status;
  const [tab, setTab] = useState<OrderStatus | 'all'>(TABS.find((t) => t.value === asked)?.value ?? 'paid');
  // A search looks through every status: the order number or member the manager typed.
  const [q, setQ] = useState(safeDecode(params.q)?.trim() ?? '');
  const feed = useCursorPages<OrderView>(`${tab}|${q}`, (cursor) =>
    call('manager.listOrders', {
      ...(tab === 'all' || q ? {} : { status: tab }),
      ...(q ? { q } : {}),
      ...(cursor ? { cursor } : {}),
    }),
  );
  const [shipping, setShipping] = useState<OrderView>();
  // One key per (order, step): a retry after a network error replays instead of acting twice.
  const { busy, submit } = useSubmit();
  const busyOn = (o: OrderView) => !!busy?.startsWith(`${o.orderId}:`);
  useReachBottom(feed.loadMore);

  const [refunding, setRefunding] = useState<OrderView>();
  const run = async (
    step: Step,
    order: OrderView,
    extra: { carrier: string; trackingNo: string } | { reason: string; lineIds: string[] } | null,
    done: string,
  ) => {
    const answer = await submit<unknown>(`${order.orderId}:${step}`, (idempotencyKey) => {
      if (step === 'manager.shipOrder' && extra && 'carrier' in extra)
        return call(step, { orderId: order.orderId, ...extra }, { idempotencyKey });
      if (step === 'manager.refundOrder' && extra && 'reason' in extra)
        return call(step, { orderId: order.orderId, ...extra }, { idempotencyKey });
      return call('manager.readyForPickup', { orderId: order.orderId }, { idempotencyKey });
    });
    if (!answer) return;
    setShipping(undefined);
    setRefunding(undefined);
    void Taro.showToast({ title: done, icon: 'success' });
    feed.refresh();
  };

  return (
    <View className="page m-page" id="page-manager-orders">
      <View className="m-page__top">
        <VerifyPickup onVerified={feed.refresh} />
        <View
          className="m-link card"
          id="m-go-refunds"
          onClick={() => void Taro.navigateTo({ url: '/packages/manager/refunds' })}
        >
          <Text>售后审核</Text>
          <ArrowRight size={14} color="#9A918A" />
        </View>
      </View>
      <View className="m-page__search">
        <SearchBar
          shape="round"
          placeholder="订单号 / 会员手机号 / 昵称"
          id="m-order-search"
          defaultValue={q}
          onSearch={(text) => setQ(text.trim())}
          onClear={() => setQ('')}
        />
      </View>
      {q ? (
        <Text className="m-page__searching" id="m-order-searching">{`“${q}”的搜索结果（全部状态）`}</Text>
      ) : (
        <LineTabs tabs={TABS} value={tab} onChange={setTab} className="m-page__tabs" />
      )}
      <FeedBody
        feed={feed}
        listClass="m-page__list"
        footerClass="m-page__footer"
        id="m-order-list"
        empty={<EmptyState id="m-orders-empty" title="暂无订单" description="新的订单会出现在这里" />}
      >
        {feed.items.map((o) => (
          <ManagerOrderCard
            key={o.orderId}
            order={o}
            busy={busyOn(o)}
            onShip={setShipping}
            onRefund={setRefunding}
            onReady={(x) => void run('manager.readyForPickup', x, null, '已通知顾客到店自提')}
          />
        ))}
      </FeedBody>
      <ShipForm
        key={shipping?.orderId ?? 'none'}
        visible={!!shipping}
        orderNo={shipping?.orderNo ?? ''}
        busy={!!shipping && busyOn(shipping)}
        onClose={() => setShipping(undefined)}
        onSubmit={(carrier, trackingNo) =>
          shipping && void run('manager.shipOrder', shipping, { carrier, trackingNo }, '已发货')
        }
      />
      <RefundSheet
        key={refunding ? `refund-${refunding.orderId}` : 'refund-none'}
        order={refunding}
        busy={!!refunding && busyOn(refunding)}
        onClose={() => setRefunding(undefined)}
        onSubmit={(lineIds, reason) =>
          refunding && void run('manager.refundOrder', refunding, { reason, lineIds }, '已提交退款')
        }
      />
    </View>
  );
}

export default withRole('manager', ManagerOrdersPage);
