import { Image, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Tag } from '@nutui/nutui-react-taro';
import { call, mediaUrl } from '../../api';
import { useRemote } from '../../hooks/useRemote';
import { PriceLine } from '../../components/PriceLine';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { campaignPath } from './components/join';
import './groupbuy.scss';

/** 拼团: the campaigns running now, group price against the list price, teams waiting for members. */
export default function GroupbuyListPage() {
  // A failed pull-to-refresh keeps the list it has (useRemote toasts the failure).
  const { data, loading, reload } = useRemote(() => call('groupbuy.listCampaigns', {}), []);
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));

  if (!data) {
    return loading ? (
      <ListSkeleton rows={3} />
    ) : (
      <View className="page">
        <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void reload()} />
      </View>
    );
  }
  return (
    <View className="page gb-page" id="page-groupbuy-list">
      <View className="gb-hero">
        <Text className="gb-hero__title">好物拼团</Text>
        <Text className="gb-hero__sub">邀请好友一起买，成团享拼团价；未成团自动退款</Text>
      </View>
      {data.items.length === 0 ? (
        <EmptyState title="暂无进行中的拼团" description="新活动上线后会出现在这里" />
      ) : (
        data.items.map((c) => (
          <View
            key={c.campaignId}
            className="gb-card"
            id={`campaign-${c.campaignId}`}
            onClick={() => void Taro.navigateTo({ url: campaignPath(c.campaignId) })}
          >
            <Image className="gb-card__img" src={mediaUrl(c.image)} mode="aspectFill" lazyLoad />
            <View className="gb-card__body">
              <Text className="gb-card__title">{c.productTitle}</Text>
              <View className="gb-card__tags">
                <Tag type="primary">{`${c.teamSize}人团`}</Tag>
                {c.openTeams > 0 && <Text className="gb-card__hint">{`${c.openTeams} 个团等你加入`}</Text>}
              </View>
              <PriceLine priceFen={c.groupPriceFen} originalPriceFen={c.originalPriceFen} />
            </View>
          </View>
        ))
      )}
    </View>
  );
}
