import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Loading } from '@nutui/nutui-react-taro';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { call } from '../../api';
import { useCursorPages } from '../../hooks/useCursorPages';
import type { ActionOutput, PointsHistoryItem } from '../../../cloudfunctions/core/contract';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import './points.scss';

dayjs.extend(utc);

/** ISO-8601 -> a date in business time (Asia/Shanghai, UTC+8, no DST), whatever the device's zone. */
function shanghaiDate(iso: string, format = 'YYYY-MM-DD HH:mm'): string {
  return dayjs(iso)
    .utcOffset(8 * 60)
    .format(format);
}

/** 积分明细: balance header and the ledger, newest first, 20 a page (cursor from the server). */
export default function PointsPage() {
  const feed = useCursorPages<PointsHistoryItem, ActionOutput<'member.pointsHistory'>>('points', (cursor) =>
    call('member.pointsHistory', cursor ? { cursor } : {}).finally(() => void Taro.stopPullDownRefresh()),
  );
  usePullDownRefresh(feed.refresh);
  useReachBottom(feed.loadMore);
  const { items, loading, failed, firstLoad } = feed;
  const balance = feed.last?.balance ?? null;
  // The store's rules, as the server states them (they are store settings).
  const rules = feed.last?.rules;

  return (
    <View className="page points" id="page-points">
      <View className="points__header">
        <Text className="points__label">当前积分</Text>
        <Text className="points__balance" id="points-balance">
          {balance ?? '--'}
        </Text>
        {rules ? (
          <Text className="points__hint" id="points-rules">
            {`${rules.redeemPointsPerYuan} 积分可抵 ¥1，下单时最多抵扣订单金额的 ${rules.redeemCapPercent}%`}
          </Text>
        ) : null}
      </View>
      {firstLoad ? (
        <ListSkeleton rows={4} />
      ) : items.length === 0 ? (
        failed ? (
          <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={feed.refresh} />
        ) : (
          <EmptyState
            id="points-empty"
            title="暂无积分记录"
            description={
              rules && rules.earnPointsPerYuan > 0
                ? `购物满 1 元得 ${rules.earnPointsPerYuan} 积分，订单完成后到账`
                : undefined
            }
            actionText="去逛逛"
            onAction={() => void Taro.switchTab({ url: '/pages/home/index' })}
          />
        )
      ) : (
        <View className="points__list" id="points-list">
          {items.map((item) => (
            <View key={item.id} className="points__row">
              <View className="points__main">
                <Text className="points__reason">{item.reasonText}</Text>
                <Text className="points__date">{shanghaiDate(item.createdAt)}</Text>
                {item.expiresAt ? (
                  <Text className="points__expiry">{shanghaiDate(item.expiresAt, 'YYYY-MM-DD')} 到期</Text>
                ) : null}
              </View>
              <Text className={`points__delta ${item.delta > 0 ? 'is-plus' : 'is-minus'}`}>
                {item.delta > 0 ? `+${item.delta}` : `${item.delta}`}
              </Text>
            </View>
          ))}
          <View className="points__footer">
            {loading ? <Loading type="circular">加载中</Loading> : feed.done ? '— 已经到底了 —' : ''}
          </View>
        </View>
      )}
    </View>
  );
}
