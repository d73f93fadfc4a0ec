import { Image, Text, View } from '@tarojs/components';
import { Price } from '@nutui/nutui-react-taro';
import { mediaUrl } from '../../../api';
import type { Fen, OrderAmounts, OrderLine } from '../../../../cloudfunctions/core/contract';
import { formatFen } from '../../../utils/money';

/** The lines of a quote or an order: image, title, specs, unit price, quantity. */
export function OrderLines({ lines, id }: { lines: OrderLine[]; id?: string }) {
  return (
    <View className="order-lines card" id={id}>
      {lines.map((l) => (
        <View key={l.lineId || l.skuId} className="order-line" id={`order-line-${l.skuId}`}>
          <Image className="order-line__img" src={mediaUrl(l.image)} mode="aspectFill" />
          <View className="order-line__body">
            <Text className="order-line__title">{l.title}</Text>
            {l.specsText && <Text className="order-line__specs">{l.specsText}</Text>}
            <View className="order-line__bottom">
              <Price price={formatFen(l.unitPriceFen)} size="normal" thousands />
              <Text className="order-line__qty">{`x${l.qty}`}</Text>
            </View>
            {l.refunded && <Text className="order-line__refunded">已退款</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}

function Row({ label, value, minus, id }: { label: string; value: Fen | string; minus?: boolean; id?: string }) {
  return (
    <View className="amount-row" id={id}>
      <Text className="amount-row__label">{label}</Text>
      {typeof value === 'string' ? (
        <Text className="amount-row__muted">{value}</Text>
      ) : (
        <Text
          className={`amount-row__value ${minus ? 'is-minus' : ''}`}
        >{`${minus ? '-' : ''}¥${formatFen(value)}`}</Text>
      )}
    </View>
  );
}

/** A quote to an address that cannot take some goods charges no fee: none can apply there. */
function shippingValue(amounts: OrderAmounts): Fen | string {
  if ('undeliverable' in amounts && amounts.undeliverable) return '无法配送';
  return amounts.shippingFen > 0 ? amounts.shippingFen : '免运费';
}

/** Every amount exactly as the server computed it; the client adds nothing up. */
export function AmountRows({
  amounts,
  payableLabel = '实付款',
  id,
  groupBuy = false,
}: {
  amounts: OrderAmounts;
  payableLabel?: string;
  id?: string;
  groupBuy?: boolean;
}) {
  return (
    <View className="amounts card" id={id}>
      <Row label="商品金额" value={amounts.subtotalFen} id="amount-subtotal" />
      {amounts.memberDiscountFen > 0 && (
        <Row label={groupBuy ? '拼团优惠' : '会员优惠'} value={amounts.memberDiscountFen} minus id="amount-member" />
      )}
      <Row
        label="优惠券"
        value={amounts.couponDiscountFen > 0 ? amounts.couponDiscountFen : '未使用'}
        minus
        id="amount-coupon"
      />
      {amounts.pointsDiscountFen > 0 && (
        <Row
          label={`积分抵扣（${amounts.pointsUsed} 积分）`}
          value={amounts.pointsDiscountFen}
          minus
          id="amount-points"
        />
      )}
      <Row label="运费" value={shippingValue(amounts)} id="amount-shipping" />
      <View className="amount-row amount-row--total">
        <Text className="amount-row__label">{payableLabel}</Text>
        <View id="amount-payable">
          <Price price={formatFen(amounts.payableFen)} size="large" thousands />
        </View>
      </View>
    </View>
  );
}
