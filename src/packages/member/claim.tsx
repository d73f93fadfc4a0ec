import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { call, newIdempotencyKey, toastError } from '../../api';
import type { ClaimableCoupon } from '../../../cloudfunctions/core/contract';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { CouponTicket } from './components/CouponTicket';
import './coupons.scss';

/** 领券中心: every claimable template, with 领取 / 已领取 / 已抢光. */
export default function ClaimCenterPage() {
  const [items, setItems] = useState<ClaimableCoupon[]>();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState<string>();
  // One key per template per visit: a retried tap after a network error is the same claim.
  const keys = useRef(new Map<string, string>());

  const load = () =>
    call('coupon.listClaimable', {})
      .then((r) => {
        setItems(r.items);
        setFailed(false);
      })
      .catch((err) => {
        setFailed(true);
        toastError(err);
      });
  useDidShow(() => void load());

  const claim = async (templateId: string) => {
    if (!keys.current.has(templateId)) keys.current.set(templateId, newIdempotencyKey());
    setBusy(templateId);
    try {
      await call('member.claimCoupon', { templateId }, { idempotencyKey: keys.current.get(templateId) });
      void Taro.showToast({ title: '领取成功', icon: 'success' });
    } catch (err) {
      toastError(err);
    } finally {
      keys.current.delete(templateId);
      setBusy(undefined);
      await load();
    }
  };

  if (!items) {
    return failed ? (
      <View className="page">
        <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void load()} />
      </View>
    ) : (
      <ListSkeleton rows={4} />
    );
  }
  return (
    <View className="page coupons-page" id="page-coupon-claim">
      <View className="coupons-page__hero">
        <Text className="coupons-page__hero-title">会员专享好券</Text>
        <Text className="coupons-page__hero-sub">领取后在「我的优惠券」查看，结算时自动可选</Text>
      </View>
      {items.length === 0 ? (
        <EmptyState title="暂无可领取的优惠券" description="新券上线会第一时间通知你" />
      ) : (
        <View className="coupons-page__list" id="claim-list">
          {items.map((c) => {
            const soldOut = c.remaining === 0;
            const action = soldOut ? (
              <Text className="coupons-page__state">已抢光</Text>
            ) : !c.canClaim ? (
              <Text className="coupons-page__state is-claimed" id={`claimed-${c.templateId}`}>
                已领取
              </Text>
            ) : (
              <Button
                size="small"
                type="primary"
                id={`claim-${c.templateId}`}
                loading={busy === c.templateId}
                disabled={!!busy}
                onClick={() => void claim(c.templateId)}
              >
                {c.claimedByMe ? '再领一张' : '立即领取'}
              </Button>
            );
            return (
              <CouponTicket
                key={c.templateId}
                id={`claim-ticket-${c.templateId}`}
                terms={c}
                title={c.title}
                validity={c.validityText}
                dim={soldOut}
                action={action}
              />
            );
          })}
        </View>
      )}
      <View
        className="coupons-page__link"
        id="claim-go-mine"
        onClick={() => void Taro.navigateTo({ url: '/packages/member/coupons' })}
      >
        查看我的优惠券
      </View>
    </View>
  );
}
