import { Image, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { Button, InputNumber, Popup } from '@nutui/nutui-react-taro';
import { mediaUrl, type ProductDetail, type Sku } from '../../../../api';
import { PriceLine } from '../../../../components/PriceLine';
import { MAX_LINE_QTY } from '../../../../stores/cart';
import { findSku, isValueInStock, specsText, type Selection } from './sku-select';
import './index.scss';

export type PickerMode = 'cart' | 'buy';

interface Props {
  product: ProductDetail;
  visible: boolean;
  mode: PickerMode;
  selection: Selection;
  onSelect: (sel: Selection) => void;
  onClose: () => void;
  onConfirm: (sku: Sku, qty: number, mode: PickerMode) => void;
}

/** Bottom sheet: spec groups as chips (sold-out values disabled), a stock-bounded qty stepper. */
export function SkuPicker({ product, visible, mode, selection, onSelect, onClose, onConfirm }: Props) {
  const [qty, setQty] = useState(1);
  const sku = findSku(product, selection);
  const maxQty = Math.min(sku?.stock ?? 0, MAX_LINE_QTY);

  useEffect(() => {
    if (maxQty > 0 && qty > maxQty) setQty(maxQty);
  }, [maxQty, qty]);

  const choose = (name: string, value: string) => {
    onSelect({ ...selection, [name]: selection[name] === value ? '' : value });
  };
  const canConfirm = !!sku && sku.stock > 0 && qty >= 1 && qty <= sku.stock;

  return (
    <Popup visible={visible} position="bottom" round closeable onClose={onClose} className="sku-picker">
      <View className="sku-picker__inner" id="sku-picker">
        <View className="sku-picker__head">
          <Image className="sku-picker__img" src={mediaUrl(product.images[0])} mode="aspectFill" />
          <View className="sku-picker__summary">
            {sku ? (
              <PriceLine
                id="sku-price"
                priceFen={sku.priceFen}
                originalPriceFen={sku.originalPriceFen}
                memberPriceFen={sku.memberPriceFen}
                size="large"
              />
            ) : (
              <Text className="sku-picker__hint">请选择规格</Text>
            )}
            <Text className="sku-picker__stock">
              {sku ? (sku.stock > 0 ? `库存 ${sku.stock} 件` : '暂时缺货') : ''}
            </Text>
            <Text className="sku-picker__chosen">已选：{specsText(selection, product) || '未选择'}</Text>
          </View>
        </View>
        {product.specGroups.map((g, gi) => (
          <View key={g.name} className="sku-picker__group">
            <Text className="sku-picker__group-name">{g.name}</Text>
            <View className="sku-picker__chips">
              {g.values.map((v, vi) => {
                const selected = selection[g.name] === v;
                const disabled = !isValueInStock(product, selection, g.name, v);
                return (
                  <View
                    key={v}
                    id={`sku-chip-${gi}-${vi}`}
                    className={`sku-chip ${selected ? 'is-selected' : ''} ${disabled ? 'is-disabled' : ''}`}
                    onClick={() => !disabled && choose(g.name, v)}
                  >
                    {v}
                  </View>
                );
              })}
            </View>
          </View>
        ))}
        <View className="sku-picker__qty">
          <Text className="sku-picker__group-name">数量</Text>
          <View id="sku-qty">
            <InputNumber
              value={qty}
              min={1}
              max={Math.max(1, maxQty)}
              disabled={!sku || sku.stock <= 0}
              onChange={(v) => setQty(Math.max(1, Number(v) || 1))}
            />
          </View>
        </View>
        <View className="sku-picker__footer">
          <Button
            block
            type="primary"
            id="sku-confirm"
            disabled={!canConfirm}
            onClick={() => sku && onConfirm(sku, qty, mode)}
          >
            {!sku ? '请选择规格' : sku.stock <= 0 ? '暂时缺货' : mode === 'buy' ? '立即购买' : '加入购物车'}
          </Button>
        </View>
      </View>
    </Popup>
  );
}
