import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { Button, Cascader, Input, Switch, type CascaderOption } from '@nutui/nutui-react-taro';
import { ArrowRight } from '@nutui/icons-react-taro';
import type { Address, RegionList } from '../../../cloudfunctions/core/contract';
import { ApiError } from '../../api';

export type AddressFieldName = keyof Address;

/** The server's words per field, from a VALIDATION_FAILED or ADDRESS_REGION_INVALID answer. */
export function fieldMessages(err: unknown): Partial<Record<AddressFieldName | 'region', string>> {
  if (!(err instanceof ApiError)) return {};
  const issues = (err.details as { issues?: Array<{ path?: unknown; message?: unknown }> } | undefined)?.issues;
  const out: Partial<Record<AddressFieldName | 'region', string>> = {};
  for (const i of issues ?? []) {
    const path = String(i.path ?? '');
    const key = path === 'province' || path === 'city' || path === 'district' ? 'region' : path;
    if (['name', 'phone', 'detail', 'region'].includes(key) && typeof i.message === 'string')
      out[key as AddressFieldName | 'region'] ??= i.message;
  }
  return out;
}

/** The region list as the cascader's tree; a city without districts is a leaf. */
function toOptions(regions: RegionList): CascaderOption[] {
  return regions.provinces.map((p) => ({
    text: p.name,
    value: p.name,
    children: p.cities.map((c) => ({
      text: c.name,
      value: c.name,
      ...(c.districts.length ? { children: c.districts.map((d) => ({ text: d, value: d })) } : {}),
    })),
  }));
}

interface Props {
  value: Address;
  isDefault: boolean;
  regions: RegionList | undefined;
  errors: Partial<Record<AddressFieldName | 'region', string>>;
  saving: boolean;
  onChange: (a: Address) => void;
  onDefault: (v: boolean) => void;
  onSave: () => void;
}

function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <Text className="address-form__error" id={id}>
      {text}
    </Text>
  ) : null;
}

/** 收货人, 手机号, 所在地区 (province / city / district picker), 详细地址, 设为默认. */
export function AddressForm({ value, isDefault, regions, errors, saving, onChange, onDefault, onSave }: Props) {
  const [picking, setPicking] = useState(false);
  const options = useMemo(() => (regions ? toOptions(regions) : []), [regions]);
  const region = [value.province, value.city, value.district].filter(Boolean);
  const set = (key: AddressFieldName) => (v: string) => onChange({ ...value, [key]: v });
  return (
    <View className="address-form" id="address-form">
      <View className="address-form__row">
        <Text className="address-form__label">收货人</Text>
        <Input
          className="address-form__input"
          id="address-name"
          placeholder="姓名"
          value={value.name}
          maxLength={20}
          onChange={set('name')}
        />
      </View>
      <FieldError id="address-name-error" text={errors.name} />
      <View className="address-form__row">
        <Text className="address-form__label">手机号</Text>
        <Input
          className="address-form__input"
          id="address-phone"
          type="tel"
          placeholder="11 位手机号"
          value={value.phone}
          maxLength={11}
          onChange={set('phone')}
        />
      </View>
      <FieldError id="address-phone-error" text={errors.phone} />
      <View
        className="address-form__row address-form__region"
        id="address-region"
        onClick={() => regions && setPicking(true)}
      >
        <Text className="address-form__label">所在地区</Text>
        <Text className={`address-form__value ${region.length ? '' : 'is-empty'}`} id="address-region-text">
          {region.length ? region.join(' ') : regions ? '选择省 / 市 / 区' : '地区列表加载中…'}
        </Text>
        <ArrowRight size={12} color="#B3AAA3" />
      </View>
      <FieldError id="address-region-error" text={errors.region} />
      <View className="address-form__row">
        <Text className="address-form__label">详细地址</Text>
        <Input
          className="address-form__input"
          id="address-detail"
          placeholder="街道、楼栋、门牌号"
          value={value.detail}
          maxLength={120}
          onChange={set('detail')}
        />
      </View>
      <FieldError id="address-detail-error" text={errors.detail} />
      <View className="address-form__row" id="address-default-row">
        <Text className="address-form__label address-form__label--wide">设为默认地址</Text>
        <Switch id="address-default" checked={isDefault} onChange={onDefault} />
      </View>
      <Button type="primary" block className="address-form__save" id="address-save" loading={saving} onClick={onSave}>
        保存
      </Button>
      <Cascader
        visible={picking}
        title="选择所在地区"
        options={options}
        value={region}
        closeable
        onClose={() => setPicking(false)}
        onChange={(v) => {
          const [province = '', city = '', district = ''] = v.map(String);
          onChange({ ...value, province, city, district });
          setPicking(false);
        }}
      />
    </View>
  );
}
