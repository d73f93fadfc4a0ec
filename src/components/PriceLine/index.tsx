import { Text, View } from '@tarojs/components';
import { Price } from '@nutui/nutui-react-taro';
import type { Fen } from '../../api';
import { formatFen } from '../../utils/money';
import './index.scss';

interface Props {
  priceFen: Fen;
  originalPriceFen?: Fen | null;
  /** The caller's member price (the server's); shown instead of `priceFen`, which is then struck through. */
  memberPriceFen?: Fen | null;
  /** Other SKUs cost more: the price is a "from" price (起). */
  from?: boolean;
  size?: 'small' | 'normal' | 'large' | 'xlarge';
  id?: string;
  className?: string;
}

/**
 * A server-computed price: the member's price with 会员价 and the list price struck through when the
 * server sent one, else the price with its crossed-out original; 起 when other SKUs cost more.
 */
export function PriceLine({ priceFen, originalPriceFen, memberPriceFen, from, size = 'normal', id, className }: Props) {
  const member = memberPriceFen != null && memberPriceFen < priceFen;
  const now = member ? memberPriceFen : priceFen;
  const was = member ? priceFen : originalPriceFen;
  return (
    <View className={`price-line ${className ?? ''}`} id={id}>
      <Price price={formatFen(now)} size={size} thousands className="price-line__now" />
      {from && <Text className="price-line__from">起</Text>}
      {member && <Text className="price-line__member">会员价</Text>}
      {was != null && was > now && (
        <Price price={formatFen(was)} size="small" line color="#B3AAA3" className="price-line__was" />
      )}
    </View>
  );
}
