import { Text, View } from '@tarojs/components';
import { ArrowRight } from '@nutui/icons-react-taro';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { UsableCoupon } from '../../../../cloudfunctions/core/contract';
import { formatFen } from '../../../utils/money';
import { untilText } from '../../../utils/until-text';

interface Props {
  /** null while loading (or when the list failed). */
  coupons: UsableCoupon[] | null;
  /** The coupon the quote applied (the server preselects the best one). */
  selected: string | null;
  /** The coupon discount of the current quote. */
  discountFen: number;
  /** How many coupons fit this cart, as the quote counted them. */
  usableCount: number;
  /** A coupon, or null for 不使用. */
  onSelect: (couponId: string | null) => void;
}

/** The 优惠券 row of checkout and its picker (fed by order.usableCoupons, best first; the quote preselects the best). */
export function CouponPicker({ coupons, selected, discountFen, usableCount, onSelect }: Props) {
  const [open, setOpen] = useState(false);
  // One source for the count (the quote), so the row never says "N 张可用" beside "暂无可用".
  const summary = selected
    ? `-¥${formatFen(discountFen)}`
    : usableCount > 0
      ? `未使用，${usableCount} 张可用`
      : coupons && coupons.length > 0
        ? '暂无可用'
        : '暂无优惠券';
  const choose = (couponId: string | null) => {
    onSelect(couponId);
    setOpen(false);
  };
  return (
    <>
      <View className="coupon-row card" id="checkout-coupon" onClick={() => coupons && setOpen(true)}>
        <Text className="coupon-row__label">优惠券</Text>
        <Text className={`coupon-row__value ${selected || usableCount ? 'is-on' : ''}`} id="checkout-coupon-value">
          {summary}
        </Text>
        <ArrowRight size={12} color="#9A918A" />
      </View>
      <Popup visible={open} position="bottom" round closeable title="选择优惠券" onClose={() => setOpen(false)}>
        <View className="coupon-picker" id="coupon-picker">
          {(coupons ?? []).map((c) => (
            <View
              key={c.couponId}
              id={`pick-${c.couponId}`}
              className={`coupon-pick ${c.usable ? '' : 'is-off'} ${selected === c.couponId ? 'is-selected' : ''}`}
              onClick={() => c.usable && choose(c.couponId)}
            >
              <View className="coupon-pick__amount">{c.usable ? `-¥${formatFen(c.discountFen)}` : '不可用'}</View>
              <View className="coupon-pick__body">
                <Text className="coupon-pick__title">{c.title}</Text>
                <Text className="coupon-pick__sub">{c.usable ? untilText(c.validUntil) : (c.reason ?? '')}</Text>
              </View>
              <View className="coupon-pick__radio" />
            </View>
          ))}
          {coupons?.length === 0 && <View className="coupon-picker__empty">暂无优惠券，去领券中心看看</View>}
          <Button block fill="outline" className="coupon-picker__none" id="pick-none" onClick={() => choose(null)}>
            不使用优惠券
          </Button>
        </View>
      </Popup>
    </>
  );
}
