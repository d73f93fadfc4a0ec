import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Input, Popup } from '@nutui/nutui-react-taro';
import type { ManagerSkuView } from '../../../../cloudfunctions/core/contract';
import { formatFen } from '../../../utils/money';
import { yuanInputToFen } from '../../../utils/yuan-input';
import '../../../styles/form-row.scss';

interface Props {
  sku: ManagerSkuView | undefined;
  busy: boolean;
  onClose: () => void;
  /** Only what changed; stock goes as from -> to so a sale meanwhile is not overwritten. */
  onSave: (change: { priceFen?: number; stock?: { from: number; to: number } }) => void;
}

/** 编辑规格: price in yuan and stock, in a bottom sheet. */
export function SkuEditor({ sku, busy, onClose, onSave }: Props) {
  const [price, setPrice] = useState(sku ? formatFen(sku.priceFen) : '');
  const [stock, setStock] = useState(sku ? String(sku.stock) : '');
  const save = () => {
    if (!sku) return;
    const priceFen = yuanInputToFen(price);
    const to = /^\d{1,7}$/.test(stock.trim()) ? Number(stock.trim()) : null;
    if (priceFen === null || priceFen <= 0) return void Taro.showToast({ title: '请输入正确的价格', icon: 'none' });
    if (to === null) return void Taro.showToast({ title: '请输入正确的库存', icon: 'none' });
    const change: { priceFen?: number; stock?: { from: number; to: number } } = {};
    if (priceFen !== sku.priceFen) change.priceFen = priceFen;
    if (to !== sku.stock) change.stock = { from: sku.stock, to };
    if (!change.priceFen && !change.stock) return onClose();
    onSave(change);
  };
  return (
    <Popup visible={!!sku} position="bottom" round closeable onClose={onClose} title="编辑规格">
      <View className="m-form" id="m-sku-form">
        <Text className="m-form__hint">{sku?.specsText}</Text>
        <View className="form-row">
          <Text className="form-row__label">价格（元）</Text>
          <Input className="form-row__input" id="m-sku-price" type="digit" value={price} onChange={setPrice} />
        </View>
        <View className="form-row">
          <Text className="form-row__label">库存</Text>
          <Input className="form-row__input" id="m-sku-stock" type="number" value={stock} onChange={setStock} />
        </View>
        <Button block type="primary" id="m-sku-save" loading={busy} disabled={busy} onClick={save}>
          保存
        </Button>
      </View>
    </Popup>
  );
}
