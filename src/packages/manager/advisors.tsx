import { Text, View } from '@tarojs/components';
import Taro, { useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { Button, Switch } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import type { ActionInput, ShopCustomer } from '../../../cloudfunctions/core/contract';
import { useCursorPages } from '../../hooks/useCursorPages';
import { useRemote } from '../../hooks/useRemote';
import { useSubmit } from '../../hooks/useSubmit';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { FeedBody } from '../../components/FeedBody';
import { LineTabs } from '../../components/LineTabs';
import { shanghaiTime } from '../../utils/shanghai-time';
import { AdvisorCard } from './components/AdvisorCard';
import './manager.scss';
import './advisors.scss';
import { withRole } from '../../components/RoleGate';

type Tab = 'advisors' | 'customers' | 'templates';
const TABS: Array<{ value: Tab; title: string }> = [
  { value: 'advisors', title: '导购' },
  { value: 'customers', title: '顾客' },
  { value: 'templates', title: '导购可发券' },
];
/** Whose customers the 顾客 tab lists: everyone, one advisor's, or a shop's pool. */
type Scope =
  { kind: 'all' } | { kind: 'advisor'; openid: string; name: string } | { kind: 'pool'; shopId: string; name: string };

/** 导购管理: advisors with their budgets, every served customer with reassignment, and which coupons advisors may issue. */
function ManagerAdvisorsPage() {
  const [tab, setTab] = useState<Tab>('advisors');
  const [scope, setScope] = useState<Scope>({ kind: 'all' });
  const board = useRemote(() => call('manager.advisors', {}), []);
  const templates = useRemote(() => call('manager.listCouponTemplates', {}), []);
  const { busy, submit } = useSubmit();
  const query: ActionInput<'manager.shopCustomers'> =
    scope.kind === 'advisor'
      ? { advisorOpenid: scope.openid }
      : scope.kind === 'pool'
        ? { shopId: scope.shopId, advisorOpenid: null }
        : {};
  const customers = useCursorPages<ShopCustomer>(`customers|${JSON.stringify(query)}`, (cursor) =>
    call('manager.shopCustomers', cursor ? { ...query, cursor } : query),
  );
  useReachBottom(() => tab === 'customers' && customers.loadMore());

  const saveBudget = async (openid: string, budgetFen: number) => {
    const done = await submit(`budget:${openid}:${budgetFen}`, (idempotencyKey) =>
      call('manager.setAdvisorBudget', { openid, budgetFen }, { idempotencyKey }),
    );
    if (!done) return false;
    void Taro.showToast({ title: '额度已保存', icon: 'success' });
    void board.reload();
    return true;
  };
  const reassign = async (c: ShopCustomer) => {
    const options = [
      ...(board.data?.advisors ?? [])
        .filter((a) => a.shopId === c.shopId && a.openid !== c.advisorOpenid)
        .map((a) => ({ openid: a.openid as string | null, name: a.name })),
      ...(c.advisorOpenid ? [{ openid: null, name: '转回门店池' }] : []),
    ].slice(0, 6);
    if (options.length === 0) return void Taro.showToast({ title: '本店没有其他导购', icon: 'none' });
    const picked = await Taro.showActionSheet({ itemList: options.map((o) => o.name) }).catch(() => null);
    if (!picked) return;
    const target = options[picked.tapIndex]!;
    const done = await submit(`reassign:${c.memberId}:${target.openid}`, (idempotencyKey) =>
      call('manager.reassignAdvisor', { memberId: c.memberId, advisorOpenid: target.openid }, { idempotencyKey }),
    );
    if (!done) return;
    void Taro.showToast({ title: `已转给 ${target.name}`, icon: 'none' });
    customers.refresh();
    void board.reload();
  };
  const toggleTemplate = async (templateId: string, advisorIssuable: boolean) => {
    const done = await submit(`template:${templateId}:${advisorIssuable}`, (idempotencyKey) =>
      call('manager.setAdvisorTemplate', { templateId, advisorIssuable }, { idempotencyKey }),
    );
    if (done) void templates.reload();
  };

  return (
    <View className="page m-page" id="page-manager-advisors">
      <LineTabs tabs={TABS} value={tab} onChange={setTab} className="m-page__tabs" />
      {tab === 'advisors' &&
        (board.loading && !board.data ? (
          <ListSkeleton rows={3} />
        ) : !board.data ? (
          <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void board.reload()} />
        ) : (
          <View className="m-page__list" id="advisor-list">
            <Text className="m-advisors__month">{`${board.data.month} 月度发券额度`}</Text>
            {board.data.advisors.length === 0 && (
              <EmptyState title="还没有导购" description="在「员工」中邀请店员加入" />
            )}
            {board.data.advisors.some((a) => !a.shopId) && (
              <View
                className="m-link card m-advisors__unplaced"
                id="advisors-unplaced"
                onClick={() => void Taro.navigateTo({ url: '/packages/manager/staff' })}
              >
                <Text>{`${board.data.advisors.filter((a) => !a.shopId).length} 位员工未分配门店，导购码暂不可用`}</Text>
                <Text className="m-advisors__clear">去分配</Text>
              </View>
            )}
            {board.data.advisors.map((a) => (
              <AdvisorCard
                key={a.openid}
                advisor={a}
                busy={busy === `budget:${a.openid}`}
                onSaveBudget={(fen) => saveBudget(a.openid, fen)}
                onCustomers={() => (setScope({ kind: 'advisor', openid: a.openid, name: a.name }), setTab('customers'))}
              />
            ))}
            {board.data.pools.map((p) => (
              <View className="m-advisor card m-pool" key={p.shopId} id={`pool-${p.shopId}`}>
                <Text className="m-advisor__name">{`${p.shopName} · 门店池`}</Text>
                <View className="m-advisor__actions">
                  <Text className="m-advisor__meta">{`未分配导购的顾客 ${p.customers} 人`}</Text>
                  <Button
                    size="small"
                    fill="outline"
                    onClick={() => (
                      setScope({ kind: 'pool', shopId: p.shopId, name: p.shopName }),
                      setTab('customers')
                    )}
                  >
                    查看
                  </Button>
                </View>
              </View>
            ))}
          </View>
        ))}
      {tab === 'customers' && (
        <>
          <View className="m-advisors__scope">
            <Text>
              {scope.kind === 'all'
                ? '全部顾客'
                : scope.kind === 'pool'
                  ? `${scope.name} · 门店池`
                  : `${scope.name} 的顾客`}
            </Text>
            {scope.kind !== 'all' && (
              <Text className="m-advisors__clear" onClick={() => setScope({ kind: 'all' })}>
                查看全部
              </Text>
            )}
          </View>
          <FeedBody
            feed={customers}
            skeletonRows={4}
            listClass="m-page__list"
            footerClass="m-page__footer"
            id="shop-customers"
            empty={
              <EmptyState
                id="shop-customers-empty"
                title="暂无顾客"
                description="顾客扫门店码或导购码入会后会出现在这里"
              />
            }
          >
            {customers.items.map((c) => (
              <View className="m-item card m-customer" key={c.memberId} id={`shop-customer-${c.memberId}`}>
                <View className="m-item__head">
                  <Text className="m-item__title">{`${c.nickname} · ${c.tier.name}`}</Text>
                  <Button
                    size="small"
                    type="primary"
                    fill="outline"
                    className="m-customer__reassign"
                    loading={busy?.startsWith(`reassign:${c.memberId}:`)}
                    onClick={() => void reassign(c)}
                  >
                    改派
                  </Button>
                </View>
                <Text className="m-item__text">{`导购：${c.advisorName ?? '门店池'} · 绑定于 ${shanghaiTime(c.boundAt, 'YYYY-MM-DD')}`}</Text>
              </View>
            ))}
          </FeedBody>
        </>
      )}
      {tab === 'templates' &&
        (!templates.data ? (
          <ListSkeleton rows={3} />
        ) : (
          <View className="m-page__list" id="advisor-templates">
            <Text className="m-advisors__month">导购按券面值占用月度额度（折扣券按封顶金额）</Text>
            {templates.data.items
              .filter((t) => t.active)
              .map((t) => (
                <View className="m-item card m-template" key={t.templateId} id={`advisor-template-${t.templateId}`}>
                  <View className="m-item__head">
                    <Text className="m-item__title">{t.title}</Text>
                    <Switch
                      checked={t.advisorIssuable}
                      disabled={busy?.startsWith(`template:${t.templateId}:`)}
                      onChange={(v) => void toggleTemplate(t.templateId, v)}
                    />
                  </View>
                  <Text className="m-item__text">{`剩余 ${t.remaining} / ${t.total} · ${t.validityText}`}</Text>
                </View>
              ))}
          </View>
        ))}
    </View>
  );
}

export default withRole('manager', ManagerAdvisorsPage);
