import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { call, errorText, mediaUrl, newIdempotencyKey, toastError } from '../../api';
import type { AttributionResult } from '../../../cloudfunctions/core/contract';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { shanghaiTime } from '../../utils/shanghai-time';
import './invite.scss';

/**
 * The friend's landing: a share card opens it with `?inv=CODE`, a scanned poster code with
 * `?scene=i%3DCODE` (WeChat hands the scene URI-encoded). Opening it records the attribution once
 * (one idempotency key per visit) and shows the gift coupon, or why there is none.
 */
export default function InviteLandingPage() {
  const { params } = useRouter();
  const [result, setResult] = useState<AttributionResult>();
  const [error, setError] = useState<string>();
  const key = useRef(newIdempotencyKey());

  useEffect(() => {
    const data = params.inv ? { inviteCode: params.inv } : params.scene ? { scene: params.scene } : null;
    // No code to send: the link lost its query on the way (the server never sees this case).
    if (!data) {
      setError('邀请链接不完整，请让好友重新分享');
      return;
    }
    call('referral.attribute', data, { idempotencyKey: key.current }).then(setResult, (err) => {
      toastError(err);
      setError(errorText(err));
    });
  }, [params.inv, params.scene]);

  const goShop = () => void Taro.switchTab({ url: '/pages/home/index' });
  if (error)
    return <EmptyState status="error" title={error} actionText="去逛逛" onAction={goShop} id="landing-error" />;
  if (!result) return <PageSkeleton />;
  const { inviter, giftCoupon } = result;
  // The sharer opened their own link: nothing to give, so the page says so and offers the sharing.
  const own = result.reason === 'self_invite';

  return (
    <View className="page landing" id="page-invite-landing" data-outcome={result.outcome}>
      <View className="landing__hero">
        {inviter.avatarUrl ? (
          <Image className="landing__avatar" src={mediaUrl(inviter.avatarUrl)} />
        ) : (
          <View className="landing__avatar landing__avatar--text">{inviter.nickname.slice(0, 1)}</View>
        )}
        <Text className="landing__title" id="landing-title">
          {own ? '这是你自己的邀请' : `${inviter.nickname} 邀请你来逛逛`}
        </Text>
        <Text className="landing__message" id="landing-message">
          {result.message}
        </Text>
      </View>
      {giftCoupon ? (
        <View className="landing__gift" id="landing-gift">
          <View className="landing__gift-face">
            <Text className="landing__gift-tag">好友专享</Text>
            <Text className="landing__gift-title">{giftCoupon.title}</Text>
          </View>
          <Text className="landing__gift-until">
            已放入你的券包 · {shanghaiTime(giftCoupon.validUntil, 'YYYY.MM.DD')} 前有效
          </Text>
        </View>
      ) : (
        result.friendGiftTitle && (
          <Text className="landing__nogift" id="landing-nogift">
            {own
              ? `好友打开这个链接可得新人礼「${result.friendGiftTitle}」`
              : `新人礼「${result.friendGiftTitle}」仅限首次接受邀请的新顾客`}
          </Text>
        )
      )}
      <View className="landing__actions">
        {own && (
          <Button
            type="primary"
            block
            onClick={() => void Taro.redirectTo({ url: '/packages/invite/index' })}
            id="landing-share"
          >
            去邀请好友
          </Button>
        )}
        <Button type="primary" fill={own ? 'outline' : undefined} block onClick={goShop} id="landing-shop">
          {giftCoupon ? '去逛逛，用券下单' : '去逛逛'}
        </Button>
        {giftCoupon && (
          <Button
            type="primary"
            fill="outline"
            block
            onClick={() => void Taro.navigateTo({ url: '/packages/member/coupons' })}
            id="landing-coupons"
          >
            查看我的优惠券
          </Button>
        )}
      </View>
    </View>
  );
}
