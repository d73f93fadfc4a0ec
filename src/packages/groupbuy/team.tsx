import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { SuccessF, Clock, Failure } from '@nutui/icons-react-taro';
import { call, errorText } from '../../api';
import type { GroupBuyTeamView } from '../../../cloudfunctions/core/contract';
import { useRemote } from '../../hooks/useRemote';
import { safeDecode } from '../../utils/query';
import { formatFen } from '../../utils/money';
import { PriceLine } from '../../components/PriceLine';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { SharePreview } from '../../components/SharePreview';
import { useInviteAttribution, useShare } from '../../hooks/useShare';
import { Seats } from './components/Seats';
import { Countdown } from '../../components/Countdown';
import { campaignPath, startGroupCheckout, teamPath } from './components/join';
import './groupbuy.scss';

/** The result state the team is in, as the member sees it. */
function headline(t: GroupBuyTeamView): { icon: JSX.Element; title: string } {
  if (t.status === 'succeeded')
    return { icon: <SuccessF size={48} color="#3F6B57" />, title: t.virtual ? '拼团成功（系统成团）' : '拼团成功' };
  if (t.status === 'failed') return { icon: <Failure size={48} color="#B3AAA3" />, title: '拼团未成功，已自动退款' };
  return { icon: <Clock size={48} color="#C0744E" />, title: `拼团中，还差 ${t.teamSize - t.joined} 人` };
}

/** A team: avatars and empty seats, countdown, share (chat card with this team's path), join through checkout. */
export default function TeamPage() {
  const teamId = safeDecode(useRouter().params.teamId) ?? '';
  const { data: t, loading, error, reload } = useRemote(() => call('groupbuy.getTeam', { teamId }), [teamId]);
  useDidShow(() => void (t && reload()));
  useInviteAttribution();
  // The chat card opens this very team for the friend, with the sharer's invite code (weapp; sharing
  // reports no success, by WeChat's rule).
  const sharing = useShare(() => ({
    title: t ? `就差你了！¥${formatFen(t.campaign.groupPriceFen)} 拼 ${t.campaign.productTitle}` : '一起拼团',
    path: teamPath(teamId),
    imageUrl: t?.campaign.shareImage,
  }));

  if (!t) {
    return loading ? (
      <PageSkeleton />
    ) : (
      <View className="page">
        <EmptyState
          status="network"
          title={errorText(error)}
          actionText="去看看拼团"
          onAction={() => void Taro.redirectTo({ url: '/packages/groupbuy/list' })}
        />
      </View>
    );
  }
  const head = headline(t);
  const share = () => {
    if (process.env.TARO_ENV === 'weapp') return;
    // H5 has no chat card: show it with the team's link to copy.
    void sharing.openPreview();
  };
  return (
    <View className="page gb-page" id="page-groupbuy-team">
      <PrivacyPopup />
      <View className="gb-result" id="team-result">
        {head.icon}
        <Text className="gb-result__title" id="team-status">
          {head.title}
        </Text>
        {t.status === 'open' && (
          <Text className="gb-card__hint">
            {'剩余 '}
            <Countdown
              hours
              className="gb-countdown"
              until={t.expiresAt}
              onEnd={() => void reload()}
              id="team-countdown"
            />
            {' 结束，未成团自动退款'}
          </Text>
        )}
        <Seats members={t.members} size={t.teamSize} />
      </View>
      <View className="gb-panel" onClick={() => void Taro.navigateTo({ url: campaignPath(t.campaignId) })}>
        <Text className="gb-panel__title">{t.campaign.productTitle}</Text>
        <View className="gb-panel__price">
          <Text className="gb-panel__label">{`${t.teamSize}人拼团价`}</Text>
          <PriceLine priceFen={t.campaign.groupPriceFen} originalPriceFen={t.campaign.originalPriceFen} />
        </View>
      </View>
      <View className="gb-bar">
        {t.canJoin ? (
          <Button type="primary" block id="team-join" onClick={() => startGroupCheckout(t.campaign, t.teamId)}>
            {`立即参团 ¥${formatFen(t.campaign.groupPriceFen)}`}
          </Button>
        ) : t.myOrderId && t.status === 'open' ? (
          <Button type="primary" block id="team-share" openType="share" onClick={share}>
            邀请好友参团
          </Button>
        ) : (
          <Button
            type="primary"
            fill="outline"
            block
            id="team-new"
            onClick={() => void Taro.navigateTo({ url: campaignPath(t.campaignId) })}
          >
            {t.status === 'open' ? '该团已满员，去开个新团' : '再开一团'}
          </Button>
        )}
        {t.myOrderId && (
          <Button
            fill="none"
            block
            id="team-my-order"
            onClick={() =>
              void Taro.navigateTo({ url: `/packages/order/detail?orderId=${encodeURIComponent(t.myOrderId!)}` })
            }
          >
            查看我的订单
          </Button>
        )}
      </View>
      <SharePreview preview={sharing.preview} onClose={sharing.closePreview} />
    </View>
  );
}
