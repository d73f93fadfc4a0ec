import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { CouponTermsView } from '../../../../cloudfunctions/core/contract';
import './CouponTicket.scss';

interface Props {
  terms: CouponTermsView;
  title: string;
  /** 领取后7天内有效 / 2026.03.31 到期. */
  validity: string;
  /** Greyed out (used, expired, sold out). */
  dim?: boolean;
  /** A stamp over the ticket: 已使用 / 已过期 / 已抢光. */
  stamp?: string;
  /** The right-hand action (领取 button, 去使用 ...). */
  action?: ReactNode;
  id?: string;
  onClick?: () => void;
}

/** A coupon drawn as a ticket: the figure on the left, terms and an action on the right. Props in, events out. */
export function CouponTicket({ terms, title, validity, dim, stamp, action, id, onClick }: Props) {
  const face = terms.description;
  return (
    <View id={id} className={`coupon-ticket ${dim ? 'is-dim' : ''}`} onClick={onClick}>
      <View className="coupon-ticket__face">
        <View className="coupon-ticket__figure">
          {face.unit === '¥' && <Text className="coupon-ticket__unit">¥</Text>}
          <Text className="coupon-ticket__num">{face.figure}</Text>
          {face.unit === '折' && <Text className="coupon-ticket__unit">折</Text>}
        </View>
        <Text className="coupon-ticket__cond">{face.condition}</Text>
      </View>
      <View className="coupon-ticket__body">
        <View className="coupon-ticket__title-row">
          <Text className="coupon-ticket__kind">{terms.kindTitle}</Text>
          <Text className="coupon-ticket__title">{title}</Text>
        </View>
        <Text className="coupon-ticket__scope">{terms.scopeText}</Text>
        <View className="coupon-ticket__bottom">
          <Text className="coupon-ticket__validity">{validity}</Text>
          {action}
        </View>
      </View>
      {stamp && <View className="coupon-ticket__stamp">{stamp}</View>}
    </View>
  );
}
