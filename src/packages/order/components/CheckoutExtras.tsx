import { Text, View } from '@tarojs/components';
import { Switch, TextArea } from '@nutui/nutui-react-taro';
import type { OrderQuote } from '../../../../cloudfunctions/core/contract';
import { formatFen } from '../../../utils/money';

/** 积分抵扣: the server's usable points, their value and the store's rate; on, checkout asks the quote to apply them. */
export function PointsRow({
  quote,
  on,
  onChange,
}: {
  quote: OrderQuote;
  on: boolean;
  onChange: (on: boolean) => void;
}) {
  const { usable, valueFen, balance, pointsPerYuan } = quote.points;
  const text =
    on && quote.pointsUsed > 0
      ? `已用 ${quote.pointsUsed} 积分抵 ¥${formatFen(quote.pointsDiscountFen)}`
      : usable > 0
        ? `可用 ${usable} 积分抵 ¥${formatFen(valueFen)}`
        : balance > 0
          ? `共 ${balance} 积分，本单暂不可用`
          : '暂无积分';
  return (
    <View className="points-row card" id="checkout-points">
      <View className="points-row__text">
        <Text className="points-row__label">
          积分抵扣
          <Text className="points-row__rate" id="checkout-points-rate">{` ${pointsPerYuan} 积分抵 ¥1`}</Text>
        </Text>
        <Text className="points-row__sub" id="checkout-points-text">
          {text}
        </Text>
      </View>
      <Switch id="checkout-points-switch" checked={on} disabled={usable === 0 && !on} onChange={(v) => onChange(v)} />
    </View>
  );
}

/** 订单备注 (the server keeps up to 100 characters) and 预计得 X 积分 (the server's estimate). */
export function RemarkAndEarn({
  remark,
  onRemark,
  pointsToEarn,
}: {
  remark: string;
  onRemark: (v: string) => void;
  pointsToEarn: number;
}) {
  return (
    <View className="remark-row card" id="checkout-remark">
      <Text className="remark-row__label">订单备注</Text>
      <TextArea
        className="remark-row__input"
        id="checkout-remark-input"
        placeholder="选填，100 字以内"
        maxLength={100}
        rows={2}
        value={remark}
        onChange={onRemark}
      />
      {pointsToEarn > 0 && (
        <Text
          className="remark-row__earn"
          id="checkout-earn"
        >{`本单预计得 ${pointsToEarn} 积分（订单完成后到账）`}</Text>
      )}
    </View>
  );
}
