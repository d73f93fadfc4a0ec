import { Image, Text, View } from '@tarojs/components';
import { Checkbox, InputNumber } from '@nutui/nutui-react-taro';
import type { ServerCartLine } from '../../../../cloudfunctions/core/contract';
import { mediaUrl } from '../../../api';
import { PriceLine } from '../../../components/PriceLine';
import { openProduct } from '../../../components/ProductCard';
import { MAX_LINE_QTY } from '../../../stores/cart';

interface Props {
  line: ServerCartLine;
  onToggle: () => void;
  onQty: (qty: number) => void;
  onRemove: () => void;
}

/** One cart line: its tick, the server's view of the SKU (member price, stock, availability), the quantity. */
export function CartLineItem({ line, onToggle, onQty, onRemove }: Props) {
  const max = Math.max(1, Math.min(line.stock, MAX_LINE_QTY));
  return (
    <View className={`cart-line ${line.available ? '' : 'is-unavailable'}`} id={`cart-line-${line.skuId}`}>
      <View className="cart-line__check" id={`cart-check-${line.skuId}`} onClick={() => line.available && onToggle()}>
        <Checkbox checked={line.available && line.selected} disabled={!line.available} />
      </View>
      <Image
        className="cart-line__img"
        src={mediaUrl(line.image)}
        mode="aspectFill"
        onClick={() => openProduct(line.productId)}
      />
      <View className="cart-line__body">
        <View className="cart-line__top">
          <Text className="cart-line__title">{line.title}</Text>
          <Text className="cart-line__remove" id={`cart-remove-${line.skuId}`} onClick={onRemove}>
            删除
          </Text>
        </View>
        {line.specsText && <Text className="cart-line__specs">{line.specsText}</Text>}
        {!line.available && (
          <Text className="cart-line__warn">{line.stock > 0 ? `库存仅剩 ${line.stock} 件` : '已售罄或已下架'}</Text>
        )}
        <View className="cart-line__bottom">
          <PriceLine priceFen={line.unitPriceFen} memberPriceFen={line.memberPriceFen} className="cart-line__price" />
          <InputNumber
            className="cart-line__qty"
            value={line.qty}
            min={1}
            max={Math.max(max, line.qty > max ? line.qty : max)}
            onChange={(v) => onQty(Number(v) || 1)}
          />
        </View>
      </View>
    </View>
  );
}
