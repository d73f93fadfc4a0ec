import { Image, Text, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { call, mediaUrl } from '../../api';
import { useRemote } from '../../hooks/useRemote';
import { rememberInviteCode } from '../../utils/invite-code';
import { shareLink } from '../../utils/share-link';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { PrivacyPopup } from '../../components/PrivacyPopup';
import { InviteRules } from './components/InviteRules';
import { PosterSheet } from './components/PosterSheet';
import './invite.scss';

const isWeapp = process.env.TARO_ENV === 'weapp';

/** 邀请有礼: the rules, the member's invite card, share to a chat (weapp) or copy the link, and a poster. */
export default function InvitePage() {
  const card = useRemote(() => call('referral.myInviteCard', {}), []);
  const [posterOpen, setPosterOpen] = useState(false);
  useEffect(() => {
    if (card.data) rememberInviteCode(card.data.inviteCode);
  }, [card.data]);

  useShareAppMessage(() =>
    card.data
      ? {
          title: card.data.shareTitle,
          path: card.data.sharePath,
          imageUrl: mediaUrl(card.data.shareImage) || undefined,
        }
      : { title: '邀请你来逛逛', path: '/pages/home/index' },
  );

  if (card.loading && !card.data) return <PageSkeleton />;
  if (!card.data)
    return (
      <EmptyState status="network" title="邀请卡加载失败" actionText="重新加载" onAction={() => void card.reload()} />
    );
  const c = card.data;
  const reward =
    c.rules.rewardKind === 'points' ? `${c.rules.rewardPoints} 积分` : (c.rules.rewardCouponTitle ?? '奖励券');

  // The chat card carries the path; the copied link (H5) must open in a friend's browser.
  const link = shareLink(c.sharePath);
  const copyLink = () =>
    void Taro.setClipboardData({ data: link }).then(
      () => Taro.showToast({ title: '邀请链接已复制', icon: 'success' }),
      () => Taro.showToast({ title: '复制失败，请长按链接复制', icon: 'none' }),
    );

  return (
    <View className="page invite" id="page-invite">
      <PrivacyPopup />
      <View className="invite__hero">
        <Text className="invite__headline">邀请好友 得{reward}</Text>
        <Text className="invite__sub">
          {c.rules.friendGiftTitle ? `好友立得「${c.rules.friendGiftTitle}」` : '好友享新人专属优惠'}
        </Text>
      </View>

      <View className="invite__card" id="invite-card">
        <View className="invite__who">
          {c.avatarUrl ? (
            <Image className="invite__avatar" src={mediaUrl(c.avatarUrl)} />
          ) : (
            <View className="invite__avatar invite__avatar--text">{c.nickname.slice(0, 1)}</View>
          )}
          <Text className="invite__nickname">{c.nickname}</Text>
        </View>
        <Text className="invite__label">我的邀请码</Text>
        <Text className="invite__code" id="invite-code">
          {c.inviteCode}
        </Text>
        <Text className="invite__path" id="invite-share-path" userSelect>
          {link}
        </Text>
        <View className="invite__actions">
          {isWeapp ? (
            <Button type="primary" openType="share" className="invite__btn" id="invite-share">
              分享给微信好友
            </Button>
          ) : (
            <Button type="primary" className="invite__btn" id="invite-share" onClick={copyLink}>
              复制邀请链接
            </Button>
          )}
          <Button
            type="primary"
            fill="outline"
            className="invite__btn"
            id="invite-poster-open"
            onClick={() => setPosterOpen(true)}
          >
            生成邀请海报
          </Button>
        </View>
      </View>

      <View
        className="invite__mine"
        id="invite-mine"
        onClick={() => void Taro.navigateTo({ url: '/packages/invite/mine' })}
      >
        <Text>我的邀请</Text>
        <Text className="invite__mine-go">查看好友进度 ›</Text>
      </View>

      <InviteRules rules={c.rules} />
      <PosterSheet card={c} visible={posterOpen} onClose={() => setPosterOpen(false)} />
    </View>
  );
}
