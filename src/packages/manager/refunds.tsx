import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api';
import type { RefundView } from '../../../cloudfunctions/core/contract';
import { useRemote } from '../../hooks/useRemote';
import { useSubmit } from '../../hooks/useSubmit';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { LineTabs } from '../../components/LineTabs';
import { RefundCard, type ManagerRefund } from './components/RefundCard';
import { RejectForm } from './components/RejectForm';
import './manager.scss';
import { withRole } from '../../components/RoleGate';

type Status = RefundView['status'];
const TABS: Array<{ value: string; title: string; statuses: Status[] }> = [
  { value: 'requested', title: '待审核', statuses: ['requested'] },
  { value: 'processing', title: '处理中', statuses: ['approved', 'processing'] },
  { value: 'succeeded', title: '已完成', statuses: ['succeeded'] },
  { value: 'failed', title: '失败', statuses: ['failed'] },
  { value: 'rejected', title: '已拒绝', statuses: ['rejected'] },
];

/** A tab may cover two statuses; ask once per status and merge, newest first. */
async function loadRefunds(statuses: Status[]): Promise<ManagerRefund[]> {
  const pages = await Promise.all(statuses.map((status) => call('manager.listRefunds', { status })));
  return pages.flatMap((p) => p.items).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function ManagerRefundsPage() {
  const [tab, setTab] = useState(TABS[0].value);
  const statuses = TABS.find((t) => t.value === tab)?.statuses ?? ['requested'];
  const list = useRemote(() => loadRefunds(statuses), [tab]);
  const [rejecting, setRejecting] = useState<ManagerRefund>();
  const { busy, submit } = useSubmit();
  const busyOn = (r: ManagerRefund) => !!busy?.startsWith(`${r.refundId}:`);

  const decide = async (r: ManagerRefund, reason: string | null) => {
    const answer = await submit<unknown>(`${r.refundId}:${reason === null ? 'approve' : 'reject'}`, (idempotencyKey) =>
      reason === null
        ? call('manager.approveRefund', { refundId: r.refundId }, { idempotencyKey })
        : call('manager.rejectRefund', { refundId: r.refundId, reason }, { idempotencyKey }),
    );
    if (!answer) return;
    setRejecting(undefined);
    void Taro.showToast({ title: reason === null ? '已同意退款' : '已拒绝', icon: 'success' });
    void list.reload();
  };
  const retry = async (r: ManagerRefund) => {
    const ok = await Taro.showModal({
      title: '重试退款',
      content: `将再次向微信支付提交 ${r.orderNo} 的退款（退款单号不变），确定吗？`,
      confirmColor: '#3F6B57',
    });
    if (!ok.confirm) return;
    const answer = await submit<unknown>(`${r.refundId}:retry`, (idempotencyKey) =>
      call('manager.retryRefund', { refundId: r.refundId }, { idempotencyKey }),
    );
    if (!answer) return;
    void Taro.showToast({ title: '已重新提交', icon: 'success' });
    void list.reload();
  };
  const approve = async (r: ManagerRefund) => {
    const ok = await Taro.showModal({
      title: '同意退款',
      content: `将原路退回 ${r.orderNo} 的款项，确定吗？`,
      confirmColor: '#3F6B57',
    });
    if (ok.confirm) void decide(r, null);
  };

  const items = list.data ?? [];
  return (
    <View className="page m-page" id="page-manager-refunds">
      <LineTabs tabs={TABS} value={tab} onChange={setTab} className="m-page__tabs" />
      {list.loading && !list.data ? (
        <ListSkeleton rows={3} />
      ) : items.length === 0 ? (
        list.error ? (
          <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void list.reload()} />
        ) : (
          <EmptyState id="m-refunds-empty" title="暂无售后申请" />
        )
      ) : (
        <View className="m-page__list" id="m-refund-list">
          {items.map((r) => (
            <RefundCard
              key={r.refundId}
              refund={r}
              busy={busyOn(r)}
              onApprove={(x) => void approve(x)}
              onReject={setRejecting}
              onRetry={(x) => void retry(x)}
            />
          ))}
        </View>
      )}
      <RejectForm
        key={rejecting?.refundId ?? 'none'}
        visible={!!rejecting}
        busy={!!rejecting && busyOn(rejecting)}
        onClose={() => setRejecting(undefined)}
        onSubmit={(reason) => rejecting && void decide(rejecting, reason)}
      />
    </View>
  );
}

export default withRole('manager', ManagerRefundsPage);
