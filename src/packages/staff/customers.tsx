import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api';
import type { ActionInput, AdvisorCustomer, CustomerSort } from '../../../cloudfunctions/core/contract';
import { useCursorPages } from '../../hooks/useCursorPages';
import { useRemote } from '../../hooks/useRemote';
import { EmptyState } from '../../components/EmptyState';
import { FeedBody } from '../../components/FeedBody';
import { LineTabs } from '../../components/LineTabs';
import { CustomerCard } from './components/CustomerCard';
import './staff.scss';
import './advisor.scss';
import { withRole } from '../../components/RoleGate';

const SORTS: Array<{ value: CustomerSort; title: string }> = [
  { value: 'lastOrder', title: '最近下单' },
  { value: 'points', title: '积分' },
  { value: 'bound', title: '绑定时间' },
];
type Filter = 'all' | 'due' | 'birthday' | `tier:${string}`;

/**
 * 我的顾客: the advisor's members (the server decides whose: the caller's own), sorted by a tab and
 * narrowed by a chip: 待复购, 本月生日, or a tier.
 */
function MyCustomersPage() {
  const [sort, setSort] = useState<CustomerSort>('lastOrder');
  const [filter, setFilter] = useState<Filter>('all');
  const tiers = useRemote(() => call('member.benefits', {}), []);
  const query: ActionInput<'staff.myCustomers'> = {
    sort,
    ...(filter === 'due' || filter === 'birthday' ? { filter } : {}),
    ...(filter.startsWith('tier:') ? { tier: filter.slice(5) } : {}),
  };
  const feed = useCursorPages<AdvisorCustomer>(`${sort}|${filter}`, (cursor) =>
    call('staff.myCustomers', cursor ? { ...query, cursor } : query),
  );
  useReachBottom(feed.loadMore);
  const chips: Array<{ value: Filter; title: string }> = [
    { value: 'all', title: '全部' },
    { value: 'due', title: '待复购' },
    { value: 'birthday', title: '本月生日' },
    ...(tiers.data?.tiers ?? []).map((t) => ({ value: `tier:${t.code}` as Filter, title: t.name })),
  ];
  return (
    <View className="page adv-page" id="page-staff-customers">
      <LineTabs tabs={SORTS} value={sort} onChange={setSort} className="adv-page__tabs" />
      <View className="adv-chips" id="customer-filters">
        {chips.map((c) => (
          <Text
            key={c.value}
            className={`adv-chip${filter === c.value ? ' adv-chip--on' : ''}`}
            id={`filter-${c.value.replace(':', '-')}`}
            onClick={() => setFilter(c.value)}
          >
            {c.title}
          </Text>
        ))}
      </View>
      <FeedBody
        feed={feed}
        skeletonRows={4}
        listClass="adv-page__list"
        footerClass="adv-page__footer"
        id="customer-list"
        empty={
          <EmptyState
            id="customers-empty"
            title={filter === 'all' ? '还没有顾客' : '没有符合条件的顾客'}
            description={filter === 'all' ? '顾客扫你的导购码入会后，会出现在这里' : '换个筛选条件看看'}
          />
        }
      >
        {feed.items.map((c) => (
          <CustomerCard
            key={c.memberId}
            customer={c}
            onOpen={() =>
              void Taro.navigateTo({ url: `/packages/staff/customer?memberId=${encodeURIComponent(c.memberId)}` })
            }
          />
        ))}
      </FeedBody>
    </View>
  );
}

export default withRole('staff', MyCustomersPage);
