import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api';
import type { CounterMember } from '../../../cloudfunctions/core/contract';
import { useRemote } from '../../hooks/useRemote';
import { useSubmit } from '../../hooks/useSubmit';
import { PageSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { VerifyPickup } from '../../components/VerifyPickup';
import { CodeEntry } from './components/CodeEntry';
import { MemberPanel } from './components/MemberPanel';
import { AwardForm } from './components/AwardForm';
import './staff.scss';
import { staffSession, withRole } from '../../components/RoleGate';

interface Scanned {
  code: string;
  member: CounterMember;
  awarded: Array<{ receiptNo: string; points: number }>;
  redeemed: string[];
}

/**
 * 门店工作台: scan (weapp) or paste (H5) a member code, then award points for a receipt, redeem a
 * coupon; verify pickup codes. The server decides who may be here (`staff.session`); this page
 * only shows what it answered.
 */
function CounterPage() {
  const session = useRemote(staffSession, []);
  const [scanned, setScanned] = useState<Scanned>();
  const { busy, submit } = useSubmit();

  const scan = async (code: string) => {
    const member = await submit(`scan:${code}`, (idempotencyKey) =>
      call('staff.scanMemberCode', { code }, { idempotencyKey }),
    );
    if (member) setScanned({ code, member, awarded: [], redeemed: [] });
  };
  const award = async (amountFen: number, receiptNo: string) => {
    if (!scanned) return false;
    const done = await submit(`award:${receiptNo}:${amountFen}`, (idempotencyKey) =>
      call('staff.awardPoints', { code: scanned.code, amountFen, receiptNo }, { idempotencyKey }),
    );
    if (!done) return false;
    setScanned({
      ...scanned,
      member: { ...scanned.member, points: done.balance },
      awarded: [{ receiptNo, points: done.pointsAwarded }, ...scanned.awarded],
    });
    void Taro.showToast({ title: `已积 ${done.pointsAwarded} 分`, icon: 'success' });
    return true;
  };
  const redeem = async (couponId: string) => {
    if (!scanned) return;
    const ok = await Taro.showModal({
      title: '核销优惠券',
      content: '核销后该券不可再用，确定吗？',
      confirmColor: '#3F6B57',
    });
    if (!ok.confirm) return;
    const done = await submit(`redeem:${couponId}`, (idempotencyKey) =>
      call('staff.redeemCoupon', { code: scanned.code, couponId }, { idempotencyKey }),
    );
    if (!done) return;
    setScanned({ ...scanned, redeemed: [...scanned.redeemed, couponId] });
    void Taro.showToast({ title: '核销成功', icon: 'success' });
  };

  if (session.loading && !session.data) return <PageSkeleton />;
  // The role gate has let only staff in: what is left to fail here is the network.
  if (!session.data) {
    return (
      <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => void session.reload()} />
    );
  }

  return (
    <View className="page counter" id="page-staff-counter">
      <View className="counter__who">
        <Text>{session.data.storeName}</Text>
        <Text className="counter__role">{`${session.data.nickname} · ${session.data.role === 'manager' ? '店长' : '店员'}`}</Text>
        <Text
          className="counter__link"
          id="counter-my-code"
          onClick={() => void Taro.navigateTo({ url: '/packages/staff/my-code' })}
        >
          我的导购码
        </Text>
      </View>
      <CodeEntry busy={busy?.startsWith('scan:') ?? false} onCode={(code) => void scan(code)} />
      {scanned ? (
        <>
          <MemberPanel
            member={scanned.member}
            redeemed={scanned.redeemed}
            busy={busy}
            onRedeem={(id) => void redeem(id)}
          />
          <AwardForm busy={busy?.startsWith('award:') ?? false} onAward={award} />
          {scanned.awarded.length > 0 && (
            <View className="counter-done card" id="staff-awarded">
              {scanned.awarded.map((a) => (
                <Text key={a.receiptNo} className="counter-done__row">{`小票 ${a.receiptNo}：+${a.points} 积分`}</Text>
              ))}
            </View>
          )}
        </>
      ) : (
        <Text className="counter__idle">扫码后可为会员积分、核销优惠券</Text>
      )}
      <VerifyPickup onVerified={() => undefined} />
      <View
        className="counter__link card"
        id="staff-pickups"
        onClick={() => void Taro.navigateTo({ url: '/packages/staff/pickups' })}
      >
        <Text>门店自提</Text>
        <Text className="counter__link-hint">待备货 · 待提货 ›</Text>
      </View>
      {/* the advisor's customers, below the counter's own work */}
      <View
        className="counter__link card"
        id="staff-my-customers"
        onClick={() => void Taro.navigateTo({ url: '/packages/staff/customers' })}
      >
        <Text>我的顾客</Text>
        <Text className="counter__link-hint">顾客 · 发券 ›</Text>
      </View>
    </View>
  );
}

export default withRole('staff', CounterPage);
