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
  selected: string | undefined;
  /** The coupon discount of the current quote. */
  discountFen: number;
  onSelect: (couponId: string | undefined) => void;
}

/** The 优惠券 row of checkout and its picker (fed by order.usableCoupons, best first). */
export function CouponPicker({ coupons, selected, discountFen, onSelect }: Props) {
  const [open, setOpen] = useState(false);
  const usable = coupons?.filter((c) => c.usable) ?? [];
  const summary = selected
    ? `-¥${formatFen(discountFen)}`
    : usable.length > 0
      ? `${usable.length} 张可用`
      : coupons && coupons.length > 0
        ? '暂无可用'
        : '暂无优惠券';
  const choose = (couponId: string | undefined) => {
    onSelect(couponId);
    setOpen(false);
  };
  return (
    <>
      <View className="coupon-row card" id="checkout-coupon" onClick={() => coupons && setOpen(true)}>
        <Text className="coupon-row__label">优惠券</Text>
        <Text className={`coupon-row__value ${selected || usable.length ? 'is-on' : ''}`} id="checkout-coupon-value">
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
          <Button block fill="outline" className="coupon-picker__none" id="pick-none" onClick={() => choose(undefined)}>
            不使用优惠券
          </Button>
        </View>
      </Popup>
    </>
  );
}
