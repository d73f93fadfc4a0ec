import { Text, View } from '@tarojs/components';
import { useReachBottom } from '@tarojs/taro';
import { call } from '../../api';
import type { AuditEntry } from '../../../cloudfunctions/core/contract';
import { useCursorPages } from '../../hooks/useCursorPages';
import { EmptyState } from '../../components/EmptyState';
import { FeedBody } from '../../components/FeedBody';
import { formatFen } from '../../utils/money';
import { shanghaiTime as when } from '../../utils/shanghai-time';
import './manager.scss';
import { withRole } from '../../components/RoleGate';

/** What each action reads as; an action added later shows its name until it gets words here. */
const ACTION_TEXT: Record<string, string> = {
  'staff.bind': '加入门店',
  'staff.scanMemberCode': '扫会员码',
  'staff.awardPoints': '消费积分',
  'staff.redeemCoupon': '核销优惠券',
  'staff.verifyPickup': '核销提货码',
  'manager.verifyPickup': '核销提货码',
  'manager.shipOrder': '发货',
  'manager.readyForPickup': '备货完成',
  'manager.refundOrder': '发起退款',
  'manager.approveRefund': '同意退款',
  'manager.rejectRefund': '拒绝退款',
  'manager.createStaffInvite': '邀请员工',
  'manager.revokeStaff': '撤销员工',
  'manager.revokeStaffInvite': '作废邀请',
  'manager.updateSku': '修改价格库存',
  'manager.setProductStatus': '上下架',
  'manager.createCouponTemplate': '新建优惠券',
  'manager.stopCouponTemplate': '停发优惠券',
  // advisors
  'staff.issueCoupon': '导购发券',
  'manager.setAdvisorBudget': '设置发券额度',
  'manager.reassignAdvisor': '改派导购',
  'manager.setAdvisorTemplate': '设置导购可发券',
  'advisor.handBack': '顾客转回门店池',
  'manager.setStaffShop': '分配门店',
};

/** 操作日志: every staff and manager write, newest first. */
function ManagerAuditPage() {
  const feed = useCursorPages<AuditEntry>('audit', (cursor) => call('manager.listAudit', cursor ? { cursor } : {}));
  useReachBottom(feed.loadMore);
  const { items } = feed;
  return (
    <View className="page m-page" id="page-manager-audit">
      <FeedBody
        feed={feed}
        skeletonRows={5}
        listClass="m-page__list"
        footerClass="m-page__footer"
        id="m-audit-list"
        empty={<EmptyState title="暂无操作记录" />}
      >
        {items.map((a) => (
          <View className="m-item card" key={a.id}>
            <View className="m-item__head">
              <Text className="m-item__title m-audit__action">{ACTION_TEXT[a.action] ?? a.action}</Text>
              <Text className="m-item__text">{when(a.createdAt)}</Text>
            </View>
            <Text className="m-item__text">{`${a.role === 'manager' ? '店长' : '店员'} ${a.whoNickname ?? a.who}${a.memberNickname && a.memberNickname !== a.whoNickname ? ` → 会员 ${a.memberNickname}` : ''}`}</Text>
            {a.amountFen !== null ? <Text className="m-item__text">{`金额 ¥${formatFen(a.amountFen)}`}</Text> : null}
          </View>
        ))}
      </FeedBody>
    </View>
  );
}

export default withRole('manager', ManagerAuditPage);
