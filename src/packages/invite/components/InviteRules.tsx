import { Text, View } from '@tarojs/components';
import type { InviteRules as Rules } from '../../../../cloudfunctions/core/contract';

/** 活动规则, from the store's referral configuration (never hard-coded numbers). */
export function InviteRules({ rules }: { rules: Rules }) {
  const reward =
    rules.rewardKind === 'points' ? `${rules.rewardPoints} 积分` : `「${rules.rewardCouponTitle ?? '奖励券'}」一张`;
  const lines = [
    `好友通过你的邀请卡片或海报进入商城，即与你绑定，绑定期 ${rules.bindingDays} 天。`,
    rules.friendGiftTitle ? `好友绑定后立得「${rules.friendGiftTitle}」。` : '好友绑定后可享新人专属优惠。',
    rules.refundWindowDays > 0
      ? `好友在绑定期内完成首单，订单过了退款期（确认收货后 ${rules.refundWindowDays} 天）即结算，你获得 ${reward}。`
      : `好友在绑定期内完成首单，确认收货后即结算，你获得 ${reward}。`,
    '好友首单退款，奖励将相应收回。',
    `每人每天最多获得 ${rules.dailyCap} 次、每月最多 ${rules.monthlyCap} 次邀请奖励。`,
    '仅限从未下单的新顾客；不能邀请自己，手机号相同或互相邀请不计入。',
  ];
  return (
    <View className="invite-rules" id="invite-rules">
      <Text className="invite-rules__title">活动规则</Text>
      {lines.map((line, i) => (
        <View key={line} className="invite-rules__line">
          <Text className="invite-rules__no">{i + 1}</Text>
          <Text className="invite-rules__text">{line}</Text>
        </View>
      ))}
    </View>
  );
}
