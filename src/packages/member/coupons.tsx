import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import { call, toastError } from '../../api';
import type { MemberCoupon } from '../../../cloudfunctions/core/contract';
import { ListSkeleton } from '../../components/Skeletons';
import { EmptyState } from '../../components/EmptyState';
import { LineTabs } from '../../components/LineTabs';
import { CouponTicket } from './components/CouponTicket';
import { untilText } from './components/coupon-text';
import './coupons.scss';

type Tab = 'usable' | 'used' | 'expired';
const TABS: Array<{ value: Tab; title: string; empty: string }> = [
  { value: 'usable', title: '可使用', empty: '暂无可用的优惠券' },
  { value: 'used', title: '已使用', empty: '还没有使用过优惠券' },
  { value: 'expired', title: '已过期', empty: '没有过期的优惠券' },
];
/**
 * 去使用 opens what the coupon buys: one category's list, one product's page; several categories or
 * products open the category tab (their common ground); 全场通用 opens 首页.
 */
function openCouponTarget(c: MemberCoupon) {
  const [only] = c.scope.targets;
  if (c.scope.kind === 'categories' && c.scope.targets.length === 1 && only) {
    void Taro.navigateTo({
      url: `/packages/goods/list?categoryId=${encodeURIComponent(only.id)}&title=${encodeURIComponent(only.name)}`,
    });
  } else if (c.scope.kind === 'products' && c.scope.targets.length === 1 && only) {
    void Taro.navigateTo({ url: `/packages/goods/detail?id=${encodeURIComponent(only.id)}` });
  } else if (c.scope.kind !== 'all' && c.scope.targets.length > 1) {
    void Taro.switchTab({ url: '/pages/category/index' });
  } else {
    void Taro.switchTab({ url: '/pages/home/index' });
  }
}

const STAMP: Partial<Record<MemberCoupon['status'], string>> = {
  used: '已使用',
  expired: '已过期',
  locked: '待支付占用',
};

/** 我的优惠券: 可使用 / 已使用 / 已过期. */
export default function MyCouponsPage() {
  const [tab, setTab] = useState<Tab>('usable');
  const [items, setItems] = useState<MemberCoupon[]>();
  const [failed, setFailed] = useState(false);
  const seq = useRef(0);

  const load = (which: Tab) => {
    const mine = ++seq.current;
    setItems(undefined);
    call('member.coupons', { status: which })
      .then((r) => mine === seq.current && (setItems(r.items), setFailed(false)))
      .catch((err) => {
        if (mine !== seq.current) return;
        setFailed(true);
        setItems([]);
        toastError(err);
      });
  };
  useEffect(() => load(tab), [tab]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) load(tab);
    shown.current = true;
  });

  const empty = TABS.find((t) => t.value === tab)!.empty;
  return (
    <View className="page coupons-page" id="page-my-coupons">
      <LineTabs tabs={TABS} value={tab} onChange={setTab} className="coupons-page__tabs" />
      {!items ? (
        <ListSkeleton rows={3} />
      ) : items.length === 0 ? (
        failed ? (
          <EmptyState status="network" title="加载失败" actionText="重新加载" onAction={() => load(tab)} />
        ) : (
          <EmptyState
            id="coupons-empty"
            title={empty}
            actionText="去领券中心"
            onAction={() => void Taro.navigateTo({ url: '/packages/member/claim' })}
          />
        )
      ) : (
        <View className="coupons-page__list" id="my-coupons">
          {items.map((c) => (
            <CouponTicket
              key={c.couponId}
              id={`coupon-${c.couponId}`}
              terms={c}
              title={c.title}
              validity={untilText(c.validUntil)}
              dim={c.status === 'used' || c.status === 'expired'}
              stamp={STAMP[c.status]}
              action={
                c.status === 'usable' ? (
                  <Button
                    size="small"
                    type="primary"
                    fill="outline"
                    id={`coupon-use-${c.couponId}`}
                    onClick={() => openCouponTarget(c)}
                  >
                    去使用
                  </Button>
                ) : undefined
              }
            />
          ))}
        </View>
      )}
    </View>
  );
}
