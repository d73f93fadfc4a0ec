import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { call } from '../../api';
import type { ActionInput, ManagerCampaignView } from '../../../cloudfunctions/core/contract';
import { useRemote } from '../../hooks/useRemote';
import { useSubmit } from '../../hooks/useSubmit';
import { PriceLine } from '../../components/PriceLine';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { CampaignForm } from './components/CampaignForm';
import { formatTime } from '../order/components/order-text';
import './manager.scss';
import './campaigns.scss';
import { withRole } from '../../components/RoleGate';

/** 拼团活动 (manager): every campaign with its seats and team outcomes; create one, stop one. */
function ManagerCampaignsPage() {
  const list = useRemote(() => call('manager.listCampaigns', {}), []);
  const [creating, setCreating] = useState(false);
  const { busy, submit } = useSubmit();

  const run = async <T,>(slot: string, action: (idempotencyKey: string) => Promise<T>, done: string) => {
    if ((await submit(slot, action)) === undefined) return false;
    void Taro.showToast({ title: done, icon: 'success' });
    void list.reload();
    return true;
  };
  const create = (input: ActionInput<'manager.createCampaign'>) =>
    void run('create', (idempotencyKey) => call('manager.createCampaign', input, { idempotencyKey }), '已创建').then(
      (ok) => ok && setCreating(false),
    );
  const stop = async (c: ManagerCampaignView) => {
    const ok = await Taro.showModal({
      title: '停止活动',
      content: `停止「${c.title}」后不再开团和参团，进行中的团到期后按规则处理。`,
      confirmColor: '#3F6B57',
    });
    if (ok.confirm)
      void run(
        `stop:${c.campaignId}`,
        (idempotencyKey) => call('manager.stopCampaign', { campaignId: c.campaignId }, { idempotencyKey }),
        '已停止',
      );
  };

  const items = list.data?.items;
  return (
    <View className="page manager" id="page-manager-campaigns">
      <View className="gb-bar-top">
        <Button type="primary" block id="campaign-new" onClick={() => setCreating(true)}>
          新建拼团活动
        </Button>
      </View>
      {!items ? (
        list.loading ? (
          <ListSkeleton rows={3} />
        ) : (
          <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void list.reload()} />
        )
      ) : items.length === 0 ? (
        <EmptyState title="还没有拼团活动" description="新建一个，让老客带新客" />
      ) : (
        items.map((c) => (
          <View key={c.campaignId} className="manager-card" id={`manager-campaign-${c.campaignId}`}>
            <View className="manager-card__head">
              <Text className="manager-card__title">{c.title}</Text>
              <Tag type={c.status === 'active' ? 'primary' : 'default'}>
                {c.status === 'active' ? '进行中' : '已停止'}
              </Tag>
            </View>
            <Text className="manager-card__line">{`${c.productTitle} ${c.specsText} · ${c.teamSize}人团 · ${c.windowHours}小时`}</Text>
            <PriceLine priceFen={c.groupPriceFen} originalPriceFen={c.originalPriceFen} size="small" />
            <Text className="manager-card__line">{`名额 ${c.seatsSold}/${c.stockCap} · 每人限 ${c.perMemberLimit} · ${c.allowVirtual ? '未满自动成团' : '未满退款'}`}</Text>
            <Text className="manager-card__line">{`拼团中 ${c.teams.open} · 成功 ${c.teams.succeeded} · 失败 ${c.teams.failed}`}</Text>
            <Text className="manager-card__line">{`截止 ${formatTime(c.endsAt)}`}</Text>
            {c.status === 'active' && (
              <Button
                size="small"
                fill="outline"
                className="manager-card__btn"
                loading={busy === `stop:${c.campaignId}`}
                onClick={() => void stop(c)}
              >
                停止活动
              </Button>
            )}
          </View>
        ))
      )}
      <CampaignForm visible={creating} busy={busy === 'create'} onClose={() => setCreating(false)} onSubmit={create} />
    </View>
  );
}

export default withRole('manager', ManagerCampaignsPage);
