import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { call } from '../../api';
import { useRemote } from '../../hooks/useRemote';
import { useSubmit } from '../../hooks/useSubmit';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { formatFen } from '../../utils/money';
import { safeDecode } from '../../utils/query';
import { formatTime, pieces, statusText } from '../order/components/order-text';
import { CustomerCard } from './components/CustomerCard';
import { IssueCouponForm } from './components/IssueCouponForm';
import './staff.scss';
import './advisor.scss';
import { withRole } from '../../components/RoleGate';

/** 顾客详情: one of the advisor's customers, their recent orders, and 发券 within the monthly budget. */
function CustomerDetailPage() {
  const memberId = safeDecode(useRouter().params.memberId) ?? '';
  const detail = useRemote(() => call('staff.customerDetail', { memberId }), [memberId]);
  const { busy, submit } = useSubmit();

  const issue = async (templateId: string) => {
    const done = await submit(`issue:${memberId}:${templateId}`, (idempotencyKey) =>
      call('staff.issueCoupon', { memberId, templateId }, { idempotencyKey }),
    );
    if (!done) return;
    void Taro.showToast({ title: `已发放 ${done.title}`, icon: 'none' });
    void detail.reload();
  };

  if (detail.loading && !detail.data) return <PageSkeleton />;
  if (!detail.data) {
    return (
      <EmptyState
        id="customer-missing"
        status="error"
        title="顾客不存在"
        description="该会员不是你的顾客，或已转给其他导购"
        actionText="返回"
        onAction={() => void Taro.navigateBack()}
      />
    );
  }
  const { customer, orders, budget, templates } = detail.data;
  return (
    <View className="page adv-page" id="page-staff-customer">
      <CustomerCard customer={customer} />
      <IssueCouponForm
        budget={budget}
        templates={templates}
        busy={busy?.startsWith('issue:') ?? false}
        onIssue={(id) => void issue(id)}
      />
      <View className="adv-orders card" id="customer-orders">
        <Text className="adv-issue__title">最近订单</Text>
        {orders.length === 0 ? (
          <EmptyState id="customer-orders-empty" title="暂无订单" />
        ) : (
          orders.map((o) => (
            <View className="adv-order" key={o.orderId}>
              <View className="adv-order__head">
                <Text className="adv-order__no">{o.orderNo}</Text>
                <Text className="adv-order__status">{statusText(o)}</Text>
              </View>
              <Text className="adv-order__lines">{o.lines.map((l) => `${l.title} ×${l.qty}`).join('、')}</Text>
              <Text className="adv-order__meta">{`${formatTime(o.createdAt)} · 共${pieces(o)}件 · 实付 ¥${formatFen(o.payableFen)}`}</Text>
            </View>
          ))
        )}
      </View>
    </View>
  );
}

export default withRole('staff', CustomerDetailPage);
