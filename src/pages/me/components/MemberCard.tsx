import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Avatar, Progress } from '@nutui/nutui-react-taro';
import { Scan, User } from '@nutui/icons-react-taro';
import { mediaUrl, type MemberProfile } from '../../../api';

const go = (url: string) => () => void Taro.navigateTo({ url });

/** Tier, points, coupons and growth exactly as the server reports them. */
export function MemberCard({ me }: { me: MemberProfile }) {
  const next = me.nextTier;
  const percent = next && next.minGrowth > 0 ? Math.min(100, Math.floor((me.growth / next.minGrowth) * 100)) : 100;
  return (
    <View className="member-card" id="member-card">
      <View className="member-card__top">
        <View className="member-card__me" onClick={go('/packages/member/profile')}>
          <Avatar
            size="large"
            src={mediaUrl(me.avatarUrl)}
            icon={<User size={26} color="#3F6B57" />}
            className="member-card__avatar"
          />
          <View className="member-card__who">
            <Text className="member-card__name" id="me-nickname">
              {me.nickname}
            </Text>
            <Text
              className="member-card__tier"
              id="me-tier"
              onClick={(e) => {
                e.stopPropagation();
                go('/packages/member/benefits')();
              }}
            >
              {me.tier.name}
            </Text>
          </View>
        </View>
        <View className="member-card__code-btn" id="me-member-code" onClick={go('/packages/member/code')}>
          <Scan size={22} color="#FBF6F1" />
          <Text className="member-card__code-label">会员码</Text>
        </View>
      </View>
      <View className="member-card__stats">
        <View className="member-card__stat" onClick={go('/packages/member/points')}>
          <Text className="member-card__num" id="me-points">
            {me.points}
          </Text>
          <Text className="member-card__label">积分</Text>
        </View>
        <View className="member-card__stat" onClick={go('/packages/member/coupons')}>
          <Text className="member-card__num" id="me-coupons">
            {me.couponCount}
          </Text>
          <Text className="member-card__label">优惠券</Text>
        </View>
        <View className="member-card__stat">
          <Text className="member-card__num" id="me-growth">
            {me.growth}
          </Text>
          <Text className="member-card__label">成长值</Text>
        </View>
        <View className="member-card__stat">
          <Text className="member-card__num member-card__code" id="me-invite-code">
            {me.inviteCode}
          </Text>
          <Text className="member-card__label">邀请码</Text>
        </View>
      </View>
      <View className="member-card__progress">
        <Progress percent={percent} color="#DFE9D8" background="rgba(255,255,255,0.18)" strokeWidth="4" />
        <Text className="member-card__next" id="me-next-tier">
          {next
            ? `成长值 ${me.growth} / ${next.minGrowth}，升级 ${next.name} 享更多礼遇`
            : '已是最高等级，感谢一路相伴'}
        </Text>
      </View>
    </View>
  );
}
