import { Image, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Tag } from '@nutui/nutui-react-taro';
import { call, mediaUrl } from '../../api';
import { useCursorPages } from '../../hooks/useCursorPages';
import type { ActionOutput, InviteItem } from '../../../cloudfunctions/core/contract';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { shanghaiTime } from '../../utils/shanghai-time';
import './invite.scss';

const TAG_TYPE: Record<InviteItem['status'], 'primary' | 'success' | 'warning' | 'default'> = {
  bound: 'primary',
  ordered: 'warning',
  rewarded: 'success',
  invalid: 'default',
};

/** 我的邀请: the friends the member invited, with 已绑定 / 已下单 / 已奖励 / 已失效. */
export default function MyInvitesPage() {
  const feed = useCursorPages<InviteItem, ActionOutput<'referral.myInvites'>>('invites', (cursor) =>
    call('referral.myInvites', cursor ? { cursor } : {}).finally(() => void Taro.stopPullDownRefresh()),
  );
  usePullDownRefresh(feed.refresh);
  useReachBottom(feed.loadMore);
  const { items, loading, failed, firstLoad } = feed;
  const summary = feed.last?.summary;

  return (
    <View className="page invite-mine" id="page-invite-mine">
      <View className="invite-mine__summary" id="invite-summary">
        {[
          ['已邀请', summary?.invited ?? '-'],
          ['已奖励', summary?.rewarded ?? '-'],
          ['获得积分', summary?.pointsEarned ?? '-'],
        ].map(([label, value]) => (
          <View key={label} className="invite-mine__stat">
            <Text className="invite-mine__value">{value}</Text>
            <Text className="invite-mine__label">{label}</Text>
          </View>
        ))}
      </View>
      {firstLoad && loading ? (
        <ListSkeleton />
      ) : failed && items.length === 0 ? (
        <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={feed.refresh} />
      ) : items.length === 0 ? (
        <EmptyState
          title="还没有邀请好友"
          description="邀请好友下单，双方都有礼"
          actionText="去邀请"
          onAction={() => void Taro.navigateBack()}
          id="invite-empty"
        />
      ) : (
        <View className="invite-mine__list">
          {items.map((item) => (
            <View key={item.referralId} className="invite-mine__row" data-status={item.status}>
              {item.friendAvatarUrl ? (
                <Image className="invite-mine__avatar" src={mediaUrl(item.friendAvatarUrl)} />
              ) : (
                <View className="invite-mine__avatar invite-mine__avatar--text">{item.nickname.slice(0, 1)}</View>
              )}
              <View className="invite-mine__info">
                <Text className="invite-mine__name">{item.nickname}</Text>
                <Text className="invite-mine__meta">
                  {shanghaiTime(item.boundAt, 'YYYY-MM-DD')} 绑定{item.note ? ` · ${item.note}` : ''}
                </Text>
              </View>
              <Tag type={TAG_TYPE[item.status]} plain={item.status === 'invalid'} className="invite-mine__tag">
                {item.statusText}
              </Tag>
            </View>
          ))}
          {!feed.last?.nextCursor && <Text className="invite-mine__end">没有更多了</Text>}
        </View>
      )}
    </View>
  );
}
