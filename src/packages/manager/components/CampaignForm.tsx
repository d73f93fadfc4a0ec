import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Input, Popup, Switch } from '@nutui/nutui-react-taro';
import type { ActionInput } from '../../../../cloudfunctions/core/contract';
import { yuanInputToFen } from '../../../utils/yuan-input';
import { SkuPicker, type PickedSku } from './SkuPicker';

type CreateInput = ActionInput<'manager.createCampaign'>;

const int = (text: string) => (/^\d{1,7}$/.test(text.trim()) ? Number(text.trim()) : null);

interface Props {
  visible: boolean;
  busy: boolean;
  onClose: () => void;
  onSubmit: (input: CreateInput) => void;
}

/** 新建拼团: the product and spec (picked from the catalog), title, group price, team size, window, stock cap, per-member limit, days, virtual groups. */
export function CampaignForm({ visible, busy, onClose, onSubmit }: Props) {
  const [sku, setSku] = useState<PickedSku>();
  const [f, setF] = useState({
    title: '',
    price: '',
    teamSize: '2',
    windowHours: '24',
    stockCap: '100',
    limit: '1',
    days: '7',
  });
  const [allowVirtual, setAllowVirtual] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF((old) => ({ ...old, [k]: v }));
  const groupPriceFen = yuanInputToFen(f.price);
  const [teamSize, windowHours, stockCap, limit, days] = [f.teamSize, f.windowHours, f.stockCap, f.limit, f.days].map(
    int,
  );
  const valid = sku && f.title.trim() && groupPriceFen && teamSize && windowHours && stockCap && limit && days;
  const submit = () =>
    valid &&
    onSubmit({
      skuId: sku!.skuId,
      title: f.title.trim(),
      groupPriceFen: groupPriceFen!,
      teamSize: teamSize!,
      windowHours: windowHours!,
      stockCap: stockCap!,
      perMemberLimit: limit!,
      allowVirtual,
      durationDays: days!,
    });
  const row = (label: string, k: keyof typeof f, placeholder: string, type: 'text' | 'digit' | 'number' = 'text') => (
    <View className="ship-form__row">
      <Text className="ship-form__label">{label}</Text>
      <Input
        className="ship-form__input"
        id={`campaign-${k}`}
        type={type}
        placeholder={placeholder}
        value={f[k]}
        onChange={set(k)}
      />
    </View>
  );
  return (
    <Popup visible={visible} position="bottom" round closeable onClose={onClose} title="新建拼团活动">
      <View className="ship-form gb-form" id="campaign-form">
        <Text className="ship-form__label">选择商品与规格</Text>
        <SkuPicker
          picked={sku}
          onPick={(picked) => {
            setSku(picked);
            // A title to start from; the manager may change it.
            if (!f.title.trim()) set('title')(`${picked.productTitle} 拼团`);
          }}
        />
        {row('活动名称', 'title', '如 洁面乳 2人团')}
        {row('拼团价(元)', 'price', '须低于原价', 'digit')}
        {row('成团人数', 'teamSize', '2-10', 'number')}
        {row('成团时限(时)', 'windowHours', '默认 24', 'number')}
        {row('名额上限', 'stockCap', '最多售出份数', 'number')}
        {row('每人限购', 'limit', '默认 1', 'number')}
        {row('活动天数', 'days', '从现在起', 'number')}
        <View className="ship-form__row">
          <Text className="ship-form__label">未满自动成团</Text>
          <Switch checked={allowVirtual} onChange={setAllowVirtual} />
        </View>
        <Button block type="primary" id="campaign-submit" loading={busy} disabled={!valid || busy} onClick={submit}>
          创建活动
        </Button>
      </View>
    </Popup>
  );
}
