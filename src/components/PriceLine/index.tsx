import { View } from '@tarojs/components';
import { Price } from '@nutui/nutui-react-taro';
import type { Fen } from '../../api';
import { formatFen } from '../../utils/money';
import './index.scss';

interface Props {
  priceFen: Fen;
  originalPriceFen?: Fen | null;
  size?: 'small' | 'normal' | 'large' | 'xlarge';
  id?: string;
  className?: string;
}

/** A server-computed price, with the crossed-out original price when there is one. */
export function PriceLine({ priceFen, originalPriceFen, size = 'normal', id, className }: Props) {
  return (
    <View className={`price-line ${className ?? ''}`} id={id}>
      <Price price={formatFen(priceFen)} size={size} thousands className="price-line__now" />
      {originalPriceFen != null && originalPriceFen > priceFen && (
        <Price price={formatFen(originalPriceFen)} size="small" line color="#B3AAA3" className="price-line__was" />
      )}
    </View>
  );
}
