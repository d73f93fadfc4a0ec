import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { CounterMember } from '../../../../cloudfunctions/core/contract';
import { EmptyState } from '../../../components/EmptyState';
import { untilText } from '../../../utils/until-text';

interface Props {
  member: CounterMember;
  redeemed: string[];
  busy: string | undefined;
  onRedeem: (couponId: string) => void;
}

/** The scanned member: who, tier, points, and the coupons usable now (face, terms, scope, expiry; each redeemable here). */
export function MemberPanel({ member, redeemed, busy, onRedeem }: Props) {
  return (
    <View className="counter-member card" id="staff-member">
      <View className="counter-member__head">
        <Text className="counter-member__name" id="staff-member-nickname">
          {member.nickname}
        </Text>
        <Tag type="warning" round>
          {member.tier.name}
        </Tag>
      </View>
      <View className="counter-member__points">
        <Text>积分</Text>
        <Text className="counter-member__points-value" id="staff-member-points">
          {member.points}
        </Text>
      </View>
      <Text className="counter-member__section">可用优惠券</Text>
      {member.coupons.length === 0 ? (
        <EmptyState id="staff-coupons-empty" title="暂无可用优惠券" />
      ) : (
        member.coupons.map((c) => {
          const done = redeemed.includes(c.couponId);
          return (
            <View className="counter-coupon" key={c.couponId}>
              {/* The face the member's ticket shows (server words), so staff redeem the right one. */}
              <View className="counter-coupon__face">
                <Text className="counter-coupon__figure">
                  {c.description.unit === '¥' ? `¥${c.description.figure}` : `${c.description.figure}折`}
                </Text>
                <Text className="counter-coupon__condition">{c.description.condition}</Text>
              </View>
              <View className="counter-coupon__main">
                <Text className="counter-coupon__title">{c.title}</Text>
                <Text className="counter-coupon__terms">{c.description.text}</Text>
                <Text className="counter-coupon__scope">{`${c.scopeText} · ${untilText(c.validUntil)}`}</Text>
              </View>
              <Button
                size="small"
                type="primary"
                fill={done ? 'none' : 'outline'}
                className="staff-redeem"
                disabled={done || !!busy}
                loading={busy === `redeem:${c.couponId}`}
                onClick={() => onRedeem(c.couponId)}
              >
                {done ? '已核销' : '核销'}
              </Button>
            </View>
          );
        })
      )}
    </View>
  );
}
