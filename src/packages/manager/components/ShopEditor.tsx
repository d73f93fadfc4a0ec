import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button } from '@nutui/nutui-react-taro';
import type { ActionInput, ManagerShop } from '../../../../cloudfunctions/core/contract';
import { call, toastError } from '../../../api';
import { useRemote } from '../../../hooks/useRemote';
import { FormRow } from '../../../components/FormRow';
import { Chips } from './Chips';

type SaveInput = ActionInput<'manager.saveShop'>;
const COORD = /^-?\d{1,3}(\.\d{1,8})?$/;

interface Props {
  shop: ManagerShop | null;
  busy: boolean;
  onSave: (input: SaveInput) => void;
}

/** The map position: WeChat's map picker where the platform has one (weapp), typed coordinates anywhere. */
async function pickOnMap(): Promise<Taro.chooseLocation.SuccessCallbackResult | null> {
  try {
    return await Taro.chooseLocation({});
  } catch (err) {
    // Closing the map without choosing is not an error worth a toast.
    if (!/cancel/i.test(String((err as { errMsg?: string })?.errMsg ?? err))) toastError(err);
    return null;
  }
}

/** 门店编辑: name, address, hours, phone, map position and the welcome coupon a new visitor receives. */
export function ShopEditor({ shop, busy, onSave }: Props) {
  const [f, setF] = useState({
    name: shop?.name ?? '',
    address: shop?.address ?? '',
    hours: shop?.hours ?? '',
    phone: shop?.phone ?? '',
    latitude: shop?.latitude?.toString() ?? '',
    longitude: shop?.longitude?.toString() ?? '',
  });
  const [templateId, setTemplateId] = useState<string>(shop?.welcomeTemplateId ?? '');
  const templates = useRemote(() => call('manager.listCouponTemplates', {}), []);
  const set = (k: keyof typeof f) => (v: string) => setF((old) => ({ ...old, [k]: v }));
  const located = COORD.test(f.latitude.trim()) && COORD.test(f.longitude.trim());
  const unlocated = !f.latitude.trim() && !f.longitude.trim();
  const valid = f.name.trim() && (located || unlocated) && /^(|[0-9][0-9-]{4,19})$/.test(f.phone.trim());
  const options = [
    { value: '', label: '不送券' },
    ...(templates.data?.items ?? [])
      .filter((t) => t.active || t.templateId === templateId)
      .map((t) => ({ value: t.templateId, label: t.title })),
  ];
  const chooseOnMap = async () => {
    const at = await pickOnMap();
    if (!at) return;
    setF((old) => ({
      ...old,
      address: old.address || at.address,
      latitude: at.latitude.toFixed(6),
      longitude: at.longitude.toFixed(6),
    }));
  };
  const submit = () =>
    valid &&
    onSave({
      ...(shop ? { shopId: shop.shopId } : {}),
      name: f.name.trim(),
      address: f.address.trim(),
      hours: f.hours.trim(),
      phone: f.phone.trim(),
      location: located ? `${f.latitude.trim()},${f.longitude.trim()}` : null,
      welcomeTemplateId: templateId || null,
    });
  return (
    <View className="ship-form m-editor" id="shop-editor">
      <Text className="m-editor__title">{shop ? `编辑门店 · ${shop.code}` : '新建门店'}</Text>
      <FormRow label="门店名称" id="shop-name" value={f.name} placeholder="如 青禾 静安店" onChange={set('name')} />
      <FormRow label="地址" id="shop-address" value={f.address} placeholder="门店地址" onChange={set('address')} />
      <FormRow label="营业时间" id="shop-hours" value={f.hours} placeholder="如 10:00-22:00" onChange={set('hours')} />
      <FormRow label="电话" id="shop-phone" value={f.phone} placeholder="如 021-52981234" onChange={set('phone')} />
      {process.env.TARO_ENV === 'weapp' ? (
        <Button block fill="outline" id="shop-map" onClick={() => void chooseOnMap()}>
          在地图上选择位置
        </Button>
      ) : null}
      <FormRow
        label="纬度"
        id="shop-latitude"
        value={f.latitude}
        placeholder="如 31.2243，选填"
        onChange={set('latitude')}
      />
      <FormRow
        label="经度"
        id="shop-longitude"
        value={f.longitude}
        placeholder="如 121.4466，选填"
        onChange={set('longitude')}
      />
      {!located && !unlocated ? <Text className="m-form__hint">经纬度须同时填写，如 31.2243 与 121.4466</Text> : null}
      <Text className="m-editor__label">新客到店礼券</Text>
      <Chips id="shop-welcome" options={options} value={templateId} onChange={setTemplateId} />
      <Button block type="primary" id="shop-save" loading={busy} disabled={!valid || busy} onClick={submit}>
        保存
      </Button>
    </View>
  );
}
