import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { call, mediaUrl } from '../../api';
import { useRemote } from '../../hooks/useRemote';
import { safeDecode } from '../../utils/query';
import { formatFen } from '../../utils/money';
import { PriceLine } from '../../components/PriceLine';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { Countdown } from '../../components/Countdown';
import { campaignPath, startGroupCheckout, teamPath } from './components/join';
import { useInviteAttribution, useShare } from '../../hooks/useShare';
import './groupbuy.scss';

/** One campaign: group price vs list price, the teams one can join now (with countdowns), or open a new team. */
export default function CampaignPage() {
  const campaignId = safeDecode(useRouter().params.campaignId) ?? '';
  const { data: c, loading, reload } = useRemote(() => call('groupbuy.getCampaign', { campaignId }), [campaignId]);
  useDidShow(() => void (c && reload()));
  useInviteAttribution();
  useShare(() => ({
    title: c ? `¥${formatFen(c.groupPriceFen)} ${c.teamSize}人拼 ${c.productTitle}` : '一起拼团',
    path: campaignPath(campaignId),
    imageUrl: c?.shareImage,
  }));

  if (!c) {
    return loading ? (
      <PageSkeleton />
    ) : (
      <View className="page">
        <EmptyState
          status="network"
          title="拼团活动不存在或加载失败"
          actionText="返回拼团列表"
          onAction={() => void Taro.redirectTo({ url: '/packages/groupbuy/list' })}
        />
      </View>
    );
  }
  const open = c.open;
  return (
    <View className="page gb-page" id="page-groupbuy-campaign">
      <Image className="gb-cover" src={mediaUrl(c.image)} mode="aspectFill" />
      <View className="gb-panel">
        <View className="gb-card__tags">
          <Tag type="primary">{`${c.teamSize}人团`}</Tag>
          <Text className="gb-card__hint">{`${c.windowHours} 小时内成团 · 每人限 ${c.perMemberLimit} 单`}</Text>
        </View>
        <Text className="gb-panel__title">{c.productTitle}</Text>
        <Text className="gb-panel__spec">{c.specsText}</Text>
        <View className="gb-panel__price">
          <Text className="gb-panel__label">拼团价</Text>
          <PriceLine
            priceFen={c.groupPriceFen}
            originalPriceFen={c.originalPriceFen}
            size="large"
            id="campaign-price"
          />
        </View>
        <Text className="gb-card__hint">{`单买价 ¥${formatFen(c.originalPriceFen)} · 剩余名额 ${c.remainingSeats}`}</Text>
        {/* What shipping adds to the group price, as checkout will charge it (the server's words). */}
        <Text className="gb-card__hint gb-panel__shipping" id="gb-shipping">
          {c.shipping}
        </Text>
      </View>
      <View className="gb-panel">
        <Text className="gb-panel__head">
          {c.teams.length > 0 ? '这些团正在等人，可直接参团' : '还没有人开团，来当团长吧'}
        </Text>
        {c.teams.map((t) => (
          <View key={t.teamId} className="gb-team-row" id={`open-team-${t.teamId}`}>
            <View className="gb-team-row__who">
              <Text className="gb-team-row__name">{`${t.leader.nickname} 的团`}</Text>
              <Text className="gb-card__hint">
                {`还差 ${t.teamSize - t.joined} 人 · 剩余 `}
                <Countdown hours className="gb-countdown" until={t.expiresAt} onEnd={() => void reload()} />
              </Text>
            </View>
            <Button
              size="small"
              type="primary"
              fill="outline"
              onClick={() => void Taro.navigateTo({ url: teamPath(t.teamId) })}
            >
              去参团
            </Button>
          </View>
        ))}
      </View>
      <View className="gb-bar">
        <Button
          type="primary"
          block
          id="campaign-open-team"
          disabled={!open || c.remainingSeats === 0}
          onClick={() => startGroupCheckout(c)}
        >
          {!open ? '活动已结束' : c.remainingSeats === 0 ? '名额已抢完' : `发起拼团 ¥${formatFen(c.groupPriceFen)}`}
        </Button>
      </View>
    </View>
  );
}
