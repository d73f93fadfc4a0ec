import { Text, View } from '@tarojs/components';
import { call } from '../../api';
import type { TierWithBenefits } from '../../../cloudfunctions/core/contract';
import { useRemote } from '../../hooks/useRemote';
import { useSession } from '../../stores/session';
import { formatFen } from '../../utils/money';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import './membership.scss';

type Benefits = TierWithBenefits['benefits'];

/** Display text only: the numbers are the store's configuration, as the server sent them. */
const ROWS: Array<{ label: string; text: (b: Benefits, t: TierWithBenefits) => string }> = [
  { label: '成长值', text: (_b, t) => (t.minGrowth === 0 ? '注册即享' : `${t.minGrowth}`) },
  { label: '会员价', text: (b) => (b.memberPricePercent >= 100 ? '—' : `${b.memberPricePercent / 10}折`) },
  { label: '积分倍率', text: (b) => `${b.pointsMultiplier}倍` },
  { label: '生日礼券', text: (b) => (b.birthdayCoupon ? '✓' : '—') },
  {
    label: '包邮',
    text: (b) =>
      b.freeShippingThresholdFen === 0
        ? '全场包邮'
        : `满${formatFen(b.freeShippingThresholdFen).replace(/\.00$/, '')}元`,
  },
];

/** 会员权益: every tier side by side, the member's own column highlighted. */
export default function BenefitsPage() {
  const openid = useSession((s) => s.openid);
  const benefits = useRemote(() => call('member.benefits', {}), [openid]);

  if (benefits.loading && !benefits.data) return <PageSkeleton />;
  if (!benefits.data)
    return (
      <EmptyState
        status="network"
        title="会员权益加载失败"
        actionText="重新加载"
        onAction={() => void benefits.reload()}
      />
    );
  const { tiers, current } = benefits.data;
  const mine = tiers.find((t) => t.code === current);

  return (
    <View className="page benefits" id="page-benefits">
      <View className="benefits__hero">
        <Text className="benefits__hero-label">{mine ? '我的等级' : '会员等级'}</Text>
        <Text className="benefits__hero-tier" id="benefits-current">
          {mine ? mine.name : '登录后查看'}
        </Text>
        <Text className="benefits__hero-note">成长值 = 近 365 天实付金额（元），升级即时生效</Text>
      </View>
      <View className="benefits__table" id="benefits-table">
        <View className="benefits__row benefits__row--head">
          <Text className="benefits__cell benefits__label">权益</Text>
          {tiers.map((t) => (
            <View
              key={t.code}
              className={`benefits__cell benefits__tier${t.code === current ? ' is-current' : ''}`}
              data-tier={t.code}
            >
              <Text className="benefits__tier-name">{t.name.replace('会员', '')}</Text>
              {t.code === current && <Text className="benefits__badge">当前</Text>}
            </View>
          ))}
        </View>
        {ROWS.map((row) => (
          <View key={row.label} className="benefits__row">
            <Text className="benefits__cell benefits__label">{row.label}</Text>
            {tiers.map((t) => (
              <Text key={t.code} className={`benefits__cell${t.code === current ? ' is-current' : ''}`}>
                {row.text(t.benefits, t)}
              </Text>
            ))}
          </View>
        ))}
      </View>
      <View className="benefits__notes">
        <Text className="benefits__note">· 会员价在结算时自动计算，与优惠券、积分可叠加使用</Text>
        <Text className="benefits__note">· 生日礼券在生日当月发放，请在个人资料中填写生日</Text>
        <Text className="benefits__note">· 等级每年复核一次，升级立即生效</Text>
      </View>
    </View>
  );
}
